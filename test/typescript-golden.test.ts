/**
 * The reference project's TypeScript module is a golden file: every change to the TypeScript
 * backend's output is a reviewed diff (`UPDATE_GOLDEN=1` rewrites it). The golden cases' modules
 * are type-checked too (their expected output is C only).
 */
import test from 'ava';
import { execa } from 'execa';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { tsc, tscOptions } from '../runtime-tests/typescript/module.js';
import { caseCrate } from './support/case-crate.js';
import { compareReferenceGolden } from './support/golden.js';
import { tempDir } from '../runtime-tests/support/temp.js';

test('the reference project TypeScript module matches its golden file', (t) => compareReferenceGolden(t, 'typescript', 'typescript'));

test('every golden case builds a TypeScript module that tsc --strict accepts', async (t) => {
  const casesDir = join(repoRoot, 'fixtures/cases');
  // Under dist/, so that `import koffi from 'koffi'` resolves to the repository's node_modules.
  const dir = tempDir('cases-', join(repoRoot, 'dist/ts-generated'));
  const files: string[] = [];
  for (const name of readdirSync(casesDir).filter((n) => !n.startsWith('.')).sort()) {
    const result = await build({ crateDir: caseCrate(join(casesDir, name)), targets: ['typescript'] });
    t.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${name}: ${d.code} ${d.message}`), []);
    for (const f of result.files) {
      const file = `${name}-${f.path}`;
      writeFileSync(join(dir, file), f.contents);
      files.push(file);
    }
  }
  t.true(files.length >= 15, `only ${files.length} modules`);
  const run = await execa(tsc, [...tscOptions, '--noEmit', ...files], { cwd: dir, reject: false, all: true });
  t.is(run.all, '');
  t.is(run.exitCode, 0);
});
