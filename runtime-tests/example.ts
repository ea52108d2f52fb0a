/**
 * `npm run example`: the main job end to end. Builds the reference cdylib with cargo, generates its
 * bindings with the `interopc` CLI, and runs a short program in each language against the library:
 * C (gcc), Python (python3), C# (mcs + mono, when installed) and TypeScript (tsc + node + koffi).
 */
import { execa } from 'execa';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTool } from './support/runtimes.js';
import { referenceProject, repoRoot, targetDir } from './support/paths.js';

const step = (text: string): void => console.log(`\n> ${text}`);
const examples = join(repoRoot, 'runtime-tests/examples');
const run = (file: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<unknown> =>
  execa(file, args, { stdio: 'inherit', ...options, env: { RUST_BACKTRACE: '0', ...options.env } });

async function main(): Promise<void> {
  step('cargo build -p reference-project');
  await run('cargo', ['build', '-p', 'reference-project'], { cwd: repoRoot });
  const outDir = join(referenceProject, 'bindings');
  const libDir = join(targetDir, 'debug');
  const targets = ['c', 'python', 'csharp', 'typescript'];
  step(`interopc build fixtures/reference-project ${targets.map((t) => `--target ${t}`).join(' ')} --out-dir ${outDir}`);
  await run('node', [join(repoRoot, 'bin/interopc.cjs'), 'build', referenceProject, ...targets.flatMap((t) => ['--target', t]), '--out-dir', outDir]);

  const exe = join(outDir, 'example');
  step('C: gcc -std=c99 -Wall -Wextra -pedantic -Werror example.c -lreference && ./example');
  await run('gcc', ['-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror', '-I', outDir, join(examples, 'example.c'), '-L', libDir, '-lreference', `-Wl,-rpath,${libDir}`, '-o', exe]);
  await run(exe, []);

  step('Python: python3 example.py');
  await run('python3', [join(examples, 'example.py'), libDir], { env: { PYTHONPATH: outDir, PYTHONDONTWRITEBYTECODE: '1' } });

  if (hasTool('mcs') && hasTool('mono')) {
    step('C#: mcs Interop.cs Example.cs && mono example.exe');
    await run('mcs', ['-unsafe', '-langversion:latest', '-nologo', `-out:${join(outDir, 'example.exe')}`, join(outDir, 'Interop.cs'), join(examples, 'Example.cs')]);
    await run('mono', [join(outDir, 'example.exe')], { env: { LD_LIBRARY_PATH: libDir } });
  } else {
    step('C#: skipped (mcs and mono are not installed; Debian: apt-get install mono-mcs mono-runtime)');
  }

  step('TypeScript: tsc reference.ts example.ts && node example.js');
  copyFileSync(join(examples, 'example.ts'), join(outDir, 'example.ts'));
  const tscOptions = ['--strict', '--target', 'ES2022', '--lib', 'ES2022,ESNext.Disposable', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
  await run(join(repoRoot, 'node_modules/.bin/tsc'), [...tscOptions, 'reference.ts', 'example.ts'], { cwd: outDir });
  await run('node', [join(outDir, 'example.js')], { env: { REFERENCE_LIBRARY_PATH: libDir } });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
