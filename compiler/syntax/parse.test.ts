import test from 'ava';
import { parseFile } from './parse.js';
import type { Expr, Item, TypeNode } from './ast.js';
import { lineColumnOf } from '../source.js';

const parse = (text: string) => {
  const file = { path: 'lib.rs', absolutePath: 'lib.rs', text };
  return { ...parseFile(file), file };
};

function only<K extends Item['kind']>(text: string, kind: K): Extract<Item, { kind: K }> {
  const r = parse(text);
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const item = r.ast.items.find((i) => i.kind === kind);
  if (!item) throw new Error(`no ${kind} in ${text}`);
  return item as Extract<Item, { kind: K }>;
}

const constValue = (expr: string): Expr => {
  const c = only(`const X: u32 = ${expr};`, 'const');
  if (!c.value) throw new Error('no value');
  return c.value;
};

/** Compact text of an expression tree, to assert precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'int':
      return `${e.value}${e.suffix ?? ''}`;
    case 'float':
      return `${e.text}${e.suffix ?? ''}`;
    case 'bool':
      return String(e.value);
    case 'str':
      return JSON.stringify(e.value);
    case 'char':
      return `'${String.fromCodePoint(e.value)}'`;
    case 'path':
      return e.path.segments.map((s) => s.name).join('::');
    case 'unary':
      return `(${e.op}${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'cast':
      return `(${show(e.expr)} as ${typeText(e.type)})`;
    case 'call':
      return `${show(e.callee)}(${e.args.map(show).join(', ')})`;
    case 'methodCall':
      return `${show(e.receiver)}.${e.method}(${e.args.map(show).join(', ')})`;
    case 'paren':
      return show(e.expr);
    case 'reference':
      return `&${show(e.expr)}`;
    case 'block':
      return `{${e.statements.map((s) => `let ${s.name} = ${show(s.value)};`).join(' ')} ${e.tail ? show(e.tail) : ''}}`;
    case 'if':
      return `if ${show(e.condition)} ${show(e.then)} else ${e.otherwise ? show(e.otherwise) : '{}'}`;
    case 'cfg':
      return `cfg!(${e.predicate.kind === 'literal' ? '?' : e.predicate.kind === 'list' ? `${e.predicate.path}(…)` : e.predicate.path})`;
    case 'concat':
      return `concat!(${e.parts.map(show).join(', ')})`;
    case 'env':
      return `env!(${JSON.stringify(e.name)})`;
    case 'unparsed':
      return '<unparsed>';
  }
}

function typeText(t: TypeNode): string {
  switch (t.kind) {
    case 'name':
      return t.name;
    case 'path':
      return t.path.segments.map((s) => s.name + (s.generics ? `<${s.generics.map((g) => (g.kind === 'type' ? typeText(g.type) : g.kind)).join(', ')}>` : '')).join('::');
    case 'reference':
      return `&${t.mutable ? 'mut ' : ''}${typeText(t.referent)}`;
    case 'pointer':
      return `*${t.mutable ? 'mut' : 'const'} ${typeText(t.pointee)}`;
    case 'array':
      return `[${typeText(t.element)}; ${show(t.length)}]`;
    case 'slice':
      return `[${typeText(t.element)}]`;
    case 'tuple':
      return `(${t.elements.map(typeText).join(', ')})`;
    case 'fnPointer':
      return `extern ${t.abi ?? 'Rust'} fn(${t.params.map((p) => typeText(p.type)).join(', ')})${t.returns ? ` -> ${typeText(t.returns)}` : ''}`;
    case 'never':
      return '!';
    case 'infer':
      return '_';
    case 'traitObject':
      return `${t.syntax} ${t.bounds}`;
    case 'macro':
      return 'macro!';
  }
}

test('structs: named, tuple and unit, with generics, lifetimes, const generics and where clauses', (t) => {
  const s = only("pub struct A<'a, T: Copy + 'a, const N: usize = 4> where T: Fn(u8) -> u8 { pub x: &'a T, y: [T; N], pub(crate) z: Vec<Vec<u8>> }", 'struct');
  t.is(s.name, 'A');
  t.is(s.shape, 'named');
  t.deepEqual(s.generics.params.map((p) => `${p.kind}:${p.name}`), ["lifetime:'a", 'type:T', 'const:N']);
  t.truthy(s.generics.whereClause);
  t.deepEqual(s.fields.map((f) => `${f.vis.kind} ${f.name}: ${typeText(f.type)}`), ["pub x: &T", 'inherited y: [T; N]', 'restricted z: Vec<Vec<u8>>']);
  const tuple = only('pub struct B(pub u8, u32);', 'struct');
  t.is(tuple.shape, 'tuple');
  t.deepEqual(tuple.fields.map((f) => f.name), ['0', '1']);
  t.is(only('pub struct C;', 'struct').shape, 'unit');
});

test('enums with explicit discriminants and data variants; unions as a contextual keyword', (t) => {
  const e = only('enum E { A = 1 << 2, B(u8), C { x: u8 }, D }', 'enum');
  t.deepEqual(e.variants.map((v) => v.name), ['A', 'B', 'C', 'D']);
  t.is(e.variants[0]?.discriminant && show(e.variants[0].discriminant), '(1 << 2)');
  t.deepEqual(e.variants.map((v) => v.shape), ['unit', 'tuple', 'named', 'unit']);
  t.deepEqual(only('pub union U { a: u8, b: f32 }', 'union').fields.map((f) => f.name), ['a', 'b']);
  const union = only('fn f() { let union = 1; }', 'fn');
  t.is(union.name, 'f');
});

test('functions: qualifiers, ABIs, receivers, patterns, variadics, bodies skipped', (t) => {
  const f = only('#[unsafe(no_mangle)] pub unsafe extern "C" fn g(a: u8, (b, c): (u8, u8), mut d: i32) -> *const i64 { let x = |a| a + 1; match x { _ => {} } }', 'fn');
  t.is(f.abi, 'C');
  t.true(f.isUnsafe);
  t.deepEqual(f.params.map((p) => p.name), ['a', '_', 'd']);
  t.is(f.returns && typeText(f.returns), '*const i64');
  t.is(f.attrs[0]?.path, 'unsafe');
  t.is(only('extern fn h() {}', 'fn').abi, 'C');
  t.is(only('pub extern "system" fn h() {}', 'fn').abi, 'system');
  const c = only('pub const fn twice(x: i32) -> i32 { let y = x; y * 2 }', 'fn');
  t.true(c.isConst);
  t.is(c.constBody && show(c.constBody), '{let y = x; (y * 2)}');
  const impl = only("impl<T> Foo for Bar<T> where T: Clone { fn get(&'a mut self) -> Self { todo!() } fn by_value(self) {} }", 'impl');
  t.deepEqual(impl.items.map((i) => (i.kind === 'fn' ? `${i.name}:${i.receiver?.kind}` : i.kind)), ['get:refMut', 'by_value:value']);
  const block = only('unsafe extern "C" { pub fn printf(fmt: *const c_char, ...) -> i32; }', 'externBlock');
  t.true(block.items[0]?.kind === 'fn' && block.items[0].variadic);
});

test('newer forms found in real crates: precise capturing, where clauses after an alias type, named C variadics', (t) => {
  // From indexmap, anstream and cbindgen's tests: each failed to parse before.
  const f = only("fn get_hash<K, V>(entries: &[u8]) -> impl Fn(&usize) -> u64 + use<'_, K, V> { todo!() }", 'fn');
  t.is(f.returns && typeText(f.returns), "impl Fn(& usize)->u64 + use<'_, K, V>");
  const impl = only("impl<T: W + ?Sized> W for &mut T { type Write<'w> = T::Write<'w> where Self: 'w; }", 'impl');
  const alias = impl.items[0];
  t.true(alias?.kind === 'typeAlias' && alias.generics.whereClause === "where Self : 'w");
  const both = only("type A<T> where T: Copy = B<T> where T: Send;", 'typeAlias');
  t.is(both.generics.whereClause, 'where T : Copy, T : Send');
  const v = only('pub unsafe extern "C" fn va_list_test2(count: i32, mut ap: ...) -> i32 { 0 }', 'fn');
  t.true(v.variadic);
  t.deepEqual(v.params.map((p) => p.name), ['count']);
});

test('cfg!(…), env!(…) and concat!(…) in constants; other macros stay unparsed', (t) => {
  t.is(show(constValue('cfg!(all(unix, feature = "x"))')), 'cfg!(all(…))');
  t.is(show(constValue('concat!("a", 1, true)')), 'concat!("a", 1, true)');
  t.is(show(constValue('std::concat!("b")')), 'concat!("b")');
  t.is(show(constValue('env!("CARGO_PKG_VERSION")')), 'env!("CARGO_PKG_VERSION")');
  t.is(show(constValue('core::env!("X", "X must be set")')), 'env!("X")');
  t.is(show(constValue('concat!(env!("CARGO_PKG_NAME"), "/", concat!(env!("CARGO_PKG_VERSION"), 1),)')), 'concat!(env!("CARGO_PKG_NAME"), "/", concat!(env!("CARGO_PKG_VERSION"), 1))');
  t.is(show(constValue('env!(NAME)')), '<unparsed>');
  t.is(show(constValue('option_env!("X")')), '<unparsed>');
  t.is(show(constValue('concat!(X)')), '<unparsed>');
  t.is(show(constValue('concat!(format!("x"))')), '<unparsed>');
});

test('types: pointers, references, arrays, slices, tuples, fn pointers, trait objects, never', (t) => {
  const f = only("fn f(a: *mut *const u8, b: &'static mut [u8], c: [[u8; 2]; 3], d: (u8, i8), e: unsafe extern \"C\" fn(x: u8, ...) -> u8, g: Box<dyn Fn(u8) -> u8 + Send>, h: impl Iterator<Item = u8>, i: Option<extern \"C\" fn()>, j: <T as Tr>::Out, k: _, l: std::vec::Vec<u8>) -> ! {}", 'fn');
  t.deepEqual(f.params.map((p) => typeText(p.type)), [
    '*mut *const u8',
    '&mut [u8]',
    '[[u8; 2]; 3]',
    '(u8, i8)',
    'extern C fn(u8) -> u8',
    'Box<dyn Fn(u8)->u8 + Send>',
    'impl Iterator<Item = u8>',
    'Option<extern C fn()>',
    '<qualified>::Out',
    '_',
    'std::vec::Vec<u8>',
  ].map((x) => x));
  t.is(f.returns?.kind, 'never');
});

test('expressions: precedence, casts, literals of every form, paths and calls', (t) => {
  t.is(show(constValue('1 + 2 * 3 - 4 / 2')), '((1 + (2 * 3)) - (4 / 2))');
  t.is(show(constValue('1 << 4 | 1 & 3 ^ 2')), '((1 << 4) | ((1 & 3) ^ 2))');
  t.is(show(constValue('a < b && c >= d || !e')), '(((a < b) && (c >= d)) || (!e))');
  t.is(show(constValue('-x as u8 as u32')), '(((-x) as u8) as u32)');
  t.is(show(constValue('0xFF_u8 + 0o17 + 0b1010 + 1_000i64')), '(((255u8 + 15) + 10) + 1000i64)');
  t.is(show(constValue('1.5e3f32 + 2.0')), '(1.5e3f32 + 2.0)');
  t.is(show(constValue('u8::MAX.wrapping_add(f(i32::MAX, size_of::<T>()))')), 'u8::MAX.wrapping_add(f(i32::MAX, size_of()))');
  t.is(show(constValue('if X > 1 { 2 } else { 3 }')), 'if (X > 1) { 2} else { 3}');
  t.is(show(constValue('"a\\nb\\u{3bb}"')), JSON.stringify('a\nb\u03bb'));
  t.is(show(constValue('r#"raw "quoted""#')), JSON.stringify('raw "quoted"'));
  t.is(show(constValue("'\\x41'")), "'A'");
  t.is(show(constValue('[1, 2, 3].len()')), '<unparsed>', 'outside the grammar: unparsed, not an error');
  t.is(show(constValue('Foo { x: 1 }')), '<unparsed>');
});

test('attributes: meta lists, name-values, unsafe(...), cfg_attr, and every doc comment form', (t) => {
  const s = only(
    '/// Line one\n///   indented\n/** Block\n * doc */\n#[doc = " attr doc"]\n#[repr(C, packed(2), align(8))]\n#[ffi_type(name = "X", opaque)]\n#[cfg_attr(feature = "a", derive(Debug))]\n//// not a doc\n/*** not a doc */\npub struct S;',
    'struct',
  );
  t.deepEqual(s.docs, ['Line one', '  indented', 'Block', 'doc', 'attr doc']);
  const repr = s.attrs.find((a) => a.path === 'repr');
  t.deepEqual(repr?.meta?.kind === 'list' ? repr.meta.items.map((m) => (m.kind === 'literal' ? m.kind : m.path)) : [], ['C', 'packed', 'align']);
  const ffi = s.attrs.find((a) => a.path === 'ffi_type');
  t.is(ffi?.meta?.kind, 'list');
  const file = parse('//! Crate doc\n#![allow(dead_code)]\n/*! Inner block */\nfn f() {}');
  t.deepEqual(file.ast.docs, ['Crate doc', 'Inner block']);
  t.deepEqual(file.ast.innerAttrs.map((a) => a.path), ['doc', 'allow', 'doc']);
});

