/**
 * Services as classes: a static factory per constructor (throwing the error enum's exception on
 * failure), a method per service method, and `dispose()` / `[Symbol.dispose]` / a
 * `FinalizationRegistry` safety net from the `Service` base class (helpers.ts). The handle lives
 * in a one-element `BigUint64Array` that Rust's destructor nulls, so nothing is destroyed twice.
 */
import type { IrFunction, IrModule, IrService, TypeRef } from '../../compiler/ir.js';
import { arrow, block, call, cast, constDecl, id, index, jsdoc, member, newExpr, num, param, ret, t, tRef, tArray, tUnknown } from './ast.js';
import type { Converter } from './convert.js';
import { callbackParams, newSite, registerFor, siteList } from './callbacks.js';
import { idiomaticReturn, wrapperBody, type SiteOf } from './functions.js';
import { exceptionName, keptName, memberName, moduleNames, paramNames, typeName } from './names.js';
import type { TsTypes } from './types.js';

export function serviceClasses(ir: IrModule, functions: ReadonlyMap<string, IrFunction>, types: TsTypes, convert: Converter): t.Statement[] {
  return ir.services.flatMap((s) => {
    const error = types.decl(s.error);
    if (error?.kind !== 'enum' || !error.pattern) return [];
    return [serviceClass(s, error.name, functions, types, convert)];
  });
}

