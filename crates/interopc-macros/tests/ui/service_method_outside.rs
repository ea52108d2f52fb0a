use interopc_macros::ffi_service_ctor;

pub struct Service;

impl Service {
    #[ffi_service_ctor]
    pub fn new() -> Self {
        Service
    }
}

fn main() {}
