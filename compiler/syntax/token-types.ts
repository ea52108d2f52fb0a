/**
 * The parser's token vocabulary. Tokens are produced by `scanner.ts`, not by a Chevrotain lexer, so
 * the types carry no patterns: only names, labels (for "expected …" messages) and the `NotDelim`
 * category that lets token trees consume "any token but a delimiter".
 *
 * Operators that double as two tokens in types (`>>`, `>=`, `&&`, `||`, `<<`, `<=`) are single
 * characters here; the expression grammar joins adjacent ones, so `Vec<Vec<u8>>` and `&&T` parse
 * without token splitting.
 */
import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

/** Every token that is not a delimiter or a doc comment. */
export const NotDelim = createToken({ name: 'NotDelim', pattern: Lexer.NA });

const vocabulary: TokenType[] = [NotDelim];

function token(name: string, label: string, anyToken = true): TokenType {
  const t = createToken({ name, pattern: Lexer.NA, label, ...(anyToken ? { categories: [NotDelim] } : {}) });
  vocabulary.push(t);
  return t;
}

export const InnerDoc = token('InnerDoc', 'inner doc comment', false);
export const OuterDoc = token('OuterDoc', 'doc comment', false);
export const InnerBlockDoc = token('InnerBlockDoc', 'inner doc comment', false);
export const OuterBlockDoc = token('OuterBlockDoc', 'doc comment', false);

export const RawStringLit = token('RawStringLit', 'string literal');
export const StringLit = token('StringLit', 'string literal');
export const CharLit = token('CharLit', 'character literal');
export const Lifetime = token('Lifetime', 'lifetime');
export const FloatLit = token('FloatLit', 'number');
export const IntLit = token('IntLit', 'number');
export const Ident = token('Ident', 'identifier');

const keyword = (word: string): TokenType => token(`Kw_${word}`, `\`${word}\``);

export const Kw = {
  as: keyword('as'),
  async: keyword('async'),
  const: keyword('const'),
  crate: keyword('crate'),
  dyn: keyword('dyn'),
  else: keyword('else'),
  enum: keyword('enum'),
  extern: keyword('extern'),
  false: keyword('false'),
  fn: keyword('fn'),
  for: keyword('for'),
  if: keyword('if'),
  impl: keyword('impl'),
  in: keyword('in'),
  let: keyword('let'),
  mod: keyword('mod'),
  mut: keyword('mut'),
  pub: keyword('pub'),
  self: keyword('self'),
  SelfType: keyword('Self'),
  static: keyword('static'),
  struct: keyword('struct'),
  super: keyword('super'),
  trait: keyword('trait'),
  true: keyword('true'),
  type: keyword('type'),
  unsafe: keyword('unsafe'),
  use: keyword('use'),
  where: keyword('where'),
};

/** Keyword text → token type, for the scanner. */
export const keywords = new Map<string, TokenType>(Object.values(Kw).map((t) => [t.name.slice(3), t]));

const punct = (name: string, text: string, anyToken = true): TokenType => token(name, `\`${text}\``, anyToken);

export const PathSep = punct('PathSep', '::');
export const Arrow = punct('Arrow', '->');
export const FatArrow = punct('FatArrow', '=>');
export const EqEq = punct('EqEq', '==');
export const Ne = punct('Ne', '!=');
export const DotDotEq = punct('DotDotEq', '..=');
export const DotDotDot = punct('DotDotDot', '...');
export const DotDot = punct('DotDot', '..');
export const Pound = punct('Pound', '#');
export const Bang = punct('Bang', '!');
export const Lt = punct('Lt', '<');
export const Gt = punct('Gt', '>');
export const Eq = punct('Eq', '=');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Star = punct('Star', '*');
export const Slash = punct('Slash', '/');
export const Percent = punct('Percent', '%');
export const Caret = punct('Caret', '^');
export const Amp = punct('Amp', '&');
export const Pipe = punct('Pipe', '|');
export const Comma = punct('Comma', ',');
export const Semi = punct('Semi', ';');
export const Colon = punct('Colon', ':');
export const Dot = punct('Dot', '.');
export const At = punct('At', '@');
export const Question = punct('Question', '?');
export const Tilde = punct('Tilde', '~');
export const Dollar = punct('Dollar', '$');
export const Backslash = punct('Backslash', '\\');
export const LParen = punct('LParen', '(', false);
export const RParen = punct('RParen', ')', false);
export const LBracket = punct('LBracket', '[', false);
export const RBracket = punct('RBracket', ']', false);
export const LBrace = punct('LBrace', '{', false);
export const RBrace = punct('RBrace', '}', false);

export const allTokens: readonly TokenType[] = vocabulary;

/** True for identifiers and keywords (both may stand in attribute paths and token trees as words). */
export const isWordType = (t: TokenType): boolean => t === Ident || t.name.startsWith('Kw_');

/** What a path segment may be named by (the grammar's `pathIdent`): an identifier or a path keyword. */
export const pathSegmentNames: ReadonlySet<TokenType> = new Set([Ident, Kw.self, Kw.super, Kw.crate, Kw.SelfType]);

/** `(`, `[` or `{`. */
export const isOpener = (t: TokenType | undefined): boolean => t === LParen || t === LBracket || t === LBrace;

/** `)`, `]` or `}`. */
export const isCloser = (t: TokenType | undefined): boolean => t === RParen || t === RBracket || t === RBrace;
