/**
 * CST → AST for attributes and doc comments. Attribute contents are parsed into `Meta` when they fit
 * Rust's meta grammar (`path`, `path(list…)`, `path = literal`); otherwise only `tokens` are kept.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Attribute, Meta } from './ast.js';
import { docLines } from './literals.js';
import { node, nodeSpan, token, tokenSpan, tokensOfNode, toTokenTrees, type ConvertContext } from './cst-util.js';
import { parseExpression } from './cst-types.js';
import * as T from './lexer.js';
import type { Span } from '../source.js';

const isWordToken = (t: IToken | undefined): boolean => t !== undefined && (t.tokenType === T.Ident || t.tokenType.name.startsWith('Kw_'));

export function convertAttribute(ctx: ConvertContext, n: CstNode, style: 'outer' | 'inner'): Attribute {
  const span = nodeSpan(ctx, n);
  const doc = token(n, style === 'outer' ? 'OuterDoc' : 'InnerDoc') ?? token(n, style === 'outer' ? 'OuterBlockDoc' : 'InnerBlockDoc');
  if (doc) {
    const text = docLines(doc.image).join('\n');
    const value = { kind: 'str' as const, value: text, byte: false, span };
    return { style, path: 'doc', meta: { kind: 'nameValue', path: 'doc', value, span }, tokens: [], sugaredDoc: true, span };
  }
  const body = node(n, 'attrBody');
  // Tokens between the brackets.
  const all = body ? tokensOfNode(ctx, body).slice(1, -1) : [];
  const pathTokens: IToken[] = [];
  let i = 0;
  while (i < all.length) {
    const t = all[i];
    if (!t) break;
    if (isWordToken(t) || (t.tokenType === T.PathSep && pathTokens.length >= 0)) {
      pathTokens.push(t);
      i++;
      continue;
    }
    break;
  }
  const path = pathTokens.map((t) => t.image).join('');
  const rest = all.slice(i);
  const meta = parseMeta(ctx, all, span);
  return { style, path, ...(meta ? { meta } : {}), tokens: toTokenTrees(ctx, rest), sugaredDoc: false, span };
}

/** Parses `path`, `path(items)`, `path = value` from a flat token list; undefined if it does not fit. */
export function parseMeta(ctx: ConvertContext, list: readonly IToken[], fallback: Span): Meta | undefined {
  if (list.length === 0) return undefined;
  const first = list[0];
  const last = list[list.length - 1];
  const span: Span = first && last ? { file: ctx.file, start: first.startOffset, end: (last.endOffset ?? last.startOffset) + 1 } : fallback;
  let i = 0;
  const segments: string[] = [];
  if (list[0]?.tokenType === T.PathSep) i++;
  while (isWordToken(list[i])) {
    segments.push(list[i]?.image ?? '');
    i++;
    if (list[i]?.tokenType === T.PathSep && isWordToken(list[i + 1])) i++;
    else break;
  }
  if (segments.length === 0) {
    // A bare literal inside a list: `deprecated("x")`.
    const value = parseExpression(ctx, list, span);
    return value.kind === 'unparsed' ? undefined : { kind: 'literal', value, span };
  }
  const path = segments.join('::');
  const next = list[i];
  if (!next) return { kind: 'word', path, span };
  if (next.tokenType === T.Eq) {
    const value = parseExpression(ctx, list.slice(i + 1), span);
    return value.kind === 'unparsed' ? undefined : { kind: 'nameValue', path, value, span };
  }
  if (next.tokenType === T.LParen && list[list.length - 1]?.tokenType === T.RParen) {
    const items: Meta[] = [];
    for (const part of splitTopLevel(list.slice(i + 1, -1))) {
      const item = parseMeta(ctx, part, span);
      if (!item) return undefined;
      items.push(item);
    }
    return { kind: 'list', path, items, span };
  }
  return undefined;
}

/** Splits a token list at commas outside any delimiter group. */
function splitTopLevel(list: readonly IToken[]): IToken[][] {
  const parts: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (const t of list) {
    const image = t.image;
    if (image === '(' || image === '[' || image === '{') depth++;
    else if (image === ')' || image === ']' || image === '}') depth--;
    if (depth === 0 && t.tokenType === T.Comma) {
      if (current.length > 0) parts.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Doc lines of a list of attributes: sugared docs and `#[doc = "…"]`, in order. */
export function docsOf(attrs: readonly Attribute[]): string[] {
  const lines: string[] = [];
  for (const a of attrs) {
    if (a.path !== 'doc' || a.meta?.kind !== 'nameValue' || a.meta.value.kind !== 'str') continue;
    if (a.sugaredDoc) lines.push(...a.meta.value.value.split('\n'));
    else lines.push(...a.meta.value.value.split('\n').map((l) => (l.startsWith(' ') ? l.slice(1) : l)));
  }
  return lines;
}

export { tokenSpan };
