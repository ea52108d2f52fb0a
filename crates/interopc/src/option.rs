//! `FfiOption<T>`: an optional value with a C layout.

/// An optional `T` as `struct { T t; uint8_t is_some; }`.
///
/// `Option<T>` has a C layout only for pointer-like `T`; this works for any `#[repr(C)]` `T`.
/// When `is_some` is 0 the value in `t` is meaningless (it is `T::default()` when Rust made it).
///
/// ```
/// use interopc::FfiOption;
/// let some = FfiOption::some(5u32);
/// assert_eq!(some.into_option(), Some(5));
/// let none: FfiOption<u32> = None.into();
/// assert_eq!(none.unwrap_or(7), 7);
/// ```
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FfiOption<T> {
    t: T,
    is_some: u8,
}

impl<T> FfiOption<T> {
    /// An option holding `t`.
    pub const fn some(t: T) -> Self {
        FfiOption { t, is_some: 1 }
    }

    /// An empty option (`t` is `T::default()`, so foreign code never reads uninitialized memory).
    pub fn none() -> Self
    where
        T: Default,
    {
        FfiOption { t: T::default(), is_some: 0 }
    }

    /// True when a value is present (any nonzero `is_some` byte).
    pub const fn is_some(&self) -> bool {
        self.is_some != 0
    }

    pub const fn is_none(&self) -> bool {
        !self.is_some()
    }

    pub fn as_ref(&self) -> Option<&T> {
        if self.is_some() { Some(&self.t) } else { None }
    }

    pub fn as_mut(&mut self) -> Option<&mut T> {
        if self.is_some() { Some(&mut self.t) } else { None }
    }

    pub fn into_option(self) -> Option<T> {
        if self.is_some() { Some(self.t) } else { None }
    }

    /// The value, or `default` when there is none.
    pub fn unwrap_or(self, default: T) -> T {
        self.into_option().unwrap_or(default)
    }
}

impl<T: Default> Default for FfiOption<T> {
    fn default() -> Self {
        Self::none()
    }
}

impl<T: Default> From<Option<T>> for FfiOption<T> {
    fn from(option: Option<T>) -> Self {
        match option {
            Some(t) => Self::some(t),
            None => Self::none(),
        }
    }
}

impl<T> From<FfiOption<T>> for Option<T> {
    fn from(option: FfiOption<T>) -> Self {
        option.into_option()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[repr(C)]
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    struct Inner {
        x: f32,
    }

    #[test]
    fn conversions() {
        let some: FfiOption<Inner> = Some(Inner { x: 1.5 }).into();
        assert!(some.is_some());
        assert_eq!(some.as_ref(), Some(&Inner { x: 1.5 }));
        assert_eq!(Option::from(some), Some(Inner { x: 1.5 }));
        let none = FfiOption::<Inner>::default();
        assert!(none.is_none());
        assert_eq!(none.into_option(), None);
        assert_eq!(none.unwrap_or(Inner { x: 2.0 }), Inner { x: 2.0 });
    }

    #[test]
    fn any_nonzero_flag_is_some_and_mut_access() {
        let mut o = FfiOption { t: 3u8, is_some: 9 };
        assert!(o.is_some());
        *o.as_mut().unwrap() = 4;
        assert_eq!(o.into_option(), Some(4));
    }

    #[test]
    fn layout_is_value_then_flag() {
        assert_eq!(std::mem::size_of::<FfiOption<u32>>(), 8);
        assert_eq!(std::mem::offset_of!(FfiOption<u32>, is_some), 4);
        assert_eq!(std::mem::size_of::<FfiOption<Inner>>(), 8);
    }
}
