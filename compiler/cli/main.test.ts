/**
 * The CLI end to end, in-process: exit codes, writing, `--check`, `--report`, `--dump-ir`, and the
 * guarantee that nothing is written when there are errors.
 */
import test from 'ava';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from './main.js';
import { hashInGuardFile } from '../api-guard-file.js';
import { tempDir } from '../../runtime-tests/support/temp.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function crate(lib: string, config?: string): string {
  const dir = tempDir('interopc-cli-');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "cli-test"\nversion = "0.1.0"\n');
  writeFileSync(join(dir, 'src/lib.rs'), lib);
  if (config) writeFileSync(join(dir, 'interopc.json'), config);
  return dir;
}

const good = '#[repr(C)] pub struct P { pub x: u8 }\n#[unsafe(no_mangle)] pub extern "C" fn f(p: P) -> u8 { p.x }\nfn helper() {}';

test('build writes the header and exits 0; --check is then fresh', async (t) => {
  const dir = crate(good);
  const r = await run('build', dir, '--target', 'c');
  t.is(r.code, 0, r.stderr);
  const header = readFileSync(join(dir, 'bindings/cli_test.h'), 'utf8');
  t.true(header.includes('uint8_t f(P p);'));
  t.is((await run('build', dir, '--check')).code, 0);
  writeFileSync(join(dir, 'bindings/cli_test.h'), header + '// edited\n');
  const stale = await run('build', dir, '--check');
  t.is(stale.code, 1);
  t.regex(stale.stderr, /stale: .*cli_test\.h/);
  t.true(readFileSync(join(dir, 'bindings/cli_test.h'), 'utf8').endsWith('// edited\n'), '--check never writes');
});

test('a build leaves a file that already holds its output alone (same inode and modification time); a changed one is rewritten', async (t) => {
  const dir = crate(good);
  const header = join(dir, 'bindings/cli_test.h');
  t.regex((await run('build', dir, '--target', 'c')).stdout, /^wrote .*cli_test\.h$/m);
  const first = statSync(header);
  const again = await run('build', dir, '--target', 'c');
  t.is(again.code, 0, again.stderr);
  t.regex(again.stdout, /^unchanged .*cli_test\.h$/m);
  t.notRegex(again.stdout, /wrote/);
  t.is(statSync(header).ino, first.ino);
  t.is(statSync(header).mtimeMs, first.mtimeMs);
  writeFileSync(header, '// edited\n');
  t.regex((await run('build', dir, '--target', 'c')).stdout, /^wrote .*cli_test\.h$/m);
  t.true(readFileSync(header, 'utf8').includes('uint8_t f(P p);'));
});

