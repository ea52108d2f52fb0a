use interopc_macros::ffi_function;

#[ffi_function]
pub async fn later() -> u32 {
    1
}

fn main() {}
