import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { HirProgram } from '../compiler/hir.js';

const hir = (r: ReturnType<typeof compile>): HirProgram => r.stages['resolve-names'] as HirProgram;

test('use, globs, renames, super and re-exports resolve to the right definitions', (t) => {
  const r = compile({
    'src/lib.rs': 'pub mod geo;\nmod private;\npub use private::Hidden;\nuse geo::*;\nuse geo::inner::{Deep as D, self};\n#[unsafe(no_mangle)] pub extern "C" fn f(a: Point, b: D, c: inner::Deep, h: *const Hidden) {}',
    'src/geo.rs': '#[repr(C)] pub struct Point { pub x: f32 }\npub mod inner { #[repr(C)] pub struct Deep { pub p: super::Point } }',
    'src/private.rs': 'pub struct Hidden;\npub const C: u8 = 1;',
  });
  t.deepEqual(r.messages, []);
  const f = hir(r).defs.get('crate::f');
  t.true(f?.kind === 'fn');
  const targets = f?.kind === 'fn' ? f.params.map((p) => (p.type.kind === 'def' ? p.type.def : p.type.kind === 'pointer' && p.type.pointee.kind === 'def' ? p.type.pointee.def : p.type.kind)) : [];
  t.deepEqual(targets, ['crate::geo::Point', 'crate::geo::inner::Deep', 'crate::geo::inner::Deep', 'crate::private::Hidden']);
});

test('a crate Vec shadows the prelude; std Vec, Option and C types are known by path', (t) => {
  const r = compile('mod m { #[repr(C)] pub struct Vec { pub x: u8 } }\nuse std::ffi::c_char;\nuse core::ffi::c_int;\n#[unsafe(no_mangle)] pub extern "C" fn f(a: m::Vec, b: Option<&u8>, c: *const c_char, d: c_int, e: *const std::vec::Vec<u8>) {}');
  const f = hir(r).defs.get('crate::f');
  const kinds = f?.kind === 'fn' ? f.params.map((p) => JSON.stringify(p.type, (k, v) => (k === 'span' || k === 'args' ? undefined : v))) : [];
  t.deepEqual(kinds, [
    '{"kind":"def","def":"crate::m::Vec"}',
    '{"kind":"known","name":"Option"}',
    '{"kind":"pointer","mutable":false,"pointee":{"kind":"primitive","name":"c_char"}}',
    '{"kind":"primitive","name":"i32"}',
    '{"kind":"pointer","mutable":false,"pointee":{"kind":"known","name":"Vec"}}',
  ]);
});

test('export roots and the reason for every skipped item', (t) => {
  const r = compile(`
#[unsafe(no_mangle)] pub extern "C" fn exported() {}
#[unsafe(export_name = "other")] pub extern "C" fn renamed() {}
pub extern "C" fn no_marker() {}
#[no_mangle] extern "C" fn not_pub() {}
unsafe extern "C" { fn imported(); }
pub const PUBLIC: u32 = 1;
const PRIVATE: u32 = 2;
mod hidden { pub const UNREACHABLE: u32 = 3; }
pub static STATIC: u32 = 4;
pub trait Tr {}
`);
  t.deepEqual(r.messages, []);
  const program = hir(r);
  t.deepEqual(program.roots.functions, ['crate::exported', 'crate::renamed']);
  t.deepEqual(program.roots.constants, ['crate::PUBLIC']);
  const renamed = program.defs.get('crate::renamed');
  t.is(renamed?.kind === 'fn' ? renamed.exportName : '', 'other');
  const reasons = Object.fromEntries(program.report.filter((e) => e.status === 'skipped').map((e) => [e.item, e.reason?.split(':')[0]]));
  t.like(reasons, {
    'crate::no_marker': 'not-no-mangle',
    'crate::not_pub': 'not-pub',
    'crate::imported': 'extern-block',
    'crate::PRIVATE': 'not-pub',
    'crate::hidden::UNREACHABLE': 'not-reachable',
    'crate::STATIC': 'static',
    'crate::Tr': 'trait',
  });
});

test('duplicate names, generic exports and non-C ABIs are errors', (t) => {
  const r = compile('pub struct A;\npub struct A;\n#[unsafe(no_mangle)] pub extern "C" fn g<T>(x: T) {}\n#[unsafe(no_mangle)] pub fn h() {}');
  t.deepEqual(r.messages, [
    'IC2003 2:12 the name `A` is defined multiple times in `crate`',
    'IC2004 3:40 exported function `g` is generic',
    'IC2005 4:29 `h` is exported with the Rust ABI, which C cannot call',
  ]);
});

test('include names extra types; an unknown include is IC2008', (t) => {
  const ok = compile('pub mod types { #[repr(C)] pub struct Extra { pub x: u8 } }', { include: ['types::Extra'] });
  t.deepEqual(hir(ok).roots.types, ['crate::types::Extra']);
  t.deepEqual(compile('', { include: ['Nope'] }).messages, ['IC2008 `include` names `Nope`, which is not a type of this crate']);
});

test('glob imports from other crates: a name found nowhere else comes from the globbed module, when interopc knows it', (t) => {
  const r = compile('use std::os::raw::*;\nuse core::num::*;\nuse interopc::*;\n#[repr(C)] pub struct c_long { pub own: u8 }\n#[unsafe(no_mangle)] pub extern "C" fn f(a: c_int, b: NonZeroU16, c: Slice<u8>, d: c_long, e: Unknown) {}');
  const f = hir(r).defs.get('crate::f');
  const kinds = f?.kind === 'fn' ? f.params.map((p) => (p.type.kind === 'primitive' || p.type.kind === 'known' || p.type.kind === 'pattern' ? `${p.type.kind} ${p.type.name}` : p.type.kind === 'def' ? p.type.def : p.type.kind)) : [];
  // The crate's own `c_long` wins over the glob's; a name no glob knows stays unknown (IC2001).
  t.deepEqual(kinds, ['primitive i32', 'known NonZero', 'pattern Slice', 'crate::c_long', 'unresolved']);
  t.deepEqual(r.messages.map((m) => m.split(' ')[0]), ['IC2001']);
});
