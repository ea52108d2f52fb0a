/**
 * Attributes from their tokens. Contents are parsed into `Meta` when they fit Rust's meta grammar
 * (`path`, `path(list…)`, `path = literal`); otherwise only `tokens` are kept.
 */
import type { IToken } from 'chevrotain';
import { kept, noNodes, type Attribute, type Expr, type Meta, type TokenTree } from './ast.js';
import type { Span } from '../source.js';
import { docLines } from './literals.js';
import { toTokenTrees } from './token-trees.js';
import { singleTokenExpr } from './token-exprs.js';
import * as T from './token-types.js';

/** Builds the expression of a `name = value` run, or throws `NeedsParser` when it needs the grammar. */
export type ValueParser = (tokens: readonly IToken[], span: Span) => Expr;

/** Thrown by a `ValueParser` that can only build one-token expressions. */
export class NeedsParser extends Error {}

const isWord = (t: IToken | undefined): boolean => t !== undefined && T.isWordType(t.tokenType);

/** Text of a `///` or `//!` line: no marker, no trailing `\r`, one leading space dropped. */
function lineDocText(image: string): string {
  const end = image.charCodeAt(image.length - 1) === 13 ? image.length - 1 : image.length;
  return image.charCodeAt(3) === 32 ? image.slice(4, end) : image.slice(3, end);
}

/** The text a doc comment stands for: the value of the `#[doc = "…"]` it is sugar for. */
const docCommentText = (image: string): string => (image.startsWith('//') ? lineDocText(image) : docLines(image).join('\n'));

export function docAttribute(style: 'outer' | 'inner', token: IToken, span: Span): Attribute {
  const text = docCommentText(token.image);
  const value = { kind: 'str' as const, value: text, byte: false, span };
  return { style, path: 'doc', meta: { kind: 'nameValue', path: 'doc', value, span }, tokens: noNodes, sugaredDoc: true, span };
}

/**
 * `#[…]` from the tokens between its brackets. When the meta needs the expression grammar, the
 * attribute is returned without it and `later` receives a function that fills it in.
 */
export function bracketAttribute(
  file: string,
  style: 'outer' | 'inner',
  inside: readonly IToken[],
  span: Span,
  value: ValueParser,
  later: (fill: (parse: ValueParser) => void) => void,
): Attribute {
  let i = 0;
  let path = '';
  while (i < inside.length) {
    const t = inside[i] as IToken;
    if (!isWord(t) && t.tokenType !== T.PathSep) break;
    path += t.image;
    i++;
  }
  // The verbatim tokens only matter when the content is not meta (most attributes are).
  const verbatim = (): TokenTree[] => toTokenTrees(file, inside.slice(i));
  let meta: Meta | undefined;
  try {
    meta = parseMeta(file, inside, span, value);
  } catch (e) {
    if (!(e instanceof NeedsParser)) throw e;
    const attribute: { -readonly [K in keyof Attribute]: Attribute[K] } = { style, path, tokens: verbatim(), sugaredDoc: false, span };
    later((parse) => {
      const filled = parseMeta(file, inside, span, parse);
      if (filled) {
        attribute.meta = filled;
        attribute.tokens = [];
      }
    });
    return attribute;
  }
  return meta ? { style, path, meta, tokens: noNodes, sugaredDoc: false, span } : { style, path, tokens: verbatim(), sugaredDoc: false, span };
}

/** The meta inside `cfg!(…)`, whose values are single literals; undefined when it is not one. */
export function cfgPredicate(file: string, tokens: readonly IToken[], span: Span): Meta | undefined {
  const single: ValueParser = (run, at) => (run.length === 1 ? (singleTokenExpr(run[0] as IToken, file) ?? { kind: 'unparsed', span: at }) : { kind: 'unparsed', span: at });
  return parseMeta(file, tokens, span, single);
}

