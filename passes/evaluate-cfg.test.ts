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

test('a module file is configured whether or not the file that declares it has any cfg', (t) => {
  const r = compile({
    'src/lib.rs': 'pub mod a;\npub mod plain { pub mod b; }\npub struct Root;\n',
    'src/a.rs': '#[cfg(windows)] pub struct Gone;\npub struct Kept { #[cfg(windows)] pub gone: u8, pub kept: u8 }\npub mod c;\n',
    'src/a/c.rs': 'pub struct NoCfgHere;\n',
    'src/plain/b.rs': '#[cfg(windows)] pub struct AlsoGone;\npub mod inline { #[cfg(unix)] pub struct Inner; #[cfg(windows)] pub struct InnerGone; }\n',
  });
  t.deepEqual(r.messages, []);
  const crate = r.stages['evaluate-cfg'] as CrateAst;
  const names = (items: CrateAst['root']['items']): string[] =>
    items.flatMap((i): string[] => (i.kind === 'mod' ? [`${i.name}{${names(i.items ?? []).join(',')}}`] : 'name' in i && i.name !== undefined ? [i.name] : []));
  t.deepEqual(names(crate.root.items), ['a{Kept,c{NoCfgHere}}', 'plain{b{inline{Inner}}}', 'Root']);
  const a = crate.root.items[0];
  const kept = a?.kind === 'mod' ? a.items?.[0] : undefined;
  t.true(kept?.kind === 'struct' && kept.fields.map((f) => f.name).join() === 'kept');
});
