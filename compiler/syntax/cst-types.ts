/**
 * CST → AST for types, paths, generic arguments and expressions. Expressions come from token runs
 * the item grammar captured; they are re-parsed with the strict expression parser, and anything
 * outside that grammar becomes `{ kind: 'unparsed' }` (never a syntax error: it is valid Rust).
 */
import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, Expr, FnPointerParam, GenericArg, LetStatement, Path, PathSegment, TypeNode } from './ast.js';
import { getExpressionParser } from './parser.js';
import { decodeChar, decodeFloat, decodeInt, decodeRawString, decodeString } from './literals.js';
import { has, identText, node, nodes, nodeSpan, token, tokens, tokenSpan, tokensOfNode, type ConvertContext } from './cst-util.js';
import * as T from './lexer.js';
import type { Span } from '../source.js';

// ---------------------------------------------------------------------------------------------
// Paths and types

export function convertPath(ctx: ConvertContext, n: CstNode): Path {
  return { global: has(n, 'PathSep') && isLeadingSep(n), segments: nodes(n, 'pathSegment').map((s) => convertSegment(ctx, s)), span: nodeSpan(ctx, n) };
}

/** A typePath's first PathSep is leading when it starts before the first segment. */
function isLeadingSep(n: CstNode): boolean {
  const sep = token(n, 'PathSep');
  const first = node(n, 'pathSegment');
  return sep !== undefined && first?.location !== undefined && sep.startOffset < first.location.startOffset;
}

function pathIdentText(n: CstNode | undefined): string {
  if (!n) return '<missing>';
  const t = Object.values(n.children)[0]?.[0] as IToken | undefined;
  return identText(t);
}

function convertSegment(ctx: ConvertContext, n: CstNode): PathSegment {
  const name = pathIdentText(node(n, 'pathIdent'));
  const args = node(n, 'genericArgs');
  const sugar = node(n, 'fnSugar');
  const span = nodeSpan(ctx, n);
  if (args) return { name, generics: convertGenericArgs(ctx, args), span };
  if (sugar) {
    // `Fn(A, B) -> C` keeps its argument types as generics; interopc never needs the sugar's meaning.
    const params = node(sugar, 'parenType');
    const generics: GenericArg[] = params ? nodes(params, 'type').map((t) => ({ kind: 'type', type: convertType(ctx, t), span: nodeSpan(ctx, t) })) : [];
    const ret = node(sugar, 'type');
    if (ret) generics.push({ kind: 'binding', name: 'Output', type: convertType(ctx, ret), span: nodeSpan(ctx, ret) });
    return { name, generics, span };
  }
  return { name, span };
}

export function convertGenericArgs(ctx: ConvertContext, n: CstNode): GenericArg[] {
  return nodes(n, 'genericArg').map((a) => convertGenericArg(ctx, a));
}

function convertGenericArg(ctx: ConvertContext, n: CstNode): GenericArg {
  const span = nodeSpan(ctx, n);
  const lifetime = token(n, 'Lifetime');
  if (lifetime) return { kind: 'lifetime', name: lifetime.image, span };
  const block = node(n, 'braceGroup');
  if (block) return { kind: 'const', value: parseExpression(ctx, tokensOfNode(ctx, block), span), span };
  const literal = node(n, 'literalArg');
  if (literal) return { kind: 'const', value: parseExpression(ctx, tokensOfNode(ctx, literal), span), span };
  const name = token(n, 'Ident');
  const types = nodes(n, 'type');
  if (name && has(n, 'Eq') && types[0]) return { kind: 'binding', name: identText(name), type: convertType(ctx, types[0]), span };
  if (name && has(n, 'Colon')) return { kind: 'binding', name: identText(name), type: { kind: 'traitObject', syntax: 'impl', bounds: '', span }, span };
  const type = types[0];
  return type ? { kind: 'type', type: convertType(ctx, type), span } : { kind: 'type', type: { kind: 'infer', span }, span };
}

