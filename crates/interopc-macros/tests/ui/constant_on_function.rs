use interopc_macros::ffi_constant;

#[ffi_constant]
pub fn limit() -> u32 {
    8
}

fn main() {}
