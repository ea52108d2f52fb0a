use interopc_macros::ffi_service;

pub struct Service;

#[ffi_service(prefix = "service_")]
impl Service {
    #[ffi_service_ctor]
    pub fn new() -> Self {
        Service
    }
}

fn main() {}
