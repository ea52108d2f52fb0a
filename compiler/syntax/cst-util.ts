/**
 * Small typed accessors over Chevrotain CST nodes, and the conversion context shared by the
 * CST→AST modules. After error recovery a node may lack children; accessors return `undefined` and
 * converters fall back to placeholders, so conversion never throws on damaged input.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Span } from '../source.js';
import type { Token, TokenTree } from './ast.js';
import * as T from './lexer.js';

export interface ConvertContext {
  readonly file: string;
  /** The file's whole token vector (for slicing runs by offset). */
  readonly tokens: readonly IToken[];
  /** The file's text length, for spans at end of input. */
  readonly textLength: number;
}

const EMPTY: readonly never[] = [];

// Chevrotain keys CST children by rule name or token type name, so one key never mixes nodes and
// tokens: the arrays can be returned as they are, without allocating filtered copies.
export function nodes(node: CstNode, key: string): readonly CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? EMPTY;
}

export function node(node: CstNode, key: string): CstNode | undefined {
  return node.children[key]?.[0] as CstNode | undefined;
}

/** Tokens under `key`; tokens invented by error recovery are left out. */
export function tokens(node: CstNode, key: string): readonly IToken[] {
  const list = (node.children[key] as IToken[] | undefined) ?? EMPTY;
  // Single-token insertion can add a virtual token to a node not marked as recovered.
  return list.some((t) => t.isInsertedInRecovery) ? list.filter((t) => !t.isInsertedInRecovery) : list;
}

export function token(node: CstNode, key: string): IToken | undefined {
  const t = node.children[key]?.[0] as IToken | undefined;
  return t && !t.isInsertedInRecovery ? t : undefined;
}

export const has = (n: CstNode, key: string): boolean => (n.children[key]?.length ?? 0) > 0;

export function tokenSpan(ctx: ConvertContext, t: IToken): Span {
  const start = Number.isFinite(t.startOffset) ? t.startOffset : ctx.textLength;
  const end = t.endOffset !== undefined && Number.isFinite(t.endOffset) ? t.endOffset + 1 : start;
  return { file: ctx.file, start, end };
}

export function nodeSpan(ctx: ConvertContext, n: CstNode): Span {
  const loc = n.location;
  if (!loc || !Number.isFinite(loc.startOffset)) return { file: ctx.file, start: ctx.textLength, end: ctx.textLength };
  const end = loc.endOffset !== undefined && Number.isFinite(loc.endOffset) ? loc.endOffset + 1 : loc.startOffset;
  return { file: ctx.file, start: loc.startOffset, end: Math.max(end, loc.startOffset) };
}

/** Index of the first token starting at or after `offset`. */
function lowerBound(list: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.startOffset ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens covered by a node (inclusive of its delimiters). */
export function tokensOfNode(ctx: ConvertContext, n: CstNode): IToken[] {
  const span = nodeSpan(ctx, n);
  const out: IToken[] = [];
  for (let i = lowerBound(ctx.tokens, span.start); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i];
    if (!t || t.startOffset >= span.end) break;
    out.push(t);
  }
  return out;
}

export function sourceText(source: string, span: Span): string {
  return source.slice(span.start, span.end);
}

function tokenKind(t: IToken): Token['tokenKind'] {
  const type = t.tokenType;
  if (type === T.Lifetime) return 'lifetime';
  if (type === T.Ident || type.name.startsWith('Kw_')) return 'ident';
  if (type === T.IntLit || type === T.FloatLit || type === T.StringLit || type === T.RawStringLit || type === T.CharLit) return 'literal';
  return 'punct';
}

const openers: Record<string, '(' | '[' | '{'> = { '(': '(', '[': '[', '{': '{' };

/** Rebuilds nested token trees from a flat, balanced token list. */
export function toTokenTrees(ctx: ConvertContext, list: readonly IToken[]): TokenTree[] {
  const root: TokenTree[] = [];
  const stack: { trees: TokenTree[]; delimiter: '(' | '[' | '{'; open: IToken }[] = [];
  const current = (): TokenTree[] => stack[stack.length - 1]?.trees ?? root;
  for (const t of list) {
    const opener = openers[t.image];
    if (opener && tokenKind(t) === 'punct') {
      stack.push({ trees: [], delimiter: opener, open: t });
      continue;
    }
    if ((t.image === ')' || t.image === ']' || t.image === '}') && stack.length > 0) {
      const group = stack.pop();
      if (group) {
        const span = { file: ctx.file, start: group.open.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
        current().push({ kind: 'group', delimiter: group.delimiter, trees: group.trees, span });
      }
      continue;
    }
    current().push({ kind: 'token', token: { text: t.image, tokenKind: tokenKind(t), span: tokenSpan(ctx, t) } });
  }
  while (stack.length > 0) {
    const group = stack.pop();
    if (group) current().push({ kind: 'group', delimiter: group.delimiter, trees: group.trees, span: tokenSpan(ctx, group.open) });
  }
  return root;
}

/** Identifier text without the raw prefix (`r#type` → `type`). */
export const identText = (t: IToken | undefined): string => (t ? (t.image.startsWith('r#') ? t.image.slice(2) : t.image) : '<missing>');
