/**
 * The Rust lexer: source text → the token vector the Chevrotain parser reads. Hand-written rather
 * than a Chevrotain `Lexer` because lexing is a large share of the front end's time on big crates:
 * one pass over char codes, constant images for punctuation, and tokens of a single shape.
 *
 * Comments are dropped except doc comments, which become tokens so the parser can attach them as
 * attributes. Problems (unknown characters, unterminated strings and block comments) are returned,
 * never thrown; the offending text is left out of the token vector so the parser does not cascade.
 *
 * It also pairs delimiters (`closers`), so the parser skips a function body in one step.
 */
import type { IToken, TokenType } from 'chevrotain';
import * as T from './token-types.js';

/**
 * A token as Chevrotain reads it. A literal, not a class instance: one shape for every token, and
 * cheap to make before V8 has optimized the scanner (a constructor call goes through a generic stub).
 */
const scannedToken = (image: string, startOffset: number, endOffset: number, tokenType: TokenType): IToken => ({
  image,
  startOffset,
  /** Inclusive, like Chevrotain's tokens. */
  endOffset,
  tokenType,
  tokenTypeIdx: tokenType.tokenTypeIdx ?? 0,
});

export type ScanProblem =
  | { readonly kind: 'unknownCharacter'; readonly start: number; readonly text: string }
  | { readonly kind: 'unterminatedString'; readonly start: number }
  /** `doc` for `/**` and `/*!` comments (their marker is three characters long). */
  | { readonly kind: 'unterminatedBlockComment'; readonly start: number; readonly doc: boolean };

export interface Scanned {
  readonly tokens: IToken[];
  /**
   * For each opening delimiter, the index of the closer that a balanced skip would stop at, or -1
   * when the skip would stop early (a mismatched closer or the end of input): the parser then walks
   * that group token by token so it reports the problem where it is.
   */
  readonly closers: Int32Array;
  readonly problems: ScanProblem[];
  /** Where scanning stopped: the text's length, or the start of the item that begins the next chunk. */
  readonly end: number;
}

const C = {
  tab: 9, lf: 10, vt: 11, ff: 12, cr: 13, space: 32, bang: 33, quote: 34, hash: 35, dollar: 36, percent: 37,
  amp: 38, apos: 39, lparen: 40, rparen: 41, star: 42, plus: 43, comma: 44, minus: 45, dot: 46, slash: 47,
  d0: 48, d1: 49, d7: 55, d9: 57, colon: 58, semi: 59, lt: 60, eq: 61, gt: 62, question: 63, at: 64,
  A: 65, E: 69, F: 70, Z: 90, lbracket: 91, backslash: 92, rbracket: 93, caret: 94, underscore: 95,
  a: 97, b: 98, c: 99, e: 101, f: 102, i: 105, n: 110, o: 111, r: 114, t: 116, u: 117, x: 120, z: 122,
  lbrace: 123, pipe: 124, rbrace: 125, tilde: 126, nbsp: 0xa0, bom: 0xfeff,
} as const;

/**
 * ASCII character classes as bits, one table lookup per character. Until V8 has optimized the
 * scanner, every helper call per character costs a call in the interpreter, and the first files of
 * a large crate are scanned that way: the hot loops read this table instead of calling predicates.
 */
const SPACE = 1;
const DIGIT = 2;
const IDENT_START = 4;
const IDENT_CONTINUE = 8;
const HEX = 16;
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= C.a && c <= C.z) || (c >= C.A && c <= C.Z) || c === C.underscore;
  const digit = c >= C.d0 && c <= C.d9;
  asciiClass[c] =
    (c === C.space || c === C.lf || c === C.tab || c === C.cr || c === C.ff || c === C.vt ? SPACE : 0) |
    (digit ? DIGIT : 0) |
    (letter ? IDENT_START | IDENT_CONTINUE : 0) |
    (digit ? IDENT_CONTINUE : 0) |
    (digit || (c >= C.a && c <= C.f) || (c >= C.A && c <= C.F) ? HEX : 0);
}
/** Whether `c` (a char code, or NaN past the end) is ASCII and in `classes`. */
const isAscii = (c: number, classes: number): boolean => c < 128 && ((asciiClass[c] as number) & classes) !== 0;

