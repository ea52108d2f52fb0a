use interopc_macros::ffi_type;

#[ffi_type(error)]
pub enum Error {
    Ok = 0,
    Fail = 1,
}

fn main() {}
