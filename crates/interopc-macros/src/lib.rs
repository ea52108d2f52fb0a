//! Attribute macros for Rust libraries whose bindings `interopc` generates.
//!
//! The macros make a library's items FFI-ready (`repr(C)`, `extern "C"`, `no_mangle`, panic
//! guards) and mark them for interopc, which reads the same attributes from the source. A misused
//! attribute is a compile error at the offending token that says what to write instead.
//!
//! ```ignore
//! use interopc::FfiError;
//! use interopc_macros::{ffi_function, ffi_type};
//!
//! #[ffi_type]
//! pub struct Vec3 { pub x: f32, pub y: f32, pub z: f32 }
//!
//! #[ffi_type(error)]
//! pub enum Error { Ok = 0, Null = 1, Panic = 2, Fail = 3 }
//!
//! #[ffi_function]
//! pub fn length(v: Vec3) -> f32 { (v.x * v.x + v.y * v.y + v.z * v.z).sqrt() }
//! ```

mod constant;
mod function;
mod options;
mod service;
mod ty;

use proc_macro::TokenStream;

/// Makes a struct, enum or union FFI-ready: adds `#[repr(C)]` unless a `repr` is written.
///
/// Options: `opaque` (no layout: used only behind pointers), `transparent`, `packed`,
/// `name = "Emitted"`, `error` (an error enum: implements `interopc::FfiError`; needs variants
/// `Ok`/`Success`, `Null`, `Panic`), `skip(field, …)` (fields the bindings leave out), and
/// Interoptopus' `patterns(ffi_error)` for `error`.
#[proc_macro_attribute]
pub fn ffi_type(attr: TokenStream, item: TokenStream) -> TokenStream {
    ty::expand(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Exports a function: adds `#[unsafe(no_mangle)]` and `extern "C"`, and stops panics at the
/// boundary. A function returning an `FfiError` enum returns its `PANIC` value; any other aborts
/// with a message, unless `on_panic = "return_default"` (returns `Default::default()`).
/// `on_panic = "ffi_error"` and `"abort"` state the policy explicitly.
#[proc_macro_attribute]
pub fn ffi_function(attr: TokenStream, item: TokenStream) -> TokenStream {
    function::expand(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Marks a `const` for export; interopc evaluates its value.
#[proc_macro_attribute]
pub fn ffi_constant(attr: TokenStream, item: TokenStream) -> TokenStream {
    constant::constant(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Marks the function (with `#[ffi_function]`, returning `u64`) that returns the API hash the
/// bindings check when they load the library.
#[proc_macro_attribute]
pub fn ffi_api_guard(attr: TokenStream, item: TokenStream) -> TokenStream {
    constant::api_guard(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Exports an `impl` as a service: `extern "C"` constructor, method and `destroy` shims over an
/// opaque handle (`contracts.md` §5). Options: `error = "ErrorEnum"` (required), `prefix = "…"`
/// (default: the type's name in snake case plus `_`). Mark constructors `#[ffi_service_ctor]`;
/// every other `pub` method with `&self`/`&mut self` is exported unless marked
/// `#[ffi_service_method(ignore)]`; `#[ffi_service_method(on_panic = "…")]` sets its panic policy.
#[proc_macro_attribute]
pub fn ffi_service(attr: TokenStream, item: TokenStream) -> TokenStream {
    service::expand(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Marks a service constructor (only inside an `#[ffi_service]` impl).
#[proc_macro_attribute]
pub fn ffi_service_ctor(_attr: TokenStream, item: TokenStream) -> TokenStream {
    service::stray("ffi_service_ctor", item.into()).into()
}

/// Sets a service method's options: `ignore`, `on_panic = "ffi_error" | "return_default" | "abort"`
/// (only inside an `#[ffi_service]` impl).
#[proc_macro_attribute]
pub fn ffi_service_method(_attr: TokenStream, item: TokenStream) -> TokenStream {
    service::stray("ffi_service_method", item.into()).into()
}