const isDigit = (c: number): boolean => isAscii(c, DIGIT);
const isHex = (c: number): boolean => isAscii(c, HEX);
const isAsciiIdentStart = (c: number): boolean => isAscii(c, IDENT_START);
const isAsciiIdentContinue = (c: number): boolean => isAscii(c, IDENT_CONTINUE);

/** Single-character punctuation, indexed by char code. */
const singleType: (TokenType | undefined)[] = [];
const singleImage: string[] = [];
for (const [type, text] of [
    [T.Pound, '#'], [T.Bang, '!'], [T.Lt, '<'], [T.Gt, '>'], [T.Eq, '='], [T.Plus, '+'], [T.Minus, '-'], [T.Star, '*'],
    [T.Slash, '/'], [T.Percent, '%'], [T.Caret, '^'], [T.Amp, '&'], [T.Pipe, '|'], [T.Comma, ','], [T.Semi, ';'],
    [T.Colon, ':'], [T.Dot, '.'], [T.At, '@'], [T.Question, '?'], [T.Tilde, '~'], [T.Dollar, '$'], [T.Backslash, '\\'],
    [T.LParen, '('], [T.RParen, ')'], [T.LBracket, '['], [T.RBracket, ']'], [T.LBrace, '{'], [T.RBrace, '}'],
  ] as const) {
  singleType[text.charCodeAt(0)] = type;
  singleImage[text.charCodeAt(0)] = text;
}

/** Whether a word starting `c`, `next` may be a literal with a prefix (`b"…"`, `r#"…"#`) or a raw identifier (`r#type`). */
const mayBePrefixed = (c: number, next: number): boolean =>
  (c === C.b || c === C.c || c === C.r) && (next === C.quote || next === C.apos || next === C.r || next === C.hash);

/**
 * Tokens that can start an item right after a `;` or `}` that closed the previous one. Identifiers
 * (`union`, `macro_rules!`, other macro calls) are left out: an item starting with one just joins
 * the chunk before it.
 */
const itemStarters = new Set<TokenType>([
  T.Pound, T.OuterDoc, T.OuterBlockDoc, T.Kw.pub, T.Kw.fn, T.Kw.struct, T.Kw.enum, T.Kw.const, T.Kw.static,
  T.Kw.type, T.Kw.impl, T.Kw.mod, T.Kw.use, T.Kw.extern, T.Kw.unsafe, T.Kw.trait,
]);

/**
 * Scans `text` from `from`. With a `budget`, it stops at the first item boundary after that many
 * tokens: a `;` or `}` outside every delimiter, followed by a token that starts an item (its start
 * is returned as `end`, and it is not part of this chunk). The parser then works on one chunk of
 * items at a time, so the tokens of a large file never all live at once.
 */
