/**
 * The compiler, in order. This list is the architecture: each stage's output type is the next one's
 * input. `runPipeline` stops at the first pass that reports errors (each pass reports all of its own)
 * and can record every intermediate stage for `--dump-ir`.
 */
import { isLeft } from './either.js';
import type { Diagnostics } from './diagnostics/diagnostic.js';
import type { Pass, PassContext } from './pass.js';
import type { Either } from 'fp-ts/lib/Either.js';
import type { CrateAst } from './syntax/ast.js';
import type { EvaluatedProgram, HirProgram } from './hir.js';
import type { IrModule } from './ir.js';
import { collectModules, type CrateInput } from '../passes/collect-modules.js';
import { evaluateCfg } from '../passes/evaluate-cfg.js';
import { resolveNames } from '../passes/resolve-names.js';
import { lowerCallbacks } from '../passes/lower-callbacks.js';
import { lowerServices } from '../passes/lower-services.js';
import { applyInventory } from '../passes/apply-inventory.js';
import { lowerErrorEnums } from '../passes/lower-error-enums.js';
import { lowerPatternTypes } from '../passes/lower-pattern-types.js';
import { evaluateConstants } from '../passes/evaluate-constants.js';
import { validateFfi } from '../passes/validate-ffi.js';
import { monomorphize } from '../passes/monomorphize.js';
import { computeLayout } from '../passes/compute-layout.js';
import { nameItems } from '../passes/name-items.js';
import { orderDeclarations } from '../passes/order-declarations.js';

/** Names accepted by `--dump-ir=PASS`, in pipeline order. */
export const passNames = [
  collectModules.name, // parse lib.rs and every `mod` file it pulls in
  evaluateCfg.name, // drop items whose #[cfg] is false, apply #[cfg_attr]
  resolveNames.name, // paths, `use`, aliases → HIR; export roots; report of skipped items
  lowerCallbacks.name, // callback!(…) → nullable function-pointer types
  lowerServices.name, // #[ffi_service] impls → constructor, method and destroy shims, services
  applyInventory.name, // an Interoptopus ffi_inventory() decides the roots
  lowerErrorEnums.name, // #[ffi_type(error)] enums: the Ok, Null and Panic roles
  lowerPatternTypes.name, // Slice, SliceMut, FfiOption, Bool, AsciiPointer → definitions with their meaning
  evaluateConstants.name, // constants and enum discriminants
  validateFfi.name, // everything reachable from a root has a C layout
  monomorphize.name, // generic instances → concrete IR declarations
  computeLayout.name, // size, align, field offsets
  nameItems.name, // rename rules, emitted-name collisions
  orderDeclarations.name, // dependency order
] as const;

export type PassName = (typeof passNames)[number];

export interface PipelineResult {
  readonly ir?: IrModule;
  /** The resolved program, for `--report` (available once resolution succeeded). */
  readonly hir?: HirProgram;
  readonly diagnostics: Diagnostics;
  /** Stage outputs by pass name, when requested. */
  readonly stages: Readonly<Record<string, unknown>>;
  /** Milliseconds spent in each pass that ran. */
  readonly timings: Readonly<Record<string, number>>;
}

/** Runs one pass, recording its duration. */
function timed<I, O>(pass: Pass<I, O>, input: I, ctx: PassContext, timings: Record<string, number>): Either<Diagnostics, O> {
  const start = performance.now();
  const result = pass.run(input, ctx);
  timings[pass.name] = performance.now() - start;
  return result;
}

export function runPipeline(input: CrateInput, ctx: PassContext, keepStages = false): PipelineResult {
  const stages: Record<string, unknown> = {};
  const timings: Record<string, number> = {};
  const keep = (name: string, value: unknown): void => {
    if (keepStages) stages[name] = value;
  };
  const fail = (diagnostics: Diagnostics, hir?: HirProgram): PipelineResult => ({ diagnostics, stages, timings, ...(hir ? { hir } : {}) });

  const resolved = resolveCrate(input, ctx, keep, timings);
  if (isLeft(resolved)) return fail(resolved.left);
  let hir = resolved.right;
  // Pattern lowering on the HIR, one pass per pattern family.
  for (const pass of [lowerCallbacks, lowerServices, applyInventory, lowerErrorEnums, lowerPatternTypes]) {
    const next = timed(pass, hir, ctx, timings);
    if (isLeft(next)) return fail(next.left, hir);
    keep(pass.name, (hir = next.right));
  }
  const evaluated = timed(evaluateConstants, hir, ctx, timings);
  if (isLeft(evaluated)) return fail(evaluated.left, hir);
  keep(evaluateConstants.name, evaluated.right);
  const valid = timed(validateFfi, evaluated.right, ctx, timings);
  if (isLeft(valid)) return fail(valid.left, hir);
  keep(validateFfi.name, valid.right);
  return { ...runIrPasses(valid.right, ctx, keep, hir, fail, timings), stages, timings };
}

/**
 * Source files to HIR. A function of its own so that the AST, which the HIR only partly refers to,
 * is garbage once resolution is done (a caller's local would keep all of it alive to the end).
 */
function resolveCrate(input: CrateInput, ctx: PassContext, keep: (name: string, value: unknown) => void, timings: Record<string, number>): Either<Diagnostics, HirProgram> {
  const crate = timed(collectModules, input, ctx, timings);
  if (isLeft(crate)) return crate;
  keep(collectModules.name, crate.right);
  const configured = timed(evaluateCfg, crate.right, ctx, timings);
  if (isLeft(configured)) return configured;
  keep(evaluateCfg.name, configured.right);
  const resolved = timed(resolveNames, configured.right, ctx, timings);
  if (!isLeft(resolved)) keep(resolveNames.name, resolved.right);
  return resolved;
}

function runIrPasses(
  program: EvaluatedProgram,
  ctx: PassContext,
  keep: (name: string, value: unknown) => void,
  hir: HirProgram,
  fail: (d: Diagnostics, hir?: HirProgram) => PipelineResult,
  timings: Record<string, number>,
): PipelineResult {
  let ir: IrModule;
  const mono = timed(monomorphize, program, ctx, timings);
  if (isLeft(mono)) return fail(mono.left, hir);
  keep(monomorphize.name, (ir = mono.right));
  for (const pass of [computeLayout, nameItems, orderDeclarations]) {
    const next = timed(pass as Pass<IrModule, IrModule>, ir, ctx, timings);
    if (isLeft(next)) return fail(next.left, hir);
    keep(pass.name, (ir = next.right));
  }
  return { ir, hir, diagnostics: [], stages: {}, timings };
}

export type { CrateAst };
