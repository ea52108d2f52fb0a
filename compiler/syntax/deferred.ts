/**
 * Work on token runs that needs the grammar — a constant's value, an array length, an attribute's
 * `name = value`, a `callback!` signature — and so waits until a file's items are read: the
 * Chevrotain parser cannot parse two inputs at once, and the fast path (grammar-fast.ts) may not
 * have built it yet. Most runs never wait: one-token runs and whatever `fast-exprs.ts` reads are
 * built at once, so a crate whose every run is such needs no grammar at all.
 */
import type { IToken } from 'chevrotain';
import type { Attribute, CallbackSignature, Expr } from './ast.js';
import type { Span } from '../source.js';
import { bracketAttribute, NeedsParser, type ValueParser } from './attributes.js';
import { singleTokenExpr } from './token-exprs.js';
import { fastExpression } from './fast-exprs.js';

/** Parses a token run with the expression grammar (only between file parses). */
export type ExpressionParser = (tokens: readonly IToken[], span: Span) => Expr;

/** Grammars that run on token runs once a file's items are parsed. */
export interface RunParsers {
  readonly expression: ExpressionParser;
  /** The inside of `callback!(…)`: `Name(params) -> Ret`; undefined when it is not that shape. */
  readonly callback: (tokens: readonly IToken[]) => CallbackSignature | undefined;
}

export type Deferred = (parsers: RunParsers) => void;

/** The expression in `tokens` when it can be built without the grammar (one token, or `fastExpression`'s). */
const exprNow = (tokens: readonly IToken[], file: string, span: Span): Expr | undefined =>
  (tokens.length === 1 ? singleTokenExpr(tokens[0] as IToken, file) : undefined) ?? fastExpression(tokens, file, span);

/** Builds the expression in `tokens` now when the grammar is not needed for it, else queues it. */
export function expressionNowOrLater(file: string, deferred: Deferred[], tokens: readonly IToken[], span: Span, apply: (e: Expr) => void): void {
  const now = exprNow(tokens, file, span);
  if (now) apply(now);
  else deferred.push((parsers) => apply(parsers.expression(tokens, span)));
}

/** Attribute values the grammar is not needed for are built at once; the others wait for it. */
const valueNow =
  (file: string): ValueParser =>
  (tokens, span) => {
    if (tokens.length === 0) return { kind: 'unparsed', span };
    const now = exprNow(tokens, file, span);
    if (!now) throw new NeedsParser();
    return now;
  };

let valueFile = '';
let fileValueNow = valueNow(valueFile);

/** `#[…]` or `#![…]` from the tokens between its brackets; a value that needs the grammar is queued. */
export function attributeFrom(file: string, deferred: Deferred[], style: 'outer' | 'inner', inside: readonly IToken[], span: Span): Attribute {
  // One value parser per file, not per attribute.
  if (file !== valueFile) fileValueNow = valueNow((valueFile = file));
  return bracketAttribute(file, style, inside, span, fileValueNow, (fill) => deferred.push((parsers) => fill(parsers.expression)));
}