export function convertType(ctx: ConvertContext, n: CstNode): TypeNode {
  const span = nodeSpan(ctx, n);
  const child = Object.entries(n.children)[0];
  if (!child) return { kind: 'infer', span };
  const [key, elements] = child;
  const inner = elements[0] as CstNode;
  switch (key) {
    case 'refType': {
      const target = node(inner, 'type');
      const lifetime = token(inner, 'Lifetime');
      return {
        kind: 'reference',
        mutable: has(inner, 'Kw_mut'),
        ...(lifetime ? { lifetime: lifetime.image } : {}),
        referent: target ? convertType(ctx, target) : { kind: 'infer', span },
        span,
      };
    }
    case 'ptrType': {
      const target = node(inner, 'type');
      return { kind: 'pointer', mutable: has(inner, 'Kw_mut'), pointee: target ? convertType(ctx, target) : { kind: 'infer', span }, span };
    }
    case 'bracketType': {
      const element = node(inner, 'type');
      const elementType: TypeNode = element ? convertType(ctx, element) : { kind: 'infer', span };
      const run = node(inner, 'runUntilBracket');
      if (!run) return { kind: 'slice', element: elementType, span };
      return { kind: 'array', element: elementType, length: parseExpression(ctx, tokensOfNode(ctx, run), nodeSpan(ctx, run)), span };
    }
    case 'parenType': {
      const elements = nodes(inner, 'type').map((t) => convertType(ctx, t));
      const only = elements[0];
      if (elements.length === 1 && only && !has(inner, 'Comma')) return only;
      return { kind: 'tuple', elements, span };
    }
    case 'Bang':
      return { kind: 'never', span };
    case 'fnPtrType':
      return convertFnPointer(ctx, inner, span);
    case 'traitType':
      return { kind: 'traitObject', syntax: has(inner, 'Kw_dyn') ? 'dyn' : 'impl', bounds: boundsText(ctx, node(inner, 'bounds')), span };
    case 'qualifiedPathType': {
      const segments: PathSegment[] = [{ name: '<qualified>', span }, ...nodes(inner, 'pathSegment').map((s) => convertSegment(ctx, s))];
      return { kind: 'path', path: { global: false, segments, span }, span };
    }
    case 'pathType': {
      const pathNode = node(inner, 'typePath');
      const path: Path = pathNode ? convertPath(ctx, pathNode) : { global: false, segments: [], span };
      if (has(inner, 'Bang')) return { kind: 'macro', path, span };
      if (path.segments.length === 1 && path.segments[0]?.name === '_' && !path.global) return { kind: 'infer', span };
      return { kind: 'path', path, span };
    }
    default:
      return { kind: 'infer', span };
  }
}

function abiOf(ctx: ConvertContext, n: CstNode): string | undefined {
  if (!has(n, 'Kw_extern')) return undefined;
  const abi = node(n, 'abiString');
  if (!abi) return 'C';
  const t = Object.values(abi.children)[0]?.[0] as IToken | undefined;
  const decoded = t ? (t.tokenType === T.RawStringLit ? decodeRawString(t.image) : decodeString(t.image)) : undefined;
  void ctx;
  return decoded?.value ?? 'C';
}

export { abiOf };

function convertFnPointer(ctx: ConvertContext, n: CstNode, span: Span): TypeNode {
  const params: FnPointerParam[] = [];
  let variadic = false;
  for (const p of nodes(n, 'fnPtrParam')) {
    if (has(p, 'DotDotDot')) {
      variadic = true;
      continue;
    }
    const type = node(p, 'type');
    const name = token(p, 'Ident');
    params.push({ ...(name ? { name: identText(name) } : {}), type: type ? convertType(ctx, type) : { kind: 'infer', span }, span: nodeSpan(ctx, p) });
  }
  const ret = node(n, 'type');
  const abi = abiOf(ctx, n);
  return {
    kind: 'fnPointer',
    ...(abi !== undefined ? { abi } : {}),
    unsafe: has(n, 'Kw_unsafe'),
    params,
    ...(ret ? { returns: convertType(ctx, ret) } : {}),
    variadic,
    span,
  };
}

