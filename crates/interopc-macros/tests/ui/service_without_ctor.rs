use interopc_macros::{ffi_service, ffi_type};

#[ffi_type(error)]
pub enum Error {
    Ok = 0,
    Null = 1,
    Panic = 2,
}

pub struct Service;

#[ffi_service(error = "Error")]
impl Service {
    pub fn get(&self) -> u32 {
        1
    }
}

fn main() {}
