/**
 * The cdylib's exported symbols against the IR: every function the bindings declare exists in the
 * library (macro-generated service shims included), and the library exports nothing the IR lacks.
 */
import test from 'ava';
import { execa } from 'execa';
import { buildReferenceLibrary } from './support/cargo.js';
import { generateReference } from './support/generate.js';
import { requireTools } from './support/runtimes.js';

test('the reference cdylib exports exactly the functions in the IR', async (t) => {
  if (!requireTools(t, 'cargo', 'nm')) return;
  const [library, generated] = await Promise.all([buildReferenceLibrary(), generateReference()]);
  const nm = await execa('nm', ['-D', '--defined-only', library]);
  const exported = nm.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts[1] === 'T')
    .map((parts) => parts[2] ?? '')
    .sort();
  const declared = generated.ir.functions.map((f) => f.name).sort();
  t.deepEqual(exported, declared);
  // The service's shims are among them, as contracts.md §5 names them.
  for (const symbol of ['service_basic_new_with', 'service_basic_method_u32', 'service_basic_half', 'service_basic_destroy']) t.true(exported.includes(symbol), symbol);
  t.false(exported.includes('service_basic_internal'), 'an ignored method has no shim');
});

test('the reference project holds the API guard file interopc would write now', async (t) => {
  const { build } = await import('../compiler/api.js');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { referenceProject } = await import('./support/paths.js');
  const result = await build({ crateDir: referenceProject, targets: ['c'] });
  const [guard] = result.crateFiles;
  if (!guard) return t.fail('the reference project has an API guard, so a guard file is expected');
  t.is(guard.path, 'src/interopc_api.rs');
  t.is(readFileSync(join(referenceProject, guard.path), 'utf8'), guard.contents, 'stale: run `node bin/interopc.cjs build fixtures/reference-project` and commit the file');
});