export function boundsText(ctx: ConvertContext, n: CstNode | undefined): string {
  if (!n) return '';
  return tokensOfNode(ctx, n)
    .map((t) => t.image)
    .join(' ')
    .replace(/ ?(::|<|>|,|\(|\)) ?/g, '$1')
    .replace(/,/g, ', ');
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** Parses a token run as an expression; `unparsed` when it is outside the expression grammar. */
export function parseExpression(ctx: ConvertContext, run: readonly IToken[], span: Span): Expr {
  if (run.length === 0) return { kind: 'unparsed', span };
  // Most discriminants and many constants are one literal or name: skip the parser for those.
  const only = run.length === 1 ? run[0] : undefined;
  if (only) {
    const single = singleTokenExpr(ctx, only);
    if (single) return single;
  }
  const parser = getExpressionParser();
  parser.input = [...run];
  const cst = parser.exprEntry();
  if (parser.errors.length > 0) return { kind: 'unparsed', span };
  const e = node(cst, 'expr');
  return e ? convertExpr(ctx, e) : { kind: 'unparsed', span };
}

function singleTokenExpr(ctx: ConvertContext, t: IToken): Expr | undefined {
  const span = tokenSpan(ctx, t);
  if (t.tokenType === T.IntLit) {
    const v = decodeInt(t.image);
    return v ? { kind: 'int', value: v.value, ...(v.suffix ? { suffix: v.suffix } : {}), span } : undefined;
  }
  if (t.tokenType === T.Ident) return { kind: 'path', path: { global: false, segments: [{ name: identText(t), span }], span }, span };
  if (t.tokenType === T.Kw.true || t.tokenType === T.Kw.false) return { kind: 'bool', value: t.tokenType === T.Kw.true, span };
  return undefined;
}

function convertExpr(ctx: ConvertContext, n: CstNode): Expr {
  const or = node(n, 'orExpr');
  return or ? convertBinaryChain(ctx, or) : { kind: 'unparsed', span: nodeSpan(ctx, n) };
}

const nextLevel: Record<string, string> = {
  orExpr: 'andExpr',
  andExpr: 'cmpExpr',
  cmpExpr: 'bitOrExpr',
  bitOrExpr: 'bitXorExpr',
  bitXorExpr: 'bitAndExpr',
  bitAndExpr: 'shiftExpr',
  shiftExpr: 'addExpr',
  addExpr: 'mulExpr',
  mulExpr: 'castExpr',
};

const opByLevel: Record<string, Record<string, BinaryOp>> = {
  orExpr: { '|': '||' },
  andExpr: { '&': '&&' },
  bitOrExpr: { '|': '|' },
  bitXorExpr: { '^': '^' },
  bitAndExpr: { '&': '&' },
  shiftExpr: { '<': '<<', '>': '>>' },
  addExpr: { '+': '+', '-': '-' },
  mulExpr: { '*': '*', '/': '/', '%': '%' },
};

function convertLevel(ctx: ConvertContext, n: CstNode): Expr {
  if (n.name === 'castExpr') return convertCast(ctx, n);
  return convertBinaryChain(ctx, n);
}

/** Left-associative fold of `operand (op operand)*`. */
function convertBinaryChain(ctx: ConvertContext, n: CstNode): Expr {
  const operands = nodes(n, 'operand').map((o) => convertLevel(ctx, o));
  const first = operands[0];
  if (!first) return { kind: 'unparsed', span: nodeSpan(ctx, n) };
  if (n.name === 'cmpExpr') {
    const opNode = node(n, 'op');
    const right = operands[1];
    if (!opNode || !right) return first;
    const op = cmpOperator(opNode);
    return { kind: 'binary', op, left: first, right, span: joinExprSpans(first, right) };
  }
  const ops = tokens(n, 'op');
  let acc = first;
  for (let i = 0; i < ops.length; i++) {
    const right = operands[i + 1];
    const opToken = ops[i];
    if (!right || !opToken) break;
    const op = opByLevel[n.name]?.[opToken.image];
    if (!op) return { kind: 'unparsed', span: nodeSpan(ctx, n) };
    acc = { kind: 'binary', op, left: acc, right, span: joinExprSpans(acc, right) };
  }
  void nextLevel;
  return acc;
}

function cmpOperator(n: CstNode): BinaryOp {
  if (has(n, 'EqEq')) return '==';
  if (has(n, 'Ne')) return '!=';
  const withEq = has(n, 'Eq');
  if (has(n, 'Lt')) return withEq ? '<=' : '<';
  return withEq ? '>=' : '>';
}

const joinExprSpans = (a: Expr, b: Expr): Span => ({ file: a.span.file, start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) });

function convertCast(ctx: ConvertContext, n: CstNode): Expr {
  const unary = node(n, 'unaryExpr');
  let acc: Expr = unary ? convertUnary(ctx, unary) : { kind: 'unparsed', span: nodeSpan(ctx, n) };
  for (const t of nodes(n, 'type')) {
    const type = convertType(ctx, t);
    acc = { kind: 'cast', expr: acc, type, span: { file: ctx.file, start: acc.span.start, end: type.span.end } };
  }
  return acc;
}

function convertUnary(ctx: ConvertContext, n: CstNode): Expr {
  const span = nodeSpan(ctx, n);
  const op = token(n, 'op');
  const inner = node(n, 'unaryExpr');
  if (op && inner) {
    const operand = convertUnary(ctx, inner);
    if (op.image === '&') return { kind: 'reference', mutable: has(n, 'Kw_mut'), expr: operand, span };
    return { kind: 'unary', op: op.image === '-' ? '-' : '!', operand, span };
  }
  const postfix = node(n, 'postfixExpr');
  return postfix ? convertPostfix(ctx, postfix) : { kind: 'unparsed', span };
}

