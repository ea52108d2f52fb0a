/**
 * Types of the programmatic API (`build(options)` in `api.ts`). `build` never prints, never exits
 * and never writes files: it returns what would be written and every diagnostic.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { SourceMap } from './source.js';
import type { IrModule } from './ir.js';
import type { ReportEntry } from './hir.js';
import type { OutputFile, TargetName } from '../emitters/emitter.js';
import type { InteropcConfig } from './config.js';

export interface BuildOptions {
  /** The crate directory (holding Cargo.toml and src/). Relative paths resolve against `cwd`. */
  readonly crateDir: string;
  readonly cwd?: string;
  /** Targets to generate; default: the config's `targets`, else `["c"]`. */
  readonly targets?: readonly TargetName[];
  /** Path of the config file; default `<crateDir>/interopc.json` when it exists. */
  readonly configFile?: string;
  /** Settings merged over the config file's (section by section). */
  readonly config?: Partial<InteropcConfig>;
  /** Extra cfg predicates: "unix", "feature=\"extra\"", or "key=value". */
  readonly cfg?: readonly string[];
  /** Features to enable; when given, the crate's default features are not implied. */
  readonly features?: readonly string[];
  /** Keep each pass's output in `stages` (for `--dump-ir`). */
  readonly keepStages?: boolean;
}

export interface BuildResult {
  /** False when any diagnostic is an error (then `files` is empty). */
  readonly ok: boolean;
  readonly files: readonly OutputFile[];
  /** Absolute output directory: `--out-dir`/config `outDir` resolved against the crate dir. */
  readonly outDir: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Every source file read, for rendering diagnostics with code frames. */
  readonly sources: SourceMap;
  readonly ir?: IrModule;
  readonly report: readonly ReportEntry[];
  readonly stages: Readonly<Record<string, unknown>>;
  /** Milliseconds per pass, and for `emit` and `hash`. */
  readonly timings: Readonly<Record<string, number>>;
  /** "0x" + 16 hex digits, when the IR was built (the API guard's own function left out). */
  readonly apiHash?: string;
  /** Files that belong in the crate itself, paths relative to the crate dir: the API guard's hash file. */
  readonly crateFiles: readonly OutputFile[];
  /** Absolute crate directory. */
  readonly crateDir: string;
}