test('modules, use trees, extern crates and item macros', (t) => {
  const r = parse('mod a;\npub mod b { pub mod c { struct X; } }\nuse ::std::{self, io::{Read, Write as W}, fmt::*};\nextern crate alloc as a2;\ncallback!(MyCb(u8) -> u8);\nmacro_rules! m { ($x:expr) => { $x } }\nlazy_static::lazy_static! { static ref X: u8 = 1; }');
  t.deepEqual(r.diagnostics, []);
  t.deepEqual(r.ast.items.map((i) => i.kind), ['mod', 'mod', 'use', 'externCrate', 'macroCall', 'macroCall', 'macroCall']);
  const use = r.ast.items[2];
  t.true(use?.kind === 'use' && use.global && use.tree.kind === 'group' && use.tree.trees.length === 3);
  const m = r.ast.items[5];
  t.true(m?.kind === 'macroCall' && m.name === 'm');
});

test('a realistic file with unsupported items parses with no diagnostic, exported functions found', (t) => {
  const text = `//! A real-world style crate root.
#![allow(clippy::all)]
#![cfg_attr(docsrs, feature(doc_cfg))]
use std::{collections::HashMap, sync::{Arc, Mutex}};
use std::ffi::{c_char, CStr};
extern crate core;

/// A trait with default methods and associated items.
pub trait Shape: Send + Sync + 'static {
    const SIDES: usize;
    type Output: Default;
    fn area(&self) -> f64;
    fn describe(&self) -> String { format!("{} sides", Self::SIDES) }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registry<K: std::hash::Hash + Eq, V> where V: Clone {
    items: HashMap<K, Vec<Option<Box<dyn Fn(&V) -> bool + Send>>>>,
    lock: Arc<Mutex<()>>,
}

impl<K, V> Registry<K, V> where K: std::hash::Hash + Eq, V: Clone {
    pub fn new() -> Self { Self { items: HashMap::new(), lock: Arc::new(Mutex::new(())) } }
    pub async fn fetch<'a>(&'a self, key: &'a K) -> Option<&'a V> where K: Sync { None }
    fn closures(&self) -> impl Iterator<Item = u8> + '_ { (0..10u8).map(|x| x * 2).filter(|&x| x > 3) }
}

unsafe impl<K: Send, V: Send> Send for Registry<K, V> {}

macro_rules! make_fn {
    ($name:ident, $t:ty) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(x: $t) -> $t { x }
    };
}
make_fn!(identity_u8, u8);

static NAMES: &[&str] = &["a", "b"];
static mut COUNTER: u64 = 0;
const RAW: &str = r##"a "quoted" string with # signs"##;
const BYTES: &[u8] = b"bytes\\x00";
const CHARS: [char; 3] = ['\\n', '\\'', '\\u{1F600}'];

/* block comment /* nested */ still comment */
#[unsafe(no_mangle)]
pub extern "C" fn exported_one(s: *const c_char) -> usize {
    let s = unsafe { CStr::from_ptr(s) };
    match s.to_str() { Ok(v) if v.len() > 2 => v.len(), Ok(_) | Err(_) => 0 }
}

#[no_mangle]
pub extern "C" fn exported_two(values: *const u32, len: usize) -> u64 {
    let slice = unsafe { std::slice::from_raw_parts(values, len) };
    slice.iter().map(|&v| v as u64).sum::<u64>() >> 1
}

pub fn generic<T: Into<u64>, const N: usize>(xs: [T; N]) -> u64 where T: Copy { xs.iter().map(|&x| x.into()).sum() }
type Callback = Option<unsafe extern "C" fn(*mut std::ffi::c_void, i32) -> i32>;
enum Internal<'a> { Borrowed(&'a str), Owned(String), Nothing }
`;
  const r = parse(text);
  t.deepEqual(r.diagnostics.map((d) => d.message), []);
  const exported = r.ast.items.filter((i) => i.kind === 'fn' && i.abi === 'C').map((i) => (i.kind === 'fn' ? i.name : ''));
  t.deepEqual(exported, ['exported_one', 'exported_two']);
  t.true(r.ast.items.some((i) => i.kind === 'trait'));
  t.true(r.ast.items.some((i) => i.kind === 'macroCall' && i.name === 'make_fn'));
});

