/**
 * Every golden case's C# file compiles with `mcs` (warnings as errors, XML doc comments checked):
 * the cases hold shapes the reference project does not (keywords, renames, unions, deep aliases),
 * so this keeps the C# backend honest on all of them without a second set of goldens to review.
 */
import test from 'ava';
import { execa } from 'execa';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { requireTools } from '../runtime-tests/support/runtimes.js';
import { caseCrate } from './support/case-crate.js';

const casesDir = join(repoRoot, 'fixtures/cases');
const cases = existsSync(casesDir) ? readdirSync(casesDir).filter((n) => !n.startsWith('.')).sort() : [];

for (const name of cases) {
  test(`case ${name}: the C# file compiles with mcs -warnaserror`, async (t) => {
    if (!requireTools(t, 'mcs')) return;
    const crate = caseCrate(join(casesDir, name));
    const result = await build({ crateDir: crate, targets: ['csharp'] });
    t.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), []);
    for (const f of result.files) writeFileSync(join(crate, f.path), f.contents);
    const compile = await execa('mcs', ['-unsafe', '-warnaserror+', '-langversion:latest', '-nologo', '-target:library', '-doc:bindings.xml', '-nowarn:1591', '-out:bindings.dll', ...result.files.map((f) => f.path)], { cwd: crate, reject: false, all: true });
    t.is(compile.exitCode, 0, compile.all);
  });
}
