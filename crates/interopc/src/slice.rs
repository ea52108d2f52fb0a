//! `Slice` and `SliceMut`: borrowed arrays with a C layout.

use std::marker::PhantomData;

/// A borrowed, read-only array: `struct { const T* data; uint64_t len; }`.
///
/// Foreign code may pass a null `data`; it reads as an empty slice, whatever `len` says.
///
/// ```
/// use interopc::Slice;
/// let numbers = [1u32, 2, 3];
/// let slice = Slice::from(&numbers[..]);
/// assert_eq!(slice.as_slice().iter().sum::<u32>(), 6);
/// assert!(Slice::<u32>::empty().is_empty());
/// ```
#[repr(C)]
pub struct Slice<'a, T> {
    data: *const T,
    len: u64,
    _borrow: PhantomData<&'a [T]>,
}

impl<'a, T> Slice<'a, T> {
    /// A slice of nothing (null data, zero length).
    pub const fn empty() -> Self {
        Slice { data: std::ptr::null(), len: 0, _borrow: PhantomData }
    }

    pub const fn from_slice(slice: &'a [T]) -> Self {
        Slice { data: slice.as_ptr(), len: slice.len() as u64, _borrow: PhantomData }
    }

    /// The elements. Null data or a zero length give `&[]`.
    pub fn as_slice(&self) -> &'a [T] {
        if self.data.is_null() || self.len == 0 {
            return &[];
        }
        // SAFETY: a non-null slice came from `from_slice` or from foreign code that promised
        // `len` readable elements at `data`, borrowed for `'a`.
        unsafe { std::slice::from_raw_parts(self.data, self.len as usize) }
    }

    /// Number of elements (0 for null data).
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T> Clone for Slice<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slice<'_, T> {}

impl<T> Default for Slice<'_, T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<'a, T> From<&'a [T]> for Slice<'a, T> {
    fn from(slice: &'a [T]) -> Self {
        Self::from_slice(slice)
    }
}

impl<'a, T, const N: usize> From<&'a [T; N]> for Slice<'a, T> {
    fn from(array: &'a [T; N]) -> Self {
        Self::from_slice(array)
    }
}

impl<T> std::ops::Deref for Slice<'_, T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Slice<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// A borrowed, writable array: `struct { T* data; uint64_t len; }`.
///
/// ```
/// use interopc::SliceMut;
/// let mut bytes = [0u8; 4];
/// let mut slice = SliceMut::from(&mut bytes[..]);
/// slice.as_slice_mut().fill(7);
/// assert_eq!(bytes, [7; 4]);
/// ```
#[repr(C)]
pub struct SliceMut<'a, T> {
    data: *mut T,
    len: u64,
    _borrow: PhantomData<&'a mut [T]>,
}

impl<'a, T> SliceMut<'a, T> {
    /// A slice of nothing (null data, zero length).
    pub const fn empty() -> Self {
        SliceMut { data: std::ptr::null_mut(), len: 0, _borrow: PhantomData }
    }

    pub fn from_slice(slice: &'a mut [T]) -> Self {
        SliceMut { data: slice.as_mut_ptr(), len: slice.len() as u64, _borrow: PhantomData }
    }

    pub fn as_slice(&self) -> &[T] {
        if self.data.is_null() || self.len == 0 {
            return &[];
        }
        // SAFETY: as for `Slice::as_slice`; the shared borrow of `self` keeps writers out.
        unsafe { std::slice::from_raw_parts(self.data, self.len as usize) }
    }

    /// The elements, writable. Null data or a zero length give `&mut []`.
    pub fn as_slice_mut(&mut self) -> &mut [T] {
        if self.data.is_null() || self.len == 0 {
            return &mut [];
        }
        // SAFETY: foreign code (or `from_slice`) lent `len` writable elements at `data` for `'a`;
        // the exclusive borrow of `self` makes this the only access.
        unsafe { std::slice::from_raw_parts_mut(self.data, self.len as usize) }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T> Default for SliceMut<'_, T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<'a, T> From<&'a mut [T]> for SliceMut<'a, T> {
    fn from(slice: &'a mut [T]) -> Self {
        Self::from_slice(slice)
    }
}

impl<T> std::ops::Deref for SliceMut<'_, T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> std::ops::DerefMut for SliceMut<'_, T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_slice_mut()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for SliceMut<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_data_reads_as_empty_whatever_the_length() {
        let s: Slice<u32> = Slice { data: std::ptr::null(), len: 5, _borrow: PhantomData };
        assert!(s.as_slice().is_empty());
        assert_eq!(s.len(), 0);
        let mut m: SliceMut<u32> = SliceMut { data: std::ptr::null_mut(), len: 5, _borrow: PhantomData };
        assert!(m.as_slice_mut().is_empty());
    }

    #[test]
    fn reads_and_writes() {
        let values = [1.0f32, 2.0, 3.0];
        let s = Slice::from(&values);
        assert_eq!(&*s, &values[..]);
        assert_eq!(format!("{s:?}"), "[1.0, 2.0, 3.0]");
        let mut out = [0u8; 3];
        let mut m = SliceMut::from(&mut out[..]);
        m[1] = 9;
        assert_eq!(out, [0, 9, 0]);
    }

    #[test]
    fn layout_is_pointer_then_u64_length() {
        assert_eq!(std::mem::size_of::<Slice<u8>>(), 16);
        assert_eq!(std::mem::offset_of!(Slice<u8>, len), 8);
        assert_eq!(std::mem::size_of::<SliceMut<[u8; 3]>>(), 16);
    }
}