export function scan(text: string, from = 0, budget = Infinity, names: Names = newNames()): Scanned {
  const tokens: IToken[] = [];
  const problems: ScanProblem[] = [];
  const length = text.length;
  let unknownStart = -1;
  const push: Push = (type, start, end, image) => {
    tokens.push(scannedToken(image ?? text.slice(start, end), start, end - 1, type));
  };
  const flushUnknown = (at: number): void => {
    // A run of characters no token starts with is one problem, like a lexer that resynchronizes.
    if (unknownStart >= 0) problems.push({ kind: 'unknownCharacter', start: unknownStart, text: text.slice(unknownStart, at) });
    unknownStart = -1;
  };

  let depth = 0;
  /** Indices of the openers not closed yet, and each (opener, closer) pair found, flat. */
  const open: number[] = [];
  const pairs: number[] = [];
  /** Whether the last token closed an item outside every delimiter, with the budget spent. */
  let boundary = false;
  let i = from;
  while (i < length) {
    const c = text.charCodeAt(i);
    const count = tokens.length;
    let end: number;
    // Words and plain punctuation, most of any file, are scanned here without a call. Words also
    // take any UTF-16 unit from U+00C0 up (letters of most scripts; Rust's exact XID tables would
    // cost more than they are worth for FFI surfaces).
    const kind = c < 128 ? (asciiClass[c] as number) : c === C.nbsp || c === C.bom ? SPACE : c >= 0xc0 ? IDENT_START : 0;
    if ((kind & SPACE) !== 0) {
      if (unknownStart >= 0) flushUnknown(i);
      i++;
      continue;
    }
    if ((kind & IDENT_START) !== 0) {
      const next = text.charCodeAt(i + 1);
      end = mayBePrefixed(c, next) ? prefixedLiteral(text, i, c, push, problems) : -1;
      if (end < 0 && c === C.r && next === C.hash && isAsciiIdentStart(text.charCodeAt(i + 2))) {
        end = rawIdentifierEnd(text, i);
        push(T.Ident, i, end);
      } else if (end < 0) {
        end = i + 1;
        for (; end < length; end++) {
          const d = text.charCodeAt(end);
          if (d < 128 ? ((asciiClass[d] as number) & IDENT_CONTINUE) === 0 : d < 0xc0) break;
        }
        // Interned: see `Names`.
        const image = text.slice(i, end);
        const known = names.get(image);
        if (known === undefined) {
          names.set(image, image);
          tokens.push(scannedToken(image, i, end - 1, T.Ident));
        } else if (typeof known === 'string') tokens.push(scannedToken(known, i, end - 1, T.Ident));
        else tokens.push(scannedToken(image, i, end - 1, known));
      }
    } else if (plainPunctuation[c] !== undefined) {
      end = i + 1;
      tokens.push(scannedToken(singleImage[c] as string, i, i, plainPunctuation[c] as TokenType));
    } else {
      end = scanToken(text, i, c, push, problems);
      if (end < 0) {
        if (unknownStart < 0) unknownStart = i;
        i++;
        continue;
      }
    }
    if (unknownStart >= 0) flushUnknown(i);
    if (tokens.length > count) {
      const type = (tokens[count] as IToken).tokenType;
      if (boundary && itemStarters.has(type)) {
        tokens.pop();
        return { tokens, closers: closersOf(tokens.length, pairs), problems, end: i };
      }
      if (T.isOpener(type)) depth++;
      else if (T.isCloser(type)) depth--;
      pairDelimiter(tokens, type, count, open, pairs);
      boundary = depth === 0 && count + 1 >= budget && (type === T.Semi || type === T.RBrace);
    }
    i = end;
  }
  flushUnknown(length);
  return { tokens, closers: closersOf(tokens.length, pairs), problems, end: length };
}

type Push = (type: TokenType, start: number, end: number, image?: string) => void;

/**
 * Scans one token (or comment) that is neither a word nor plain punctuation (`scan` reads those)
 * at `i`; returns its end, or -1 when no token starts here.
 */
function scanToken(text: string, i: number, c: number, push: Push, problems: ScanProblem[]): number {
  const next = text.charCodeAt(i + 1);
  if (c === C.slash && next === C.slash) return lineComment(text, i, push);
  if (c === C.slash && next === C.star) return blockComment(text, i, push, problems);
  if (c === C.quote) return quoted(text, i, i, push, problems);
  if (c === C.apos) return charOrLifetime(text, i, i, push);
  if (isDigit(c)) return numberAt(text, i, push);
  return punctuation(text, i, c, next, push);
}

function lineComment(text: string, i: number, push: Push): number {
  let end = text.indexOf('\n', i);
  if (end < 0) end = text.length;
  const third = text.charCodeAt(i + 2);
  if (third === C.bang) push(T.InnerDoc, i, end);
  else if (third === C.slash && text.charCodeAt(i + 3) !== C.slash) push(T.OuterDoc, i, end);
  return end;
}

