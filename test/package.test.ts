/**
 * The npm package: `files` in package.json decides what a published interopc holds (without it,
 * npm follows .gitignore and leaves out dist/, the whole compiler). The packed tarball is unpacked
 * and its executable run on a crate, with no node_modules of its own: a C build of a crate without
 * interopc.json needs none of the dependencies the bundle leaves outside.
 *
 * The same tarball is then used as a library, the way a build script would: another project
 * imports it by name (`exports` in package.json), runs `build`, prints diagnostics and writes files
 * through the entry, and type-checks against the declarations it ships.
 */
import test from 'ava';
import { execa } from 'execa';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { tempDir } from '../runtime-tests/support/temp.js';

/** The package packed and unpacked into `work/package`, once for every test of this file. */
const unpacked = (async () => {
  const work = tempDir('interopc-pack-');
  const packed = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: repoRoot });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error('npm pack printed nothing');
  await execa('tar', ['xzf', join(work, info.filename), '-C', work]);
  return { work, files: info.files.map((f) => f.path) };
})();

/** A crate with one exported function (and, with `broken`, a type that does not exist). */
function crate(dir: string, broken = false): string {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "packed"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n');
  writeFileSync(join(dir, 'src/lib.rs'), `#[unsafe(no_mangle)] pub extern "C" fn twice(x: ${broken ? 'Missing' : 'u32'}) -> u32 { x * 2 }\n`);
  return dir;
}

test('the packed package holds the executable, its bundle, the compiler and its declarations, and no tests', async (t) => {
  const { files } = await unpacked;
  for (const needed of ['bin/interopc.cjs', 'dist/bundle/interopc.cjs', 'dist/bundle/interopc.cjs.sha256', 'dist/bundle/launch.cjs', 'dist/compiler/cli/launch.js', 'dist/compiler/api.js', 'dist/compiler/index.js', 'dist/compiler/index.d.ts', 'dist/compiler/ir.d.ts', 'package.json', 'README.md']) {
    t.true(files.includes(needed), `${needed} is not packed`);
  }
  t.deepEqual(files.filter((f) => f.includes('.test.') || f.endsWith('.map') || f.startsWith('fixtures/')), []);
});

test('the unpacked executable builds a crate without node_modules', async (t) => {
  const { work } = await unpacked;
  const crateDir = crate(join(work, 'crate'));
  const run = await execa(process.execPath, [join(work, 'package/bin/interopc.cjs'), 'build', crateDir, '--target', 'c', '--out-dir', join(work, 'out'), '--plain'], {
    reject: false,
    env: { INTEROPC_CACHE_DIR: join(work, 'cache') },
  });
  t.is(run.exitCode, 0, run.stderr);
  t.deepEqual(readdirSync(join(work, 'out')), ['packed.h']);
  t.regex(readFileSync(join(work, 'out/packed.h'), 'utf8'), /uint32_t twice\(uint32_t x\);/);
});

/**
 * A project that depends on interopc: the unpacked package as its `node_modules/interopc`, with
 * the package's own dependencies (io-ts, fp-ts) taken from this repository's node_modules.
 */
async function consumer(name: string): Promise<string> {
  const { work } = await unpacked;
  const project = join(work, name);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  try {
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'package/node_modules'), 'dir');
  } catch {
    // Made by the other consumer test already.
  }
  symlinkSync(join(work, 'package'), join(project, 'node_modules/interopc'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, type: 'module', private: true }));
  return project;
}

test('another project imports the package by name, builds a crate, writes a header a C program links against, and prints diagnostics', async (t) => {
  const project = await consumer('consumer-js');
  const good = crate(join(project, 'good'));
  const bad = crate(join(project, 'bad'), true);
  writeFileSync(
    join(project, 'main.js'),
    [
      "import { build, renderDiagnostics, writeFilesAtomically, interopcVersion } from 'interopc';",
      `const ok = await build({ crateDir: ${JSON.stringify(good)}, targets: ['c'] });`,
      "const written = writeFilesAtomically(ok.outDir, ok.files);",
      `const failed = await build({ crateDir: ${JSON.stringify(bad)}, targets: ['c'] });`,
      "console.log(JSON.stringify({ version: interopcVersion(), ok: ok.ok, written, failed: failed.ok, files: failed.files.length, text: renderDiagnostics(failed.diagnostics, failed.sources, { color: false }) }));",
    ].join('\n'),
  );
  const run = await execa(process.execPath, ['main.js'], { cwd: project, reject: false });
  t.is(run.exitCode, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { version: string; ok: boolean; written: string[]; failed: boolean; files: number; text: string };
  t.is(out.version, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
  t.true(out.ok);
  // The written header is usable: a C program built against it calls the crate's library.
  await execa('cargo', ['build', '--offline', '--quiet'], { cwd: good });
  const lib = join(good, 'target/debug');
  writeFileSync(join(project, 'main.c'), '#include "packed.h"\n#include <stdio.h>\nint main(void) { printf("%u\\n", (unsigned) twice(21)); return 0; }\n');
  await execa('gcc', ['-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror', '-I', join(good, 'bindings'), 'main.c', '-L', lib, '-lpacked', '-o', 'main'], { cwd: project });
  t.is((await execa(join(project, 'main'), [], { env: { LD_LIBRARY_PATH: lib } })).stdout, '42');
  t.false(out.failed);
  t.is(out.files, 0);
  // A code, the file and position, the source line and a caret under `Missing`.
  t.regex(out.text, /error\[IC\d{4}\].*Missing/);
  t.regex(out.text, /src\/lib\.rs:1:\d+/);
  t.regex(out.text, /\^{7}/);
});

test('a TypeScript project type-checks against the shipped declarations, and a wrong call fails to', async (t) => {
  const project = await consumer('consumer-ts');
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['main.ts'] }),
  );
  const program = (call: string): string =>
    [
      "import { build, type BuildResult, type IrModule, type TypeRef, type Emitter } from 'interopc';",
      `const result: BuildResult = await ${call};`,
      'const ir: IrModule | undefined = result.ir;',
      "const refs: TypeRef[] = ir ? ir.functions.flatMap((f) => f.signature.params.map((p) => p.type)) : [];",
      "export const emitter: Pick<Emitter<object>, 'target'> | undefined = undefined;",
      'export const count: number = refs.length + result.diagnostics.length;',
    ].join('\n');
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  writeFileSync(join(project, 'main.ts'), program("build({ crateDir: 'crate', targets: ['c', 'python'] })"));
  const good = await execa(process.execPath, [tsc, '-p', '.'], { cwd: project, reject: false, all: true });
  t.is(good.exitCode, 0, good.all);
  writeFileSync(join(project, 'main.ts'), program("build({ crateDir: 'crate', targets: ['cobol'] })"));
  const wrong = await execa(process.execPath, [tsc, '-p', '.'], { cwd: project, reject: false, all: true });
  t.not(wrong.exitCode, 0);
  t.regex(wrong.all ?? '', /main\.ts.*error TS2322: Type '"cobol"' is not assignable to type 'TargetName'/);
});
