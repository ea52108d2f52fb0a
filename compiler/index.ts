/**
 * The package's entry (`import { build } from 'interopc'`): the programmatic API, what a caller
 * needs to print its diagnostics and write its files the way the CLI does, and the IR and emitter
 * types an out-of-tree emitter is written against (the IR is a contract: design.md).
 */
export { build } from './api.js';
export type { BuildOptions, BuildResult } from './api-types.js';
export type { InteropcConfig } from './config.js';
export type { Diagnostic, Label, Severity } from './diagnostics/diagnostic.js';
export { renderDiagnostics, type RenderOptions } from './diagnostics/render.js';
export type { SourceFile, SourceMap, Span } from './source.js';
export type { ReportEntry } from './hir.js';
export type * from './ir.js';
export type { EmitMeta, EmitResult, Emitter, OutputFile, TargetName } from '../emitters/emitter.js';
export { staleFiles, writeFilesAtomically } from './cli/write-files.js';
export { interopcVersion } from './version.js';
