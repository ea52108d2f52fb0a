/**
 * The executable's start: the single-file build gives the same files as the compiler's modules, and
 * its code cache is written once, then used (V8 accepts it, so it is not rewritten), and a damaged
 * one is replaced without the run noticing.
 */
import test from 'ava';
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from '../api.js';
import { bundleHash, bundlePath, compileCacheDir, compileCachePath } from './launch.js';
import * as fromPackage from '../syntax/chevrotain.js';
import * as bundled from '../syntax/chevrotain-static.js';
import { referenceProject, repoRoot } from '../../runtime-tests/support/paths.js';
import { tempDir } from '../../runtime-tests/support/temp.js';

const targets = ['c', 'csharp', 'python', 'typescript'] as const;

async function runBin(args: readonly string[], cacheDir: string, env: Record<string, string> = {}) {
  return execa(process.execPath, [join(repoRoot, 'bin/interopc.cjs'), ...args], { reject: false, env: { INTEROPC_CACHE_DIR: cacheDir, ...env } });
}

test('the bundle and the launcher\'s CommonJS build exist (npm run build makes them)', (t) => {
  t.true(existsSync(bundlePath), `${bundlePath} is missing: run npm run build`);
  const launcher = join(repoRoot, 'dist/bundle/launch.cjs');
  t.true(existsSync(launcher), `${launcher} is missing: run npm run build`);
  // It stands in for launch.js: it finds the bundle and the code cache where that module would.
  t.regex(readFileSync(launcher, 'utf8'), /compiler\/cli\/launch\.js/);
});

test('the executable writes what build() returns, for every target', async (t) => {
  const out = tempDir('interopc-launch-out-');
  const run = await runBin(['build', referenceProject, ...targets.flatMap((x) => ['--target', x]), '--out-dir', out, '--plain'], tempDir('interopc-launch-cache-'));
  t.is(run.exitCode, 0, run.stderr);
  const expected = await build({ crateDir: referenceProject, targets: [...targets] });
  t.true(expected.ok);
  t.true(expected.files.length >= targets.length);
  for (const file of expected.files) t.is(readFileSync(join(out, file.path), 'utf8'), file.contents, file.path);
});

test('a build writes the code cache once; the next run uses it as it is', async (t) => {
  const cache = tempDir('interopc-launch-cache-');
  const out = tempDir('interopc-launch-out-');
  t.is((await runBin(['--version'], cache)).exitCode, 0);
  t.deepEqual(readdirSync(cache), [], 'only a build writes the cache');
  t.is((await runBin(['build', referenceProject, '--target', 'c', '--out-dir', out], cache)).exitCode, 0);
  const file = compileCachePath(bundleHash(), cache);
  t.deepEqual(readdirSync(cache), [basename(file)]);
  const first = statSync(file);
  t.true(first.size > 100_000, `a cache of ${first.size} bytes holds little compiled code`);
  t.is((await runBin(['build', referenceProject, '--target', 'c', '--out-dir', out], cache)).exitCode, 0);
  // Rewriting renames a new file into place: the same inode means V8 accepted the cache.
  t.is(statSync(file).ino, first.ino);
});

test('INTEROPC_COMPILE_CACHE=0 builds without reading or writing a cache', async (t) => {
  const cache = tempDir('interopc-launch-cache-');
  const run = await runBin(['build', referenceProject, '--target', 'c', '--out-dir', tempDir('interopc-launch-out-')], cache, { INTEROPC_COMPILE_CACHE: '0' });
  t.is(run.exitCode, 0, run.stderr);
  t.deepEqual(readdirSync(cache), []);
});

test('writing a cache removes the caches of other bundles under this node, and nothing else', async (t) => {
  const cache = tempDir('interopc-launch-cache-');
  const suffix = `-node${process.version}-${process.arch}.cache`;
  const stale = join(cache, `interopc-0123456789abcdef${suffix}`);
  const otherNode = join(cache, 'interopc-0123456789abcdef-nodev1.0.0-x64.cache');
  const unrelated = join(cache, 'notes.txt');
  for (const f of [stale, otherNode, unrelated]) writeFileSync(f, 'x');
  const run = await runBin(['build', referenceProject, '--target', 'c', '--out-dir', tempDir('interopc-launch-out-')], cache);
  t.is(run.exitCode, 0, run.stderr);
  t.deepEqual(readdirSync(cache).sort(), [basename(compileCachePath(bundleHash(), cache)), basename(otherNode), basename(unrelated)].sort());
});

test('a damaged cache is rejected by V8 and replaced; the build is unaffected', async (t) => {
  const cache = tempDir('interopc-launch-cache-');
  const out = tempDir('interopc-launch-out-');
  const file = compileCachePath(bundleHash(), cache);
  const damaged = Buffer.alloc(4096, 7);
  writeFileSync(file, damaged);
  const run = await runBin(['build', referenceProject, '--target', 'c', '--out-dir', out], cache);
  t.is(run.exitCode, 0, run.stderr);
  t.is(run.stderr, '');
  t.false(readFileSync(file).equals(damaged));
});

test('the cache directory follows INTEROPC_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', (t) => {
  t.is(compileCacheDir({ INTEROPC_CACHE_DIR: '/x', XDG_CACHE_HOME: '/y' }), '/x');
  t.is(compileCacheDir({ XDG_CACHE_HOME: '/y' }), '/y/interopc');
  t.regex(compileCacheDir({ XDG_CACHE_HOME: '' }), /\.cache\/interopc$/);
});

test('the cache is named by the bundle text, not its length: the hash beside the bundle is its SHA-256', (t) => {
  t.is(bundleHash(), createHash('sha256').update(readFileSync(bundlePath, 'utf8')).digest('hex'));
  t.not(compileCachePath('0123456789abcdef'), compileCachePath('fedcba9876543210'));
});

test('the bundle and the modules load Chevrotain with the same exports', (t) => {
  t.deepEqual(Object.keys(bundled).sort(), Object.keys(fromPackage).sort());
  for (const key of Object.keys(bundled)) t.is(typeof (bundled as Record<string, unknown>)[key], typeof (fromPackage as Record<string, unknown>)[key], key);
});

test('a reader that closes the pipe early stops the run quietly, without a stack trace', async (t) => {
  const out = tempDir('interopc-launch-out-');
  const bin = join(repoRoot, 'bin/interopc.cjs');
  const run = await execa('sh', ['-c', `"${process.execPath}" "${bin}" build "${referenceProject}" --target c --out-dir "${out}" --report | head -n 1`], { reject: false, env: { INTEROPC_CACHE_DIR: tempDir('interopc-launch-cache-') } });
  t.is(run.stdout.split('\n').length, 1);
  t.is(run.stderr, '');
});
