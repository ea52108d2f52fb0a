/**
 * The idiomatic layer's free functions: camelCase, with strings, slices, options, `Bool`, 64-bit
 * results, error codes and callbacks made idiomatic. A function that needs none of it is exported
 * as the koffi function itself (`export const primitiveU32 = raw.primitive_u32`), so it costs
 * exactly what a hand-written koffi call costs.
 */
import type { IrFunction, IrParam, TypeRef } from '../../compiler/ir.js';
import { arrow, call, constDecl, exported, functionDecl, id, jsdoc, member, obj, param, ret, t, tVoid } from './ast.js';
import { callbackParams, newSite, registerFor } from './callbacks.js';
import type { Converter } from './convert.js';
import { functionName, moduleNames, paramNames } from './names.js';
import type { TsTypes } from './types.js';

/** Where a callback parameter's site is: `callbackSites.<symbol>.<param>`, or a service instance's. */
export type SiteOf = (paramIndex: number) => t.Expression;

/**
 * The statements of a wrapper body: convert, call `callee`, check, convert back. A callback
 * parameter's pointer comes from its site (callbacks.ts), whose `run` wraps the raw call and
 * rethrows what the callback threw once Rust returned.
 */
export function wrapperBody(
  types: TsTypes,
  convert: Converter,
  callee: t.Expression,
  leading: t.Expression[],
  params: readonly IrParam[],
  names: readonly string[],
  returns: TypeRef,
  siteOf: SiteOf,
): t.Statement[] {
  const callbacks = callbackParams(types, params);
  // The pointers' names, unique among the parameters' (paramNames dedups the whole list).
  const pointerNames = paramNames([...names, ...callbacks.map((c) => `${names[c.index] ?? `arg${c.index}`}_pointer`)]).slice(names.length);
  const pointers = new Map(callbacks.map((c, k) => [c.index, { name: pointerNames[k] ?? `pointer${c.index}`, nullable: c.shape.fn.nullable }]));
  const args = params.map((p, i) => {
    const pointer = pointers.get(i);
    if (!pointer) return convert.argument(p.type, id(names[i] ?? `arg${i}`));
    return pointer.nullable ? id(pointer.name) : t.tsNonNullExpression(id(pointer.name));
  });
  let raw: t.Expression = call(callee, ...leading, ...args);
  for (const { index } of [...callbacks].reverse()) {
    raw = call(member(siteOf(index), 'run'), id(names[index] ?? `arg${index}`), arrow([id(pointers.get(index)?.name ?? '')], raw));
  }
  const check = convert.check(returns, id('result'));
  const isVoid = types.shape(returns).kind === 'void';
  if (!check && !convert.resultReadsTwice(returns)) return [isVoid ? t.expressionStatement(raw) : ret(convert.result(returns, raw))];
  const body: t.Statement[] = [isVoid ? t.expressionStatement(raw) : constDecl('result', raw)];
  if (check) body.push(check);
  else if (!isVoid) body.push(ret(convert.result(returns, id('result'))));
  return body;
}

/** The module's sites of the free functions' callback parameters: `callbackSites.<symbol>.<param>`. */
export function functionSites(functions: readonly IrFunction[], types: TsTypes, convert: Converter): t.Statement[] {
  const entries = functions.flatMap((f) => {
    const names = paramNames(f.signature.params.map((p) => p.name));
    const sites = callbackParams(types, f.signature.params).map(({ index, shape }) => [names[index] ?? `arg${index}`, newSite(registerFor(types, convert, shape.name, shape.fn))] as const);
    return sites.length > 0 ? [[f.name, obj(Object.fromEntries(sites))] as const] : [];
  });
  if (entries.length === 0) return [];
  return [jsdoc(constDecl(moduleNames.callbackSites, obj(Object.fromEntries(entries))), ['The callback parameters of the free functions: one registered callback each (see `CallbackSite`).'])];
}

const siteOfFunction = (f: IrFunction, names: readonly string[]): SiteOf => (i) => member(member(id(moduleNames.callbackSites), f.name), names[i] ?? `arg${i}`);

/** The idiomatic return type: `void` for an error code (it throws instead). */
export function idiomaticReturn(types: TsTypes, returns: TypeRef): t.TSType {
  const s = types.shape(returns);
  return s.kind === 'enum' && s.error ? tVoid() : types.idiomatic(returns, 'out');
}

export function functionWrappers(functions: readonly IrFunction[], types: TsTypes, convert: Converter): t.Statement[] {
  const out: t.Statement[] = [];
  for (const f of functions) {
    const name = functionName(f.name);
    const rawFn = member(id(moduleNames.raw), f.name);
    const sig = f.signature;
    if (sig.params.every((p) => convert.argumentIsRaw(p.type)) && convert.resultIsRaw(sig.returns)) {
      out.push(jsdoc(exported(constDecl(name, member(id(moduleNames.raw), f.name))), f.docs));
      continue;
    }
    const names = paramNames(sig.params.map((p) => p.name));
    const params = sig.params.map((p, i) => param(names[i] ?? `arg${i}`, types.idiomatic(p.type, 'in')));
    const body = wrapperBody(types, convert, rawFn, [], sig.params, names, sig.returns, siteOfFunction(f, names));
    out.push(jsdoc(exported(functionDecl(name, params, idiomaticReturn(types, sig.returns), body)), f.docs));
  }
  return out;
}