/** Block comments nest. `/**` is a doc comment unless it is `/***…` or the empty `/**\/`. */
function blockComment(text: string, i: number, push: Push, problems: ScanProblem[]): number {
  let depth = 1;
  let j = i + 2;
  while (j < text.length && depth > 0) {
    const c = text.charCodeAt(j);
    if (c === C.slash && text.charCodeAt(j + 1) === C.star) {
      depth++;
      j += 2;
    } else if (c === C.star && text.charCodeAt(j + 1) === C.slash) {
      depth--;
      j += 2;
    } else j++;
  }
  const third = text.charCodeAt(i + 2);
  const inner = third === C.bang;
  const outer = third === C.star && text.charCodeAt(i + 3) !== C.star && text.charCodeAt(i + 3) !== C.slash;
  if (depth > 0) problems.push({ kind: 'unterminatedBlockComment', start: i, doc: inner || outer });
  else if (inner) push(T.InnerBlockDoc, i, j);
  else if (outer) push(T.OuterBlockDoc, i, j);
  return j;
}

/** `"…"` with escapes, starting at the quote `q` (the literal starts at `start`, before a b/c prefix). */
function quoted(text: string, start: number, q: number, push: Push, problems: ScanProblem[]): number {
  let j = q + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === C.quote) {
      push(T.StringLit, start, j + 1);
      return j + 1;
    }
    j += c === C.backslash ? 2 : 1;
  }
  problems.push({ kind: 'unterminatedString', start });
  return text.length;
}

/** `r"…"`, `r#"…"#`, `br"…"`, `cr#"…"#` at `start` (prefix letter checked); -1 when it is not one. */
function rawString(text: string, start: number, push: Push): number {
  let j = start;
  const first = text.charCodeAt(j);
  if (first === C.b || first === C.c) j++;
  if (text.charCodeAt(j) !== C.r) return -1;
  j++;
  let hashes = 0;
  while (text.charCodeAt(j) === C.hash) {
    hashes++;
    j++;
  }
  if (text.charCodeAt(j) !== C.quote) return -1;
  const close = '"' + '#'.repeat(hashes);
  const found = text.indexOf(close, j + 1);
  // An unterminated raw string runs to the end; decoding it later reports the problem.
  const end = found < 0 ? text.length : found + close.length;
  push(T.RawStringLit, start, end);
  return end;
}

/** Literals spelled with a letter prefix: raw strings, `b"…"`, `c"…"`, `b'x'`. */
function prefixedLiteral(text: string, i: number, c: number, push: Push, problems: ScanProblem[]): number {
  const raw = rawString(text, i, push);
  if (raw >= 0) return raw;
  const next = text.charCodeAt(i + 1);
  if ((c === C.b || c === C.c) && next === C.quote) return quoted(text, i, i + 1, push, problems);
  if (c === C.b && next === C.apos) {
    const end = charLiteralEnd(text, i + 1);
    if (end >= 0) {
      push(T.CharLit, i, end);
      return end;
    }
  }
  return -1;
}

/** End of a char literal body starting at the quote `q`, or -1. */
function charLiteralEnd(text: string, q: number): number {
  let j = q + 1;
  const c = text.charCodeAt(j);
  if (c === C.backslash) {
    const e = text.charCodeAt(j + 1);
    if (e === C.n || e === C.r || e === C.t || e === C.backslash || e === C.d0 || e === C.apos || e === C.quote) j += 2;
    else if (e === C.x && isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3))) j += 4;
    else if (e === C.u && text.charCodeAt(j + 2) === C.lbrace) {
      let k = j + 3;
      while (k < text.length && k - (j + 3) < 6 && (isHex(text.charCodeAt(k)) || text.charCodeAt(k) === C.underscore)) k++;
      if (k === j + 3 || text.charCodeAt(k) !== C.rbrace) return -1;
      j = k + 1;
    } else return -1;
  } else if (Number.isNaN(c) || c === C.apos || c === C.lf || c === C.cr) return -1;
  else j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  return text.charCodeAt(j) === C.apos ? j + 1 : -1;
}

