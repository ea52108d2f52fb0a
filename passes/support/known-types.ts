/**
 * Types interopc knows by name without seeing their source: primitives, the prelude, and the
 * standard library's and libc's C types. Paths are matched by their final segment once the path is
 * known to be external (std, core, alloc, libc).
 */
import type { KnownTypeName, PatternTypeName, PrimitiveName } from '../../compiler/hir.js';

export const primitiveTypes: ReadonlySet<string> = new Set([
  'bool', 'char', 'u8', 'u16', 'u32', 'u64', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize', 'f32', 'f64',
]);

/** Rust primitives without a C equivalent, diagnosed later. */
export const unsupportedPrimitives: ReadonlySet<string> = new Set(['u128', 'i128', 'str']);

/** C type aliases of `core::ffi`, `std::os::raw` and `libc` (x86_64 Linux). */
export const cTypeAliases: Readonly<Record<string, PrimitiveName>> = {
  c_void: 'c_void', c_char: 'c_char', c_schar: 'i8', c_uchar: 'u8', c_short: 'i16', c_ushort: 'u16', c_int: 'i32', c_uint: 'u32',
  c_long: 'i64', c_ulong: 'u64', c_longlong: 'i64', c_ulonglong: 'u64', c_float: 'f32', c_double: 'f64', size_t: 'usize', ssize_t: 'isize',
  int8_t: 'i8', int16_t: 'i16', int32_t: 'i32', int64_t: 'i64', uint8_t: 'u8', uint16_t: 'u16', uint32_t: 'u32', uint64_t: 'u64',
};

export const knownLibraryTypes: ReadonlySet<KnownTypeName> = new Set<KnownTypeName>([
  'Option', 'NonNull', 'PhantomData', 'ManuallyDrop', 'MaybeUninit', 'String', 'Vec', 'Box', 'Rc', 'Arc', 'HashMap', 'CString', 'CStr',
  'NonZero', 'Cell', 'UnsafeCell', 'Pin', 'PhantomPinned',
]);

/** `core::num::NonZeroU8` and its siblings: `NonZero<u8>` under their older names. */
export const nonZeroTypes: Readonly<Record<string, PrimitiveName>> = {
  NonZeroU8: 'u8', NonZeroU16: 'u16', NonZeroU32: 'u32', NonZeroU64: 'u64', NonZeroUsize: 'usize',
  NonZeroI8: 'i8', NonZeroI16: 'i16', NonZeroI32: 'i32', NonZeroI64: 'i64', NonZeroIsize: 'isize',
};

/** Names in scope everywhere without a `use` (the std prelude). */
export const preludeTypes: ReadonlySet<string> = new Set(['Option', 'Vec', 'String', 'Box']);

export const externalCrates: ReadonlySet<string> = new Set(['std', 'core', 'alloc', 'libc', 'interopc', 'interoptopus']);

/** Crates whose pattern types interopc knows: the support crate and Interoptopus. */
export const patternCrates: ReadonlySet<string> = new Set(['interopc', 'interoptopus']);

/** Pattern type names, in both spellings, by their final path segment. */
export const patternTypes: Readonly<Record<string, PatternTypeName>> = {
  Slice: 'Slice',
  SliceMut: 'SliceMut',
  FfiOption: 'FfiOption',
  Bool: 'Bool',
  AsciiPointer: 'AsciiPointer',
  CStrPointer: 'AsciiPointer',
  FFISlice: 'Slice',
  FFISliceMut: 'SliceMut',
  FFIOption: 'FfiOption',
  FFIBool: 'Bool',
};
