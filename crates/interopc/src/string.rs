//! `AsciiPointer`: a borrowed, nullable, NUL-terminated string.

use std::ffi::{CStr, c_char};
use std::marker::PhantomData;

/// A `const char*` that may be null, borrowed for `'a`.
///
/// Reading it never has undefined behaviour beyond the pointer itself being valid: null and
/// invalid UTF-8 are errors, not crashes.
///
/// ```
/// use interopc::{AsciiPointer, StrError};
/// let text = c"hello";
/// let p = AsciiPointer::from_c_str(text);
/// assert_eq!(p.as_str(), Ok("hello"));
/// assert_eq!(AsciiPointer::null().as_str(), Err(StrError::Null));
/// ```
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct AsciiPointer<'a> {
    ptr: *const c_char,
    _borrow: PhantomData<&'a CStr>,
}

/// Interoptopus' name for the same pattern.
pub type CStrPointer<'a> = AsciiPointer<'a>;

/// Why an [`AsciiPointer`] could not be read as `&str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrError {
    /// The pointer was null.
    Null,
    /// The bytes up to the NUL are not UTF-8; `valid_up_to` bytes are.
    NotUtf8 { valid_up_to: usize },
}

impl std::fmt::Display for StrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StrError::Null => write!(f, "the string pointer is null"),
            StrError::NotUtf8 { valid_up_to } => write!(f, "the string is not UTF-8 (valid up to byte {valid_up_to})"),
        }
    }
}

impl std::error::Error for StrError {}

impl<'a> AsciiPointer<'a> {
    pub const fn null() -> Self {
        AsciiPointer { ptr: std::ptr::null(), _borrow: PhantomData }
    }

    /// Points at a Rust C string (e.g. a `c"…"` literal, `'static` for returned strings).
    pub const fn from_c_str(s: &'a CStr) -> Self {
        AsciiPointer { ptr: s.as_ptr(), _borrow: PhantomData }
    }

    /// Points at bytes that end in NUL; an error when there is no NUL or one before the end.
    pub fn from_bytes_with_nul(bytes: &'a [u8]) -> Result<Self, std::ffi::FromBytesWithNulError> {
        CStr::from_bytes_with_nul(bytes).map(Self::from_c_str)
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    /// The raw pointer, for passing on.
    pub const fn as_ptr(&self) -> *const c_char {
        self.ptr
    }

    /// The string as a `CStr`, or `None` when null.
    pub fn as_c_str(&self) -> Option<&'a CStr> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: non-null pointers come from `from_c_str` or from foreign code that promised a
        // NUL-terminated string valid for `'a`.
        Some(unsafe { CStr::from_ptr(self.ptr) })
    }

    /// The string as UTF-8; null and invalid UTF-8 are errors.
    pub fn as_str(&self) -> Result<&'a str, StrError> {
        let c = self.as_c_str().ok_or(StrError::Null)?;
        c.to_str().map_err(|e| StrError::NotUtf8 { valid_up_to: e.valid_up_to() })
    }
}

impl Default for AsciiPointer<'_> {
    fn default() -> Self {
        Self::null()
    }
}

impl<'a> From<&'a CStr> for AsciiPointer<'a> {
    fn from(s: &'a CStr) -> Self {
        Self::from_c_str(s)
    }
}

impl std::fmt::Debug for AsciiPointer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_c_str() {
            None => write!(f, "AsciiPointer(null)"),
            Some(c) => write!(f, "AsciiPointer({c:?})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_and_bad_utf8_are_errors() {
        assert_eq!(AsciiPointer::null().as_str(), Err(StrError::Null));
        assert!(AsciiPointer::default().is_null());
        let bad = b"ab\xffcd\0";
        let p = AsciiPointer::from_bytes_with_nul(bad).unwrap();
        assert_eq!(p.as_str(), Err(StrError::NotUtf8 { valid_up_to: 2 }));
        assert_eq!(p.as_c_str().unwrap().to_bytes().len(), 5);
        assert!(AsciiPointer::from_bytes_with_nul(b"no nul").is_err());
    }

    #[test]
    fn reads_and_formats() {
        let p = AsciiPointer::from(c"héllo");
        assert_eq!(p.as_str(), Ok("héllo"));
        assert_eq!(format!("{p:?}"), "AsciiPointer(\"héllo\")");
        assert_eq!(StrError::Null.to_string(), "the string pointer is null");
        assert_eq!(std::mem::size_of::<CStrPointer>(), std::mem::size_of::<*const c_char>());
    }
}
