/**
 * The idiomatic layer's free functions: camelCase, with strings, slices, options, `Bool`, 64-bit
 * results, error codes and callbacks made idiomatic. A function that needs none of it is exported
 * as the koffi function itself (`export const primitiveU32 = raw.primitive_u32`), so it costs
 * exactly what a hand-written koffi call costs.
 */
import type { IrFunction, IrParam, TypeRef } from '../../compiler/ir.js';
import { call, constDecl, exported, functionDecl, id, jsdoc, member, param, ret, t, tVoid } from './ast.js';
import type { Converter } from './convert.js';
import { functionName, moduleNames, paramNames } from './names.js';
import type { TsTypes } from './types.js';

/** The statements of a wrapper body: convert, call `callee`, check, convert back. */
export function wrapperBody(
  types: TsTypes,
  convert: Converter,
  callee: t.Expression,
  leading: t.Expression[],
  params: readonly IrParam[],
  names: readonly string[],
  returns: TypeRef,
): t.Statement[] {
  const guarded = params.some((p) => convert.needsGuard(p.type));
  const guard = 'thrown';
  const args = params.map((p, i) => convert.argument(p.type, id(names[i] ?? `arg${i}`), guard));
  const raw = call(callee, ...leading, ...args);
  const body: t.Statement[] = [];
  // `undefined as …`: TypeScript would otherwise narrow the slot to `undefined` for good, not
  // seeing the callbacks that fill it.
  const slot = t.tsUnionType([t.tsTypeLiteral([t.tsPropertySignature(id('error'), t.tsTypeAnnotation(t.tsUnknownKeyword()))]), t.tsUndefinedKeyword()]);
  if (guarded) body.push(t.variableDeclaration('let', [t.variableDeclarator(id(guard), t.tsAsExpression(id('undefined'), slot))]));
  const check = convert.check(returns, id('result'));
  const isVoid = types.shape(returns).kind === 'void';
  if (!guarded && !check && !convert.resultReadsTwice(returns)) {
    body.push(isVoid ? t.expressionStatement(raw) : ret(convert.result(returns, raw)));
    return body;
  }
  if (isVoid) body.push(t.expressionStatement(raw));
  else body.push(constDecl('result', raw));
  // A callback's exception surfaces here, after Rust returned, never through Rust frames.
  if (guarded) body.push(t.ifStatement(t.binaryExpression('!==', id(guard), id('undefined')), t.throwStatement(t.memberExpression(id(guard), id('error')))));
  if (check) body.push(check);
  else if (!isVoid) body.push(ret(convert.result(returns, id('result'))));
  return body;
}

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
    const body = wrapperBody(types, convert, rawFn, [], sig.params, names, sig.returns);
    out.push(jsdoc(exported(functionDecl(name, params, idiomaticReturn(types, sig.returns), body)), f.docs));
  }
  return out;
}
