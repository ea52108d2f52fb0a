/**
 * The reference project's TypeScript module is a golden file: every change to the TypeScript backend's
 * output is a reviewed diff (`UPDATE_GOLDEN=1` rewrites it).
 */
import test from 'ava';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from '../compiler/api.js';
import { referenceProject } from '../runtime-tests/support/paths.js';

test('the reference project TypeScript module matches its golden file', async (t) => {
  const result = await build({ crateDir: referenceProject, targets: ['typescript'] });
  const [module] = result.files;
  if (!module) return t.fail(result.diagnostics.map((d) => d.message).join('\n'));
  const golden = join(referenceProject, 'expected/typescript', module.path);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, module.contents);
    t.log(`rewrote ${golden}: review the diff before committing`);
  }
  t.is(module.contents, readFileSync(golden, 'utf8'));
});
