/**
 * `npm run example`: the main job end to end. Builds the reference cdylib with cargo, generates its
 * C header with the `interopc` CLI, compiles a small C program against both and runs it.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { referenceProject, repoRoot, targetDir } from './support/paths.js';

const step = (text: string): void => console.log(`\n> ${text}`);

async function main(): Promise<void> {
  step('cargo build -p reference-project');
  await execa('cargo', ['build', '-p', 'reference-project'], { cwd: repoRoot, stdio: 'inherit' });
  const outDir = join(referenceProject, 'bindings');
  step(`interopc build fixtures/reference-project --target c --out-dir ${outDir}`);
  await execa('node', [join(repoRoot, 'bin/interopc.js'), 'build', referenceProject, '--target', 'c', '--out-dir', outDir], { stdio: 'inherit' });
  const exe = join(outDir, 'example');
  const libDir = join(targetDir, 'debug');
  step('gcc -std=c99 -Wall -Wextra -pedantic -Werror example.c -lreference');
  await execa('gcc', ['-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror', '-I', outDir, join(repoRoot, 'runtime-tests/c/example.c'), '-L', libDir, '-lreference', `-Wl,-rpath,${libDir}`, '-o', exe], { stdio: 'inherit' });
  step('./example');
  await execa(exe, [], { stdio: 'inherit', env: { RUST_BACKTRACE: '0' } });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
