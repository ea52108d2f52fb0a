/**
 * The executable's V8 settings: each flag must be one this node's V8 knows (an unknown one makes V8
 * print "unrecognized flag" on every run), and the executable must run cleanly with them applied.
 */
import test from 'ava';
import { execa } from 'execa';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchRunFlags } from './v8-tuning.js';
import { repoRoot } from '../../runtime-tests/support/paths.js';
import { tempDir } from '../../runtime-tests/support/temp.js';

test('every batch-run flag is an option of this V8', async (t) => {
  const options = (await execa(process.execPath, ['--v8-options'])).stdout;
  for (const flag of batchRunFlags) {
    const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
    t.true(options.includes(`  --${name} `), `${flag} is not listed by node --v8-options`);
  }
});

test('the executable applies them and builds with a clean stderr', async (t) => {
  const dir = tempDir('interopc-bin-');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "bin-test"\nversion = "0.1.0"\n');
  writeFileSync(join(dir, 'src/lib.rs'), '#[unsafe(no_mangle)] pub extern "C" fn twice(x: u32) -> u32 { x * 2 }\n');
  const run = await execa(process.execPath, [join(repoRoot, 'bin/interopc.cjs'), 'build', dir, '--target', 'c', '--out-dir', join(dir, 'out'), '--plain'], { reject: false });
  t.is(run.exitCode, 0, run.stderr);
  t.is(run.stderr, '');
  t.regex(readFileSync(join(dir, 'out/bin_test.h'), 'utf8'), /uint32_t twice\(uint32_t x\);/);
});
