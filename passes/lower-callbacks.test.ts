import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { HirProgram } from '../compiler/hir.js';

const stage = (src: string, name: string): HirProgram => {
  const r = compile(src);
  const out = r.stages[name] as HirProgram | undefined;
  if (!out) throw new Error(r.messages.join('\n'));
  return out;
};

test('callback! becomes a pub alias of a nullable extern "C" function pointer, marked as a callback', (t) => {
  const src = `interopc::callback!(\n    /// Doubles.\n    Twice(x: u32) -> u32\n);\n#[unsafe(no_mangle)] pub extern "C" fn f(c: Twice) {}`;
  t.deepEqual(stage(src, 'resolve-names').patternSources.callbacks.length, 1);
  const out = stage(src, 'lower-callbacks');
  t.deepEqual(out.patternSources.callbacks, []);
  const def = out.defs.get('crate::Twice');
  t.true(def?.kind === 'alias' && def.callback === true && def.vis.kind === 'pub');
  t.deepEqual(def?.docs, ['Doubles.']);
  t.true(def?.kind === 'alias' && def.target.kind === 'known' && def.target.name === 'Option' && def.target.args[0]?.kind === 'type' && def.target.args[0].type.kind === 'fnPointer');
});

test('a macro call that is not callback-shaped stays a skipped item macro', (t) => {
  const out = stage('interopc::callback! { not a signature }\nmacro_rules! m { () => {} }', 'lower-callbacks');
  t.deepEqual([...out.defs.keys()], []);
  t.true(out.report.some((r) => r.itemKind === 'macro'));
});
