/**
 * The pass kit. A pass is a named function from one stage to the next that reports every error it
 * finds before failing; `pipeline.ts` lists them in order. Passes stay pure: no file system, no
 * printing. `ctx` carries the options every pass may read.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from './either.js';

/** The pipeline's Either constructors (fp-ts's shape, compiler/either.ts), for passes, which import only the pass kit. */
export { left, right };
import type { Diagnostic, Diagnostics } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import type { SourceMap } from './source.js';

export interface PassContext {
  readonly sources: SourceMap;
  /** Active cfg predicates: names (`unix`) and key/value pairs (`feature="extra"`). */
  readonly cfg: CfgSet;
  /** Fully qualified Rust paths (`types::Extra`, relative to the crate root) to export as types. */
  readonly include: readonly string[];
  /** Rust path (relative to crate root) → emitted name. */
  readonly rename: Readonly<Record<string, string>>;
  /** Reads crate files (crate-relative paths); the only file access passes have. */
  readonly host: CompilerHost;
  /** What `env!` reads: the variables cargo sets from Cargo.toml (`CARGO_PKG_VERSION`…). */
  readonly env: ReadonlyMap<string, string>;
  /** Warnings and notes collected along the way (errors make the pass return `left`). */
  readonly warn: (d: Diagnostic) => void;
}

export interface CompilerHost {
  /** Text of a crate-relative file (`src/a.rs`), or undefined when it does not exist. */
  readonly readFile: (path: string) => string | undefined;
}

export interface CfgSet {
  readonly names: ReadonlySet<string>;
  /** key → set of values, e.g. feature → {"extra"}. */
  readonly pairs: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Pass<I, O> {
  readonly name: string;
  readonly run: (input: I, ctx: PassContext) => Either<Diagnostics, O>;
}

/** Returns `left(diagnostics)` when any is an error, else forwards warnings to ctx and returns `right(value)`. */
export function finish<O>(value: O, diagnostics: Diagnostics, ctx: PassContext): Either<Diagnostics, O> {
  if (hasErrors(diagnostics)) return left(diagnostics);
  for (const d of diagnostics) ctx.warn(d);
  return right(value);
}
