/**
 * What every grammar layer shares: the Chevrotain configuration, the file being parsed, spans of
 * rule invocations, delimiter skipping, and deferred expression runs.
 *
 * The grammar is an `EmbeddedActionsParser`: rules build AST nodes as they match, so no CST is ever
 * allocated. Chevrotain runs every rule once in a "recording phase" to learn the grammar; there,
 * tokens and sub-rule results are dummies, so node construction sits inside `ACTION`, which the
 * recording phase skips.
 */
import type { ILookaheadStrategy, IToken, TokenType } from 'chevrotain';
import { EmbeddedActionsParser, EOF } from './chevrotain.js';
import type { Expr } from './ast.js';
import type { Span } from '../source.js';
import * as T from './token-types.js';
import { rustErrorMessages } from './parser-messages.js';
import { expressionNowOrLater, type Deferred } from './deferred.js';
import { identName } from './token-exprs.js';

/** Chevrotain's cursor over the token vector: it exists on every parser (backtracking uses it). */
interface Cursor {
  exportLexerState(): number;
  importLexerState(index: number): void;
}

export abstract class ParserBase extends EmbeddedActionsParser {
  protected filePath = '';
  protected textLength = 0;
  /** For each opening delimiter in the input, the index of its closer or -1 (see `scan`). */
  protected closers: Int32Array = new Int32Array(0);
  /** Work waiting for the item parse to finish. */
  deferred: Deferred[] = [];

  constructor(lookahead: ILookaheadStrategy) {
    super(T.allTokens as TokenType[], {
      recoveryEnabled: true,
      maxLookahead: 2,
      lookaheadStrategy: lookahead,
      errorMessageProvider: rustErrorMessages,
      // The grammar is fixed and validated by the parser tests; re-validating it on every start-up
      // would cost a fifth of the start-up time.
      skipValidations: true,
    });
  }

  /** Points the parser at one file's tokens. */
  beginFile(file: string, textLength: number, tokens: IToken[], closers: Int32Array): void {
    this.filePath = file;
    this.textLength = textLength;
    this.closers = closers;
    this.deferred = [];
    this.input = tokens;
  }

  /** Points the parser at a token run of `file` (an expression), outside any file parse. */
  beginRun(file: string, tokens: IToken[]): void {
    this.filePath = file;
    this.closers = new Int32Array(0);
    this.input = tokens;
  }

  /** Continues at token `index` of the file (the fast path read the tokens before it). */
  startAt(index: number): void {
    this.moveTo(index - 1);
  }

  /** Whether the whole input has been consumed. */
  atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  /** Offset where the next rule starts: the next token, or the end of the file. */
  protected here(): number {
    const offset = this.LA(1).startOffset;
    return Number.isFinite(offset) ? offset : this.textLength;
  }

  /** Span from `start` to the end of the last consumed token. */
  protected spanFrom(start: number): Span {
    const last = this.LA(0).endOffset;
    const end = last !== undefined && Number.isFinite(last) ? last + 1 : start;
    return { file: this.filePath, start, end: end > start ? end : start };
  }

  protected tokenSpan(t: IToken): Span {
    const start = Number.isFinite(t.startOffset) ? t.startOffset : this.textLength;
    const end = t.endOffset !== undefined && Number.isFinite(t.endOffset) ? t.endOffset + 1 : start;
    return { file: this.filePath, start, end };
  }

  /** Index of the last consumed token in the input. */
  protected position(): number {
    return (this as unknown as Cursor).exportLexerState();
  }

  /** Makes token `index` the last consumed one (the next rule starts after it). */
  protected moveTo(index: number): void {
    (this as unknown as Cursor).importLexerState(index);
  }

  /** The consumed tokens from index `from` (inclusive) to the current position. */
  protected consumedSince(from: number): IToken[] {
    return this.input.slice(from, this.position() + 1);
  }

  /**
   * After an opening delimiter: moves to just before its closer. Paired delimiters are jumped over
   * in one step; an unpaired one is walked token by token, stopping at a mismatched closer or the
   * end so that the grammar reports the problem there.
   */
  protected skipGroupBody(opener: IToken): void {
    const at = this.position();
    const close = this.LA(0) === opener ? (this.closers[at] ?? -1) : -1;
    if (close > at) {
      this.moveTo(close - 1);
      return;
    }
    const stack: unknown[] = [];
    for (;;) {
      const type = this.LA(1).tokenType;
      if (type === EOF) return;
      if (type === T.LParen || type === T.LBracket || type === T.LBrace) stack.push(type === T.LParen ? T.RParen : type === T.LBracket ? T.RBracket : T.RBrace);
      else if (T.isCloser(type)) {
        if (stack.length === 0 || stack[stack.length - 1] !== type) return;
        stack.pop();
      }
      this.SKIP_TOKEN();
    }
  }

  /** True when token `i` ends right where token `i + 1` starts (two-character operators). */
  protected adjacent(i: number): boolean {
    const a = this.LA(i);
    const b = this.LA(i + 1);
    return a.endOffset !== undefined && b.startOffset === a.endOffset + 1;
  }

  /** Builds the expression in `tokens` now when it is simple, else once the file is parsed (deferred.ts). */
  protected expression(tokens: readonly IToken[], span: Span, apply: (e: Expr) => void): void {
    expressionNowOrLater(this.filePath, this.deferred, tokens, span, apply);
  }

  /** Identifier text without the raw prefix (`r#type` → `type`); tokens invented by recovery have none. */
  protected identText(t: IToken | undefined): string {
    return !t || t.isInsertedInRecovery ? '<missing>' : identName(t);
  }
}
