/**
 * Generates the reference project's TypeScript module (once per test process) into a fresh
 * directory under `dist/` (so the module's `import koffi from 'koffi'` resolves to the
 * repository's node_modules), type-checks it with `tsc --strict --noEmit`, compiles it with tsc,
 * and imports it with the reference cdylib (found through `REFERENCE_LIBRARY_PATH`).
 */
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../../compiler/api.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { IrModule } from '../../compiler/ir.js';
import { buildReferenceLibrary } from '../support/cargo.js';
import { referenceProject, repoRoot } from '../support/paths.js';
import { tempDir } from '../support/temp.js';

/**
 * The compiler options every check uses (contracts.md §7): strict, ES2022 with the disposable
 * lib (for `Disposable` and `Symbol.dispose`), Node's ESM resolution, @types/node.
 */
export const tscOptions = [
  '--strict', '--target', 'ES2022', '--lib', 'ES2022,ESNext.Disposable', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node',
  // Hand-written modules carry no dead helpers or imports: neither may a generated one.
  '--noUnusedLocals', '--noUnusedParameters',
];

export const tsc = join(repoRoot, 'node_modules/.bin/tsc');

export interface GeneratedModule {
  readonly dir: string;
  /** The generated `.ts` file. */
  readonly source: string;
  /** The compiled `.js` file. */
  readonly compiled: string;
  readonly ir: IrModule;
  /** The API hash the module was generated for ("0x" + 16 hex digits). */
  readonly apiHash: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The library's directory (for `REFERENCE_LIBRARY_PATH`). */
  readonly libraryDir: string;
  /** `tsc --strict --noEmit` output (empty when clean) and exit code. */
  readonly check: { readonly exitCode: number | undefined; readonly output: string };
}

let generated: Promise<GeneratedModule> | undefined;

export function generateTypeScriptModule(): Promise<GeneratedModule> {
  generated ??= (async () => {
    const [library, result] = await Promise.all([buildReferenceLibrary(), build({ crateDir: referenceProject, targets: ['typescript'] })]);
    const [file] = result.files;
    if (!result.ok || !result.ir || !file) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    const dir = tempDir('reference-', join(repoRoot, 'dist/ts-generated'));
    const source = join(dir, file.path);
    writeFileSync(source, file.contents);
    const check = await execa(tsc, [...tscOptions, '--noEmit', file.path], { cwd: dir, reject: false, all: true });
    const emit = await execa(tsc, [...tscOptions, '--skipLibCheck', file.path], { cwd: dir, reject: false, all: true });
    if (emit.exitCode !== 0) throw new Error(`tsc failed on the generated module:\n${emit.all}`);
    return {
      dir,
      source,
      compiled: source.replace(/\.ts$/, '.js'),
      ir: result.ir,
      apiHash: result.apiHash ?? '',
      diagnostics: result.diagnostics,
      libraryDir: dirname(library),
      check: { exitCode: check.exitCode, output: check.all ?? '' },
    };
  })();
  return generated;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Module = Record<string, any>;

/** Imports the compiled module bound to the reference library. */
export async function importReference(): Promise<{ module: Module; generated: GeneratedModule }> {
  const g = await generateTypeScriptModule();
  process.env['REFERENCE_LIBRARY_PATH'] = g.libraryDir;
  const module = (await import(pathToFileURL(g.compiled).href)) as Module;
  return { module, generated: g };
}
