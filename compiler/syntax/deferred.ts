/**
 * Work on token runs that needs the grammar — a constant's value, an array length, an attribute's
 * `name = value`, a `callback!` signature — and so waits until a file's items are read: the
 * Chevrotain parser cannot parse two inputs at once, and the fast path (grammar-fast.ts) may not
 * have built it yet. One-token runs and plain arithmetic, by far the most common, are built at once.
 */
import type { IToken } from 'chevrotain';
import type { Attribute, CallbackSignature, Expr } from './ast.js';
import type { Span } from '../source.js';
import { bracketAttribute, NeedsParser, type ValueParser } from './attributes.js';
import { arithmeticExpr, singleTokenExpr } from './token-exprs.js';

/** Parses a token run with the expression grammar (only between file parses). */
export type ExpressionParser = (tokens: readonly IToken[], span: Span) => Expr;

/** Grammars that run on token runs once a file's items are parsed. */
export interface RunParsers {
  readonly expression: ExpressionParser;
  /** The inside of `callback!(…)`: `Name(params) -> Ret`; undefined when it is not that shape. */
  readonly callback: (tokens: readonly IToken[]) => CallbackSignature | undefined;
}

export type Deferred = (parsers: RunParsers) => void;

/** Builds the expression in `tokens` now when it is one token or plain arithmetic on single tokens, else queues it. */
export function expressionNowOrLater(file: string, deferred: Deferred[], tokens: readonly IToken[], span: Span, apply: (e: Expr) => void): void {
  const now = tokens.length === 1 ? singleTokenExpr(tokens[0] as IToken, file) : arithmeticExpr(tokens, file);
  if (now) apply(now);
  else deferred.push((parsers) => apply(parsers.expression(tokens, span)));
}

/** One-token attribute values are built at once; longer ones wait for the expression grammar. */
const oneTokenValue =
  (file: string): ValueParser =>
  (tokens, span) => {
    if (tokens.length === 0) return { kind: 'unparsed', span };
    const only = tokens.length === 1 ? singleTokenExpr(tokens[0] as IToken, file) : undefined;
    if (!only) throw new NeedsParser();
    return only;
  };

let valueFile = '';
let valueNow = oneTokenValue(valueFile);

/** `#[…]` or `#![…]` from the tokens between its brackets; a value that needs the grammar is queued. */
export function attributeFrom(file: string, deferred: Deferred[], style: 'outer' | 'inner', inside: readonly IToken[], span: Span): Attribute {
  // One value parser per file, not per attribute.
  if (file !== valueFile) valueNow = oneTokenValue((valueFile = file));
  return bracketAttribute(file, style, inside, span, valueNow, (fill) => deferred.push((parsers) => fill(parsers.expression)));
}
