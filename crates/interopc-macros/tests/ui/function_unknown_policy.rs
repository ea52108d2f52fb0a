use interopc_macros::ffi_function;

#[ffi_function(on_panic = "ignore")]
pub fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn main() {}
