/**
 * How JS functions reach Rust as callbacks. Every callback goes through a `koffi.register`ed
 * function, never a koffi transient one: the IR does not say which callbacks Rust keeps after the
 * call, and a transient callback Rust kept would be freed memory at its next call.
 *
 * - `RegisteredCallback`: a function registered by the caller, valid until it is disposed.
 * - `CallbackSite`: one parameter's slot (per free function, per service instance for methods).
 *   Its one registration calls whatever function the last call there passed, so passing a new
 *   arrow on every call costs no registration, and Rust's kept pointer stays valid until the
 *   function or the service goes away.
 * - `callbackCalls` and `captureCallbackError`: an exception a callback throws is caught before it
 *   reaches Rust frames, and rethrown by the call that is running once Rust returned; with no call
 *   running (Rust called back later, or from its own thread) it goes to the handler set with
 *   `onUnhandledCallbackError`.
 */
import type { IrModule, IrParam } from '../../compiler/ir.js';
import {
  arrow, assign, block, disposeSymbolMethod, privateField, self, call, cast, constDecl, eq, exported, functionDecl, id, jsdoc, letDecl, lineComment, member, ne, newExpr, num, obj, param, ret, str, t,
  tArray, tBigint, tFunction, tNull, tRef, tUndefined, tUnion, tUnknown, tVoid, throwNew,
} from './ast.js';
import type { Converter } from './convert.js';
import { moduleNames as m, registerName, typeName } from './names.js';
import type { FnPointer, Shape, TsTypes } from './types.js';

function restParam(name: string, type: t.TSType): t.RestElement {
  const r = t.restElement(id(name));
  r.typeAnnotation = t.tsTypeAnnotation(type);
  return r;
}

const errorSlot = (): t.TSType => tUnion(t.tsTypeLiteral([t.tsPropertySignature(id('error'), t.tsTypeAnnotation(tUnknown()))]), tUndefined());
const handlerType = (): t.TSType => tFunction([param('error', tUnknown())], tVoid());
const anyFunction = (): t.TSType => tFunction([restParam('args', tArray(t.tsNeverKeyword()))], tUnknown());

/** The runtime pieces above, declared in every generated module. */
export function callbackHelpers(): t.Statement[] {
  return [...errorRouting(), registeredCallback(), callbackSite()];
}

function errorRouting(): t.Statement[] {
  const calls = constDecl(m.callbackCalls, obj({ depth: num(0), pending: t.tsAsExpression(id('undefined'), errorSlot()) }));
  const handler = letDecl(
    m.unhandledCallbackError,
    arrow(
      [param('error', tUnknown())],
      block(lineComment(t.expressionStatement(call('queueMicrotask', arrow([], block(t.throwStatement(id('error')))))), 'As Node treats any callback\'s exception nobody catches: an `uncaughtException`.')),
    ),
    handlerType(),
  );
  const setHandler = functionDecl(m.onUnhandledCallbackError, [param('handler', handlerType())], handlerType(), [
    constDecl('previous', id(m.unhandledCallbackError)),
    assign(id(m.unhandledCallbackError), id('handler')),
    ret(id('previous')),
  ]);
  const capture = functionDecl(m.captureCallbackError, [param('error', tUnknown())], tVoid(), [
    t.ifStatement(
      t.binaryExpression('>', member(id(m.callbackCalls), 'depth'), num(0)),
      block(
        t.expressionStatement(t.assignmentExpression('??=', member(id(m.callbackCalls), 'pending'), t.objectExpression([t.objectProperty(id('error'), id('error'), false, true)]))),
        ret(),
      ),
    ),
    lineComment(
      t.tryStatement(block(t.expressionStatement(call(id(m.unhandledCallbackError), id('error')))), t.catchClause(null, block())),
      'A handler that throws must not unwind into Rust either.',
    ),
  ]);
  return [
    jsdoc(calls, ['Calls with callbacks running now (nested when a callback calls Rust again), and the first exception their callbacks threw.']),
    handler,
    jsdoc(exported(setHandler), [
      'Sets what happens to an exception a callback throws while no call waits for it: Rust called it',
      'after the call that passed it returned, or from a thread of its own (koffi runs that call on the',
      'JS thread). By default it becomes an uncaught exception, as in any other Node callback.',
      'Returns the handler it replaces.',
    ]),
    jsdoc(capture, ['Where a callback\'s exception goes: to the running call, which rethrows it once Rust returned, or to the handler; never into Rust.']),
  ];
}

