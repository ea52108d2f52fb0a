use interopc_macros::ffi_type;

#[ffi_type(name = "not an identifier")]
pub struct Point {
    pub x: u32,
}

fn main() {}
