//! The error-enum contract and the panic guards the macros wrap exported functions in.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// An FFI error enum: an integer-sized enum whose values foreign code receives as error codes.
///
/// `#[ffi_type(error)]` implements it for an enum with variants `Ok = 0` (or `Success`), `Null` and
/// `Panic`; the idiomatic bindings turn every other value into an exception.
///
/// ```
/// use interopc::FfiError;
///
/// #[repr(C)]
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// enum Error { Ok = 0, Null = 1, Panic = 2, Fail = 3 }
///
/// impl FfiError for Error {
///     const SUCCESS: Self = Error::Ok;
///     const NULL: Self = Error::Null;
///     const PANIC: Self = Error::Panic;
/// }
///
/// assert_eq!(Error::from_result(Err(Error::Fail)), Error::Fail);
/// assert_eq!(Error::from_result(Ok(())), Error::Ok);
/// ```
pub trait FfiError: Copy + 'static {
    /// Success (value 0).
    const SUCCESS: Self;
    /// A null pointer was passed where a value was required.
    const NULL: Self;
    /// Rust panicked; the panic was caught at the boundary.
    const PANIC: Self;

    /// `SUCCESS` for `Ok(())`, the error itself otherwise.
    fn from_result(result: Result<(), Self>) -> Self {
        match result {
            Ok(()) => Self::SUCCESS,
            Err(e) => e,
        }
    }
}

/// The message of a caught panic (`"<non-string panic>"` when it carries another type).
pub fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "<non-string panic>"
    }
}

/// Runs `f`; a panic becomes `E::PANIC` (policy `ffi_error`).
pub fn guard_error<E: FfiError>(f: impl FnOnce() -> E) -> E {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(E::PANIC)
}

/// Runs `f`; a panic becomes `R::default()` (policy `return_default`).
pub fn guard_default<R: Default>(f: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_default()
}

/// Runs `f`; a panic aborts the process with a message naming `function` (policy `abort`):
/// unwinding into foreign frames is undefined behaviour, so it never happens.
pub fn guard_abort<R>(function: &str, f: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            eprintln!("interopc: `{function}` panicked ({}); aborting, as its panic policy says", panic_message(payload.as_ref()));
            std::process::abort()
        }
    }
}

/// Picks a panic guard by a function's return type, for `#[ffi_function]` without a policy:
/// `(&Returns::<R>::NEW).guard(…)` resolves to [`GuardByError`] when `R: FfiError` (method lookup
/// tries `&Returns<R>` before auto-referencing to `&&Returns<R>`), else to [`GuardByAbort`].
pub struct Returns<R>(std::marker::PhantomData<R>);

impl<R> Returns<R> {
    pub const NEW: Self = Returns(std::marker::PhantomData);
}

pub trait GuardByError<R> {
    fn guard(&self, function: &str, f: impl FnOnce() -> R) -> R;
}

impl<E: FfiError> GuardByError<E> for Returns<E> {
    fn guard(&self, _function: &str, f: impl FnOnce() -> E) -> E {
        guard_error(f)
    }
}

pub trait GuardByAbort<R> {
    fn guard(&self, function: &str, f: impl FnOnce() -> R) -> R;
}

impl<R> GuardByAbort<R> for &Returns<R> {
    fn guard(&self, function: &str, f: impl FnOnce() -> R) -> R {
        guard_abort(function, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum E {
        Ok,
        Null,
        Panic,
    }

    impl FfiError for E {
        const SUCCESS: Self = E::Ok;
        const NULL: Self = E::Null;
        const PANIC: Self = E::Panic;
    }

    #[test]
    fn guards_turn_panics_into_values() {
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        assert_eq!(guard_error(|| -> E { panic!("boom") }), E::Panic);
        assert_eq!(guard_error(|| E::Null), E::Null);
        assert_eq!(guard_default(|| -> u32 { panic!("boom") }), 0);
        assert_eq!(guard_default(|| 5u32), 5);
        assert_eq!(guard_abort("f", || 7), 7);
        std::panic::set_hook(quiet);
    }

    #[test]
    fn panic_messages() {
        let caught = catch_unwind(|| panic!("static")).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "static");
        let caught = catch_unwind(|| panic!("formatted {}", 1)).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "formatted 1");
        let caught = catch_unwind(|| std::panic::panic_any(5u8)).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "<non-string panic>");
        assert_eq!(E::from_result(Ok(())), E::Ok);
    }
}
