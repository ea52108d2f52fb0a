import test from 'ava';
import { compile } from '../test/support/compile.js';

const fn = (params: string, prelude = '') => compile(`${prelude}\n#[unsafe(no_mangle)] pub extern "C" fn f(${params}) {}`).messages.map((m) => m.split(' ')[0]);

test('C-compatible signatures pass', (t) => {
  t.deepEqual(fn('a: u8, b: *const Opaque, c: Option<&u32>, d: Option<extern "C" fn()>, e: &mut [u8; 4], f: core::ptr::NonNull<u8>, g: Option<core::ptr::NonNull<u8>>', 'pub struct Opaque { v: Vec<u8> }'), []);
});

test('standard wrappers: NonZero takes integers only, a marker needs a pointer, Option takes NonZero', (t) => {
  const prelude = 'use std::num::NonZero; use std::marker::PhantomPinned; use std::cell::Cell;';
  t.deepEqual(fn('a: Option<NonZero<u64>>, b: *mut PhantomPinned, c: Cell<NonZero<i32>>', prelude), []);
  t.deepEqual(fn('a: NonZero<f32>, b: PhantomPinned, c: Cell<String>', prelude), ['IC2203', 'IC2204', 'IC2202']);
});

test('Box<T> is an owned non-null pointer, Option<Box<T>> a nullable one; a Box of a fat type is not', (t) => {
  t.deepEqual(fn('a: Box<u8>, b: Option<Box<Plain>>', '#[repr(C)] pub struct Plain { x: u8 }'), []);
  t.deepEqual(fn('a: Box<str>, b: Box<[u8]>, c: Box<String>'), ['IC2203', 'IC2203', 'IC2202']);
});

test('every FFI problem is reported, each once', (t) => {
  t.deepEqual(fn('a: String, b: Vec<u8>, c: &str, d: &[u8], e: (u8, u8), f: u128, g: fn(), h: Option<u32>, i: Missing, j: Plain', 'pub struct Plain { x: u8 }'), [
    'IC2202', 'IC2202', 'IC2203', 'IC2203', 'IC2203', 'IC2203', 'IC2203', 'IC2203', 'IC2001', 'IC2201',
  ]);
});

test('problems inside generic instances and fields are found through substitution', (t) => {
  const r = compile('#[repr(C)] pub struct W<T> { pub inner: T }\n#[unsafe(no_mangle)] pub extern "C" fn f(ok: W<u8>, bad: W<String>) {}');
  t.deepEqual(r.messages.map((m) => m.split(' ')[0]), ['IC2202']);
  t.true(r.diagnostics[0]?.notes?.some((n) => n.includes('field `inner` of `crate::W`')) ?? false);
});
