/**
 * The Python backend's raw layer against the reference cdylib: the generated module is imported by
 * python3, checks every struct's layout against the IR, and calls into the library.
 */
import test from 'ava';
import { execa } from 'execa';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from '../compiler/api.js';
import { irToJson } from '../compiler/ir.js';
import { buildReferenceLibrary } from './support/cargo.js';
import { referenceProject, repoRoot } from './support/paths.js';
import { requireTools } from './support/runtimes.js';
import { tempDir } from './support/temp.js';

test('python3: the generated module has the IR layouts and calls the library', async (t) => {
  if (!requireTools(t, 'cargo', 'python3')) return;
  const [library, result] = await Promise.all([buildReferenceLibrary(), build({ crateDir: referenceProject, targets: ['python'] })]);
  t.true(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
  // contracts.md §7: packed structs by value are left out of ctypes bindings, with a warning.
  t.deepEqual(result.diagnostics.filter((d) => d.code === 'IC4005').map((d) => d.message.split('`')[1]), ['packed_by_value']);
  const dir = tempDir('interopc-py-');
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  writeFileSync(join(dir, 'ir.json'), irToJson(result.ir));
  const run = await execa('python3', ['-m', 'unittest', '-v', 'reference_test'], {
    cwd: join(repoRoot, 'runtime-tests/python'),
    env: { INTEROPC_PY_DIR: dir, INTEROPC_LIB_DIR: dirname(library), INTEROPC_IR: join(dir, 'ir.json'), PYTHONDONTWRITEBYTECODE: '1' },
    reject: false,
    all: true,
  });
  t.is(run.exitCode, 0, run.all);
  t.regex(run.all ?? "", /Ran 16 tests[\s\S]*OK/);
});

test('pyright (strict, Python 3.9) reports nothing on the generated module', async (t) => {
  const result = await build({ crateDir: referenceProject, targets: ['python'] });
  const dir = tempDir('interopc-pyright-');
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  writeFileSync(join(dir, 'pyrightconfig.json'), JSON.stringify({ typeCheckingMode: 'strict', pythonVersion: '3.9' }));
  const pyright = join(repoRoot, 'node_modules/.bin/pyright');
  const run = await execa(pyright, ['--outputjson', 'reference.py'], { cwd: dir, reject: false });
  const report = JSON.parse(run.stdout) as { summary: { errorCount: number; warningCount: number; filesAnalyzed: number }; generalDiagnostics: unknown[] };
  t.is(report.summary.filesAnalyzed, 1);
  t.deepEqual(report.generalDiagnostics, []);
  t.is(report.summary.errorCount + report.summary.warningCount, 0);
});

test('pointer parameters: pyright accepts what ctypes takes and rejects the rest; python3 runs the accepted calls', async (t) => {
  if (!requireTools(t, 'cargo', 'python3')) return;
  const [library, result] = await Promise.all([buildReferenceLibrary(), build({ crateDir: referenceProject, targets: ['python'] })]);
  const dir = tempDir('interopc-pyhints-');
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  const usage = join(repoRoot, 'runtime-tests/python/pointer_hints.py');
  copyFileSync(usage, join(dir, 'pointer_hints.py'));
  writeFileSync(join(dir, 'pyrightconfig.json'), JSON.stringify({ typeCheckingMode: 'strict', pythonVersion: '3.9' }));
  const pyright = await execa(join(repoRoot, 'node_modules/.bin/pyright'), ['--outputjson', 'pointer_hints.py'], { cwd: dir, reject: false });
  const report = JSON.parse(pyright.stdout) as { generalDiagnostics: { severity: string; range: { start: { line: number } } }[] };
  const errorLines = [...new Set(report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line + 1))];
  const rejectedLines = readFileSync(usage, 'utf8').split('\n').flatMap((line, i) => (line.endsWith('# rejected') ? [i + 1] : []));
  t.is(rejectedLines.length, 6);
  t.deepEqual(errorLines, rejectedLines, pyright.stdout);
  const run = await execa('python3', ['pointer_hints.py'], { cwd: dir, env: { INTEROPC_LIB_DIR: dirname(library), PYTHONDONTWRITEBYTECODE: '1' }, reject: false, all: true });
  t.is(run.exitCode, 0, run.all);
  t.regex(run.all ?? '', /pointer hints: ok/);
});

test('python options: module name, library name and the API check on load', async (t) => {
  if (!requireTools(t, 'cargo', 'python3')) return;
  const config = { python: { module: 'renamed', libraryName: 'other', checkApi: false } };
  const [library, result] = await Promise.all([buildReferenceLibrary(), build({ crateDir: referenceProject, targets: ['python'], config })]);
  t.deepEqual(result.files.map((f) => f.path), ['renamed.py']);
  const dir = tempDir('interopc-pyopt-');
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  copyFileSync(library, join(dir, 'libother.so'));
  // A wrong hash passes because the check is off by default; asking for it raises.
  const script = [
    'import renamed',
    'renamed.API_HASH ^= 1',
    'renamed.init_lib(".")',
    'print(renamed.primitive_u32(41))',
    'try:',
    '    renamed.init_lib(".", check_api=True)',
    'except RuntimeError as error:',
    '    print("refused:", "regenerate" in str(error))',
  ].join('\n');
  const run = await execa('python3', ['-c', script], { cwd: dir, reject: false, all: true, env: { PYTHONDONTWRITEBYTECODE: '1' } });
  t.is(run.exitCode, 0, run.all);
  t.is(run.stdout, '42\nrefused: True');
});
