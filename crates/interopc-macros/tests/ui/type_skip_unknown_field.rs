use interopc_macros::ffi_type;

#[ffi_type(skip(markr))]
pub struct Tagged {
    pub x: u32,
    pub marker: std::marker::PhantomData<u8>,
}

fn main() {}
