/**
 * The npm package: `files` in package.json decides what a published interopc holds (without it,
 * npm follows .gitignore and leaves out dist/, the whole compiler). The packed tarball is unpacked
 * and its executable run on a crate, with no node_modules of its own: a C build of a crate without
 * interopc.json needs none of the dependencies the bundle leaves outside.
 */
import test from 'ava';
import { execa } from 'execa';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { tempDir } from '../runtime-tests/support/temp.js';

test('the packed package holds the executable, its bundle and the compiler, and no tests', async (t) => {
  const work = tempDir('interopc-pack-');
  const packed = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: repoRoot });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) return t.fail('npm pack printed nothing');
  const files = info.files.map((f) => f.path);
  for (const needed of ['bin/interopc.cjs', 'dist/bundle/interopc.cjs', 'dist/bundle/interopc.cjs.sha256', 'dist/bundle/launch.cjs', 'dist/compiler/cli/launch.js', 'dist/compiler/api.js', 'package.json', 'README.md']) {
    t.true(files.includes(needed), `${needed} is not packed`);
  }
  t.deepEqual(files.filter((f) => f.endsWith('.test.js') || f.endsWith('.map') || f.startsWith('fixtures/')), []);

  await execa('tar', ['xzf', join(work, info.filename), '-C', work]);
  const crate = join(work, 'crate');
  mkdirSync(join(crate, 'src'), { recursive: true });
  writeFileSync(join(crate, 'Cargo.toml'), '[package]\nname = "packed"\nversion = "0.1.0"\n');
  writeFileSync(join(crate, 'src/lib.rs'), '#[unsafe(no_mangle)] pub extern "C" fn twice(x: u32) -> u32 { x * 2 }\n');
  const run = await execa(process.execPath, [join(work, 'package/bin/interopc.cjs'), 'build', crate, '--target', 'c', '--out-dir', join(work, 'out'), '--plain'], {
    reject: false,
    env: { INTEROPC_CACHE_DIR: join(work, 'cache') },
  });
  t.is(run.exitCode, 0, run.stderr);
  t.deepEqual(readdirSync(join(work, 'out')), ['packed.h']);
  t.regex(readFileSync(join(work, 'out/packed.h'), 'utf8'), /uint32_t twice\(uint32_t x\);/);
});
