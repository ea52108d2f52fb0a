use interopc_macros::ffi_function;

#[ffi_function]
pub fn identity<T: Copy>(x: T) -> T {
    x
}

fn main() {}
