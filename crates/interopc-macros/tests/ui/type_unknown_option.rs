use interopc_macros::ffi_type;

#[ffi_type(opaqe)]
pub struct Handle {
    pub x: u32,
}

fn main() {}
