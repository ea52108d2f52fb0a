use interopc_macros::ffi_type;

#[ffi_type(transparent, packed)]
pub struct Wrapper(pub u32);

fn main() {}
