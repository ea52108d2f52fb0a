use interopc_macros::ffi_api_guard;

#[ffi_api_guard]
pub fn api_guard() -> u32 {
    1
}

fn main() {}
