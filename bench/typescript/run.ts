/**
 * The TypeScript call-cost table of `npm run bench`: generates and compiles the reference
 * project's module (as its runtime test does), then runs bench/typescript/calls.ts in a fresh
 * node process, the generated module beside hand-written koffi declarations.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../runtime-tests/support/paths.js';
import { generateTypeScriptModule } from '../../runtime-tests/typescript/module.js';

export async function typescriptCallCost(): Promise<void> {
  const generated = await generateTypeScriptModule();
  const calls = join(repoRoot, 'dist/bench/typescript/calls.js');
  const run = await execa(process.execPath, [calls, pathToFileURL(generated.compiled).href, generated.libraryDir]);
  const rows = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, [number, number]>;
  const koffi = (await execa(process.execPath, ['-e', "import('koffi').then((k) => console.log(k.default.version))"], { cwd: repoRoot })).stdout.trim();
  console.log(`\nTypeScript: ns per call (koffi ${koffi}; best of ${process.env['BENCH_ROUNDS'] ?? '15'} alternating rounds × ${process.env['BENCH_CALLS'] ?? '100 000'} calls, each side through a local binding)\n`);
  console.log('| call | generated module | hand-written koffi | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, [generatedNs, handwrittenNs]] of Object.entries(rows)) {
    console.log(`| ${name} | ${generatedNs} | ${handwrittenNs} | ${(generatedNs / handwrittenNs).toFixed(2)} |`);
  }
}
