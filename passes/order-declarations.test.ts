import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { IrModule, IrTypeDecl } from '../compiler/ir.js';
import { dependencyOrder } from './order-declarations.js';

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

test('files order by their paths code unit by code unit, whatever the locale (`localeCompare` would put `_x` and `alpha` before `Zeta`)', (t) => {
  const opaque = (name: string, file: string): IrTypeDecl => {
    const span = { file, start: 0, end: 1 };
    return { kind: 'opaque', id: `crate::${name}`, name, rustType: `crate::${name}`, docs: [], span, nameSpan: span };
  };
  const ordered = dependencyOrder([opaque('A', 'src/alpha.rs'), opaque('U', 'src/_x.rs'), opaque('Z', 'src/Zeta.rs')]);
  t.deepEqual(ordered.map((d) => d.span.file), ['src/Zeta.rs', 'src/_x.rs', 'src/alpha.rs']);
});
