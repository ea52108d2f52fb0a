/**
 * Grammar layer 4a, its lower half: what the fast path (grammar-fast.ts) reads below items, as the
 * base class its item reader extends — the cursor over a token vector, comma lists, names, generic
 * parameters and where clauses, and types. The nodes are exactly those the grammar builds
 * (grammar-types.ts); anything else makes a reader return undefined, and the item is the grammar's.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Expr, FnPointerParam, GenericArg, GenericParam, Generics, PathSegment, TypeNode } from './ast.js';
import { kept, noGenerics } from './ast.js';
import type { Span } from '../source.js';
import { expressionNowOrLater, type Deferred } from './deferred.js';
import { abiOfToken, boundsText, fnPointerTypeNode, identName, plainTypeNode, spanOfToken } from './token-exprs.js';
import * as T from './token-types.js';

const K = T.Kw;

export type Mutable<N> = { -readonly [P in keyof N]: N[P] };


/** What ends a generic parameter's bounds, a where predicate's bounds, and a where clause. */
const paramEnds = (type: TokenType | undefined): boolean => type === T.Comma || type === T.Gt;
const whereEnds = (type: TokenType | undefined): boolean => type === T.LBrace || type === T.Semi || type === T.Eq;
const predicateEnds = (type: TokenType | undefined): boolean => type === T.Comma || whereEnds(type);

/** The literals a constant generic argument may be without braces (the grammar's `literalArg`), after an optional `-`. */
const literalArgs = new Set<TokenType>([T.IntLit, T.FloatLit, T.CharLit, T.StringLit, K.true, K.false]);

export abstract class FastTypeReader {
  protected file = '';
  protected tokens: readonly IToken[] = [];
  protected closers: Int32Array = new Int32Array(0);
  /** Where queued expression work goes (the same queue as the grammar's for the file). */
  protected deferred: Deferred[] = [];
  /** Index of the next token to read. */
  protected at = 0;

  /** Points the reader at a token vector, its paired delimiters (see `scan`) and a work queue. */
  begin(file: string, tokens: readonly IToken[], closers: Int32Array, deferred: Deferred[]): void {
    this.file = file;
    this.tokens = tokens;
    this.closers = closers;
    this.deferred = deferred;
  }

  protected tokenAt(i: number): IToken | undefined {
    return this.tokens[i];
  }

  /** Consumes the current token when it is of `type`; false (and nothing consumed) otherwise. */
  protected eat(type: TokenType): boolean {
    if (this.typeAt(this.at) !== type) return false;
    this.at++;
    return true;
  }

  protected typeAt(i: number): TokenType | undefined {
    return this.tokens[i]?.tokenType;
  }

  /** The index of the closer paired with the opener at `i`, or -1. */
  protected closerOf(i: number): number {
    return this.closers[i] ?? -1;
  }

  /** From offset `start` to the end of token `last`, as `spanFrom` would give once it is consumed. */
  protected spanTo(start: number, last: number): Span {
    const t = this.tokens[last] as IToken;
    const end = t.endOffset !== undefined ? t.endOffset + 1 : start;
    return { file: this.file, start, end: end > start ? end : start };
  }

  protected spanOf(t: IToken): Span {
    return spanOfToken(t, this.file);
  }

  /**
   * `<…>` of generic parameters as the grammar's `genericParams` builds them, or `noGenerics` where
   * there is none: lifetimes, type parameters with bounds (`T`, `T: Copy + 'static`, `T: ?Sized`,
   * `T: AsRef<str>`, `F: Fn(u8)`) and const parameters. Defaults, attributes and lifetime bounds
   * are the grammar's.
   */
  protected readGenerics(): Generics | undefined {
    if (this.typeAt(this.at) !== T.Lt) return noGenerics;
    this.at++;
    const params: GenericParam[] = [];
    for (;;) {
      const t = this.tokenAt(this.at);
      if (!t) return undefined;
      if (t.tokenType === T.Gt) {
        this.at++;
        return params.length > 0 ? { params } : noGenerics;
      }
      const param = this.readGenericParam(t);
      if (!param) return undefined;
      params.push(param);
      const separator = this.typeAt(this.at);
      if (separator === T.Comma) this.at++;
      else if (separator !== T.Gt) return undefined;
    }
  }

