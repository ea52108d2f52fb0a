//! `#[ffi_service]`: the shims of `contracts.md` §5, called the way foreign code calls them.

use interopc::{AsciiPointer, Slice};
use interopc_macros::{ffi_service, ffi_type};
use std::ptr::null_mut;

#[ffi_type(error)]
#[derive(Debug, PartialEq)]
pub enum Error {
    Ok = 0,
    Null = 1,
    Panic = 2,
    Fail = 3,
}

pub struct Counter {
    value: u32,
    name: String,
}

#[ffi_service(error = "Error", prefix = "counter_")]
impl Counter {
    #[ffi_service_ctor]
    pub fn new_with(value: u32) -> Result<Self, Error> {
        Ok(Counter { value, name: String::new() })
    }

    #[ffi_service_ctor]
    pub fn new_failing(code: u8) -> Result<Self, Error> {
        let _ = code;
        Err(Error::Fail)
    }

    #[ffi_service_ctor]
    pub fn new_named(name: AsciiPointer) -> Self {
        Counter { value: 0, name: name.as_str().unwrap_or("?").to_owned() }
    }

    pub fn get(&self) -> u32 {
        self.value
    }

    pub fn add(&mut self, values: Slice<u32>) -> Result<(), Error> {
        if values.is_empty() {
            return Err(Error::Fail);
        }
        self.value += values.iter().sum::<u32>();
        Ok(())
    }

    pub fn checked_half(&self) -> Result<u32, Error> {
        if self.value % 2 == 1 { Err(Error::Fail) } else { Ok(self.value / 2) }
    }

    pub fn name_length(&self) -> u32 {
        self.name.len() as u32
    }

    #[ffi_service_method(on_panic = "return_default")]
    pub fn panics_default(&self) -> u32 {
        panic!("inside a method")
    }

    pub fn panics_error(&self) -> Result<(), Error> {
        panic!("inside a method")
    }

    #[ffi_service_method(ignore)]
    pub fn not_exported(&self) -> u32 {
        self.value
    }
}

#[test]
fn constructors_methods_and_destroy() {
    let mut handle: *mut Counter = null_mut();
    assert_eq!(counter_new_with(&mut handle, 4), Error::Ok);
    assert!(!handle.is_null());
    assert_eq!(counter_get(handle), 4);
    let values = [1u32, 2, 3];
    assert_eq!(counter_add(handle, Slice::from(&values)), Error::Ok);
    assert_eq!(counter_get(handle), 10);
    assert_eq!(counter_add(handle, Slice::empty()), Error::Fail);
    let mut half = 0u32;
    assert_eq!(counter_checked_half(handle, &mut half), Error::Ok);
    assert_eq!(half, 5);
    assert_eq!(counter_add(handle, Slice::from(&[1u32])), Error::Ok);
    assert_eq!(counter_checked_half(handle, &mut half), Error::Fail);
    assert_eq!(counter_checked_half(handle, null_mut()), Error::Null);
    assert_eq!(counter_destroy(&mut handle), Error::Ok);
    assert!(handle.is_null());
    // A second destroy sees the nulled handle: `Null`, not a double free.
    assert_eq!(counter_destroy(&mut handle), Error::Null);
    assert_eq!(counter_destroy(null_mut()), Error::Null);
}

#[test]
fn failing_and_infallible_constructors() {
    let mut handle: *mut Counter = null_mut();
    assert_eq!(counter_new_failing(&mut handle, 1), Error::Fail);
    assert!(handle.is_null());
    assert_eq!(counter_new_with(null_mut(), 1), Error::Null);
    assert_eq!(counter_new_named(&mut handle, AsciiPointer::from(c"abc")), Error::Ok);
    assert_eq!(counter_name_length(handle), 3);
    assert_eq!(counter_destroy(&mut handle), Error::Ok);
}

#[test]
fn null_handles_and_panics() {
    assert_eq!(counter_add(null_mut(), Slice::empty()), Error::Null);
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut handle: *mut Counter = null_mut();
    assert_eq!(counter_new_with(&mut handle, 2), Error::Ok);
    assert_eq!(counter_panics_default(handle), 0);
    assert_eq!(counter_panics_error(handle), Error::Panic);
    std::panic::set_hook(quiet);
    assert_eq!(counter_destroy(&mut handle), Error::Ok);
}
