import test from 'ava';
import type { TokenType } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from './ast.js';
import { parseFile } from './parse.js';
import { PrecomputedLookahead } from './lookahead.js';
import { lookaheadPaths } from './lookahead-paths.js';
import { parserBuilt, RustParser } from './parser.js';
import { scan } from './scanner.js';
import { fastExpression } from './fast-exprs.js';
import * as T from './token-types.js';
import { repoRoot } from '../../runtime-tests/support/paths.js';

/** A parser that counts the items its fast path took. */
class CountingParser extends RustParser {
  taken = 0;
  constructor(fast: boolean) {
    super(new PrecomputedLookahead(T.allTokens as TokenType[], lookaheadPaths), fast);
  }
  protected override fastItem(): Item | undefined {
    const item = super.fastItem();
    if (item) this.taken++;
    return item;
  }
}

const fast = new CountingParser(true);
const grammarOnly = new CountingParser(false);

/** A parse as JSON: key order and spans included (bigints as text). */
const json = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const serialized = (path: string, text: string, parser: RustParser, chunk = Infinity): string => json(parseFile({ path, absolutePath: path, text }, parser, chunk));

function rustFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.rs') && !(e.parentPath ?? e.path).includes('/target'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

test('every fixture parses to the same AST, spans, key order and diagnostics with the fast path as with the grammar alone', (t) => {
  const files = rustFiles(join(repoRoot, 'fixtures')).concat(rustFiles(join(repoRoot, 'crates')));
  t.true(files.length > 40);
  const before = fast.taken;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    for (const chunk of [Infinity, 64]) t.is(serialized(path, text, fast, chunk), serialized(path, text, grammarOnly, chunk), path);
  }
  // The comparison means something only if the fast path took a good share of the items.
  t.true(fast.taken - before > 400, `fast path took ${fast.taken - before} items`);
  t.is(grammarOnly.taken, 0);
});

