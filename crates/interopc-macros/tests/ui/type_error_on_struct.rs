use interopc_macros::ffi_type;

#[ffi_type(error)]
pub struct NotAnEnum {
    pub code: u32,
}

fn main() {}
