//! The `callback!` macro: typed, nullable C function pointers.

/// Declares a callback type: a nullable `extern "C"` function pointer with a safe `call`.
///
/// ```
/// use interopc::callback;
///
/// callback!(
///     /// Maps one byte to another.
///     MapByte(value: u8) -> u8
/// );
/// callback!(Notify(code: u32));
///
/// extern "C" fn double(v: u8) -> u8 { v.wrapping_mul(2) }
///
/// let cb = MapByte::new(double);
/// assert_eq!(cb.call(21), Some(42));
/// assert_eq!(MapByte::NULL.call(21), None);
/// assert!(Notify::default().is_null());
/// ```
///
/// The type is `#[repr(transparent)]` over `Option<extern "C" fn(…)>`, so in C it is exactly a
/// function pointer that may be null. Parameters can be any FFI type, including `*const c_void`
/// for a user-data context and the crate's pattern types.
#[macro_export]
macro_rules! callback {
    ($(#[$meta:meta])* $name:ident($($param:ident: $ty:ty),* $(,)?) $(-> $ret:ty)?) => {
        $(#[$meta])*
        #[repr(transparent)]
        #[derive(Clone, Copy)]
        pub struct $name(pub Option<extern "C" fn($($ty),*) $(-> $ret)?>);

        #[allow(dead_code)]
        impl $name {
            /// No function: `call` returns `None`.
            pub const NULL: Self = $name(None);

            pub const fn new(f: extern "C" fn($($ty),*) $(-> $ret)?) -> Self {
                $name(Some(f))
            }

            pub const fn is_null(&self) -> bool {
                self.0.is_none()
            }

            /// Calls the function, or returns `None` when it is null.
            pub fn call(&self, $($param: $ty),*) -> Option<$crate::__callback_return!($($ret)?)> {
                self.0.map(|f| f($($param),*))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::NULL
            }
        }

        impl From<extern "C" fn($($ty),*) $(-> $ret)?> for $name {
            fn from(f: extern "C" fn($($ty),*) $(-> $ret)?) -> Self {
                Self::new(f)
            }
        }
    };
}

/// The return type of a `callback!` declaration: `()` when it has none.
#[doc(hidden)]
#[macro_export]
macro_rules! __callback_return {
    () => { () };
    ($ret:ty) => { $ret };
}

#[cfg(test)]
mod tests {
    use crate::Slice;
    use std::ffi::c_void;

    callback!(SumSlice(values: Slice<u32>) -> u32);
    callback!(WithContext(context: *const c_void, x: u8) -> u8);
    callback!(Nothing());

    extern "C" fn sum(values: Slice<u32>) -> u32 {
        values.iter().sum()
    }

    extern "C" fn add_context(context: *const c_void, x: u8) -> u8 {
        // SAFETY: the test passes a pointer to a live u8.
        x + unsafe { *(context as *const u8) }
    }

    extern "C" fn nothing() {}

    #[test]
    fn calls_through_and_null_is_none() {
        let data = [1, 2, 3];
        assert_eq!(SumSlice::new(sum).call(Slice::from(&data)), Some(6));
        assert_eq!(SumSlice::default().call(Slice::from(&data)), None);
        let five = 5u8;
        assert_eq!(WithContext::from(add_context as extern "C" fn(*const c_void, u8) -> u8).call(&five as *const u8 as *const c_void, 1), Some(6));
        assert_eq!(Nothing::new(nothing).call(), Some(()));
    }

    #[test]
    fn is_one_nullable_pointer() {
        assert_eq!(std::mem::size_of::<SumSlice>(), std::mem::size_of::<usize>());
        assert!(SumSlice::NULL.is_null());
    }
}
