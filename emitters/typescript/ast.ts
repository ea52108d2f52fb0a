/**
 * Short names for the `@babel/types` builders the emitter uses most, and JSDoc. The generated
 * module is a Babel AST from start to end; these only keep the emitter's code readable.
 */
import * as t from '@babel/types';

export { t };

export const id = (name: string): t.Identifier => t.identifier(name);
export const str = (value: string): t.StringLiteral => t.stringLiteral(value);
export const num = (value: number): t.Expression => (value < 0 ? t.unaryExpression('-', t.numericLiteral(-value)) : t.numericLiteral(value));
export const big = (value: bigint): t.Expression => (value < 0n ? t.unaryExpression('-', t.bigIntLiteral((-value).toString())) : t.bigIntLiteral(value.toString()));

/** `a.b.c` from a dotted path. */
export function path(dotted: string): t.Expression {
  const [first, ...rest] = dotted.split('.');
  return rest.reduce<t.Expression>((obj, p) => t.memberExpression(obj, t.identifier(p)), t.identifier(first ?? ''));
}

export const member = (object: t.Expression, property: string): t.MemberExpression => t.memberExpression(object, t.identifier(property));
export const index = (object: t.Expression, key: t.Expression): t.MemberExpression => t.memberExpression(object, key, true);
export const call = (callee: t.Expression | string, ...args: (t.Expression | t.SpreadElement)[]): t.CallExpression =>
  t.callExpression(typeof callee === 'string' ? path(callee) : callee, args);
export const newExpr = (callee: t.Expression | string, ...args: t.Expression[]): t.NewExpression =>
  t.newExpression(typeof callee === 'string' ? path(callee) : callee, args);
export const ret = (value?: t.Expression): t.ReturnStatement => t.returnStatement(value ?? null);
export const expr = (e: t.Expression): t.ExpressionStatement => t.expressionStatement(e);
export const assign = (left: t.LVal, right: t.Expression): t.ExpressionStatement => t.expressionStatement(t.assignmentExpression('=', left, right));
export const block = (...body: t.Statement[]): t.BlockStatement => t.blockStatement(body);
export const throwNew = (callee: string, ...args: t.Expression[]): t.ThrowStatement => t.throwStatement(newExpr(callee, ...args));
export const eq = (a: t.Expression, b: t.Expression): t.BinaryExpression => t.binaryExpression('===', a, b);
export const ne = (a: t.Expression, b: t.Expression): t.BinaryExpression => t.binaryExpression('!==', a, b);
export const cond = (test: t.Expression, yes: t.Expression, no: t.Expression): t.ConditionalExpression => t.conditionalExpression(test, yes, no);
export const asType = (e: t.Expression, type: t.TSType): t.TSAsExpression => t.tsAsExpression(e, type);
/** `e as unknown as T`: for values whose koffi type TypeScript cannot see (a typed array in a pointer field). */
export const cast = (e: t.Expression, type: t.TSType): t.TSAsExpression => t.tsAsExpression(t.tsAsExpression(e, t.tsUnknownKeyword()), type);
export const obj = (props: Record<string, t.Expression>): t.ObjectExpression =>
  t.objectExpression(Object.entries(props).map(([k, v]) => t.objectProperty(/^[A-Za-z_$][\w$]*$/.test(k) ? t.identifier(k) : t.stringLiteral(k), v)));
export const arr = (items: t.Expression[]): t.ArrayExpression => t.arrayExpression(items);

export function constDecl(name: string, init: t.Expression, type?: t.TSType): t.VariableDeclaration {
  const target = t.identifier(name);
  if (type) target.typeAnnotation = t.tsTypeAnnotation(type);
  return t.variableDeclaration('const', [t.variableDeclarator(target, init)]);
}

export function letDecl(name: string, init: t.Expression | null, type?: t.TSType): t.VariableDeclaration {
  const target = t.identifier(name);
  if (type) target.typeAnnotation = t.tsTypeAnnotation(type);
  return t.variableDeclaration('let', [t.variableDeclarator(target, init)]);
}

export const exported = (decl: t.Declaration): t.ExportNamedDeclaration => t.exportNamedDeclaration(decl, []);

