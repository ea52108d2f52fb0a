/**
 * The Rust lexer (Chevrotain). Comments are skipped except doc comments, which become tokens so
 * the parser can attach them as attributes. Operators that double as two tokens in types
 * (`>>`, `>=`, `&&`, `||`, `<<`, `<=`) are lexed as single characters; the expression grammar
 * joins adjacent ones, so `Vec<Vec<u8>>` and `&&T` parse without token splitting.
 */
import type { CustomPatternMatcherReturn, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

/** Every token that is not a delimiter: lets token trees consume "anything". */
export const NotDelim = createToken({ name: 'NotDelim', pattern: Lexer.NA });
/** Tokens that may stand where an identifier does (raw identifiers, contextual keywords). */
const tokens: TokenType[] = [];

function token(config: Parameters<typeof createToken>[0], anyToken = true): TokenType {
  const categories = anyToken ? [NotDelim, ...((config.categories as TokenType[] | undefined) ?? [])] : config.categories;
  const t = createToken({ ...config, ...(categories ? { categories } : {}) });
  tokens.push(t);
  return t;
}

// Nested block comments, optionally requiring a doc prefix (`/**` outer, `/*!` inner).
function blockComment(prefix: '/**' | '/*!' | '/*'): (text: string, offset: number) => CustomPatternMatcherReturn | null {
  return (text, offset) => {
    if (!text.startsWith(prefix, offset)) return null;
    if (prefix === '/**' && (text.startsWith('/***', offset) || text.startsWith('/**/', offset))) return null;
    let depth = 1;
    let i = offset + 2;
    while (i < text.length && depth > 0) {
      if (text.startsWith('/*', i)) {
        depth++;
        i += 2;
      } else if (text.startsWith('*/', i)) {
        depth--;
        i += 2;
      } else i++;
    }
    // An unterminated comment still matches to the end; the parser reports IC1002 for it.
    return [text.slice(offset, i)] as unknown as CustomPatternMatcherReturn;
  };
}

/** `r"…"`, `r#"…"#`, `br"…"`, `cr#"…"#`; unterminated ones match to the end of input. */
function rawString(text: string, offset: number): CustomPatternMatcherReturn | null {
  let i = offset;
  if (text[i] === 'b' || text[i] === 'c') i++;
  if (text[i] !== 'r') return null;
  i++;
  let hashes = 0;
  while (text[i] === '#') {
    hashes++;
    i++;
  }
  if (text[i] !== '"') return null;
  const close = '"' + '#'.repeat(hashes);
  const end = text.indexOf(close, i + 1);
  const stop = end < 0 ? text.length : end + close.length;
  return [text.slice(offset, stop)] as unknown as CustomPatternMatcherReturn;
}

export const Whitespace = token({ name: 'Whitespace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED }, false);
export const InnerDoc = token({ name: 'InnerDoc', pattern: /\/\/![^\n]*/, label: 'inner doc comment' }, false);
export const OuterDoc = token({ name: 'OuterDoc', pattern: /\/\/\/(?!\/)[^\n]*/, label: 'doc comment' }, false);
export const LineComment = token({ name: 'LineComment', pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED }, false);
export const InnerBlockDoc = token({ name: 'InnerBlockDoc', pattern: blockComment('/*!'), line_breaks: true, start_chars_hint: ['/'], label: 'inner doc comment' }, false);
export const OuterBlockDoc = token({ name: 'OuterBlockDoc', pattern: blockComment('/**'), line_breaks: true, start_chars_hint: ['/'], label: 'doc comment' }, false);
export const BlockComment = token({ name: 'BlockComment', pattern: blockComment('/*'), line_breaks: true, start_chars_hint: ['/'], group: 'comments' }, false);

export const RawStringLit = token({ name: 'RawStringLit', pattern: rawString, line_breaks: true, start_chars_hint: ['r', 'b', 'c'], label: 'string literal' });
export const StringLit = token({ name: 'StringLit', pattern: /[bc]?"(?:[^"\\]|\\[\s\S])*"/, line_breaks: true, label: 'string literal' });
/** A string that never closes: reported as IC1002 by the parser instead of cascading errors. */
export const UnterminatedString = token({ name: 'UnterminatedString', pattern: /[bc]?"(?:[^"\\]|\\[\s\S])*(?![\s\S])/, line_breaks: true, label: 'unterminated string' });
export const CharLit = token({
  name: 'CharLit',
  pattern: /b?'(?:[^'\\\n\r]|\\(?:[nrt\\0'"]|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]{1,6}\}))'/,
  label: 'character literal',
});
export const Lifetime = token({ name: 'Lifetime', pattern: /'[a-zA-Z_][a-zA-Z0-9_]*(?!')/, label: 'lifetime' });

export const FloatLit = token({
  name: 'FloatLit',
  pattern: /\d[\d_]*(?:\.\d[\d_]*(?:[eE][+-]?_*\d[\d_]*)?(?:f32|f64)?|[eE][+-]?_*\d[\d_]*(?:f32|f64)?|f32|f64|\.(?![.a-zA-Z_]))/,
  label: 'number',
});
export const IntLit = token({
  name: 'IntLit',
  pattern: /(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*)(?:[ui](?:8|16|32|64|128|size))?/,
  label: 'number',
});

// Created here so keywords can name it as `longer_alt`, but pushed after them: the lexer tries
// patterns in order, and keywords must win over identifiers.
export const Ident = createToken({
  name: 'Ident',
  pattern: /r#[a-zA-Z_][a-zA-Z0-9_]*|[a-zA-Z_\u00c0-\uffff][a-zA-Z0-9_\u00c0-\uffff]*/,
  label: 'identifier',
  categories: [NotDelim],
});

function keyword(word: string): TokenType {
  return token({ name: `Kw_${word}`, pattern: new RegExp(`${word}(?![a-zA-Z0-9_\\u00c0-\\uffff])`), longer_alt: Ident, label: `\`${word}\`` });
}

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
  SelfType: token({ name: 'Kw_Self', pattern: /Self(?![a-zA-Z0-9_])/, longer_alt: Ident, label: '`Self`' }),
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
tokens.push(Ident);

function punct(name: string, text: string, anyToken = true): TokenType {
  const escaped = text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return token({ name, pattern: new RegExp(escaped), label: `\`${text}\`` }, anyToken);
}

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

/** Doc comments are not NotDelim: they only appear where attributes may. */
export const allTokens: TokenType[] = [NotDelim, ...tokens];

export const rustLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, recoveryEnabled: true });