  private readGenericParam(first: IToken): GenericParam | undefined {
    if (first.tokenType === T.Lifetime) {
      this.at++;
      return { kind: 'lifetime', name: first.image, span: this.spanOf(first) };
    }
    if (first.tokenType === K.const) {
      this.at++;
      const name = this.readName();
      if (!name || !this.eat(T.Colon)) return undefined;
      const type = this.readType();
      return type && { kind: 'const', name: identName(name), type, span: this.spanTo(first.startOffset, this.at - 1) };
    }
    const name = this.readName();
    if (!name) return undefined;
    let bounds = '';
    if (this.eat(T.Colon)) {
      const from = this.at;
      if (!this.skipBounds(paramEnds)) return undefined;
      bounds = boundsText(this.tokens.slice(from, this.at));
    }
    return { kind: 'type', name: identName(name), bounds, span: this.spanTo(first.startOffset, this.at - 1) };
  }

  /**
   * Bounds up to a token `ends` accepts (see `skipBoundList`); empty bounds (`T:`) are allowed, as
   * in the grammar. False (the item declines) at anything else.
   */
  protected skipBounds(ends: (type: TokenType | undefined) => boolean): boolean {
    return ends(this.typeAt(this.at)) || (this.skipBoundList() && ends(this.typeAt(this.at)));
  }

  /**
   * Bounds as the grammar's `bounds` rule takes them: a bound, then `+` and optional bounds for as
   * long as they go. Lifetimes and `?`-optional paths whose segments may have type and lifetime
   * arguments or `Fn(…)` sugar (`Copy`, `AsRef<str>`, `'static`, `?Sized`, `Fn(u8) -> u8`); false at
   * a bound the grammar would read otherwise (`(…)`, `~const`, `for<…>`, `use<…>`).
   */
  private skipBoundList(): boolean {
    if (!this.skipBound()) return false;
    while (this.eat(T.Plus)) {
      const next = this.typeAt(this.at);
      if (next === T.Lifetime || next === T.Question || next === T.PathSep || (next !== undefined && T.pathSegmentNames.has(next))) {
        if (!this.skipBound()) return false;
      } else if (next === T.LParen || next === T.Tilde || next === K.const || next === K.for || next === K.use) return false;
    }
    return true;
  }

  /** A lifetime, or an optionally `?`-prefixed path whose last segment may be `Fn(A, B) -> C` sugar. */
  private skipBound(): boolean {
    if (this.eat(T.Lifetime)) return true;
    this.eat(T.Question);
    this.eat(T.PathSep);
    for (;;) {
      const t = this.tokenAt(this.at);
      if (t && T.pathSegmentNames.has(t.tokenType) && this.typeAt(this.at + 1) === T.LParen) {
        // Bounds keep only their text, so the sugar's types are read to find its end.
        this.at++;
        if (!this.readList(() => this.readType())) return false;
        if (this.eat(T.Arrow) && !this.readType()) return false;
      } else if (!this.readSegment()) return false;
      if (this.typeAt(this.at) !== T.PathSep) return true;
      this.at++;
    }
  }

  /** `dyn Bounds` or `impl Bounds`, as the grammar's `traitType` takes them (the type ends with its bounds). */
  private readTraitType(keyword: IToken): TypeNode | undefined {
    this.at++;
    const from = this.at;
    if (!this.skipBoundList()) return undefined;
    const bounds = boundsText(this.tokens.slice(from, this.at));
    return { kind: 'traitObject', syntax: keyword.tokenType === K.dyn ? 'dyn' : 'impl', bounds, span: this.spanTo(keyword.startOffset, this.at - 1) };
  }

