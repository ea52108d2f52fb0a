/**
 * Pass `evaluate-constants`: HIR → HIR with every constant's value and every enum's discriminants.
 * Failures are stored in `constErrors`; they are reported here only for exported constants and
 * enums in `roots.types`, and by `validate-ffi` for enums and array lengths an export reaches, so an
 * unsupported expression in an unexported constant never fails the build.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Diagnostic, Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { ConstValue, DefId, EvaluatedProgram, HirProgram } from '../compiler/hir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import { ConstEvaluator } from './support/const-eval.js';

export const evaluateConstants: Pass<HirProgram, EvaluatedProgram> = {
  name: 'evaluate-constants',
  run(program: HirProgram, ctx: PassContext): Either<Diagnostics, EvaluatedProgram> {
    const evaluator = new ConstEvaluator(program, ctx.cfg, ctx.env);
    const constValues = new Map<DefId, ConstValue>();
    const discriminants = new Map<DefId, readonly bigint[]>();
    const constErrors = new Map<DefId, Diagnostic>();
    for (const def of program.defs.values()) {
      if (def.kind === 'const' && !def.isStatic && def.value) {
        const r = evaluator.constOf(def.id);
        if (r.ok) constValues.set(def.id, r.value);
        else constErrors.set(def.id, r.diagnostic);
      } else if (def.kind === 'enum') {
        const r = evaluator.discriminantsResult(def);
        if (r.ok) discriminants.set(def.id, r.values);
        else constErrors.set(def.id, r.diagnostic);
      }
    }
    const reported = [...program.roots.constants, ...program.roots.types].flatMap((id) => constErrors.get(id) ?? []);
    return finish({ ...program, constValues, discriminants, constErrors }, reported, ctx);
  },
};
