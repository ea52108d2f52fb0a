//! The macros used for real: layouts, symbols, ABI and panic policies.

use interopc::FfiError;
use interopc_macros::{ffi_api_guard, ffi_constant, ffi_function, ffi_type};
use std::mem::{offset_of, size_of};

#[ffi_type]
pub struct Mixed {
    pub a: u8,
    pub b: u32,
    pub c: u16,
}

#[ffi_type(packed)]
pub struct Packed {
    pub a: u8,
    pub b: u32,
}

#[ffi_type(transparent)]
pub struct Meters(pub f64);

#[ffi_type(opaque)]
pub struct Hidden {
    _inner: Vec<u8>,
}

#[ffi_type(name = "Renamed", skip(marker))]
pub struct WithMarker {
    pub x: u32,
    pub marker: std::marker::PhantomData<u8>,
}

#[ffi_type(error)]
#[derive(Debug, PartialEq)]
pub enum Error {
    Ok = 0,
    Null = 1,
    Panic = 2,
    Fail = 3,
}

#[ffi_type(patterns(ffi_error))]
#[derive(Debug, PartialEq, Clone, Copy)]
pub enum LegacyError {
    Success = 0,
    Null = 100,
    Panic = 200,
}

#[ffi_type]
#[repr(u8)]
pub enum Small {
    A = 1,
    B = 2,
}

#[ffi_constant]
pub const LIMIT: u32 = 8;

#[ffi_function]
pub fn add_one(x: u32) -> u32 {
    x.wrapping_add(1)
}

#[ffi_function]
pub fn fails_on_zero(x: u32) -> Error {
    if x == 0 {
        return Error::Fail;
    }
    Error::Ok
}

#[ffi_function]
pub fn panics_with_error() -> Error {
    panic!("inside Rust");
}

#[ffi_function]
pub fn panics_with_legacy_error() -> LegacyError {
    panic!("inside Rust");
}

#[ffi_function(on_panic = "return_default")]
pub fn panics_with_default() -> u64 {
    panic!("inside Rust");
}

#[ffi_function]
#[ffi_api_guard]
pub fn api_guard() -> u64 {
    0x1234
}

#[test]
fn types_get_c_layouts() {
    assert_eq!(size_of::<Mixed>(), 12);
    assert_eq!(offset_of!(Mixed, b), 4);
    assert_eq!(offset_of!(Mixed, c), 8);
    assert_eq!(size_of::<Packed>(), 5);
    assert_eq!(size_of::<Meters>(), 8);
    assert_eq!(size_of::<Small>(), 1);
    assert_eq!(size_of::<WithMarker>(), 4);
    let _ = std::mem::size_of::<Hidden>();
}

#[test]
fn error_enums_implement_the_contract() {
    assert_eq!(Error::SUCCESS, Error::Ok);
    assert_eq!(Error::NULL, Error::Null);
    assert_eq!(Error::PANIC, Error::Panic);
    assert_eq!(LegacyError::SUCCESS, LegacyError::Success);
    assert_eq!(LegacyError::PANIC as i32, 200);
    assert_eq!(LIMIT, 8);
}

#[test]
fn functions_are_extern_c_and_behave() {
    let f: extern "C" fn(u32) -> u32 = add_one;
    assert_eq!(f(41), 42);
    let g: extern "C" fn(u32) -> Error = fails_on_zero;
    assert_eq!(g(0), Error::Fail);
    assert_eq!(g(1), Error::Ok);
    let h: extern "C" fn() -> u64 = api_guard;
    assert_eq!(h(), 0x1234);
}

#[test]
fn panics_become_the_error_value_or_the_default() {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    assert_eq!(panics_with_error(), Error::Panic);
    assert_eq!(panics_with_legacy_error(), LegacyError::Panic);
    assert_eq!(panics_with_default(), 0);
    std::panic::set_hook(quiet);
}

unsafe extern "C" {
    /// The symbol the macro exported unmangled, looked up by its plain name.
    #[link_name = "add_one"]
    fn add_one_by_symbol(x: u32) -> u32;
}

#[test]
fn symbols_are_unmangled() {
    assert_eq!(unsafe { add_one_by_symbol(1) }, 2);
}
