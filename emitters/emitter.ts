/**
 * What every backend implements. Emitters are pure and deterministic: IR and options in, file
 * contents out. They import only the IR and diagnostics from `compiler/`.
 */
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { IrModule } from '../compiler/ir.js';

export type TargetName = 'c' | 'csharp' | 'python' | 'typescript';

export interface OutputFile {
  /** Path relative to the output directory, e.g. "reference.h". */
  readonly path: string;
  readonly contents: string;
}

/** Facts about the build every generated file's banner carries. */
export interface EmitMeta {
  /** interopc's version, e.g. "0.1.0". */
  readonly version: string;
  /** The crate's name from Cargo.toml (e.g. "reference-project"). */
  readonly crateName: string;
  /** The bindings' base name: config `name`, else the crate's lib name (e.g. "reference"). */
  readonly name: string;
  /** API guard hash, "0x" + 16 lowercase hex digits (contracts.md §6). */
  readonly apiHash: string;
}

export interface EmitResult {
  readonly files: readonly OutputFile[];
  /** Warnings for items the target cannot express (IC4005), collisions after casing (IC4006). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface Emitter<Options> {
  readonly target: TargetName;
  readonly emit: (ir: IrModule, options: Options, meta: EmitMeta) => EmitResult;
}