test('damaged input: every syntax error at once, with exact positions, and later items still parsed', (t) => {
  const r = parse('pub struct A { x: u8 }\npub fn f( { }\nstruct B { y: }\npub const X: u8 = ;\nfn ok() {}\nlet x = 5;\n');
  const where = r.diagnostics.map((d) => {
    const lc = lineColumnOf(r.file, d.span?.start ?? 0);
    return `${d.code} ${lc.line}:${lc.column} ${d.message}`;
  });
  t.deepEqual(where, [
    'IC1001 2:11 expected `)`, found `{`',
    'IC1001 3:15 expected a type, found `}`',
    'IC1001 4:19 expected an expression, found `;`',
    'IC1001 6:1 expected an item, found `let`',
  ]);
  t.true(r.ast.items.some((i) => i.kind === 'fn' && i.name === 'ok'));
});

test('unterminated strings and comments, unknown characters', (t) => {
  t.deepEqual(parse('const S: &str = "never closed;\n').diagnostics.map((d) => d.code).sort(), ['IC1001', 'IC1002']);
  t.deepEqual(parse('/* never closed\nfn f() {}').diagnostics.map((d) => d.code), ['IC1002']);
  t.deepEqual(parse('fn f() {} €').diagnostics.map((d) => d.code), ['IC1001']);
  t.is(parse('fn f() { \u0007 }').diagnostics[0]?.code, 'IC1003');
});

