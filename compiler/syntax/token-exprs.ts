/**
 * Expressions of a single token — the common case for discriminants, array lengths and attribute
 * values — built without running the expression grammar. The results are exactly what the grammar
 * would build for the same token.
 */
import type { IToken } from 'chevrotain';
import type { Expr } from './ast.js';
import type { Span } from '../source.js';
import { decodeChar, decodeFloat, decodeInt, decodeRawString, decodeString } from './literals.js';
import * as T from './token-types.js';

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

const pathKeywords = new Set([T.Kw.self, T.Kw.super, T.Kw.crate, T.Kw.SelfType]);

export function singleTokenExpr(t: IToken, file: string): Expr | undefined {
  if (t.isInsertedInRecovery || !Number.isFinite(t.startOffset)) return undefined;
  const span = spanOfToken(t, file);
  const literal = literalExpr(t, span);
  if (literal) return literal;
  if (t.tokenType === T.Ident || pathKeywords.has(t.tokenType)) {
    const name = t.image.startsWith('r#') ? t.image.slice(2) : t.image;
    return { kind: 'path', path: { global: false, segments: [{ name, span }], span }, span };
  }
  return undefined;
}
