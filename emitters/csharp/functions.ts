/**
 * Functions: the raw `DllImport` of each, and the idiomatic method over it. A function whose
 * parameters and result need no conversion is declared as a `DllImport` in the idiomatic layer
 * as well (the idiomatic API *is* the extern: no wrapper to inline, no cost). Others get a
 * wrapper; functions with slices get a span overload and an array overload.
 */
import type { IrFunction, TypeRef } from '../../compiler/ir.js';
import { hardline, join, type Doc } from '../doc.js';
import type { Converter, ParamPlan, ReturnPlan, SliceVariant } from './convert.js';
import { block, withLeading } from './print.js';
import { csString, paramNames, pascal, rawName, xmlDoc } from './names.js';
import type { CsTypes } from './types.js';
import type { Flavor } from './slots.js';

/** `[DllImport(…)]` plus `[return: MarshalAs(U1)]` for a Rust `bool` result. */
export function dllImport(types: CsTypes, f: IrFunction, visibility: string, name: string): string[] {
  const params = paramNames(f.signature.params.map((p) => p.name));
  const list = f.signature.params.map((p, i) => `${types.marshalAttribute(p.type)}${types.raw(p.type, 'param')} ${params[i]}`).join(', ');
  const returns = f.signature.returns;
  return [
    ...xmlDoc(f.docs),
    `[DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl, EntryPoint = ${csString(f.name)})]`,
    ...(types.marshalAttribute(returns) ? ['[return: MarshalAs(UnmanagedType.U1)]'] : []),
    `${visibility} static extern ${types.raw(returns, 'return')} ${name}(${list});`,
  ];
}

/**
 * The statements of a wrapper: conversions, pinning scopes, the raw call into `_result`, the
 * callbacks' exceptions rethrown, then the result converted. `afterCall` runs right after the raw
 * call (a service method's `GC.KeepAlive(this)`).
 */
export function callBody(
  plans: readonly ParamPlan[],
  rawCall: string,
  rawReturnsVoid: boolean,
  result: ReturnPlan,
  extraBefore: readonly string[] = [],
  afterCall: readonly string[] = [],
): Doc[] {
  const callbacks = plans.some((p) => p.callback);
  const direct = !callbacks && result.same && !rawReturnsVoid && afterCall.length === 0 && plans.every((p) => p.post.length === 0);
  const statements: Doc[] = direct ? [`return ${rawCall};`] : [
    ...(rawReturnsVoid ? [`${rawCall};`] : [`var _result = ${rawCall};`]),
    ...afterCall,
    ...plans.flatMap((p) => p.post),
  ];
  const inner: Doc[] = [...plans.flatMap((p) => p.inner), ...statements];
  const finish: Doc[] = rawReturnsVoid || direct ? [] : [...result.finish];
  const scopes = plans.flatMap((p) => p.scopes);
  const pre: Doc[] = [...extraBefore, ...plans.flatMap((p) => p.pre)];
  if (callbacks) {
    // The callbacks' exceptions surface here, after the call, never through Rust frames; the
    // `finally` ends the call even when something in it threw (a disposed service, a failed load).
    const guarded: Doc[] = [...inner, 'InteropCallbacks.RethrowPending();', ...finish];
    const scoped: Doc[] = scopes.length === 0 ? guarded : [block(scopes.join(' '), guarded)];
    return [...pre, 'InteropCallbacks.Enter();', block('try', scoped), block('finally', ['InteropCallbacks.Leave();'])];
  }
  return scopes.length === 0 ? [...pre, ...inner, ...finish] : [...pre, block(scopes.join(' '), [...inner, ...finish])];
}

export interface FunctionContext {
  readonly types: CsTypes;
  readonly convert: Converter;
  readonly spans: boolean;
  readonly flavor: Flavor;
  /** The slot keeping a callback parameter's delegate alive: the native delegate's expression. */
  readonly staticSlot: (fn: IrFunction, param: string, delegate: string, type: TypeRef) => (user: string) => string;
}

/** The variants a function is emitted in: span and array overloads when it has slices. */
export function variants(ctx: Pick<FunctionContext, 'spans'>, plans: readonly ParamPlan[]): SliceVariant[] {
  return plans.some((p) => p.slice) && ctx.spans ? ['span', 'array'] : ['array'];
}

export function idiomaticFunction(ctx: FunctionContext, f: IrFunction, name: string): Doc[] {
  const { types, convert } = ctx;
  const names = paramNames(f.signature.params.map((p) => p.name));
  const planFor = (variant: SliceVariant): ParamPlan[] =>
    f.signature.params.map((p, i) => convert.param(p.type, names[i] ?? `arg${i}`, variant, (user) => ctx.staticSlot(f, names[i] ?? `arg${i}`, types.delegateName(p.type) ?? 'IntPtr', p.type)(user)));
  const first = planFor('array');
  const result = convert.result(f.signature.returns);
  if (result.same && first.every((p) => p.same)) return [join(hardline, dllImport(types, f, 'public', name))];
  return variants(ctx, first).map((variant) => {
    const plans = variant === 'array' ? first : planFor(variant);
    const unsafe = plans.some((p) => p.unsafe) || result.unsafe ? 'unsafe ' : '';
    const rawArgs = plans.map((p) => p.arg).join(', ');
    const body = callBody(plans, `Raw.${rawName(f.name)}(${rawArgs})`, isVoid(f.signature.returns), result);
    return withLeading(xmlDoc(f.docs), block(`public static ${unsafe}${result.type} ${name}(${plans.map((p) => p.decl).join(', ')})`, body));
  });
}

const isVoid = (t: TypeRef): boolean => t.kind === 'primitive' && t.name === 'void';

/** The idiomatic names of functions; one named like a member the file declares (`Raw`, `ApiHash`) gets a `_` (collisions between crate items are IC4006, see collisions.ts). */
export function functionNames(functions: readonly IrFunction[], taken: ReadonlySet<string>): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const f of functions) {
    let name = pascal(f.name);
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    out.set(f.name, name);
  }
  return out;
}
