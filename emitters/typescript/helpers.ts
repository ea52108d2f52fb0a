/**
 * The helpers the idiomatic layer stands on, declared in every generated module: the error enums'
 * exception classes, `RegisteredCallback`, slice views and copies, and the `Service` base class.
 */
import {
  arrow, assign, big, block, call, cast, constDecl, disposeSymbolMethod, eq, exported, functionDecl, id, jsdoc, lineComment, member, ne, newExpr, num, obj, param, path, privateField, ret, self, str, t,
  tArray, tBigint, tBoolean, tFunction, tNumber, tRef, tString, tUnion, tUnknown, tVoid, throwNew,
} from './ast.js';
import { callbackHelpers, siteList } from './callbacks.js';
import { moduleNames as m } from './names.js';

/** The error enum's exception: `code` is the enum value, `name` the variant's. */
export function exceptionClass(name: string, enumName: string, docs: readonly string[]): t.Statement {
  const code = t.classProperty(id('code'), null, t.tsTypeAnnotation(tRef(enumName)));
  code.readonly = true;
  const variantName = call(member(call('Object.keys', id(enumName)), 'find'), arrow([param('k', tString())], eq(t.memberExpression(id(enumName), t.tsAsExpression(id('k'), t.tsTypeOperator(t.tsTypeQuery(id(enumName)), 'keyof')), true), id('code'))));
  const ctor = t.classMethod(
    'constructor',
    id('constructor'),
    [param('code', tRef(enumName))],
    block(
      t.expressionStatement(call(t.super(), t.binaryExpression('+', t.binaryExpression('+', t.binaryExpression('+', str(`${enumName}.`), t.logicalExpression('??', variantName, str('?'))), str(' (')), t.binaryExpression('+', call('String', id('code')), str(')'))))),
      assign(member(t.thisExpression(), 'code'), id('code')),
      assign(member(t.thisExpression(), 'name'), str(name)),
    ),
  );
  return jsdoc(exported(t.classDeclaration(id(name), id('Error'), t.classBody([code, ctor]))), [`Thrown when a function returns a \`${enumName}\` other than success.`, ...(docs.length > 0 ? ['', ...docs] : [])]);
}

/** Helpers of the idiomatic layer. */
export function helpers(): t.Statement[] {
  return [disposeSymbol(), ...callbackHelpers(), ...sliceHelpers(), ...serviceBase()];
}

/** `Symbol.dispose`, which the classes implement. */
function disposeSymbol(): t.Statement {
  return jsdoc(constDecl(m.disposeSymbol, t.logicalExpression('??', path('Symbol.dispose'), cast(call('Symbol.for', str('nodejs.dispose')), t.tsTypeQuery(t.tsQualifiedName(id('Symbol'), id('dispose'))))), t.tsTypeQuery(t.tsQualifiedName(id('Symbol'), id('dispose')))), [
    '`Symbol.dispose`, or Node\'s own symbol where the runtime predates it.',
  ]);
}

function sliceHelpers(): t.Statement[] {
  const sliceParam = param('s', t.tsTypeLiteral([prop('data', tUnknown()), prop('len', tUnion(tNumber(), tBigint()))]));
  const typedClass = t.tsTypeLiteral([
    t.tsConstructSignatureDeclaration(null, [param('buffer', tRef('ArrayBuffer')), param('byteOffset', tNumber()), param('length', tNumber())], t.tsTypeAnnotation(tRef('T'))),
    prop('BYTES_PER_ELEMENT', tNumber()),
  ]);
  const view = functionDecl(m.sliceView, [sliceParam, param('Class', typedClass)], tRef('T'), [
    constDecl('len', call('Number', path('s.len'))),
    t.ifStatement(t.logicalExpression('||', eq(path('s.data'), t.nullLiteral()), eq(id('len'), num(0))), ret(newExpr('Class', newExpr('ArrayBuffer', num(0)), num(0), num(0)))),
    ret(newExpr('Class', call('koffi.view', path('s.data'), t.binaryExpression('*', id('len'), path('Class.BYTES_PER_ELEMENT'))), num(0), id('len'))),
  ]);
  view.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'T')]);
  const sliceParam2 = param('s', t.tsTypeLiteral([prop('data', tUnknown()), prop('len', tUnion(tNumber(), tBigint()))]));
  const copy = functionDecl(m.sliceCopy, [sliceParam2, param('Class', typedClass)], tRef('T'), [ret(call(member(call(m.sliceView, id('s'), id('Class')), 'slice')))]);
  copy.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(t.tsTypeLiteral([t.tsMethodSignature(id('slice'), null, [], t.tsTypeAnnotation(tRef('T')))]), null, 'T')]);
  const sliceParam3 = param('s', t.tsTypeLiteral([prop('data', tUnknown()), prop('len', tUnion(tNumber(), tBigint()))]));
  const decode = functionDecl(m.sliceDecode, [sliceParam3, param('type', tUnion(tString(), tRef(m.typeObject)))], tArray(tRef('T')), [
    constDecl('len', call('Number', path('s.len'))),
    t.ifStatement(t.logicalExpression('||', eq(path('s.data'), t.nullLiteral()), eq(id('len'), num(0))), ret(t.arrayExpression([]))),
    ret(cast(call('koffi.decode', path('s.data'), call('koffi.array', id('type'), id('len'), str('Array'))), tArray(tRef('T')))),
  ]);
  decode.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'T')]);
  return [
    jsdoc(view, ['A typed array over a slice\'s memory, without a copy: valid only while Rust keeps the memory (during a callback).']),
    jsdoc(copy, ['A copy of a slice\'s elements: a slice Rust returns is only borrowed until its next call.']),
    jsdoc(decode, ['The elements of a slice of structs or strings, decoded by koffi (a copy).']),
  ];
}

