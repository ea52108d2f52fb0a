/**
 * Nodes built straight from tokens, shared by the grammar and the fast path (grammar-fast.ts,
 * fast-exprs.ts): expressions of a single token — the common case for discriminants, array lengths
 * and attribute values — built without running the expression grammar; binary nodes; plain type
 * names, fn pointer types and ABI strings. The results are exactly what the grammar builds.
 */
import type { IToken } from 'chevrotain';
import type { BinaryOp, Expr, FnPointerParam, TypeNode } from './ast.js';
import { singleSegmentPath } from './ast.js';
import type { Span } from '../source.js';
import { decodeChar, decodeFloat, decodeInt, decodeRawString, decodeString } from './literals.js';
import * as T from './token-types.js';

/** Bound and where-clause text: tokens joined, without spaces around path and list punctuation. */
export function boundsText(tokens: readonly IToken[]): string {
  return tokens
    .map((t) => t.image)
    .join(' ')
    .replace(/ ?(::|<|>|,|\(|\)) ?/g, '$1')
    .replace(/,/g, ', ');
}

/** Span of a token of `file` (tokens invented by recovery have no offsets). */
export function spanOfToken(t: IToken, file: string): Span {
  const end = t.endOffset !== undefined ? t.endOffset + 1 : t.startOffset;
  return { file, start: t.startOffset, end };
}

/** The literal `t` as an expression (`unparsed` when malformed); undefined when it is no literal. */
export function literalExpr(t: IToken, span: Span): Expr | undefined {
  const type = t.tokenType;
  if (type === T.IntLit) {
    const v = decodeInt(t.image);
    return v ? (v.suffix ? { kind: 'int', value: v.value, suffix: v.suffix, span } : { kind: 'int', value: v.value, span }) : { kind: 'unparsed', span };
  }
  if (type === T.FloatLit) {
    const v = decodeFloat(t.image);
    return v ? (v.suffix ? { kind: 'float', text: v.text, suffix: v.suffix, span } : { kind: 'float', text: v.text, span }) : { kind: 'unparsed', span };
  }
  if (type === T.StringLit || type === T.RawStringLit) {
    const v = type === T.StringLit ? decodeString(t.image) : decodeRawString(t.image);
    return v ? { kind: 'str', value: v.value, byte: v.byte, span } : { kind: 'unparsed', span };
  }
  if (type === T.CharLit) {
    const v = decodeChar(t.image);
    return v ? { kind: 'char', value: v.value, byte: v.byte, span } : { kind: 'unparsed', span };
  }
  if (type === T.Kw.true || type === T.Kw.false) return { kind: 'bool', value: type === T.Kw.true, span };
  return undefined;
}

/** The smallest span covering both. */
export const joinSpans = (a: Span, b: Span): Span => ({ file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

/** The node the expression grammar builds for `left op right`. */
export const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) });

/** An identifier's name, without the raw prefix (`r#type` → `type`). */
export const identName = (t: IToken): string => (t.image.startsWith('r#') ? t.image.slice(2) : t.image);

/** The type a lone identifier names (`_` is the inferred type). */
export function plainTypeNode(t: IToken, name: string, span: Span): TypeNode {
  if (t.image === '_') return { kind: 'infer', span };
  return { kind: 'name', name, span };
}

/** A function pointer type (`abi` undefined without `extern`), as both the grammar and the fast path build it. */
export function fnPointerTypeNode(abi: string | undefined, unsafe: boolean, params: FnPointerParam[], returns: TypeNode | undefined, variadic: boolean, span: Span): TypeNode {
  return { kind: 'fnPointer', ...(abi !== undefined ? { abi } : {}), unsafe, params, ...(returns ? { returns } : {}), variadic, span };
}

/** The ABI a string literal token names (`"C"` when it cannot be decoded). */
export function abiOfToken(t: IToken): string {
  return (t.tokenType === T.RawStringLit ? decodeRawString(t.image) : decodeString(t.image))?.value ?? 'C';
}

export function singleTokenExpr(t: IToken, file: string): Expr | undefined {
  if (t.isInsertedInRecovery || !Number.isFinite(t.startOffset)) return undefined;
  const span = spanOfToken(t, file);
  const literal = literalExpr(t, span);
  if (literal) return literal;
  if (T.pathSegmentNames.has(t.tokenType)) {
    const name = identName(t);
    return { kind: 'path', path: singleSegmentPath(name, span), span };
  }
  return undefined;
}
