/**
 * How the generated TypeScript module finds and checks the library: the `libraryPath` and
 * `libraryEnv` options, and the API guard, which refuses a library built from other sources with
 * an error naming both hashes.
 */
import test from 'ava';
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { typescriptEmitter, type TypeScriptOptions } from '../emitters/typescript/index.js';
import { requireTools } from './support/runtimes.js';
import { generateTypeScriptModule, tsc, tscOptions, type Module } from './typescript/module.js';

/** Emits the reference module with `options` and `apiHash` as `<name>.ts` next to the generated one, compiles it. */
async function variant(name: string, options: TypeScriptOptions, apiHash?: string): Promise<string> {
  const g = await generateTypeScriptModule();
  const meta = { version: '0.0.0', crateName: 'reference-project', name: 'reference', apiHash: apiHash ?? g.apiHash };
  const [file] = typescriptEmitter.emit(g.ir, { ...options, module: name }, meta).files;
  if (!file) throw new Error('no module emitted');
  writeFileSync(join(g.dir, file.path), file.contents);
  const run = await execa(tsc, [...tscOptions, '--skipLibCheck', file.path], { cwd: g.dir, reject: false, all: true });
  if (run.exitCode !== 0) throw new Error(run.all);
  return pathToFileURL(join(g.dir, file.path.replace(/\.ts$/, '.js'))).href;
}

test('the libraryPath option finds the library when the environment variable is unset', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  const url = await variant('by_option', { libraryPath: g.libraryDir, libraryEnv: 'INTEROPC_TEST_UNSET_LIBRARY_PATH' });
  const m = (await import(url)) as Module;
  t.is(m['primitiveU32'](1), 2);
  t.is(m['LIBRARY_NAME'], 'reference');
});

test('a library whose API guard differs is refused on import, naming both hashes', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  const url = await variant('stale_guard', { libraryPath: g.libraryDir }, '0x0000000000000001');
  const error = await t.throwsAsync(import(url));
  t.regex(error?.message ?? '', /the library's API hash is 0x[0-9a-f]{16} but these bindings were generated for 0x0000000000000001: regenerate the bindings or rebuild the library/);
  t.true(error?.message.includes(g.apiHash.toLowerCase()) ?? false, error?.message);
});

test('checkApi: false binds a library with another API hash', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  const url = await variant('unchecked_guard', { libraryPath: g.libraryDir, checkApi: false }, '0x0000000000000001');
  const m = (await import(url)) as Module;
  t.is(m['API_HASH'], 1n);
  t.is(m['primitiveU32'](41), 42);
});

test('a missing library fails the import with the loader\'s message', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const url = await variant('missing_library', { libraryName: 'interopc_no_such_library', libraryEnv: 'INTEROPC_TEST_UNSET_LIBRARY_PATH' });
  const run = await execa(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(url)})`], { reject: false, all: true });
  t.not(run.exitCode, 0);
  t.regex(run.all ?? '', /cannot load libinteropc_no_such_library\.so: .*; set INTEROPC_TEST_UNSET_LIBRARY_PATH to the library file or its directory/);
});