  /** `generics` with the where clause at the current token, if any; undefined when it is one the fast path does not read. */
  protected withWhereClause(generics: Generics): Generics | undefined {
    if (this.typeAt(this.at) !== K.where) return generics;
    const whereClause = this.readWhereClause();
    return whereClause === undefined ? undefined : { params: generics.params, whereClause };
  }

  /**
   * `where` and its predicates (`'a: 'b`, `T: bounds`, a trailing comma allowed), as the grammar's
   * `whereClause` takes them, as its text; undefined at `for<…>` or anything else it does not read.
   * The clause ends before `{`, `;` or `=`, which the caller reads.
   */
  private readWhereClause(): string | undefined {
    const from = this.at;
    this.at++;
    for (;;) {
      const type = this.typeAt(this.at);
      if (whereEnds(type)) break;
      if (type === T.Lifetime) this.at++;
      else if (type === K.for || !this.readType()) return undefined;
      if (!this.eat(T.Colon) || !this.skipBounds(predicateEnds)) return undefined;
      if (!this.eat(T.Comma)) break;
    }
    return whereEnds(this.typeAt(this.at)) ? boundsText(this.tokens.slice(from, this.at)) : undefined;
  }

  /** The expression of tokens [from, to), built now or after the parse, as `runExpression` does. */
  protected runAt(run: { from: number; to: number }, apply: (e: Expr) => void): void {
    const span = this.spanTo((this.tokens[run.from] as IToken).startOffset, run.to - 1);
    expressionNowOrLater(this.file, this.deferred, this.tokens.slice(run.from, run.to), span, apply);
  }

  protected readName(): IToken | undefined {
    const t = this.tokenAt(this.at);
    if (t?.tokenType !== T.Ident) return undefined;
    this.at++;
    return t;
  }

  /**
   * The entries of the group opened at the current token, separated by commas (a trailing one
   * allowed), and the group's closer consumed; undefined when the group is unpaired or an entry
   * cannot be read.
   */
  protected readList<N>(entry: () => N | undefined): readonly N[] | undefined {
    const close = this.closerOf(this.at);
    if (close < 0) return undefined;
    this.at++;
    const list: N[] = [];
    while (this.at < close) {
      const node = entry();
      if (node === undefined) return undefined;
      list.push(node);
      if (!this.listSeparator(close)) return undefined;
    }
    this.at = close + 1;
    return kept(list);
  }

  /** After a list entry: a comma (consumed), or the list's closer at `close`. */
  private listSeparator(close: number): boolean {
    if (this.typeAt(this.at) === T.Comma) {
      this.at++;
      return true;
    }
    return this.at === close;
  }

  protected readType(): TypeNode | undefined {
    const t = this.tokenAt(this.at);
    if (!t) return undefined;
    const type = t.tokenType;
    if (type === T.Ident) {
      const next = this.typeAt(this.at + 1);
      if (next !== T.Lt && next !== T.PathSep && next !== T.Bang && next !== T.LParen) {
        this.at++;
        return plainTypeNode(t, identName(t), this.spanOf(t));
      }
      return this.readPathType();
    }
    if (type === T.PathSep || T.pathSegmentNames.has(type)) return this.readPathType();
    if (type === T.Star) return this.readPointer(t);
    if (type === T.Amp) return this.readReference(t);
    if (type === T.LBracket) return this.readBracketType(t);
    if (type === T.LParen) return this.readParenType(t);
    if (type === T.Bang) {
      this.at++;
      return { kind: 'never', span: this.spanOf(t) };
    }
    if (type === K.unsafe || type === K.extern || type === K.fn) return this.readFnPointer(t);
    if (type === K.dyn || type === K.impl) return this.readTraitType(t);
    return undefined;
  }