function registeredCallback(): t.Statement {
  const pointerGetter = t.classMethod('get', id('pointer'), [], block(ret(self('pointer'))));
  pointerGetter.returnType = t.tsTypeAnnotation(tUnion(tBigint(), tNull()));
  // What a call passes to Rust: never null, since Rust would call through it.
  const addressGetter = t.classMethod(
    'get',
    id('address'),
    [],
    block(constDecl('pointer', self('pointer')), t.ifStatement(eq(id('pointer'), t.nullLiteral()), throwNew('Error', str('the callback was disposed'))), ret(id('pointer'))),
  );
  addressGetter.returnType = t.tsTypeAnnotation(tBigint());
  const fnProp = t.classProperty(id('fn'), null, t.tsTypeAnnotation(tRef('F')));
  fnProp.readonly = true;
  const guarded = arrow(
    [restParam('args', tArray(t.tsNeverKeyword()))],
    block(
      t.tryStatement(
        block(ret(call(id('adapted'), t.spreadElement(id('args'))))),
        t.catchClause(id('error'), block(t.expressionStatement(call(m.captureCallbackError, id('error'))), ret(id('fallback')))),
      ),
    ),
  );
  const ctor = t.classMethod(
    'constructor',
    id('constructor'),
    [param('fn', tRef('F')), param('type', tRef(m.typeObject)), param('adapted', anyFunction()), param('fallback', tUnknown())],
    block(
      assign(member(t.thisExpression(), 'fn'), id('fn')),
      lineComment(assign(self('pointer'), call('koffi.register', guarded, call('koffi.pointer', id('type')))), 'Rust may call it on any thread, at any time: Rust gets `fallback` when it throws.'),
    ),
  );
  const dispose = t.classMethod(
    'method',
    id('dispose'),
    [],
    block(t.ifStatement(ne(self('pointer'), t.nullLiteral()), block(t.expressionStatement(call('koffi.unregister', self('pointer'))), assign(self('pointer'), t.nullLiteral())))),
  );
  dispose.returnType = t.tsTypeAnnotation(tVoid());
  const cls = t.classDeclaration(
    id(m.registered),
    null,
    t.classBody([
      privateField('pointer', tUnion(tBigint(), tNull())),
      fnProp,
      ctor,
      jsdoc(pointerGetter, ['The registered function pointer; null once disposed.']),
      jsdoc(addressGetter, ['The function pointer for a call; throws once disposed.']),
      jsdoc(dispose, ['Releases the slot; Rust must not call the callback afterwards.']),
      disposeSymbolMethod(m.disposeSymbol),
    ]),
  );
  cls.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'F')]);
  cls.implements = [t.tsExpressionWithTypeArguments(id('Disposable'))];
  return jsdoc(exported(cls), [
    'A JS function made callable from Rust at any time (`koffi.register`), until it is disposed. Any',
    'function passed to a call is kept valid until the next call at the same parameter (see',
    '`CallbackSite`); register one yourself where Rust keeps several callbacks of one parameter, or',
    'keeps one longer than that. koffi queues a call from another thread to the JS thread, so that',
    'thread must not block waiting for it.',
  ]);
}