const prop = (name: string, type: t.TSType): t.TSPropertySignature => t.tsPropertySignature(id(name), t.tsTypeAnnotation(type));

function serviceBase(): t.Statement[] {
  const held = t.tsTypeLiteral([prop('cell', tRef('BigUint64Array')), prop('destroy', tFunction([param('cell', tRef('BigUint64Array'))], tUnknown())), prop('sites', siteList())]);
  // Callback sites are released after the destructor ran: Rust may call them until then.
  const releaseSites = (sites: t.Expression): t.Statement =>
    t.forOfStatement(t.variableDeclaration('const', [t.variableDeclarator(id('site'))]), sites, t.expressionStatement(call(member(id('site'), 'dispose'))));
  const registry = constDecl(
    'serviceFinalizer',
    newExpr(
      'FinalizationRegistry',
      arrow([param('held', held)], block(t.ifStatement(ne(t.memberExpression(path('held.cell'), num(0), true), big(0n)), t.expressionStatement(call(path('held.destroy'), path('held.cell')))), releaseSites(path('held.sites')))),
    ),
  );
  (registry.declarations[0]?.init as t.NewExpression).typeParameters = t.tsTypeParameterInstantiation([held]);
  const cellField = privateField('cell', tRef('BigUint64Array'));
  const destroyField = privateField('destroy', tFunction([param('cell', tRef('BigUint64Array'))], tUnknown()));
  // The handle as read once: reading the cell would make a new bigint on every call.
  const handleField = privateField('handle', tRef(m.pointer));
  const keepField = privateField('keep', tArray(tUnknown()));
  const sitesField = privateField('sites', siteList());
  const ctor = t.classMethod(
    'constructor',
    id('constructor'),
    [param('cell', tRef('BigUint64Array')), param('destroy', tFunction([param('cell', tRef('BigUint64Array'))], tUnknown())), param('keep', tArray(tUnknown())), param('sites', siteList())],
    block(
      assign(self('cell'), id('cell')),
      assign(self('handle'), t.logicalExpression('??', t.memberExpression(id('cell'), num(0), true), big(0n))),
      assign(self('destroy'), id('destroy')),
      assign(self('keep'), id('keep')),
      assign(self('sites'), id('sites')),
      lineComment(
        t.expressionStatement(call('serviceFinalizer.register', t.thisExpression(), obj({ cell: id('cell'), destroy: id('destroy'), sites: id('sites') }), t.thisExpression())),
        'The held value holds the cell, not the instance, so the instance can be collected.',
      ),
    ),
  );
  ctor.accessibility = 'protected';
  const handleGetter = t.classMethod(
    'get',
    id('handle'),
    [],
    block(
      constDecl('handle', self('handle')),
      t.ifStatement(eq(id('handle'), big(0n)), throwNew('Error', str('the service was disposed'))),
      ret(id('handle')),
    ),
  );
  handleGetter.accessibility = 'protected';
  handleGetter.returnType = t.tsTypeAnnotation(tRef(m.pointer));
  const disposedGetter = t.classMethod('get', id('disposed'), [], block(ret(eq(self('handle'), big(0n)))));
  disposedGetter.returnType = t.tsTypeAnnotation(tBoolean());
  const dispose = t.classMethod(
    'method',
    id('dispose'),
    [],
    block(
      t.ifStatement(eq(self('handle'), big(0n)), ret()),
      assign(self('handle'), big(0n)),
      t.expressionStatement(call('serviceFinalizer.unregister', t.thisExpression())),
      lineComment(t.expressionStatement(call(self('destroy'), self('cell'))), 'Rust nulls the cell: a second dispose, or the finalizer, finds nothing to free.'),
      // What Rust borrowed (a constructor's slices) is let go with the value.
      assign(member(self('keep'), 'length'), num(0)),
      releaseSites(self('sites')),
    ),
  );
  // A method's callback parameter: a site of this instance, released with it.
  const siteMethod = t.classMethod(
    'method',
    id('callbackSite'),
    [param('register', tFunction([param('fn', tRef('F'))], tRef(m.registered, tRef('F'))))],
    block(constDecl('site', newExpr(m.callbackSite, id('register'))), t.expressionStatement(call(member(self('sites'), 'push'), id('site'))), ret(id('site'))),
  );
  siteMethod.accessibility = 'protected';
  siteMethod.typeParameters = t.tsTypeParameterDeclaration([t.tsTypeParameter(null, null, 'F')]);
  siteMethod.returnType = t.tsTypeAnnotation(tRef(m.callbackSite, tRef('F')));
  dispose.returnType = t.tsTypeAnnotation(tVoid());
  const base = t.classDeclaration(
    id(m.serviceBase),
    null,
    t.classBody([
      cellField,
      handleField,
      destroyField,
      keepField,
      sitesField,
      ctor,
      jsdoc(handleGetter, ['The Rust value; throws once disposed (Rust would get null).']),
      jsdoc(disposedGetter, ['True once `dispose()` ran.']),
      jsdoc(dispose, ['Destroys the Rust value; later calls do nothing.']),
      disposeSymbolMethod(m.disposeSymbol),
      jsdoc(siteMethod, ['The callback slot of one of this instance\'s method parameters.']),
    ]),
  );
  base.abstract = true;
  base.implements = [t.tsExpressionWithTypeArguments(id('Disposable'))];
  return [
    jsdoc(registry, ['The safety net for services nobody disposed: destroys what Rust has not destroyed yet.']),
    jsdoc(exported(base), [
      'Base of the service classes: owns one Rust value and destroys it once, through `dispose()`,',
      '`using` (`[Symbol.dispose]`) or, as a safety net, the garbage collector.',
    ]),
  ];
}