  private readPathType(): TypeNode | undefined {
    const start = (this.tokenAt(this.at) as IToken).startOffset;
    let global = false;
    if (this.typeAt(this.at) === T.PathSep) {
      global = true;
      this.at++;
    }
    const segments: PathSegment[] = [];
    for (;;) {
      const segment = this.readSegment();
      if (!segment) return undefined;
      segments.push(segment);
      if (this.typeAt(this.at) !== T.PathSep) break;
      const after = this.typeAt(this.at + 1);
      if (after === T.Star || after === T.LBrace) return undefined;
      this.at++;
    }
    // `ty!(…)`, a type macro.
    if (this.typeAt(this.at) === T.Bang) return undefined;
    const span = this.spanTo(start, this.at - 1);
    if (segments.length === 1 && !global && segments[0]?.name === '_') return { kind: 'infer', span };
    return { kind: 'path', path: { global, segments: kept(segments), span }, span };
  }

  private readSegment(): PathSegment | undefined {
    const t = this.tokenAt(this.at);
    if (!t || !T.pathSegmentNames.has(t.tokenType)) return undefined;
    this.at++;
    const next = this.typeAt(this.at);
    // `Fn(A) -> B` sugar and turbofish `a::<T>` are the grammar's.
    if (next === T.LParen || (next === T.PathSep && this.typeAt(this.at + 1) === T.Lt)) return undefined;
    let generics: readonly GenericArg[] | undefined;
    if (next === T.Lt) {
      generics = this.readGenericArgs();
      if (!generics) return undefined;
    }
    const span = this.spanTo(t.startOffset, this.at - 1);
    const name = identName(t);
    return generics ? { name, generics, span } : { name, span };
  }

  /** `<…>` of type, lifetime and literal constant arguments (braced constants and bindings are the grammar's). */
  protected readGenericArgs(): readonly GenericArg[] | undefined {
    this.at++;
    const args: GenericArg[] = [];
    for (;;) {
      const t = this.tokenAt(this.at);
      if (!t) return undefined;
      const type = t.tokenType;
      if (type === T.Gt) {
        this.at++;
        return kept(args);
      }
      if (type === T.Lifetime) {
        this.at++;
        args.push({ kind: 'lifetime', name: t.image, span: this.spanOf(t) });
      } else if (type === T.Minus || literalArgs.has(type)) {
        const from = this.at;
        if (type === T.Minus) this.at++;
        if (!literalArgs.has(this.typeAt(this.at) as TokenType)) return undefined;
        this.at++;
        const span = this.spanTo(t.startOffset, this.at - 1);
        const arg: Mutable<Extract<GenericArg, { kind: 'const' }>> = { kind: 'const', value: { kind: 'unparsed', span }, span };
        this.runAt({ from, to: this.at }, (e) => (arg.value = e));
        args.push(arg);
      } else {
        // `{ N + 1 }` is the grammar's.
        if (type === T.LBrace) return undefined;
        const next = this.typeAt(this.at + 1);
        if (type === T.Ident && (next === T.Eq || (next === T.Colon && this.typeAt(this.at + 2) !== T.Colon))) return undefined;
        const arg = this.readType();
        if (!arg) return undefined;
        args.push({ kind: 'type', type: arg, span: this.spanTo(t.startOffset, this.at - 1) });
      }
      const separator = this.typeAt(this.at);
      if (separator === T.Comma) this.at++;
      else if (separator !== T.Gt) return undefined;
    }
  }

  private readPointer(star: IToken): TypeNode | undefined {
    const qualifier = this.typeAt(this.at + 1);
    if (qualifier !== K.const && qualifier !== K.mut) return undefined;
    this.at += 2;
    const pointee = this.readType();
    if (!pointee) return undefined;
    return { kind: 'pointer', mutable: qualifier === K.mut, pointee, span: this.spanTo(star.startOffset, this.at - 1) };
  }

  private readReference(amp: IToken): TypeNode | undefined {
    this.at++;
    const lifetime = this.typeAt(this.at) === T.Lifetime ? this.tokenAt(this.at++) : undefined;
    const mutable = this.typeAt(this.at) === K.mut;
    if (mutable) this.at++;
    const referent = this.readType();
    if (!referent) return undefined;
    const span = this.spanTo(amp.startOffset, this.at - 1);
    return lifetime ? { kind: 'reference', mutable, lifetime: lifetime.image, referent, span } : { kind: 'reference', mutable, referent, span };
  }

