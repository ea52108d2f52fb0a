/**
 * The Rust support crates' own tests (unit tests, doc examples) run as part of `npm test`, so a
 * change to a pattern type's layout or behaviour cannot land unnoticed.
 */
import test from 'ava';
import { execa } from 'execa';
import { repoRoot } from './support/paths.js';
import { requireTools } from './support/runtimes.js';

/** Runs `cargo test` for one package; returns the passed-count of every test binary it ran. */
async function cargoTest(pkg: string): Promise<{ exitCode: number | undefined; output: string; passed: number[] }> {
  const run = await execa('cargo', ['test', '--offline', '--quiet', '-p', pkg], { cwd: repoRoot, reject: false, all: true });
  const output = run.all ?? '';
  return { exitCode: run.exitCode, output, passed: [...output.matchAll(/test result: ok\. (\d+) passed/g)].map((m) => Number(m[1])) };
}

test('cargo test passes for the interopc runtime crate (unit tests and doc examples)', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const run = await cargoTest('interopc');
  t.is(run.exitCode, 0, run.output);
  // Both the unit tests and the doc examples ran (a filter or a missing target would show 0).
  t.true(run.passed.length >= 2 && run.passed.every((n) => n > 0), run.output);
});

test('cargo test passes for interopc-macros: expansions, panic policies and pinned compile errors', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const run = await cargoTest('interopc-macros');
  t.is(run.exitCode, 0, run.output);
  // expand.rs, abort.rs and ui.rs each ran at least one test.
  t.true(run.passed.filter((n) => n > 0).length >= 3, run.output);
});

test('cargo test passes for the reference project (its own unit tests of every module)', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const run = await cargoTest('reference-project');
  t.is(run.exitCode, 0, run.output);
  t.true(run.passed.some((n) => n >= 5), run.output);
});
