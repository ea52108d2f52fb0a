/**
 * The reference project's Python module is a golden file: every change to the Python backend's
 * output is a reviewed diff (`UPDATE_GOLDEN=1` rewrites it). The golden cases' modules are
 * type-checked and imported too (their expected output is C only).
 */
import test from 'ava';
import { execa } from 'execa';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { caseCrate } from './support/case-crate.js';
import { compareReferenceGolden } from './support/golden.js';
import { tempDir } from '../runtime-tests/support/temp.js';

test('the reference project Python module matches its golden file', (t) => compareReferenceGolden(t, 'python', 'python'));

test('every golden case builds a Python module that pyright --strict accepts and python3 imports', async (t) => {
  const casesDir = join(repoRoot, 'fixtures/cases');
  const dir = tempDir('interopc-pycases-');
  const modules: string[] = [];
  for (const name of readdirSync(casesDir).filter((n) => !n.startsWith('.')).sort()) {
    const result = await build({ crateDir: caseCrate(join(casesDir, name)), targets: ['python'], config: { python: { module: `case_${name.replace(/-/g, '_')}` } } });
    t.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${name}: ${d.code} ${d.message}`), []);
    for (const f of result.files) {
      writeFileSync(join(dir, f.path), f.contents);
      modules.push(f.path.replace(/\.py$/, ''));
    }
  }
  t.true(modules.length >= 15, `only ${modules.length} modules`);
  writeFileSync(join(dir, 'pyrightconfig.json'), JSON.stringify({ typeCheckingMode: 'strict', pythonVersion: '3.9' }));
  const pyright = await execa(join(repoRoot, 'node_modules/.bin/pyright'), ['--outputjson'], { cwd: dir, reject: false });
  const report = JSON.parse(pyright.stdout) as { summary: { filesAnalyzed: number; errorCount: number }; generalDiagnostics: unknown[] };
  t.is(report.summary.filesAnalyzed, modules.length);
  t.deepEqual(report.generalDiagnostics, []);
  // Importing runs every class body and `_fields_` assignment: ctypes accepts the layouts.
  const run = await execa('python3', ['-c', modules.map((m) => `import ${m}`).join('\n')], { cwd: dir, reject: false, all: true, env: { PYTHONDONTWRITEBYTECODE: '1' } });
  t.is(run.exitCode, 0, run.all);
});