test('never throws: random token soups and every prefix of a file', (t) => {
  const pieces = ['struct', 'fn', '{', '}', '(', ')', '<', '>', '::', 'pub', '#', '[', ']', ';', ',', 'x', '"s', "'a", '1.', 'impl', 'where', ':', '=', '&', '*', 'const', 'mod', '/*', '*/', '///', 'extern', '"C"', '->', '!'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 200; i++) {
    const soup = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join(' ');
    t.notThrows(() => parse(soup), soup);
  }
  const file = '#[repr(C)]\npub struct A<T> { x: [T; 4] }\nimpl A<u8> { fn f(&self) -> u8 { self.x[0] } }\npub const X: u32 = 1 << 4;\n';
  for (let n = 0; n <= file.length; n++) t.notThrows(() => parse(file.slice(0, n)));
});

test('`path(word)` attributes (read without token lists) come out as the general meta reader builds them', (t) => {
  // `repr(C,)` has five tokens, so the general reader takes it; only the list's end differs.
  const meta = (text: string): Record<string, unknown> => {
    const item = parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text }).ast.items[0];
    return item?.attrs[0]?.meta as unknown as Record<string, unknown>;
  };
  for (const [name, word] of [['repr', 'C'], ['unsafe', 'no_mangle'], ['doc', 'hidden']]) {
    const short = meta(`#[${name}(${word})] pub struct S;`);
    const general = meta(`#[${name}(${word},)] pub struct S;`);
    t.deepEqual(Object.keys(short), Object.keys(general));
    t.is(JSON.stringify(short['items']), JSON.stringify(general['items']));
    t.is(short['path'], general['path']);
    t.deepEqual(short['span'], { ...(general['span'] as object), end: (general['span'] as { end: number }).end - 1 });
  }
});

test('a lone identifier is a `name` type; the trait of an impl is a path either way', (t) => {
  const items = parseFile({ path: 'lib.rs', absolutePath: 'lib.rs', text: 'impl Display for Foo {}\nimpl fmt::Debug for Foo {}\npub struct S { pub a: u32, pub b: a::B }' }).ast.items;
  const [plain, qualified, s] = items;
  t.true(plain?.kind === 'impl' && plain.selfType.kind === 'name' && plain.selfType.name === 'Foo');
  t.deepEqual(plain?.kind === 'impl' ? plain.trait?.path.segments.map((x) => x.name) : undefined, ['Display']);
  t.deepEqual(qualified?.kind === 'impl' ? qualified.trait?.path.segments.map((x) => x.name) : undefined, ['fmt', 'Debug']);
  t.deepEqual(s?.kind === 'struct' ? s.fields.map((f) => f.type.kind) : undefined, ['name', 'path']);
});
