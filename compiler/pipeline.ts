/**
 * The compiler, in order. This list is the architecture: each stage's output type is the next one's
 * input. `runPipeline` stops at the first pass that reports errors (each pass reports all of its own)
 * and can record every intermediate stage for `--dump-ir`.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Diagnostics } from './diagnostics/diagnostic.js';
import type { PassContext } from './pass.js';
import type { CrateAst } from './syntax/ast.js';
import type { EvaluatedProgram, HirProgram } from './hir.js';
import type { IrModule } from './ir.js';
import { collectModules, type CrateInput } from '../passes/collect-modules.js';
import { evaluateCfg } from '../passes/evaluate-cfg.js';
import { resolveNames } from '../passes/resolve-names.js';
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
}

export function runPipeline(input: CrateInput, ctx: PassContext, keepStages = false): PipelineResult {
  const stages: Record<string, unknown> = {};
  const keep = (name: string, value: unknown): void => {
    if (keepStages) stages[name] = value;
  };
  const fail = (diagnostics: Diagnostics, hir?: HirProgram): PipelineResult => ({ diagnostics, stages, ...(hir ? { hir } : {}) });

  const crate = collectModules.run(input, ctx);
  if (isLeft(crate)) return fail(crate.left);
  keep(collectModules.name, crate.right);
  const configured = evaluateCfg.run(crate.right, ctx);
  if (isLeft(configured)) return fail(configured.left);
  keep(evaluateCfg.name, configured.right);
  const hir = resolveNames.run(configured.right, ctx);
  if (isLeft(hir)) return fail(hir.left);
  keep(resolveNames.name, hir.right);
  const evaluated = evaluateConstants.run(hir.right, ctx);
  if (isLeft(evaluated)) return fail(evaluated.left, hir.right);
  keep(evaluateConstants.name, evaluated.right);
  const valid = validateFfi.run(evaluated.right, ctx);
  if (isLeft(valid)) return fail(valid.left, hir.right);
  keep(validateFfi.name, valid.right);
  return { ...runIrPasses(valid.right, ctx, keep, hir.right, fail), stages };
}

function runIrPasses(
  program: EvaluatedProgram,
  ctx: PassContext,
  keep: (name: string, value: unknown) => void,
  hir: HirProgram,
  fail: (d: Diagnostics, hir?: HirProgram) => PipelineResult,
): PipelineResult {
  let ir: IrModule;
  const mono = monomorphize.run(program, ctx);
  if (isLeft(mono)) return fail(mono.left, hir);
  keep(monomorphize.name, (ir = mono.right));
  for (const pass of [computeLayout, nameItems, orderDeclarations]) {
    const next = pass.run(ir, ctx);
    if (isLeft(next)) return fail(next.left, hir);
    keep(pass.name, (ir = next.right));
  }
  return { ir, hir, diagnostics: [], stages: {} };
}

export type { CrateAst };
