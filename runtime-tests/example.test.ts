/**
 * The README's first command (`npm run example`) works: every language's tour runs against the
 * reference library and prints what the library computed.
 */
import test from 'ava';
import { execa } from 'execa';
import { join } from 'node:path';
import { repoRoot } from './support/paths.js';
import { requireTools } from './support/runtimes.js';

test('npm run example: C, Python, C# and TypeScript programs run against the generated bindings', async (t) => {
  if (!requireTools(t, 'cargo', 'gcc', 'python3', 'mcs', 'mono')) return;
  const run = await execa('node', [join(repoRoot, 'dist/runtime-tests/example.js')], { cwd: repoRoot, reject: false, all: true });
  t.is(run.exitCode, 0, run.all);
  const out = run.stdout;
  t.regex(out, /service_basic_method_u32\(s, 2\) = 42/);
  for (const line of [/service\.half\(\) +\= 20/, /service\.Half\(\) +\= 20/]) t.regex(out, line);
  t.is(out.match(/= 6 bytes of UTF-8/g)?.length, 3); // Python, C#, TypeScript
  t.is(out.match(/= 42\n/g)?.length, 16); // every "= 42" line of the four tours
});