function convertPostfix(ctx: ConvertContext, n: CstNode): Expr {
  const primary = node(n, 'primaryExpr');
  let acc: Expr = primary ? convertPrimary(ctx, primary) : { kind: 'unparsed', span: nodeSpan(ctx, n) };
  for (const op of nodes(n, 'postfixOp')) {
    const span = { file: ctx.file, start: acc.span.start, end: nodeSpan(ctx, op).end };
    const args = node(op, 'callArgs');
    const argExprs = args ? nodes(args, 'expr').map((a) => convertExpr(ctx, a)) : [];
    const method = token(op, 'Ident');
    if (has(op, 'Dot')) {
      // Field access (`x.0`, `x.field`) is outside what constants need.
      if (!method || !args) return { kind: 'unparsed', span };
      acc = { kind: 'methodCall', receiver: acc, method: identText(method), args: argExprs, span };
    } else acc = { kind: 'call', callee: acc, args: argExprs, span };
  }
  return acc;
}

function convertPrimary(ctx: ConvertContext, n: CstNode): Expr {
  const span = nodeSpan(ctx, n);
  const [key, elements] = Object.entries(n.children)[0] ?? [];
  const first = elements?.[0];
  if (!key || !first) return { kind: 'unparsed', span };
  const tok = first as IToken;
  switch (key) {
    case 'IntLit': {
      const v = decodeInt(tok.image);
      return v ? { kind: 'int', value: v.value, ...(v.suffix ? { suffix: v.suffix } : {}), span } : { kind: 'unparsed', span };
    }
    case 'FloatLit': {
      const v = decodeFloat(tok.image);
      return v ? { kind: 'float', text: v.text, ...(v.suffix ? { suffix: v.suffix } : {}), span } : { kind: 'unparsed', span };
    }
    case 'StringLit':
    case 'RawStringLit': {
      const v = key === 'StringLit' ? decodeString(tok.image) : decodeRawString(tok.image);
      return v ? { kind: 'str', value: v.value, byte: v.byte, span } : { kind: 'unparsed', span };
    }
    case 'CharLit': {
      const v = decodeChar(tok.image);
      return v ? { kind: 'char', value: v.value, byte: v.byte, span } : { kind: 'unparsed', span };
    }
    case 'Kw_true':
      return { kind: 'bool', value: true, span };
    case 'Kw_false':
      return { kind: 'bool', value: false, span };
    case 'parenExpr': {
      const inner = node(first as CstNode, 'expr');
      return inner ? { kind: 'paren', expr: convertExpr(ctx, inner), span } : { kind: 'unparsed', span };
    }
    case 'blockExpr':
      return convertBlock(ctx, first as CstNode);
    case 'ifExpr':
      return convertIf(ctx, first as CstNode);
    case 'exprPath':
      return { kind: 'path', path: convertExprPath(ctx, first as CstNode), span };
    default:
      return { kind: 'unparsed', span };
  }
}

function convertBlock(ctx: ConvertContext, n: CstNode): Expr {
  const statements: LetStatement[] = nodes(n, 'letStatement').map((s) => {
    const type = node(s, 'type');
    const value = node(s, 'expr');
    return {
      kind: 'let',
      name: identText(token(s, 'Ident')),
      ...(type ? { type: convertType(ctx, type) } : {}),
      value: value ? convertExpr(ctx, value) : { kind: 'unparsed', span: nodeSpan(ctx, s) },
      span: nodeSpan(ctx, s),
    };
  });
  const tail = node(n, 'expr');
  return { kind: 'block', statements, ...(tail ? { tail: convertExpr(ctx, tail) } : {}), span: nodeSpan(ctx, n) };
}

function convertIf(ctx: ConvertContext, n: CstNode): Expr {
  const condition = node(n, 'expr');
  const blocks = nodes(n, 'blockExpr');
  const elseIf = node(n, 'ifExpr');
  const then = blocks[0];
  const otherwise = elseIf ? convertIf(ctx, elseIf) : blocks[1] ? convertBlock(ctx, blocks[1]) : undefined;
  if (!condition || !then) return { kind: 'unparsed', span: nodeSpan(ctx, n) };
  return { kind: 'if', condition: convertExpr(ctx, condition), then: convertBlock(ctx, then), ...(otherwise ? { otherwise } : {}), span: nodeSpan(ctx, n) };
}

/** `a::b::<T>::c`: turbofish args attach to the preceding segment. */
function convertExprPath(ctx: ConvertContext, n: CstNode): Path {
  const segments: PathSegment[] = [];
  // Children are grouped by name; rebuild document order from offsets.
  const parts = [...nodes(n, 'pathIdent'), ...nodes(n, 'genericArgs')].sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0));
  for (const part of parts) {
    if (part.name === 'pathIdent') segments.push({ name: pathIdentText(part), span: nodeSpan(ctx, part) });
    else {
      const last = segments.pop();
      if (last) segments.push({ ...last, generics: convertGenericArgs(ctx, part) });
    }
  }
  const sep = token(n, 'PathSep');
  const global = sep !== undefined && sep.startOffset < (parts[0]?.location?.startOffset ?? 0);
  return { global, segments, span: nodeSpan(ctx, n) };
}

export { tokenSpan };
