//! FFI pattern types for Rust libraries whose bindings `interopc` generates.
//!
//! Every type here has a plain C layout (`#[repr(C)]` or `#[repr(transparent)]`), so the C header
//! interopc writes describes it exactly, and a meaning the idiomatic bindings use: a [`Slice`]
//! becomes a `Span` in C#, a sequence in Python and a typed array in TypeScript; an [`FfiOption`]
//! becomes a nullable value; an error enum implementing [`FfiError`] becomes an exception.
//!
//! | Type | C layout | Meaning |
//! |---|---|---|
//! | [`Slice<'a, T>`] / [`SliceMut<'a, T>`] | `struct { const T* data; uint64_t len; }` | borrowed array |
//! | [`FfiOption<T>`] | `struct { T t; uint8_t is_some; }` | optional value |
//! | [`Bool`] | `uint8_t` | boolean of a fixed size |
//! | [`AsciiPointer<'a>`] | `const char*` (nullable) | borrowed NUL-terminated string |
//! | [`callback!`] types | nullable function pointer | typed callback |
//! | [`FfiError`] enums | integer | error code with `SUCCESS`, `NULL`, `PANIC` |
//!
//! The crate has no dependencies. The attribute macros (`#[ffi_type]`, `#[ffi_function]`,
//! `#[ffi_service]`, …) live in `interopc-macros`.

mod bool;
mod callback;
mod error;
mod option;
mod slice;
mod string;

pub use bool::Bool;
pub use error::{FfiError, panic_message};
pub use option::FfiOption;
pub use slice::{Slice, SliceMut};
pub use string::{AsciiPointer, CStrPointer, StrError};

/// Support for code that `interopc-macros` generates. Not a stable API: do not call it directly.
#[doc(hidden)]
pub mod __private {
    pub use crate::error::{GuardByAbort, GuardByError, Returns, guard_abort, guard_default, guard_error};
}