function serviceClass(s: IrService, errorName: string, functions: ReadonlyMap<string, IrFunction>, types: TsTypes, convert: Converter): t.Statement {
  const name = typeName(s.name);
  const members: t.ClassBody['body'] = [];
  const siteFields: t.ClassPrivateProperty[] = [];

  // private constructor(cell, keep): only the factories make instances.
  const ctor = t.classMethod(
    'constructor',
    id('constructor'),
    [param('cell', tRef('BigUint64Array')), param('keep', tArray(tUnknown())), param('sites', siteList())],
    t.blockStatement([
      t.expressionStatement(
        call(t.super(), id('cell'), arrow([param('handle', tRef('BigUint64Array'))], call(member(id(moduleNames.raw), s.destructor), id('handle'))), id('keep'), id('sites')),
      ),
    ]),
  );
  ctor.accessibility = 'private';
  members.push(ctor);

  for (const c of s.constructors) {
    const fn = functions.get(c.function);
    if (!fn) continue;
    const params = fn.signature.params.slice(1);
    const declared = paramNames(params.map((p) => p.name));
    // The names the call passes: a kept slice goes by its typed-array copy.
    const names = [...declared];
    const body: t.Statement[] = [constDecl('cell', newExpr('BigUint64Array', num(1)))];
    // Slices a constructor takes may be borrowed by the service (a lifetime parameter): they are
    // passed as typed arrays the instance keeps alive until it is disposed.
    const keep: t.Expression[] = [];
    params.forEach((p, i) => {
      const shape = types.shape(p.type);
      const typed = shape.kind === 'slice' ? types.typedArray(shape.element) : undefined;
      const n = declared[i] ?? `arg${i}`;
      if (typed) {
        body.push(constDecl(keptName(n), t.conditionalExpression(t.binaryExpression('instanceof', id(n), id(typed)), id(n), call(member(id(typed), 'from'), id(n)))));
        names[i] = keptName(n);
        keep.push(id(keptName(n)));
      }
    });
    // A callback the constructor takes gets a site the instance owns from then on.
    const callbacks = callbackParams(types, params);
    const siteNames = paramNames([...declared, ...callbacks.map((c) => `${declared[c.index] ?? `arg${c.index}`}_site`)]).slice(declared.length);
    const sites = new Map<number, string>();
    callbacks.forEach(({ index, shape }, k) => {
      const site = siteNames[k] ?? `site${index}`;
      sites.set(index, site);
      body.push(constDecl(site, newSite(registerFor(types, convert, shape.name, shape.fn))));
    });
    const siteOf: SiteOf = (i) => id(sites.get(i) ?? '');
    const callBody = wrapperBody(types, convert, member(id(moduleNames.raw), c.function), [id('cell')], params, names, fn.signature.returns, siteOf);
    const siteIds = [...sites.values()].map((n) => id(n));
    // wrapperBody ends with the error check; the instance is made after it. A failed constructor keeps no callback.
    const release = t.catchClause(id('error'), block(...siteIds.map((n) => t.expressionStatement(call(member(n, 'dispose')))), t.throwStatement(id('error'))));
    body.push(...(siteIds.length > 0 ? [t.tryStatement(block(...callBody), release)] : callBody), ret(newExpr(name, id('cell'), t.arrayExpression(keep), t.arrayExpression(siteIds))));
    const paramIds = params.map((p, i) => param(declared[i] ?? `arg${i}`, types.idiomatic(p.type, 'in')));
    const method = t.classMethod('method', id(memberName(c.name)), paramIds, t.blockStatement(body), false, true);
    method.returnType = t.tsTypeAnnotation(tRef(name));
    members.push(jsdoc(method, [...fn.docs, ...(fn.docs.length > 0 ? [''] : []), `@throws {${exceptionName(errorName)}} when Rust returns an error.`]));
  }

  for (const m of s.methods) {
    const fn = functions.get(m.function);
    if (!fn) continue;
    const sig = fn.signature;
    const params = sig.params.slice(1, m.result === 'out' ? -1 : undefined);
    const names = paramNames(params.map((p) => p.name));
    const handle = member(t.thisExpression(), 'handle');
    const callee = member(id(moduleNames.raw), m.function);
    // A callback parameter's site: a private field per method parameter, owned by the instance.
    const fields = new Map<number, string>();
    for (const { index, shape } of callbackParams(types, params)) {
      // `#applyCallback`: the method and its parameter, one camelCase name (numbered if taken).
      const base = memberName(`${m.name}_${names[index] ?? `arg${index}`}`);
      let field = base;
      for (let n = 2; siteFields.some((f) => f.key.id.name === field); n++) field = `${base}${n}`;
      fields.set(index, field);
      const register = registerFor(types, convert, shape.name, shape.fn);
      siteFields.push(t.classPrivateProperty(t.privateName(id(field)), call(member(t.thisExpression(), 'callbackSite'), register)));
    }
    const siteOf: SiteOf = (i) => t.memberExpression(t.thisExpression(), t.privateName(id(fields.get(i) ?? '')));
    let body: t.Statement[];
    let returns: t.TSType;
    if (m.result === 'out') {
      const outRef = sig.params[sig.params.length - 1]?.type;
      const pointee: TypeRef | undefined = outRef?.kind === 'pointer' ? outRef.pointee : undefined;
      const typed = pointee ? types.typedArray(pointee) : undefined;
      // The value Rust writes: a one-element typed array for a number, an object koffi fills for a struct.
      const cell = typed ? newExpr(typed, num(1)) : cast(t.objectExpression([]), pointee ? types.raw(pointee, 'in') : tUnknown());
      body = [constDecl('out', cell), ...wrapperBody(types, convert, callee, [handle], [...params, { name: 'out', type: outRef ?? { kind: 'primitive', name: 'void' } }], [...names, 'out'], sig.returns, siteOf)];
      const value = typed ? index(id('out'), num(0)) : id('out');
      body.push(ret(pointee ? convert.result(pointee, cast(value, types.raw(pointee, 'out'))) : value));
      returns = pointee ? types.idiomatic(pointee, 'out') : tUnknown();
    } else {
      body = wrapperBody(types, convert, callee, [handle], params, names, sig.returns, siteOf);
      returns = idiomaticReturn(types, sig.returns);
    }
    const method = t.classMethod('method', id(memberName(m.name)), params.map((p, i) => param(names[i] ?? `arg${i}`, types.idiomatic(p.type, 'in'))), t.blockStatement(body));
    method.returnType = t.tsTypeAnnotation(returns);
    const throwsDoc = m.result !== 'value' ? [`@throws {${exceptionName(errorName)}} when Rust returns an error.`] : [];
    members.push(jsdoc(method, [...fn.docs, ...(fn.docs.length > 0 && throwsDoc.length > 0 ? [''] : []), ...throwsDoc]));
  }

  const cls = t.classDeclaration(id(name), id(moduleNames.serviceBase), t.classBody([...siteFields, ...members]));
  return jsdoc(t.exportNamedDeclaration(cls, []), s.docs);
}
