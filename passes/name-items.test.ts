import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { IrModule } from '../compiler/ir.js';

const src = 'pub mod a { #[repr(C)] pub struct P { pub x: u8 } }\npub mod b { #[repr(C)] pub struct P { pub y: u8 } }\n#[unsafe(no_mangle)] pub extern "C" fn f(x: a::P, y: b::P) {}';

test('two types with one emitted name are an error naming both', (t) => {
  const r = compile(src);
  t.deepEqual(r.messages, ['IC2401 2:35 `P` is emitted for both type `crate::a::P` and type `crate::b::P`']);
  t.is(r.diagnostics[0]?.labels?.[0]?.span.start, src.indexOf('P {'));
});

test('rename rules fix the collision; a rule matching nothing is a warning', (t) => {
  const r = compile(src, { rename: { 'b::P': 'P2', 'nowhere::X': 'Y' } });
  t.deepEqual(r.messages, ['IC2402 rename rule `nowhere::X` matches no exported type']);
  t.deepEqual((r.stages['name-items'] as IrModule).types.map((d) => d.name), ['P', 'P2']);
});

test('enum variant constants, constants and functions share the C namespace', (t) => {
  const r = compile('#[repr(C)] pub enum E { A }\npub const E_A: u32 = 1;\n#[unsafe(no_mangle)] pub extern "C" fn f(e: E) {}');
  t.deepEqual(r.messages.map((m) => m.split(' ')[0]), ['IC2401']);
});