/** Each entry: items, and how many of them the fast path reads (the others are the grammar's). */
const shapes: [string, number][] = [
  ['/// Doc.\n/** Block doc. */\n#[repr(C)]\n#[derive(Clone, Copy)]\npub struct A { /// Field doc.\n pub a: u8, b: *const u32, c: [f32; 4], d: &\'static str, }', 1],
  ['struct Empty {}', 1],
  ['#[repr(u8)] pub enum E { X = 1, #[doc = "y"] Y = 1 << 3, Z, W = (2 + 3) * 4, }', 1],
  ['pub const C: u32 = CONST_A * 2 + u8::MAX as u32;', 1],
  ['const _: () = ();', 1],
  ['pub type Callback = Option<extern "C" fn(x: u32, *const u8, ...) -> i32>;', 1],
  ['type T = (u8, (u16,), (), ::core::ffi::c_void, [u8], *mut *const Self);', 1],
  ['type Never = fn() -> !;', 1],
  ['type R<\'a> = &\'a mut u8;', 1],
  ['type R = &\'static mut Wrapper<\'static, Vec<u8>, [u8; N]>;', 1],
  ['#[unsafe(no_mangle)]\npub unsafe extern "C" fn f(#[allow(unused)] mut a: u32, cb: unsafe extern "C" fn(u8)) -> *mut u8 { let _ = (a, cb); loop {} }', 1],
  ['extern "C" fn g();', 1],
  ['pub extern r"C" fn raw() {}', 1],
  ['fn g<T>(t: T) {}', 1],
  ['fn h(x: u32) where u32: Copy {}', 1],
  ['const fn k() -> u32 { 1 }', 1],
  ['pub const fn triple_minus_one(x: i32) -> i32 {\n    x * 3 - 1\n}', 1],
  ['pub const unsafe fn u() -> u8 { let x = 1; x }', 1],
  ['pub async fn a() {}', 1],
  ['impl S { pub const fn new() -> Self { S } async fn go(&self) {} }', 1],
  ['pub(crate) struct P { a: u8 }', 1],
  ['pub(super) fn f(x: u8) {}\npub(self) const C: u8 = 1;\npub struct S { pub(crate) a: u8 }\npub struct T(pub(super) u8);', 4],
  ['pub(in crate::a) fn f() {}', 0],
  ['pub struct Q(pub (u8, u16));', 0],
  ['pub struct Generic<T> { t: T }', 1],
  ['pub struct Tuple(u8, u16);', 1],
  ['#[repr(transparent)]\npub struct Tuple(/// Doc.\n pub u8, #[allow(unused)] *const u16,);', 1],
  ['pub struct Unit;', 1],
  ['struct Empty();', 1],
  ['struct W(u8) where u8: Copy;', 1],
  ["pub struct N<'a, T> where T: AsRef<str> + 'a, 'a: 'a, { t: &'a T }", 1],
  ['struct U<T> where T: Copy;', 1],
  ['pub enum E<T> where T: ::core::fmt::Debug + ?Sized { A = 1 }', 1],
  ['union V<T> where T: Copy { t: T }', 1],
  ['fn w<T, U>(t: T) -> U where T: Into<U>, U: Default, { t.into() }', 1],
  ['impl<T> S<T> where Vec<T>: Clone, T: Send + Sync {}', 1],
  ['struct X<T>(T) where T: Fn(u8);', 1],
  ['fn hr<T>() where for<\'a> &\'a T: Copy {}', 0],
  ['struct Y<T> where { t: T }', 1],
  ['struct Z<T> where T: Copy (T);', 1],
  ['type A<T> where T: Copy = T;', 1],
  ['pub struct Restricted(pub(crate) u8);', 1],
  ['pub struct Generic<T>(T);', 1],
  ['pub struct S<\'a, T: Copy + \'static, U: ?Sized, const N: usize> { a: &\'a T, b: [u8; N], c: *const U }', 1],
  ['fn f<T: a::b::Trait + ?Sized + \'static,>() {}', 1],
  ['struct E<T:>(T);', 1],
  ['struct P<T: Copy + + Clone>(T);', 1],
  ['enum G<T> { A = 1 }', 1],
  ['struct B<T: Into<u8>>(T);', 1],
  ['struct D<T = u8>(T);', 0],
  ["struct L<'a: 'b, 'b>(&'a u8, &'b u8);", 0],
  ['struct C<const N: usize = 4>([u8; N]);', 0],
  ['struct F<T: Fn(u8)>(T);', 1],
  ['struct H<#[cfg(x)] T>(T);', 0],
  ['#[repr(C)]\npub union U { a: u32, /// Doc.\n pub b: f32 }', 1],
  ['union U<T> { t: T }', 1],
  ['pub static S: u32 = 4 * 2;', 1],
  ['static mut BYTES: [u8; 4] = [1, 2, 3, 4];', 1],
  ['pub static NAME: &str = "name";', 1],
  ['static NO_VALUE: u8;', 1],
  ['pub enum Data { A(u8), B { x: u16 } }', 1],
  ['#[repr(C, u8)]\npub enum Shape {\n    /// Doc.\n    Circle(f32) = 1,\n    Rect { w: f32, /// Height.\n h: f32, },\n    Empty,\n    Unit(),\n}', 1],
  ['enum V { pub A }', 0],
  ['pub struct S { a: Box<dyn Fn(u8) -> u8>, b: Option<impl Copy> }', 1],
  ["fn f(x: impl Into<u8> + Send + 'static, y: &mut dyn FnMut(&str) -> Result<(), ()>) -> impl Iterator<Item = u8> {}", 0],
  ["fn g(x: &dyn A + Send, y: Box<dyn Fn() -> impl Copy + Send>) -> impl Fn(u8) -> u8 + Clone { x }", 1],
  ['fn h(x: impl ~const Copy) {}', 0],
  ['fn i(x: Box<dyn for<\'a> Fn(&\'a u8)>) {}', 0],
  ['pub struct S { a: [u8; { 4 }], b: Array<u8, 4> }', 1],
  ['pub struct S { a: Array<u8, { N }> }', 0],
  ['pub struct S { a: Iter<Item = u8> }', 0],
  ['pub struct S { a: Vec::<u8> }', 0],
  ['pub struct S { a: for<\'a> fn(&\'a u8) }', 0],
  ['pub struct S { a: ty!(u8) }', 0],
  ['pub struct S { a: <T as Trait>::Out }', 0],
  ['impl S { pub fn m(&self) {} }', 1],
  ["impl S { fn a(self) {} fn b(mut self, x: u8) {} fn c(&'a self) -> u8 { 0 } fn d(&mut self) {} fn e(&'a mut self, mut y: u16) {} }", 1],
  ['impl Default for S { fn default() -> Self { S } }', 1],
  ['impl crate::a::Trait for [u8; 4] {\n    //! Inner doc.\n    #![allow(unused)]\n    const N: usize = 4;\n    type Out = u8;\n    fn f(&self) {}\n}', 1],
  ['impl S {}', 1],
  ['impl<T: Copy> S<T> { fn f(&self) {} }', 1],
  ['impl S { m!(); fn f(&self) {} }', 1],
  ['impl !Send for S {}', 0],
  ['unsafe impl Send for S {}', 1],
  ['unsafe extern "C" { pub fn ext(x: u32) -> u32; pub static LIMIT: u32; }\nextern { fn plain(); }', 2],
  ['const unsafe impl S {}', 0],
  ['async extern "C" {}', 0],
  // The grammar reads this block, and offers the method in it to the fast path.
  ['impl S where S: Copy { fn f(&self) {} }', 1],
  ['impl S { fn g<T: Fn(u8)>(&self) {} }', 1],
  ['impl S { pub(crate) fn f(&self) {} fn g<T: Fn(u8)>(&self) {} }', 1],
  ['/// Outer.\nmod m {\n    //! Inner.\n    #![allow(dead_code)]\n    pub mod n { pub struct S; }\n    impl S { fn f(&self) {} }\n}', 1],
  ['mod m { fn g<T>() {} }', 1],
  ['impl S { pub extern "C" fn m(&self) -> u8 { 0 } }', 1],
  ['impl S { fn typed(self: Box<Self>) {} }', 0],
  ['impl S { fn second(x: u8, &self) {} }', 0],
  ['impl S { fn attributed(#[allow(unused)] &self) {} }', 0],
  ['impl S { fn generic<T>(&self, t: T) {} }', 1],
  ['extern "C" { fn ext(x: u32); }', 1],
  ['fn ffi_inventory() -> Inventory { Inventory::new() }', 0],
  ['fn r#ffi_inventory() -> Inventory { Inventory::new() }', 0],
  ['pub fn r#type(r#in: r#u8) {}', 1],
  ['fn params((a, b): (u8, u8), _: u8) {}', 0],
  ['mod m { pub fn inner(x: u8) {} }', 1],
  ['pub mod m;', 1],
  ['use a::b::c;', 1],
  ['pub use ::std::os::raw::*;', 1],
  ['pub(crate) use self::a::{self, b as c, d::*, e::{f, g,},};', 1],
  ['use crate::a::{self, b as c, d::*, e::{f, g,},};', 1],
  ['use a::b as _;', 1],
  ['use a::{};', 1],
  ['use a::{b,,c};', 0],
  ['extern crate alloc;', 1],
  ['pub trait Shape: Clone + core::fmt::Debug where Self: Sized {\n    //! Inner.\n    const SIDES: u32;\n    type Out: Copy + \'static;\n    type Unit = ();\n    fn area(&self) -> f64;\n    fn twice(&self) -> f64 { self.area() * 2.0 }\n}', 1],
  ['trait Marker {}\ntrait Empty: {}', 2],
  ['unsafe trait U {}', 1],
  ['trait F: Fn(u8) {}', 1],
  ['trait G { type Item<\'a> where Self: \'a; }', 1],
  ['#[macro_use] pub extern crate self as me;\nextern crate r#core as c;', 2],
  ['interopc::callback!(CallbackU32(value: u32) -> u32);', 1],
  ['::interopc::callback![Nothing()];', 1],
  ['include!("api.rs");', 1],
  ['macro_rules! twice { ($e:expr) => { $e * 2 }; }', 1],
  ['lazy_static::lazy_static! { static ref X: u8 = 1; }\nbitflags! { pub struct F: u8 { const A = 1; } }', 2],
  ['#[cfg(test)] mod tests { use super::*; }', 1],
  ['pub extern "C" fn f(x: Weird<u8, 5>, y: Arr<-1, true, \'c\', "s", 2.5>) {}', 1],
  ['pub extern "C" fn f(x: Weird<{ N + 1 }>) {}', 0],
  ['callback!(\n    /// Docs.\n    #[doc = "more"]\n    Cb(value: u32, *const u8, ...) -> u32\n);\ncallback!(Plain());', 2],
  ['callback!(Cb(#[attr] value: u32));\ncallback!(Cb(value: u32) -> u32 extra);\ncallback!(Cb<T>(value: T));', 3],
];