/** A typed parameter. */
export function param(name: string, type: t.TSType, optional = false): t.Identifier {
  const p = t.identifier(name);
  p.typeAnnotation = t.tsTypeAnnotation(type);
  if (optional) p.optional = true;
  return p;
}

export const arrow = (params: (t.Identifier | t.RestElement)[], body: t.Expression | t.BlockStatement, returns?: t.TSType): t.ArrowFunctionExpression => {
  const f = t.arrowFunctionExpression(params, body);
  if (returns) f.returnType = t.tsTypeAnnotation(returns);
  return f;
};

export function functionDecl(name: string, params: t.Identifier[], returns: t.TSType, body: t.Statement[]): t.FunctionDeclaration {
  const f = t.functionDeclaration(t.identifier(name), params, t.blockStatement(body));
  f.returnType = t.tsTypeAnnotation(returns);
  return f;
}

// Types
export const tRef = (name: string, ...args: t.TSType[]): t.TSTypeReference =>
  t.tsTypeReference(tName(name), args.length > 0 ? t.tsTypeParameterInstantiation(args) : null);
function tName(dotted: string): t.TSEntityName {
  const [first, ...rest] = dotted.split('.');
  return rest.reduce<t.TSEntityName>((q, p) => t.tsQualifiedName(q, t.identifier(p)), t.identifier(first ?? ''));
}
export const tUnion = (...types: t.TSType[]): t.TSType => (types.length === 1 ? (types[0] as t.TSType) : t.tsUnionType(types));
export const tNumber = (): t.TSType => t.tsNumberKeyword();
export const tBigint = (): t.TSType => t.tsBigIntKeyword();
export const tString = (): t.TSType => t.tsStringKeyword();
export const tBoolean = (): t.TSType => t.tsBooleanKeyword();
export const tVoid = (): t.TSType => t.tsVoidKeyword();
export const tNull = (): t.TSType => t.tsNullKeyword();
export const tUndefined = (): t.TSType => t.tsUndefinedKeyword();
export const tUnknown = (): t.TSType => t.tsUnknownKeyword();
export const tArray = (element: t.TSType): t.TSType => t.tsArrayType(element);
export const tFunction = (params: (t.Identifier | t.RestElement)[], returns: t.TSType): t.TSFunctionType => t.tsFunctionType(null, params, t.tsTypeAnnotation(returns));
export const tReadonlyArray = (element: t.TSType): t.TSType => tRef('ReadonlyArray', element);

/**
 * Attaches a JSDoc block built from doc lines (markdown kept); `*\/` in a doc is defused. Returns
 * the node for chaining. Nothing is attached for no lines.
 */
export function jsdoc<N extends t.Node>(node: N, lines: readonly string[]): N {
  if (lines.length === 0) return node;
  const body = lines.map((l) => (l === '' ? ' *' : ` * ${l.replace(/\*\//g, '*\\/')}`)).join('\n');
  t.addComment(node, 'leading', `*\n${body}\n `, false);
  return node;
}

/** A `//` comment above a node (why something is there). */
export function lineComment<N extends t.Node>(node: N, text: string): N {
  for (const l of text.split('\n')) t.addComment(node, 'leading', ` ${l}`, true);
  return node;
}

/** `this.#name`. */
export const self = (name: string): t.MemberExpression => t.memberExpression(t.thisExpression(), t.privateName(t.identifier(name)));

/** `#name: type = value;` */
export function privateField(name: string, type: t.TSType, value: t.Expression | null = null): t.ClassPrivateProperty {
  const field = t.classPrivateProperty(t.privateName(t.identifier(name)), value);
  (field as { typeAnnotation?: t.TSTypeAnnotation }).typeAnnotation = t.tsTypeAnnotation(type);
  return field;
}

/** `[disposeSymbol](): void { this.dispose(); }`: what `using` calls. */
export function disposeSymbolMethod(disposeSymbol: string): t.ClassMethod {
  const method = t.classMethod('method', t.identifier(disposeSymbol), [], t.blockStatement([t.expressionStatement(t.callExpression(t.memberExpression(t.thisExpression(), t.identifier('dispose')), []))]), true);
  method.returnType = t.tsTypeAnnotation(t.tsVoidKeyword());
  return method;
}