/** Parses `path`, `path(items)`, `path = value` from a flat token list; undefined if it does not fit. */
function parseMeta(file: string, list: readonly IToken[], fallback: Span, value: ValueParser): Meta | undefined {
  if (list.length === 0) return undefined;
  const first = list[0] as IToken;
  const last = list[list.length - 1] as IToken;
  const span: Span = { file, start: first.startOffset, end: (last.endOffset ?? last.startOffset) + 1 };
  void fallback;
  if (list.length === 4 && isWord(first) && list[1]?.tokenType === T.LParen && isWord(list[2]) && last.tokenType === T.RParen) {
    // `repr(C)`, `unsafe(no_mangle)`: most attributes of FFI code, built as below without the
    // intermediate token lists.
    const word = list[2] as IToken;
    return { kind: 'list', path: first.image, items: [{ kind: 'word', path: word.image, span: { file, start: word.startOffset, end: (word.endOffset ?? word.startOffset) + 1 } }], span };
  }
  let i = 0;
  const segments: string[] = [];
  if (first.tokenType === T.PathSep) i++;
  while (isWord(list[i])) {
    segments.push((list[i] as IToken).image);
    i++;
    if (list[i]?.tokenType === T.PathSep && isWord(list[i + 1])) i++;
    else break;
  }
  if (segments.length === 0) {
    // A bare literal inside a list: `deprecated("x")`.
    const literal = value(list, span);
    return literal.kind === 'unparsed' ? undefined : { kind: 'literal', value: literal, span };
  }
  const path = segments.length === 1 ? (segments[0] as string) : segments.join('::');
  const next = list[i];
  if (!next) return { kind: 'word', path, span };
  if (next.tokenType === T.Eq) {
    const v = value(list.slice(i + 1), span);
    return v.kind === 'unparsed' ? undefined : { kind: 'nameValue', path, value: v, span };
  }
  if (next.tokenType === T.LParen && last.tokenType === T.RParen) {
    const items: Meta[] = [];
    for (const part of splitTopLevel(list.slice(i + 1, -1))) {
      const item = parseMeta(file, part, span, value);
      if (!item) return undefined;
      items.push(item);
    }
    return { kind: 'list', path, items: kept(items), span };
  }
  return undefined;
}

/** Splits a token list at commas outside any delimiter group (empty parts dropped). */
export function splitTopLevel(list: readonly IToken[]): IToken[][] {
  const parts: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (const t of list) {
    const type = t.tokenType;
    if (T.isOpener(type)) depth++;
    else if (T.isCloser(type)) depth--;
    if (depth === 0 && type === T.Comma) {
      if (current.length > 0) parts.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * The attributes an item, field or variant keeps once `docsOf` has read their text: all but the
 * doc comments. Nothing reads a doc comment but its text, and over a large crate they were a third
 * of the AST's attribute objects (three objects per line).
 */
export function withoutDocComments(attrs: readonly Attribute[]): readonly Attribute[] {
  let first = 0;
  while (first < attrs.length && !(attrs[first] as Attribute).sugaredDoc) first++;
  if (first === attrs.length) return attrs;
  const rest: Attribute[] = [];
  for (const a of attrs) if (!a.sugaredDoc) rest.push(a);
  return kept(rest);
}

/** Doc lines of a list of attributes: sugared docs and `#[doc = "…"]`, in order. */
export function docsOf(attrs: readonly Attribute[]): readonly string[] {
  if (attrs.length === 0) return noNodes;
  const lines: string[] = [];
  for (const a of attrs) pushDocLines(a, lines);
  return kept(lines);
}

/** Appends the doc lines `a` gives (`docsOf` of a list is these, attribute by attribute). */
export function pushDocLines(a: Attribute, lines: string[]): void {
  if (a.path !== 'doc' || a.meta?.kind !== 'nameValue' || a.meta.value.kind !== 'str') return;
  if (a.sugaredDoc) pushTextLines(a.meta.value.value, lines);
  else for (const l of a.meta.value.value.split('\n')) lines.push(l.startsWith(' ') ? l.slice(1) : l);
}

/**
 * Appends the doc lines of a doc comment token: those of its `docAttribute`, without making the
 * attribute (a reader that keeps only the text of doc comments need not build four objects per line).
 */
export const pushDocCommentLines = (image: string, lines: string[]): void => pushTextLines(docCommentText(image), lines);

function pushTextLines(text: string, lines: string[]): void {
  if (text.indexOf('\n') < 0) lines.push(text);
  else for (const l of text.split('\n')) lines.push(l);
}