for (const [text, taken] of shapes) {
  test(`the fast path reads ${taken} of: ${text.replace(/\s*\n\s*/g, ' ')}`, (t) => {
    const before = fast.taken;
    t.is(serialized('lib.rs', text, fast), serialized('lib.rs', text, grammarOnly));
    t.is(fast.taken - before, taken);
    t.deepEqual(parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text }, fast).diagnostics, []);
  });
}

test('a syntax error inside an item the fast path would read is the grammar\'s: same diagnostics, same recovery', (t) => {
  const text = 'pub struct A { a: u8 }\npub struct B { b: u8 c: u16 }\npub struct C { c: u8 }\n';
  const before = fast.taken;
  t.is(serialized('lib.rs', text, fast), serialized('lib.rs', text, grammarOnly));
  // A was read by the fast path; B declined and the grammar reported it, and C was still read.
  t.true(fast.taken - before >= 1);
  const parsed = parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text }, fast);
  t.deepEqual(parsed.diagnostics.map((d) => d.message), ['expected `}`, found `c`']);
  t.deepEqual(parsed.ast.items.map((i) => ('name' in i ? i.name : i.kind)), ['A', 'B', 'C']);
});

// Each: read by `fastExpression` exactly as the grammar builds it; `unparsed` where the grammar
// fails at the first token; or left to the grammar (undefined).
const exprCases: readonly (readonly [string, 'built' | 'unparsed' | 'left'])[] = [
  ['1 + 2', 'built'], ['A * 2 + 1', 'built'], ['1 + 2 * 3 - 4 / 5 % 6', 'built'], ['a - b - c', 'built'], ['0x10 + 1u8 * CONST_9', 'built'],
  ['2.5 * Self', 'built'], ['-1 + 2', 'built'], ['- - 3', 'built'], ['!0', 'built'], ['&X', 'built'], ['&mut X', 'built'],
  ['1 << 4', 'built'], ['x >> 2 << 1', 'built'], ['(0xFF00 | 0x0F) & !0x0F', 'built'], ['a ^ b | c & d', 'built'], ['a | | b', 'unparsed'],
  ['a || b && c', 'built'], ['a && b || c', 'built'], ['a & & b', 'built'], ['a == b', 'built'], ['a != b', 'built'],
  ['a <= b', 'built'], ['a < = b', 'unparsed'], ['a >= b', 'built'], ['a < b', 'built'], ['a > b + 1', 'built'], ['a < < b', 'unparsed'],
  ['1 == 2 == 3', 'unparsed'], ['u8::MAX', 'built'], ['::core::u8::MAX - 1', 'built'], ['crate::A + self::B + super::C', 'built'],
  ['i32::MAX as u64', 'built'], ['-1 as u8 as u16', 'built'], ['x as _', 'built'], ['1 as Vec<u8>', 'built'], ['x as *const u8', 'built'],
  ['p as *mut *const c_void', 'built'], ['x as &u8', 'built'], ['x as *u8', 'left'],
  ['f(1) + 2', 'built'], ['f()', 'built'], ['f(a, b,)', 'built'], ['f(,)', 'built'], ['triple_minus_one(i32::MAX)', 'built'],
  ['std::sync::Mutex::new(None)', 'built'], ['x.pow(2)', 'built'], ['x.count_ones().max(1)', 'built'], ['a.b * 2', 'left'], ['x.len', 'left'],
  ['{ x / 3 - 1 }', 'built'], ['{ let y = x * 2; let mut z: u32 = y; z + 1 }', 'built'], ['{}', 'built'], ['{ let v: [u8; 2] = a; v }', 'built'],
  ['{ let p: *const u8 = q; p }', 'built'], ['{ let (a, b) = t; a }', 'unparsed'], ['{ Self { x } }', 'unparsed'],
  ['(1 + 2) * 3', 'built'], ['(1, 2)', 'unparsed'], ['()', 'unparsed'], ['"text"', 'built'], ["'c' as u32", 'built'], ['true && false', 'built'],
  ['1.5e3 * 2.0', 'built'], ['size_of::<u32>()', 'built'], ['mem::size_of::<*const u8>() * 2', 'built'], ['a::<T, U>::b', 'built'],
  ['Vec::<Vec<u8>>::new()', 'built'], ["f::<'a>()", 'built'], ['f::<3>()', 'built'], ['f::<{ N }>()', 'left'], ['x as [u8; N + M]', 'built'],
  ['env!("X")', 'built'], ['cfg!(test)', 'built'], ['std::concat!("a", env!("B"), 1)', 'built'], ['include_str!("x.txt")', 'built'],
  ['format_args!["{}", x]', 'built'], ['m! { a b }', 'built'], ['m!x', 'unparsed'], ['m!', 'unparsed'], ['m!(a', 'left'], ['m!(a]', 'left'],
  ['if a { 1 } else { 2 }', 'left'], ['Foo { a: 1 }', 'unparsed'], ['&[1, 2]', 'unparsed'], ['|x| x + 1', 'unparsed'],
  ['match x { _ => 1 }', 'unparsed'], ['a..b', 'unparsed'], ['[1, 2, 3, 4]', 'unparsed'], ['* 2', 'unparsed'], ['= 1', 'unparsed'],
  ['1 +', 'unparsed'], ['1 + + 2', 'unparsed'], ['1 2', 'unparsed'], ['-', 'unparsed'],
];

