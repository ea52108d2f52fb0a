import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { CrateAst, Item } from '../compiler/syntax/ast.js';

const modNames = (items: readonly Item[]): string[] => items.flatMap((i) => (i.kind === 'mod' ? [`${i.name}:${i.file ?? 'inline'}:${(i.items ?? []).length}`, ...modNames(i.items ?? [])] : []));

test('follows x.rs, x/mod.rs, #[path] and files of inline modules', (t) => {
  const r = compile({
    'src/lib.rs': 'mod a;\nmod b;\n#[path = "custom/c_file.rs"]\nmod c;\nmod inline { mod d; }',
    'src/a.rs': 'mod a_child;\nstruct A;',
    'src/a/a_child.rs': 'struct AChild;',
    'src/b/mod.rs': 'mod b_child;',
    'src/b/b_child.rs': 'struct BChild;',
    'src/custom/c_file.rs': 'struct C;',
    'src/inline/d.rs': 'struct D;',
  });
  t.deepEqual(r.messages, []);
  const crate = r.stages['collect-modules'] as CrateAst;
  t.deepEqual(modNames(crate.root.items), [
    'a:src/a.rs:2', 'a_child:src/a/a_child.rs:1', 'b:src/b/mod.rs:1', 'b_child:src/b/b_child.rs:1', 'c:src/custom/c_file.rs:1', 'inline:inline:1', 'd:src/inline/d.rs:1',
  ]);
});

test('a missing module file is IC1101 at its declaration; a cfg-disabled one is not followed', (t) => {
  const r = compile({ 'src/lib.rs': '#[cfg(feature = "off")]\nmod absent_but_disabled;\n\nmod missing;' });
  t.deepEqual(r.messages, ['IC1101 4:1 file not found for module `missing`']);
});

test('#[cfg_attr(pred, path = "…")] names the file under the cfg that holds; none holding is IC1101 with a --cfg hint', (t) => {
  const files = {
    'src/lib.rs': '#[cfg_attr(unix, path = "sys/unix.rs")]\n#[cfg_attr(windows, path = "sys/windows.rs")]\nmod sys;\n#[cfg_attr(backend_a, path = "a.rs")]\nmod backend;',
    'src/sys/unix.rs': 'struct Unix;',
    'src/a.rs': 'struct A;',
  };
  const r = compile(files);
  t.deepEqual(r.messages, ['IC1101 4:1 file not found for module `backend`']);
  t.true(r.diagnostics[0]?.notes?.some((n) => n.includes('--cfg')) ?? false);
  const crate = compile(files, { cfg: ['backend_a'] }).stages['collect-modules'] as CrateAst;
  t.deepEqual(modNames(crate.root.items), ['sys:src/sys/unix.rs:1', 'backend:src/a.rs:1']);
});

test('syntax errors of every file are reported together', (t) => {
  const r = compile({ 'src/lib.rs': 'mod a;\nstruct X { y: }', 'src/a.rs': 'fn f( {}' });
  t.deepEqual(r.messages.map((m) => m.slice(0, 10)), ['IC1001 2:1', 'IC1001 1:7']);
});

test('an item-level include! splices the file in; a missing one is IC1101', (t) => {
  const r = compile({ 'src/lib.rs': 'include!("generated/api.rs");\n#[unsafe(no_mangle)] pub extern "C" fn f(x: Included) {}', 'src/generated/api.rs': '#[repr(C)] pub struct Included { pub x: u8 }' });
  t.deepEqual(r.messages, []);
  t.deepEqual(r.ir?.types.map((d) => d.name), ['Included']);
  t.deepEqual(compile('include!("nope.rs");').messages, ['IC1101 1:1 file not found for `include!`: `src/nope.rs`']);
});