/** `'x'` (char) or `'name` (lifetime); -1 for a lone quote. */
function charOrLifetime(text: string, start: number, q: number, push: Push): number {
  const end = charLiteralEnd(text, q);
  if (end >= 0) {
    push(T.CharLit, start, end);
    return end;
  }
  if (!isAsciiIdentStart(text.charCodeAt(q + 1))) return -1;
  let j = q + 2;
  while (isAsciiIdentContinue(text.charCodeAt(j))) j++;
  // A lifetime is never directly followed by a quote (`'ab'` is not one): give back a character.
  if (text.charCodeAt(j) === C.apos) {
    if (j - q <= 2) return -1;
    j--;
  }
  push(T.Lifetime, start, j);
  return j;
}

function digitsFrom(text: string, j: number, accept: (c: number) => boolean): number {
  while (accept(text.charCodeAt(j)) || text.charCodeAt(j) === C.underscore) j++;
  return j;
}

/** `e5`, `E+_3`: returns the end of an exponent at `j`, or -1. */
function exponentEnd(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c !== C.e && c !== C.E) return -1;
  let k = j + 1;
  if (text.charCodeAt(k) === C.plus || text.charCodeAt(k) === C.minus) k++;
  while (text.charCodeAt(k) === C.underscore) k++;
  if (!isDigit(text.charCodeAt(k))) return -1;
  return digitsFrom(text, k, isDigit);
}

const floatSuffixEnd = (text: string, j: number): number =>
  text.charCodeAt(j) === C.f && (text.startsWith('32', j + 1) || text.startsWith('64', j + 1)) ? j + 3 : j;

function numberAt(text: string, i: number, push: Push): number {
  const digitsEnd = digitsFrom(text, i + 1, isDigit);
  const float = floatEnd(text, digitsEnd);
  if (float >= 0) {
    push(T.FloatLit, i, float);
    return float;
  }
  let j = digitsEnd;
  const radix = text.charCodeAt(i + 1);
  if (text.charCodeAt(i) === C.d0 && (radix === C.x || radix === C.o || radix === C.b)) {
    const accept = radix === C.x ? isHex : radix === C.o ? (c: number) => c >= C.d0 && c <= C.d7 : (c: number) => c === C.d0 || c === C.d1;
    const end = digitsFrom(text, i + 2, accept);
    if (end > i + 2) j = end;
  }
  j = intSuffixEnd(text, j);
  push(T.IntLit, i, j);
  return j;
}

/** Float forms after the integer digits: `.5`, `.5e3`, `e3`, `f32`, a trailing `1.`; -1 if none. */
function floatEnd(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c === C.dot && isDigit(text.charCodeAt(j + 1))) {
    let k = digitsFrom(text, j + 2, isDigit);
    const exp = exponentEnd(text, k);
    if (exp >= 0) k = exp;
    return floatSuffixEnd(text, k);
  }
  const exp = exponentEnd(text, j);
  if (exp >= 0) return floatSuffixEnd(text, exp);
  const suffixed = floatSuffixEnd(text, j);
  if (suffixed > j) return suffixed;
  if (c === C.dot) {
    const after = text.charCodeAt(j + 1);
    // `1..2` is a range and `1.max(2)` a method call: neither is the float `1.`.
    if (after !== C.dot && !isAsciiIdentStart(after)) return j + 1;
  }
  return -1;
}

const intSuffixes = ['8', '16', '32', '64', '128', 'size'];

function intSuffixEnd(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c !== C.u && c !== C.i) return j;
  for (const s of intSuffixes) if (text.startsWith(s, j + 1)) return j + 1 + s.length;
  return j;
}

/**
 * The words of a file (`scan`'s `names`, shared by its chunks): each keyword's token type, and one
 * string per distinct identifier. A name is then the same string object wherever it is written, so
 * the maps that resolve names (a module's scope, the primitives) find it by comparing pointers, and
 * the AST holds each name once. Keywords share the map so that a word costs one lookup.
 */