function callbackSite(): t.Statement {
  const F = tRef('F');
  const register = tFunction([param('fn', F)], tRef(m.registered, F));
  const ctor = t.classMethod('constructor', id('constructor'), [param('register', register)], block(assign(self('register'), id('register'))));
  const pointerType = tUnion(tRef(m.pointer), tNull());
  const fnParam = param('fn', tUnion(F, tRef(m.registered, F), tNull()));
  const callParam = param('call', tFunction([param('pointer', pointerType)], tRef('R')));
  const run = t.classMethod(
    'method',
    id('run'),
    [fnParam, callParam],
    block(
      letDecl('pointer', t.nullLiteral(), pointerType),
      letDecl('outer', id('undefined'), tUnion(F, tUndefined())),
      t.ifStatement(
        t.binaryExpression('instanceof', id('fn'), id(m.registered)),
        block(assign(id('pointer'), member(id('fn'), 'address'))),
        t.ifStatement(
          ne(id('fn'), t.nullLiteral()),
          block(
            lineComment(
              t.ifStatement(t.binaryExpression('>', self('running'), num(0)), assign(id('outer'), self('current'))),
              'A call made from inside this site\'s callback must not redirect the outer call\'s later callbacks.',
            ),
            assign(self('current'), id('fn')),
            assign(id('pointer'), member(t.parenthesizedExpression(t.assignmentExpression('??=', self('registered'), call(self('register'), self('forward')))), 'address')),
          ),
        ),
      ),
      t.expressionStatement(t.updateExpression('++', self('running'))),
      t.expressionStatement(t.updateExpression('++', member(id(m.callbackCalls), 'depth'))),
      t.tryStatement(
        block(ret(call(id('call'), id('pointer')))),
        null,
        block(
          t.expressionStatement(t.updateExpression('--', self('running'))),
          t.expressionStatement(t.updateExpression('--', member(id(m.callbackCalls), 'depth'))),
          t.ifStatement(ne(id('outer'), id('undefined')), assign(self('current'), id('outer'))),
          lineComment(constDecl('pending', member(id(m.callbackCalls), 'pending')), 'A callback\'s exception surfaces here, after Rust returned, never through Rust frames.'),
          t.ifStatement(
            ne(id('pending'), id('undefined')),
            block(assign(member(id(m.callbackCalls), 'pending'), id('undefined')), t.throwStatement(member(id('pending'), 'error'))),
          ),
        ),
      ),
    ),
  );
  run.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'R')]);
  run.returnType = t.tsTypeAnnotation(tRef('R'));
  const dispose = t.classMethod(
    'method',
    id('dispose'),
    [],
    block(
      t.expressionStatement(t.optionalCallExpression(t.optionalMemberExpression(self('registered'), id('dispose'), false, true), [], false)),
      assign(self('registered'), id('undefined')),
      assign(self('current'), id('undefined')),
    ),
  );
  dispose.returnType = t.tsTypeAnnotation(tVoid());
  const forward = cast(
    arrow([restParam('args', tArray(t.tsNeverKeyword()))], call(cast(self('current'), anyFunction()), t.spreadElement(id('args'))), tUnknown()),
    F,
  );
  const cls = t.classDeclaration(
    id(m.callbackSite),
    null,
    t.classBody([
      privateField('current', tUnion(F, tUndefined()), id('undefined')),
      privateField('running', t.tsNumberKeyword(), num(0)),
      privateField('registered', tUnion(tRef(m.registered, F), tUndefined()), id('undefined')),
      privateField('register', register),
      lineComment(privateField('forward', F, forward), 'What koffi registers: it calls whichever function the site holds now.'),
      ctor,
      jsdoc(run, ['Calls `call` with the pointer Rust gets for `fn`; rethrows what a callback threw meanwhile.']),
      jsdoc(dispose, ['Releases the registration: Rust must not call the site\'s pointer afterwards.']),
    ]),
  );
  cls.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'F')]);
  return jsdoc(cls, [
    'The callback slot of one parameter: a function passed there is called through one registered',
    'koffi callback, valid after the call returns (Rust may keep it) until a later call there passes',
    'another function, which Rust\'s pointer then calls, or the site is disposed with its service.',
  ]);
}

/** `registerCallbackU32(fn)` for every named callback type: a `RegisteredCallback` Rust may keep. */
export function registerFunctions(ir: IrModule, convert: Converter): t.Statement[] {
  return ir.types.flatMap((decl) => {
    if (decl.kind !== 'alias' || decl.target.kind !== 'fnPointer') return [];
    const name = typeName(decl.name);
    const fn = functionDecl(registerName(decl.name), [param('fn', tRef(name))], tRef(m.registered, tRef(name)), [
      ret(newExpr(m.registered, id('fn'), id(name), convert.adapter(decl.target, id('fn')), convert.fallback(decl.target.signature.returns))),
    ]);
    return [jsdoc(exported(fn), [`Registers \`fn\` as a \`${decl.name}\` Rust may call after the call that received it returned; \`dispose()\` it when Rust no longer will.`])];
  });
}

/** What registers a function for a callback parameter: its type's `register…`, or an arrow for an unnamed type. */
export function registerFor(types: TsTypes, convert: Converter, name: string | undefined, fn: FnPointer): t.Expression {
  if (name) return id(registerName(name));
  const type = types.idiomaticFunction(fn);
  return arrow([param('fn', type)], newExpr(m.registered, id('fn'), id(types.inlineProto(fn)), convert.adapter(fn, id('fn')), convert.fallback(fn.signature.returns)), tRef(m.registered, type));
}

/** A service's callback sites, as its base class holds them: `{ dispose(): void }[]`. */
export const siteList = (): t.TSType => tArray(t.tsTypeLiteral([t.tsMethodSignature(id('dispose'), null, [], t.tsTypeAnnotation(tVoid()))]));

/** The callback parameters among `params`: their indices and callback shapes. */
export function callbackParams(types: TsTypes, params: readonly IrParam[]): { readonly index: number; readonly shape: Extract<Shape, { kind: 'callback' }> }[] {
  return params.flatMap((p, index) => {
    const shape = types.shape(p.type);
    return shape.kind === 'callback' ? [{ index, shape }] : [];
  });
}

/** `new CallbackSite(register)`. */
export const newSite = (register: t.Expression): t.Expression => newExpr(m.callbackSite, register);