test('errors: exit 1, a code frame, and nothing written (old files untouched)', async (t) => {
  const dir = crate(good);
  t.is((await run('build', dir)).code, 0);
  const before = readFileSync(join(dir, 'bindings/cli_test.h'), 'utf8');
  writeFileSync(join(dir, 'src/lib.rs'), 'pub struct Q { x: u8 }\n#[unsafe(no_mangle)] pub extern "C" fn f(q: Q) {}\nstruct Broken {');
  const r = await run('build', dir, '--plain');
  t.is(r.code, 1);
  t.regex(r.stderr, /error\[IC1004\]: unclosed delimiter/);
  t.regex(r.stderr, / --> src\/lib\.rs:3:\d+/);
  t.regex(r.stderr, /\^/);
  t.regex(r.stderr, /no files written/);
  t.notRegex(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  t.is(readFileSync(join(dir, 'bindings/cli_test.h'), 'utf8'), before);
  t.deepEqual(readdirSync(join(dir, 'bindings')), ['cli_test.h'], 'no temporary files left');
});

test('a fresh crate with errors gets no output directory at all', async (t) => {
  const dir = crate('#[unsafe(no_mangle)] pub extern "C" fn f(s: String) {}');
  t.is((await run('build', dir)).code, 1);
  t.false(existsSync(join(dir, 'bindings')));
});

test('usage and configuration errors exit 2', async (t) => {
  t.is((await run('build', '--target', 'rust')).code, 2);
  t.is((await run('build', '--bogus')).code, 2);
  t.is((await run('frobnicate')).code, 2);
  t.is((await run('build', '--dump-ir=not-a-pass')).code, 2);
  const dir = crate(good, '{ "c": { "prefx": "x" } }');
  const r = await run('build', dir);
  t.is(r.code, 2);
  t.regex(r.stderr, /unknown key `c\.prefx`/);
  t.is((await run('build', tempDir('interopc-empty-'))).code, 2);
});

test('--report lists exported and skipped items with reasons; --dump-ir prints versioned JSON', async (t) => {
  const dir = crate(good);
  const report = await run('build', dir, '--report', '--check');
  t.regex(report.stdout, /^exported fn crate::f$/m);
  t.regex(report.stdout, /^exported struct crate::P$/m);
  t.regex(report.stdout, /^skipped {2}fn crate::helper {2}not-no-mangle: /m);
  const dump = await run('build', dir, '--dump-ir');
  t.is(dump.code, 0);
  const ir = JSON.parse(dump.stdout) as { irVersion: number; pass: string; functions: { name: string }[] };
  t.is(ir.irVersion, 1);
  t.is(ir.pass, 'order-declarations');
  t.deepEqual(ir.functions.map((f) => f.name), ['f']);
  const early = JSON.parse((await run('build', dir, '--dump-ir=resolve-names')).stdout) as { pass: string; roots: { functions: string[] } };
  t.deepEqual(early.roots.functions, ['crate::f']);
  t.false(existsSync(join(dir, 'bindings')), '--dump-ir writes nothing');
});

test('--help and --version', async (t) => {
  t.regex((await run('--help')).stdout, /usage: interopc build/);
  t.regex((await run('--version')).stdout, /^interopc \d+\.\d+\.\d+\n$/);
});

test('the API guard file: written beside the guard, fresh under --check, and stale once the API changes', async (t) => {
  const guarded = (extra: string): string =>
    `include!("interopc_api.rs");\n#[interopc::ffi_function]\n#[interopc::ffi_api_guard]\npub fn api_guard() -> u64 { API_HASH }\n#[unsafe(no_mangle)] pub extern "C" fn f(x: u8) -> u8 { x }\n${extra}`;
  const dir = crate(guarded(''));
  const first = await run('build', dir, '--target', 'c');
  t.is(first.code, 0, first.stderr);
  const file = readFileSync(join(dir, 'src/interopc_api.rs'), 'utf8');
  const written = hashInGuardFile(file);
  t.truthy(written);
  t.true(readFileSync(join(dir, 'bindings/cli_test.h'), 'utf8').includes(`#define CLI_TEST_API_HASH ${written}ULL`));
  t.is((await run('build', dir, '--target', 'c', '--check')).code, 0);
  // A new exported function changes the API: the library's guard now returns an outdated value.
  writeFileSync(join(dir, 'src/lib.rs'), guarded('#[unsafe(no_mangle)] pub extern "C" fn g() {}\n'));
  const stale = await run('build', dir, '--target', 'c', '--check');
  t.is(stale.code, 1);
  const now = /hashes to (0x[0-9a-f]{16})/.exec(stale.stderr)?.[1];
  t.truthy(now);
  t.not(now, written);
  t.true(stale.stderr.includes(`holds ${written}`), stale.stderr);
  t.true(stale.stderr.includes('error[IC4007]'), stale.stderr);
});

test('an API guard with the wrong signature is IC2216', async (t) => {
  const dir = crate('#[interopc::ffi_function]\n#[interopc::ffi_api_guard]\npub fn api_guard(x: u8) -> u32 { x as u32 }\n');
  const r = await run('build', dir, '--target', 'c', '--plain');
  t.is(r.code, 1);
  t.regex(r.stderr, /error\[IC2216\]: the API guard `api_guard` must take nothing and return `u64`/);
  t.false(existsSync(join(dir, 'src/interopc_api.rs')));
});
