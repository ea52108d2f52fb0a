/**
 * How the `interopc` executable starts: V8 tuned for one batch run (`v8-tuning.ts`), then the CLI
 * from its single-file build (`tools/bundle.ts`) compiled with V8's code cache.
 *
 * Without a cache, every run parses and compiles the compiler's JavaScript again, function by
 * function as each is first called: on a small crate that is a third of the run. A code cache made
 * after a build holds the bytecode of every function that build compiled, so later runs skip that
 * work (ES modules have no such cache in Node 20; a classic script compiled with `vm.Script` does).
 *
 * The cache is one file per user (`$XDG_CACHE_HOME/interopc`, else `~/.cache/interopc`, or
 * `INTEROPC_CACHE_DIR`), named by the bundle's content hash and node's version: V8 itself checks
 * only the source's length, its own version and flags, so a rebuilt bundle of the same length must
 * not find the old cache. The hash is computed when the bundle is built (`interopc.cjs.sha256`
 * beside it): hashing at every start took 13 ms, most of it loading node's crypto module. The cache
 * is written after a `build` when it was missing or V8 rejected it, and writing it removes the
 * caches of earlier bundles; `INTEROPC_COMPILE_CACHE=0` turns it off. Any failure to read or write
 * it only costs the speed.
 * Without the bundle (only `tsc` ran), the CLI's modules are imported as usual.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Io } from './main.js';
import { tuneV8ForBatchRun } from './v8-tuning.js';
import { writeBeside } from './write-files.js';

type Main = (argv: readonly string[], io: Io) => Promise<number>;

export const bundlePath = join(dirname(fileURLToPath(import.meta.url)), '../../bundle/interopc.cjs');

export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  return env['INTEROPC_CACHE_DIR'] ?? join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'interopc');
}

/** The bundle's content hash (hex), written beside it by `tools/bundle.ts`. */
export const bundleHash = (): string => readFileSync(`${bundlePath}.sha256`, 'utf8').trim();

/** The cache file for the bundle with content hash `hash` under this node. */
export const compileCachePath = (hash: string, dir = compileCacheDir()): string => join(dir, `interopc-${hash.slice(0, 16)}-node${process.version}-${process.arch}.cache`);

/** The cache file, or undefined where there is none to be had (no hash file, no home directory). */
function cachePathIfAny(): string | undefined {
  try {
    return compileCachePath(bundleHash());
  } catch {
    return undefined;
  }
}

interface Loaded {
  readonly main: Main;
  /** Writes the code cache when this run should (see the module comment). */
  readonly saveCache: () => void;
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Caches of other bundles under this node (every rebuild of interopc makes a new one): removed
 * when a new cache is written, so the folder holds one file per node version, not one per build.
 */
function removeStaleCaches(current: string): void {
  const dir = dirname(current);
  const suffix = `-node${process.version}-${process.arch}.cache`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('interopc-') && name.endsWith(suffix) && join(dir, name) !== current) rmSync(join(dir, name), { force: true });
  }
}

/** Compiles and runs the bundle's `source` as a CommonJS module, with the code cache in `cache` (if any). */
function loadBundle(bundle: string, source: string, cache: string | undefined): Loaded {
  const file = cache ?? '';
  const cachedData = cache !== undefined ? readCache(file) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const main = module.exports.main;
  if (typeof main !== 'function') throw new Error(`${bundle} does not export main`);
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    main,
    saveCache: () => {
      if (cache === undefined || !fresh) return;
      try {
        // Written whole, then renamed: a run that starts meanwhile reads the old file or none.
        renameSync(writeBeside(file, script.createCachedData()), file);
        removeStaleCaches(file);
      } catch {
        // A read-only home or a full disk: the next run compiles from source, as it would anyway.
      }
    },
  };
}

/**
 * A reader that stops early (`interopc build --report | head`) closes the pipe: the next write
 * fails with EPIPE, which would end in a stack trace. Stop quietly instead, as a C tool does when
 * SIGPIPE ends it (the shell's status for that, 128 + 13).
 */
function quietOnClosedPipe(io: Io): void {
  for (const stream of [io.stdout, io.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(141);
    });
  }
}

export async function launch(argv: readonly string[], io: Io): Promise<number> {
  tuneV8ForBatchRun();
  quietOnClosedPipe(io);
  // A URL, not './main.js': the launcher's own single-file build (`tools/bundle.ts`) lives elsewhere
  // and only pretends, through `import.meta.url`, to be this module.
  if (!existsSync(bundlePath)) return ((await import(new URL('./main.js', import.meta.url).href)) as { main: Main }).main(argv, io);
  const source = readFileSync(bundlePath, 'utf8');
  const loaded = loadBundle(bundlePath, source, process.env['INTEROPC_COMPILE_CACHE'] !== '0' ? cachePathIfAny() : undefined);
  const code = await loaded.main(argv, io);
  // Only a build compiles most of the compiler; a cache made by `--help` would stay thin.
  if (argv[0] === 'build') loaded.saveCache();
  return code;
}
