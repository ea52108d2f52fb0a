/**
 * Runs the real pipeline on an in-memory crate (`{ "src/lib.rs": "…" }`) and returns every stage,
 * the diagnostics and the warnings, for pass unit tests.
 */
import { SourceMap } from '../../compiler/source.js';
import { runPipeline, type PipelineResult } from '../../compiler/pipeline.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { addCfgString } from '../../passes/support/cfg.js';
import { lineColumnOf } from '../../compiler/source.js';
import { cargoEnvironment, readCargoManifest, type CargoManifest } from '../../compiler/cargo-manifest.js';

export interface Compiled extends PipelineResult {
  readonly warnings: readonly Diagnostic[];
  readonly sources: SourceMap;
  /** `CODE line:col message` for every diagnostic, in order. */
  readonly messages: readonly string[];
}

export interface CompileOptions {
  readonly cfg?: readonly string[];
  readonly include?: readonly string[];
  readonly rename?: Readonly<Record<string, string>>;
  /** What `env!` reads (default: the variables cargo sets for a `test-crate` 0.1.0). */
  readonly env?: ReadonlyMap<string, string>;
}

const testEnvironment = cargoEnvironment(readCargoManifest('[package]\nname = "test-crate"\nversion = "0.1.0"\n') as CargoManifest, '/test-crate');

export function compile(files: Readonly<Record<string, string>> | string, options: CompileOptions = {}): Compiled {
  const tree = typeof files === 'string' ? { 'src/lib.rs': files } : files;
  const names = new Set<string>();
  const pairs = new Map<string, Set<string>>();
  for (const c of ['unix', 'target_pointer_width="64"', ...(options.cfg ?? [])]) addCfgString(c, names, pairs);
  const sources = new SourceMap();
  const warnings: Diagnostic[] = [];
  const result = runPipeline(
    { crateName: 'test-crate', rootFile: 'src/lib.rs' },
    { sources, cfg: { names, pairs }, include: options.include ?? [], rename: options.rename ?? {}, host: { readFile: (p) => tree[p] }, env: options.env ?? testEnvironment, warn: (d) => warnings.push(d) },
    true,
  );
  const messages = [...result.diagnostics, ...warnings].map((d) => {
    const file = d.span ? sources.get(d.span.file) : undefined;
    const at = d.span && file ? lineColumnOf(file, d.span.start) : undefined;
    return `${d.code} ${at ? `${at.line}:${at.column} ` : ''}${d.message}`;
  });
  return { ...result, warnings, sources, messages };
}
