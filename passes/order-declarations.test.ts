import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { IrModule } from '../compiler/ir.js';

test('declarations follow their by-value dependencies; pointer cycles are allowed; ties keep source order', (t) => {
  const r = compile(`#[repr(C)] pub struct Outer { pub inner: Inner, pub node: *const Node }
#[repr(C)] pub struct Node { pub next: *const Node, pub outer: *const Outer }
#[repr(C)] pub struct Inner { pub v: [Leaf; 2] }
#[repr(C)] pub struct Leaf { pub x: u8 }
pub type Alias = Outer;
#[unsafe(no_mangle)] pub extern "C" fn f(a: Alias, n: Node) {}`);
  t.deepEqual(r.messages, []);
  t.deepEqual((r.ir as IrModule).types.map((d) => d.name), ['Leaf', 'Inner', 'Outer', 'Node', 'Alias']);
});
