/**
 * Golden suites. `fixtures/cases/<name>/`: the expected output of every target, compared exactly,
 * and every C header also compiled by gcc (C99, strict) and g++. `fixtures/errors/<name>/`: the
 * plain rendering of every diagnostic, and proof that nothing is generated.
 */
import test from 'ava';
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import { renderDiagnostics } from '../compiler/diagnostics/render.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { requireTools } from '../runtime-tests/support/runtimes.js';
import { caseCrate } from './support/case-crate.js';
import { compareGolden } from './support/golden.js';

const casesDir = join(repoRoot, 'fixtures/cases');
const errorsDir = join(repoRoot, 'fixtures/errors');
const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);
const folders = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : []);

for (const name of folders(casesDir)) {
  test(`case ${name}`, async (t) => {
    const caseDir = join(casesDir, name);
    const crate = caseCrate(caseDir);
    const result = await build({ crateDir: crate, targets: ['c'] });
    t.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), []);
    t.true(result.files.length > 0);
    // MSVC reads a header without a BOM in the system code page, and warns (C4819, an error under
    // /WX) at any other byte: what interopc writes itself is ASCII, so only the crate's own text can
    // bring anything else in.
    const asciiInput = result.sources.all().every((f) => isAscii(f.text));
    for (const file of result.files) {
      compareGolden(t, join(caseDir, 'expected', 'c', file.path), file.contents);
      if (asciiInput) t.true(isAscii(file.contents), `${file.path} has non-ASCII text that its crate does not`);
      if (!requireTools(t, 'gcc', 'g++')) continue;
      writeFileSync(join(crate, file.path), file.contents);
      const main = join(crate, 'use_header.c');
      writeFileSync(main, `#include "${file.path}"\nint main(void) { return 0; }\n`);
      await execa('gcc', ['-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror', '-c', main, '-o', join(crate, 'c.o')]);
      await execa('g++', ['-x', 'c++', '-Wall', '-Wextra', '-Werror', '-c', main, '-o', join(crate, 'cpp.o')]);
    }
  });
}

for (const name of folders(errorsDir)) {
  test(`error ${name}`, async (t) => {
    const caseDir = join(errorsDir, name);
    const crate = caseCrate(caseDir);
    const result = await build({ crateDir: crate, targets: ['c'] });
    t.false(result.ok, 'the build must fail');
    t.deepEqual(result.files, [], 'nothing is generated');
    const text = renderDiagnostics(result.diagnostics, result.sources, { color: false }) + '\n';
    compareGolden(t, join(caseDir, 'expected', 'diagnostics.txt'), text);
  });
}

test('the error suite covers at least 15 distinct diagnostic codes', (t) => {
  const codes = new Set<string>();
  for (const name of folders(errorsDir)) {
    const path = join(errorsDir, name, 'expected', 'diagnostics.txt');
    if (existsSync(path)) for (const m of readFileSync(path, 'utf8').matchAll(/error\[(IC\d+)\]/g)) codes.add(m[1] ?? '');
  }
  t.true(codes.size >= 15, `only ${codes.size} codes: ${[...codes].join(', ')}`);
});