  /** `[T]` or `[T; N]`: the length is every token up to the paired `]`. */
  private readBracketType(open: IToken): TypeNode | undefined {
    const close = this.closerOf(this.at);
    if (close < 0) return undefined;
    this.at++;
    const element = this.readType();
    if (!element) return undefined;
    const span = this.spanTo(open.startOffset, close);
    if (this.at === close) {
      this.at++;
      return { kind: 'slice', element, span };
    }
    if (this.typeAt(this.at) !== T.Semi || this.at + 1 >= close) return undefined;
    const run = { from: this.at + 1, to: close };
    const length = this.spanTo((this.tokens[run.from] as IToken).startOffset, close - 1);
    const array: Mutable<Extract<TypeNode, { kind: 'array' }>> = { kind: 'array', element, length: { kind: 'unparsed', span: length }, span };
    this.runAt(run, (e) => (array.length = e));
    this.at = close + 1;
    return array;
  }

  /** `()`, `(T,)`, `(A, B)`; `(T)` is `T`. */
  private readParenType(open: IToken): TypeNode | undefined {
    const close = this.closerOf(this.at);
    const elements = this.readList(() => this.readType());
    if (!elements) return undefined;
    const only = elements[0];
    if (elements.length === 1 && only && this.typeAt(close - 1) !== T.Comma) return only;
    return { kind: 'tuple', elements, span: this.spanTo(open.startOffset, close) };
  }

  /** `[unsafe] [extern "abi"] fn(params) [-> T]` (`for<'a>` is the grammar's). */
  private readFnPointer(first: IToken): TypeNode | undefined {
    let unsafe = false;
    let abi: string | undefined;
    if (this.typeAt(this.at) === K.unsafe) {
      unsafe = true;
      this.at++;
    }
    if (this.typeAt(this.at) === K.extern) {
      this.at++;
      const literal = this.tokenAt(this.at);
      abi = 'C';
      if (literal?.tokenType === T.StringLit || literal?.tokenType === T.RawStringLit) {
        abi = abiOfToken(literal);
        this.at++;
      }
    }
    if (this.typeAt(this.at) !== K.fn || this.typeAt(this.at + 1) !== T.LParen) return undefined;
    this.at++;
    const list = this.readFnParams();
    if (!list) return undefined;
    let returns: TypeNode | undefined;
    if (this.typeAt(this.at) === T.Arrow) {
      this.at++;
      returns = this.readType();
      if (!returns) return undefined;
    }
    return fnPointerTypeNode(abi, unsafe, list.params, returns, list.variadic, this.spanTo(first.startOffset, this.at - 1));
  }

  /**
   * The parameter list at the current `(` of a fn pointer type or a `callback!` signature, as the
   * grammar's `fnPtrParam` reads each entry (parameters with attributes are the grammar's).
   */
  protected readFnParams(): { readonly params: FnPointerParam[]; readonly variadic: boolean } | undefined {
    let variadic = false;
    // `...` is a flag, not a parameter: the entry reader returns null for it.
    const entries = this.readList((): FnPointerParam | null | undefined => {
      const t = this.tokenAt(this.at) as IToken;
      if (t.tokenType === T.DotDotDot) {
        variadic = true;
        this.at++;
        return null;
      }
      const named = t.tokenType === T.Ident && this.typeAt(this.at + 1) === T.Colon;
      if (named) this.at += 2;
      const type = this.readType();
      if (!type) return undefined;
      const span = this.spanTo(t.startOffset, this.at - 1);
      return named ? { name: identName(t), type, span } : { type, span };
    });
    return entries && { params: entries.filter((p): p is FnPointerParam => p !== null), variadic };
  }
}
