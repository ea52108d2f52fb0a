/**
 * (a) The generated header, compiled with the C test program by gcc (C99, strict) and g++ (C++),
 * linked against the reference cdylib and run: every exported function is called and checked.
 */
import test from 'ava';
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildReferenceLibrary } from './support/cargo.js';
import { generateReference } from './support/generate.js';
import { repoRoot } from './support/paths.js';
import { requireTools } from './support/runtimes.js';

const testProgram = join(repoRoot, 'runtime-tests/c/reference_test.c');

const compilers = [
  { name: 'gcc', args: ['-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror'] },
  { name: 'g++', args: ['-x', 'c++', '-Wall', '-Wextra', '-Werror'] },
];

for (const compiler of compilers) {
  test(`${compiler.name}: the reference test program passes against the cdylib`, async (t) => {
    if (!requireTools(t, compiler.name, 'cargo')) return;
    const [library, generated] = await Promise.all([buildReferenceLibrary(), generateReference()]);
    const exe = join(generated.dir, `reference_test_${compiler.name.replace(/\+/g, 'p')}`);
    const libDir = dirname(library);
    await execa(compiler.name, [...compiler.args, '-I', generated.dir, testProgram, '-L', libDir, '-lreference', `-Wl,-rpath,${libDir}`, '-o', exe]);
    const run = await execa(exe, [], { reject: false, env: { RUST_BACKTRACE: '0' } });
    t.is(run.exitCode, 0, run.stdout + run.stderr);
    const summary = /(\d+) passed, (\d+) failed/.exec(run.stdout);
    t.truthy(summary, run.stdout);
    t.is(summary?.[2], '0');
    t.true(Number(summary?.[1]) >= 100, `only ${summary?.[1]} checks ran`);
  });
}

test('the C test program calls every exported function', async (t) => {
  const generated = await generateReference();
  const source = readFileSync(testProgram, 'utf8');
  const uncalled = generated.ir.functions.map((f) => f.name).filter((name) => !new RegExp(`\\b${name}\\(`).test(source));
  t.deepEqual(uncalled, []);
});
