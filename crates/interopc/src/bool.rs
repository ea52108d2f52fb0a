//! `Bool`: a boolean that is one byte on every side of the boundary.

/// A boolean stored as one byte (`uint8_t` in C): `0` is false, anything else is true.
///
/// Rust's `bool` is also one byte, but any byte other than 0 and 1 in a `bool` is undefined
/// behaviour. Foreign code may hand over any byte; reading it through `Bool` is always sound.
///
/// ```
/// use interopc::Bool;
/// assert!(Bool::from(true).is_true());
/// assert_eq!(bool::from(Bool::FALSE), false);
/// ```
#[repr(transparent)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bool {
    value: u8,
}

impl Bool {
    /// `1`.
    pub const TRUE: Bool = Bool { value: 1 };
    /// `0`.
    pub const FALSE: Bool = Bool { value: 0 };

    /// True for any byte but 0.
    pub const fn is_true(self) -> bool {
        self.value != 0
    }

    /// The byte as foreign code wrote it.
    pub const fn raw(self) -> u8 {
        self.value
    }
}

impl From<bool> for Bool {
    fn from(b: bool) -> Self {
        if b { Bool::TRUE } else { Bool::FALSE }
    }
}

impl From<Bool> for bool {
    fn from(b: Bool) -> Self {
        b.is_true()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_nonzero_byte_is_true() {
        for byte in 0..=255u8 {
            let b: Bool = unsafe { std::mem::transmute(byte) };
            assert_eq!(b.is_true(), byte != 0);
            assert_eq!(b.raw(), byte);
        }
    }

    #[test]
    fn round_trips_and_layout() {
        assert!(bool::from(Bool::from(true)));
        assert!(!bool::from(Bool::from(false)));
        assert_eq!(Bool::default(), Bool::FALSE);
        assert_eq!(std::mem::size_of::<Bool>(), 1);
    }
}
