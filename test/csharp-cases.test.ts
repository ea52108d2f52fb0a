/**
 * Every golden case's C# file compiles with `mcs` (warnings as errors, XML doc comments checked):
 * the cases hold shapes the reference project does not (keywords, renames, unions, deep aliases),
 * so this keeps the C# backend honest on all of them without a second set of goldens to review.
 * Also: names that collide only after C# casing are errors.
 */
import test from 'ava';
import { execa } from 'execa';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { requireTools } from '../runtime-tests/support/runtimes.js';
import { caseCrate } from './support/case-crate.js';
import { tempDir } from '../runtime-tests/support/temp.js';

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

test('names that collide only after C# casing are IC4006 errors naming both', async (t) => {
  const dir = tempDir('interopc-cs-collide-');
  writeFileSync(
    join(dir, 'input.rs'),
    [
      '#[unsafe(no_mangle)]',
      'pub extern "C" fn foo_bar() {}',
      '#[unsafe(no_mangle)]',
      '#[allow(non_snake_case)]',
      'pub extern "C" fn fooBar() {}',
      '#[repr(C)]',
      '#[allow(non_snake_case)]',
      'pub struct S { pub a_b: u8, pub aB: u8 }',
      '#[unsafe(no_mangle)]',
      'pub extern "C" fn take(s: S) -> u8 { s.a_b }',
      '',
    ].join('\n'),
  );
  const result = await build({ crateDir: caseCrate(dir), targets: ['csharp'] });
  t.deepEqual(result.files, []);
  t.deepEqual(
    result.diagnostics.filter((d) => d.code === 'IC4006').map((d) => d.message),
    ['function `fooBar` and function `foo_bar` are both `FooBar` in the functions and constants of the C# file', 'field `aB` and field `a_b` are both `AB` in `S` of the C# file'],
  );
});
