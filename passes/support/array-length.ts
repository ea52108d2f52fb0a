/**
 * Array lengths (`[T; N]`) evaluated with the instance's const generic arguments bound, shared by
 * validation (which reports failures) and monomorphization (which needs the number).
 */
import type { ConstValue, HirType } from '../../compiler/hir.js';
import { diagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { ConstEvaluator } from './const-eval.js';
import type { GenericEnv } from './substitute.js';

export type LengthResult = { readonly ok: true; readonly length: number } | { readonly ok: false; readonly diagnostic: Diagnostic };

const noLocals: { ok: true; locals: ReadonlyMap<string, ConstValue> } = { ok: true, locals: new Map() };

export function constLocals(evaluator: ConstEvaluator, env: GenericEnv): { ok: true; locals: ReadonlyMap<string, ConstValue> } | { ok: false; diagnostic: Diagnostic } {
  if (env.consts.size === 0) return noLocals; // the usual case: only read, so shared
  const locals = new Map<string, ConstValue>();
  for (const [name, arg] of env.consts) {
    const r = evaluator.evaluate(arg.value, arg.module, 'usize');
    if (!r.ok) return r;
    locals.set(name, r.value);
  }
  return { ok: true, locals };
}

export function arrayLength(evaluator: ConstEvaluator, t: Extract<HirType, { kind: 'array' }>, env: GenericEnv): LengthResult {
  const locals = constLocals(evaluator, env);
  if (!locals.ok) return locals;
  const r = evaluator.evaluate(t.length, t.module, 'usize', { locals: locals.locals });
  if (!r.ok) return r;
  if (r.value.kind !== 'int') return { ok: false, diagnostic: diagnostic('IC2107', 'an array length must be an integer', t.length.span) };
  if (r.value.value > 1n << 40n) return { ok: false, diagnostic: diagnostic('IC2302', `array length ${r.value.value} is too large`, t.length.span) };
  return { ok: true, length: Number(r.value.value) };
}