export type Names = Map<string, string | TokenType>;

/** A fresh `Names` for one file: the keywords, and no identifier yet. */
export const newNames = (): Names => new Map<string, string | TokenType>(T.keywords);

/** The end of the raw identifier `r#name` at `i` (its third character checked). */
function rawIdentifierEnd(text: string, i: number): number {
  let j = i + 3;
  while (isAsciiIdentContinue(text.charCodeAt(j))) j++;
  return j;
}

/** Two- and three-character punctuation: `::` `->` `=>` `==` `!=` `..` `..=` `...`. */
function multiPunct(c: number, next: number, third: number): TokenType | undefined {
  if (c === C.colon) return next === C.colon ? T.PathSep : undefined;
  if (c === C.minus) return next === C.gt ? T.Arrow : undefined;
  if (c === C.eq) return next === C.gt ? T.FatArrow : next === C.eq ? T.EqEq : undefined;
  if (c === C.bang) return next === C.eq ? T.Ne : undefined;
  if (c === C.dot && next === C.dot) return third === C.eq ? T.DotDotEq : third === C.dot ? T.DotDotDot : T.DotDot;
  return undefined;
}

const multiImage = new Map<TokenType, string>([
  [T.PathSep, '::'], [T.Arrow, '->'], [T.FatArrow, '=>'], [T.EqEq, '=='], [T.Ne, '!='], [T.DotDotEq, '..='], [T.DotDotDot, '...'], [T.DotDot, '..'],
]);

function punctuation(text: string, i: number, c: number, next: number, push: Push): number {
  const multi = multiPunct(c, next, text.charCodeAt(i + 2));
  if (multi) {
    const image = multiImage.get(multi) as string;
    push(multi, i, i + image.length, image);
    return i + image.length;
  }
  const single = singleType[c];
  if (!single) return -1;
  push(single, i, i + 1, singleImage[c]);
  return i + 1;
}

/**
 * Single-character punctuation that starts no longer token, by char code: not `/`, which may start
 * a comment, nor the first character of any two- or three-character punctuation.
 */
const plainPunctuation: (TokenType | undefined)[] = (() => {
  const longer = new Set([C.slash, ...[...multiImage.values()].map((image) => image.charCodeAt(0))]);
  return singleType.map((type, c) => (longer.has(c) ? undefined : type));
})();

/** The opener a closer pairs with. */
const openerOf = (closer: TokenType): TokenType => (closer === T.RParen ? T.LParen : closer === T.RBracket ? T.LBracket : T.LBrace);

/** `Scanned.closers` from the pairs found while scanning. */
function closersOf(count: number, pairs: readonly number[]): Int32Array {
  const closers = new Int32Array(count).fill(-1);
  for (let k = 0; k < pairs.length; k += 2) closers[pairs[k] as number] = pairs[k + 1] as number;
  return closers;
}

/**
 * Token `index`, of `type`, in the pairing of delimiters: `open` holds the openers not closed yet,
 * `pairs` each (opener, closer) pair found, flat. Paired the way a balanced skip walks them: a
 * mismatched closer stops the skip of every group open at that point, so those groups get no
 * partner.
 */
function pairDelimiter(tokens: readonly IToken[], type: TokenType, index: number, open: number[], pairs: number[]): void {
  if (T.isOpener(type)) open.push(index);
  else if (T.isCloser(type)) {
    const top = open[open.length - 1];
    if (top !== undefined && (tokens[top] as IToken).tokenType === openerOf(type)) {
      pairs.push(top, index);
      open.pop();
    } else open.length = 0;
  }
}

/** `scan`'s `closers` for a token run taken out of a file (an expression's tokens). */
export function closersOfRun(tokens: readonly IToken[]): Int32Array {
  const open: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < tokens.length; i++) pairDelimiter(tokens, (tokens[i] as IToken).tokenType, i, open, pairs);
  return closersOf(tokens.length, pairs);
}
