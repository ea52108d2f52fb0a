/**
 * The Rust support crates' own tests (unit tests, doc examples) run as part of `npm test`, so a
 * change to a pattern type's layout or behaviour cannot land unnoticed.
 */
import test from 'ava';
import { execa } from 'execa';
import { repoRoot } from './support/paths.js';
import { requireTools } from './support/runtimes.js';

test('cargo test passes for the interopc runtime crate (unit tests and doc examples)', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const run = await execa('cargo', ['test', '--offline', '--quiet', '-p', 'interopc'], { cwd: repoRoot, reject: false, all: true });
  t.is(run.exitCode, 0, run.all);
  // Both the unit tests and the doc examples ran (a filter or a missing target would show 0).
  const passed = [...(run.all ?? '').matchAll(/test result: ok\. (\d+) passed/g)].map((m) => Number(m[1]));
  t.true(passed.length >= 2 && passed.every((n) => n > 0), run.all);
});