test('expressions: fastExpression builds what the expression grammar builds, or leaves the run to it', (t) => {
  for (const [text, expected] of exprCases) {
    const tokens = scan(text).tokens;
    const span = { file: 'lib.rs', start: 0, end: text.length };
    const fastExpr = fastExpression(tokens, 'lib.rs', span);
    t.is(fastExpr === undefined ? 'left' : fastExpr.kind === 'unparsed' && expected === 'unparsed' ? 'unparsed' : 'built', expected, text);
    if (!fastExpr) continue;
    grammarOnly.beginRun('lib.rs', [...tokens]);
    const grammarExpr = grammarOnly.exprEntry();
    if (expected === 'unparsed') t.true(grammarOnly.errors.length > 0, text);
    else {
      t.deepEqual(grammarOnly.errors, [], text);
      t.is(json(fastExpr), json(grammarExpr), text);
    }
  }
});

test.serial('a file the fast path reads whole is parsed without building the grammar; the first item it leaves builds it', (t) => {
  const regular = '//! Crate docs.\n#![allow(dead_code)]\npub mod a;\npub use a::*;\n/// Doc.\n#[repr(C)]\npub struct S { pub x: u8 }\npub const C: u32 = 2 * 8;\n';
  t.false(parserBuilt());
  const read = parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text: regular });
  t.deepEqual(read.diagnostics, []);
  t.is(read.ast.items.length, 4);
  t.is(read.ast.innerAttrs.length, 2);
  t.false(parserBuilt());
  t.is(json(read), serialized('lib.rs', regular, grammarOnly, 64));
  // The reference project too: its constants, discriminants, const generic arguments and
  // `callback!` signatures are all read without the grammar.
  for (const path of rustFiles(join(repoRoot, 'fixtures/reference-project/src'))) {
    t.deepEqual(parseFile({ path, absolutePath: path, text: readFileSync(path, 'utf8') }).diagnostics, [], path);
  }
  t.false(parserBuilt());
  // A negative impl is the grammar's.
  parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text: `${regular}impl !Send for S {}\n` });
  t.true(parserBuilt());
});
