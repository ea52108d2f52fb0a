import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { CrateAst } from '../compiler/syntax/ast.js';

const src = `
#[cfg(all(unix, feature = "on"))] pub struct AllTrue;
#[cfg(any(windows, feature = "off"))] pub struct AnyFalse;
#[cfg(not(windows))] pub struct NotTrue;
#[cfg(test)] pub struct TestOnly;
#[cfg_attr(feature = "on", repr(C), doc = "added")]
pub struct Attributed { #[cfg(feature = "off")] pub gone: u8, pub kept: u8 }
pub enum E { #[cfg(feature = "off")] Gone, Kept }
`;

test('cfg predicates (all, any, not, names, key=value) and cfg_attr', (t) => {
  const r = compile(src, { cfg: ['feature="on"'] });
  t.deepEqual(r.messages, []);
  const crate = r.stages['evaluate-cfg'] as CrateAst;
  const names = crate.root.items.map((i) => ('name' in i ? i.name : i.kind));
  t.deepEqual(names, ['AllTrue', 'NotTrue', 'Attributed', 'E']);
  const attributed = crate.root.items[2];
  t.true(attributed?.kind === 'struct' && attributed.fields.length === 1 && attributed.attrs.some((a) => a.path === 'repr'));
  t.deepEqual(attributed?.docs, ['added']);
  const e = crate.root.items[3];
  t.true(e?.kind === 'enum' && e.variants.length === 1 && e.variants[0]?.name === 'Kept');
  t.false(crate.root.items.some((i) => i.attrs.some((a) => a.path === 'cfg' || a.path === 'cfg_attr')));
});
