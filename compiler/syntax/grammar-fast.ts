/**
 * Grammar layer 4a: a fast path for the regular item forms FFI crates are mostly made of.
 *
 * Chevrotain pays for every token it matches (rule bookkeeping, lookahead functions, recovery
 * checks), and on a large crate that is most of the front end's time — spent on items of a handful
 * of fixed shapes. `FastItemReader` reads such an item straight off the token vector and builds
 * exactly the AST the grammar builds for it: the same node shapes, key order and spans, through the
 * same helpers (attributes, plain types, deferred expressions). Tests compare the two on every
 * fixture, and `npm run parse-corpus` on every file in the cargo registry.
 *
 * It needs no Chevrotain parser: `parse.ts` reads a file's items with it first, and builds the
 * grammar only for a file with an item the reader leaves to it; the grammar's `items` rule also
 * offers it every item, nested ones included.
 *
 * It only ever declines: generics, where clauses, tuple and unit structs, data variants, receivers,
 * qualifiers other than `unsafe` and `extern`, macros, and every malformed token sequence make it
 * return undefined before anything is kept, and the grammar parses the item. Diagnostics and error
 * recovery therefore always come from the grammar.
 *
 * Shapes read: inner and outer attributes and doc comments; `pub`; `mod n;`; `use` trees;
 * `struct N { fields }`; `enum N { unit variants [= expr] }`; `type N = T;`; `const N: T = expr;`;
 * `[unsafe] [extern "abi"] fn n(params) [-> T] (; | { … })`. Types: names and paths with type and
 * lifetime arguments, `*const`/`*mut`, references, arrays and slices, tuples, `!`, fn pointers.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Attribute, Expr, Field, FnItem, FnPointerParam, GenericArg, Item, ItemBase, Param, PathSegment, TypeNode, UseTree, Variant, Visibility } from './ast.js';
import { inherited, kept, noGenerics, noNodes, pub as pubVisibility } from './ast.js';
import type { Span } from '../source.js';
import { docAttribute, pushDocCommentLines, pushDocLines } from './attributes.js';
import { attributeFrom, expressionNowOrLater, type Deferred } from './deferred.js';
import { abiOfToken, fnPointerTypeNode, identName, plainTypeNode, spanOfToken } from './token-exprs.js';
import * as T from './token-types.js';

const K = T.Kw;

type Mutable<N> = { -readonly [P in keyof N]: N[P] };

/** Token types a path segment may be named by (`pathIdent`). */
const segmentNames = new Set<TokenType>([T.Ident, K.self, K.super, K.crate, K.SelfType]);

/** Tokens that make a generic argument something other than a type (a constant or a binding). */
const constArgStarts = new Set<TokenType>([T.LBrace, T.Minus, T.IntLit, T.FloatLit, T.CharLit, T.StringLit, K.true, K.false]);

/** An item the fast path read, and the index of the token after it. */
export interface FastRead<N> {
  readonly node: N;
  readonly end: number;
}

export class FastItemReader {
  private file = '';
  private tokens: readonly IToken[] = [];
  private closers: Int32Array = new Int32Array(0);
  /** Where queued expression work goes (the same queue as the grammar's for the file). */
  private deferred: Deferred[] = [];
  /** Index of the next token to read. */
  private at = 0;

  /** Points the reader at a token vector, its paired delimiters (see `scan`) and a work queue. */
  begin(file: string, tokens: readonly IToken[], closers: Int32Array, deferred: Deferred[]): void {
    this.file = file;
    this.tokens = tokens;
    this.closers = closers;
    this.deferred = deferred;
  }

  /**
   * The item starting at token `at`, or undefined — then nothing is kept and nothing stays queued
   * — when it is not one of the shapes above.
   */
  readItem(at: number): FastRead<Item> | undefined {
    return this.attempt(at, () => this.item());
  }

  /** Inner attributes and doc comments at `at` (the start of a file); undefined at anything else malformed. */
  readInnerAttrs(at: number): FastRead<readonly Attribute[]> | undefined {
    return this.attempt(at, () => this.readAttrs('inner'));
  }

  private attempt<N>(at: number, read: () => N | undefined): FastRead<N> | undefined {
    const queued = this.deferred.length;
    this.at = at;
    const node = read();
    if (node === undefined) {
      // Work queued for nodes that are now dropped: the grammar queues its own.
      this.deferred.length = queued;
      return undefined;
    }
    return { node, end: this.at };
  }

  private tokenAt(i: number): IToken | undefined {
    return this.tokens[i];
  }

  /** Consumes the current token when it is of `type`; false (and nothing consumed) otherwise. */
  private eat(type: TokenType): boolean {
    if (this.typeAt(this.at) !== type) return false;
    this.at++;
    return true;
  }

  private typeAt(i: number): TokenType | undefined {
    return this.tokens[i]?.tokenType;
  }

  /** The index of the closer paired with the opener at `i`, or -1. */
  private closerOf(i: number): number {
    return this.closers[i] ?? -1;
  }

  /** From offset `start` to the end of token `last`, as `spanFrom` would give once it is consumed. */
  private spanTo(start: number, last: number): Span {
    const t = this.tokens[last] as IToken;
    const end = t.endOffset !== undefined ? t.endOffset + 1 : start;
    return { file: this.file, start, end: end > start ? end : start };
  }

  private spanOf(t: IToken): Span {
    return spanOfToken(t, this.file);
  }

  // ------------------------------------------------------------------------------------------
  // Items

  private item(): Item | undefined {
    const first = this.tokenAt(this.at);
    if (!first) return undefined;
    const docs: string[] = [];
    const attrs = this.readAttrs('outer', docs);
    const vis = attrs && this.readVisibility();
    if (!attrs || !vis) return undefined;
    const keyword = this.typeAt(this.at);
    const build =
      keyword === K.struct ? this.readStruct()
      : keyword === K.enum ? this.readEnum()
      : keyword === K.const ? this.readConst()
      : keyword === K.type ? this.readTypeAlias()
      : keyword === K.fn || keyword === K.unsafe || keyword === K.extern ? this.readFn()
      : keyword === K.mod ? this.readMod()
      : keyword === K.use ? this.readUse()
      : undefined;
    if (!build) return undefined;
    return build({ attrs, docs: kept(docs), vis, span: this.spanTo(first.startOffset, this.at - 1) });
  }

  /** `pub` or nothing (`pub(crate)` and the like are the grammar's). */
  private readVisibility(): Visibility | undefined {
    const pub = this.tokenAt(this.at);
    if (pub?.tokenType !== K.pub) return inherited;
    if (this.typeAt(this.at + 1) === T.LParen) return undefined;
    this.at++;
    return pubVisibility;
  }

  /**
   * Doc comments and `#[…]` attributes of `style` (`#![…]` for inner ones), as the grammar's
   * `outerAttr`/`innerAttr` read them; undefined at an unpaired bracket, or at an inner attribute
   * among outer ones (the grammar's error). With `docs`, the doc lines go there in order (as
   * `docsOf` reads them) and doc comments are left out of the list (as `withoutDocComments` does).
   */
  private readAttrs(style: 'inner' | 'outer', docs?: string[]): readonly Attribute[] | undefined {
    const inner = style === 'inner';
    const attrs: Attribute[] = [];
    for (;;) {
      const t = this.tokenAt(this.at);
      const type = t?.tokenType;
      if (type === (inner ? T.InnerDoc : T.OuterDoc) || type === (inner ? T.InnerBlockDoc : T.OuterBlockDoc)) {
        if (docs) pushDocCommentLines((t as IToken).image, docs);
        else attrs.push(docAttribute(style, t as IToken, this.spanOf(t as IToken)));
        this.at++;
        continue;
      }
      if (type !== T.Pound || (inner && this.typeAt(this.at + 1) !== T.Bang)) return kept(attrs);
      const open = this.at + (inner ? 2 : 1);
      const close = this.typeAt(open) === T.LBracket ? this.closerOf(open) : -1;
      if (close < 0) return undefined;
      const attribute = attributeFrom(this.file, this.deferred, style, this.tokens.slice(open + 1, close), this.spanTo((t as IToken).startOffset, close));
      attrs.push(attribute);
      if (docs) pushDocLines(attribute, docs);
      this.at = close + 1;
    }
  }

  /** `mod name;` (a module in its own file; inline modules are the grammar's). */
  private readMod(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name || !this.eat(T.Semi)) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'mod', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), external: true, innerAttrs: noNodes });
  }

  private readUse(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const global = this.typeAt(this.at) === T.PathSep;
    if (global) this.at++;
    const tree = this.readUseTree([]);
    if (!tree || !this.eat(T.Semi)) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'use', attrs, docs, vis, span, global, tree });
  }

  /**
   * `a::b`, `a::b as c`, `a::*`, `a::{…}`. As in the grammar, a path's span is its last segment's
   * (each `::` starts a nested tree), and the trees of a group start with an empty prefix.
   */
  private readUseTree(prefix: string[]): UseTree | undefined {
    const t = this.tokenAt(this.at);
    if (!t) return undefined;
    if (t.tokenType === T.Star) {
      this.at++;
      return { kind: 'glob', prefix, span: this.spanOf(t) };
    }
    if (t.tokenType === T.LBrace) {
      const close = this.closerOf(this.at);
      const trees = this.readList(() => this.readUseTree([]));
      return trees && { kind: 'group', prefix, trees, span: this.spanTo(t.startOffset, close) };
    }
    if (!segmentNames.has(t.tokenType)) return undefined;
    this.at++;
    const name = identName(t);
    const next = this.typeAt(this.at);
    if (next === T.PathSep) {
      this.at++;
      return this.readUseTree([...prefix, name]);
    }
    if (next === K.as) {
      const rename = this.tokenAt(this.at + 1);
      if (rename?.tokenType !== T.Ident) return undefined;
      this.at += 2;
      return { kind: 'path', path: [...prefix, name], rename: identName(rename), span: this.spanTo(t.startOffset, this.at - 1) };
    }
    return { kind: 'path', path: [...prefix, name], span: this.spanOf(t) };
  }

  private readName(): IToken | undefined {
    const t = this.tokenAt(this.at);
    if (t?.tokenType !== T.Ident) return undefined;
    this.at++;
    return t;
  }

  private readStruct(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name || this.typeAt(this.at) !== T.LBrace) return undefined;
    const fields = this.readList(() => this.readField());
    if (!fields) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'struct', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics: noGenerics, shape: 'named', fields });
  }

  private readField(): Field | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const docs: string[] = [];
    const attrs = this.readAttrs('outer', docs);
    const vis = attrs && this.readVisibility();
    if (!attrs || !vis) return undefined;
    const name = this.readName();
    if (!name || !this.eat(T.Colon)) return undefined;
    const type = this.readType();
    if (!type) return undefined;
    return { name: identName(name), type, attrs, docs: kept(docs), vis, span: this.spanTo(first.startOffset, this.at - 1) };
  }

  /**
   * The entries of the group opened at the current token, separated by commas (a trailing one
   * allowed), and the group's closer consumed; undefined when the group is unpaired or an entry
   * cannot be read.
   */
  private readList<N>(entry: () => N | undefined): readonly N[] | undefined {
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

  private readEnum(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name || this.typeAt(this.at) !== T.LBrace) return undefined;
    const close = this.closerOf(this.at);
    const variants = this.readList(() => this.readVariant(close));
    if (!variants) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'enum', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics: noGenerics, variants });
  }

  /** A unit variant, with an optional `= expr` running to the next comma or the enum's `}`. */
  private readVariant(close: number): Variant | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const docs: string[] = [];
    const attrs = this.readAttrs('outer', docs);
    if (!attrs) return undefined;
    const name = this.readName();
    if (!name) return undefined;
    let run: { from: number; to: number } | undefined;
    if (this.typeAt(this.at) === T.Eq) {
      this.at++;
      run = this.readRun(T.Comma, close);
      if (!run) return undefined;
    }
    const span = this.spanTo(first.startOffset, this.at - 1);
    const variant: Mutable<Variant> = { name: identName(name), nameSpan: this.spanOf(name), attrs, docs: kept(docs), shape: 'unit', fields: noNodes, span };
    if (run) this.runAt(run, (e) => (variant.discriminant = e));
    return variant;
  }

  /**
   * Tokens up to (not including) `stop` outside every group, or up to `limit` (the enclosing
   * closer): what `runUntilComma`/`runUntilSemi` take. At least one token; undefined when a group
   * is unpaired or the run meets anything but `stop` or `limit`.
   */
  private readRun(stop: TokenType, limit: number): { from: number; to: number } | undefined {
    const from = this.at;
    for (;;) {
      const type = this.typeAt(this.at);
      if (type === undefined) return undefined;
      if (type === stop || this.at === limit) break;
      if (T.isOpener(type)) {
        const close = this.closerOf(this.at);
        if (close < 0) return undefined;
        this.at = close + 1;
      } else if (T.isCloser(type)) return undefined;
      else this.at++;
    }
    return this.at > from ? { from, to: this.at } : undefined;
  }

  /** The expression of tokens [from, to), built now or after the parse, as `runExpression` does. */
  private runAt(run: { from: number; to: number }, apply: (e: Expr) => void): void {
    const span = this.spanTo((this.tokens[run.from] as IToken).startOffset, run.to - 1);
    expressionNowOrLater(this.file, this.deferred, this.tokens.slice(run.from, run.to), span, apply);
  }

  private readConst(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name || !this.eat(T.Colon)) return undefined;
    const type = this.readType();
    if (!type || !this.eat(T.Eq)) return undefined;
    const run = this.readRun(T.Semi, -1);
    if (!run || !this.eat(T.Semi)) return undefined;
    return ({ attrs, docs, vis, span }) => {
      const item: Mutable<Extract<Item, { kind: 'const' }>> = { kind: 'const', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), type };
      this.runAt(run, (e) => (item.value = e));
      return item;
    };
  }

  private readTypeAlias(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name || !this.eat(T.Eq)) return undefined;
    const type = this.readType();
    if (!type || !this.eat(T.Semi)) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'typeAlias', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics: noGenerics, type });
  }

  private readFn(): ((base: ItemBase) => Item) | undefined {
    let isUnsafe = false;
    let abi: string | undefined;
    for (;;) {
      const type = this.typeAt(this.at);
      if (type === K.unsafe) {
        isUnsafe = true;
        this.at++;
      } else if (type === K.extern) {
        this.at++;
        const literal = this.tokenAt(this.at);
        const named = literal?.tokenType === T.StringLit || literal?.tokenType === T.RawStringLit;
        if (named) this.at++;
        // The first `extern` decides the ABI, as in the grammar's qualifiers.
        abi ??= named ? abiOfToken(literal as IToken) : 'C';
      } else break;
    }
    if (!this.eat(K.fn)) return undefined;
    const name = this.readName();
    if (!name || identName(name) === 'ffi_inventory' || this.typeAt(this.at) !== T.LParen) return undefined;
    const params: readonly Param[] | undefined = this.readList(() => this.readParam());
    if (!params) return undefined;
    let returns: TypeNode | undefined;
    if (this.typeAt(this.at) === T.Arrow) {
      this.at++;
      returns = this.readType();
      if (!returns) return undefined;
    }
    let hasBody = false;
    if (this.typeAt(this.at) === T.LBrace) {
      const end = this.closerOf(this.at);
      if (end < 0) return undefined;
      this.at = end + 1;
      hasBody = true;
    } else if (this.typeAt(this.at) === T.Semi) this.at++;
    else return undefined;
    // Literals with the keys in the grammar's order, one per combination of the optional `abi` and
    // `returns` (spreading a base and optional keys into each item was a generic copy per item).
    return ({ attrs, docs, vis, span }): FnItem => {
      const n = identName(name);
      const nameSpan = this.spanOf(name);
      const g = noGenerics;
      if (abi !== undefined) {
        return returns
          ? { kind: 'fn', attrs, docs, vis, span, name: n, nameSpan, generics: g, isConst: false, isAsync: false, isUnsafe, abi, params, variadic: false, returns, hasBody }
          : { kind: 'fn', attrs, docs, vis, span, name: n, nameSpan, generics: g, isConst: false, isAsync: false, isUnsafe, abi, params, variadic: false, hasBody };
      }
      return returns
        ? { kind: 'fn', attrs, docs, vis, span, name: n, nameSpan, generics: g, isConst: false, isAsync: false, isUnsafe, params, variadic: false, returns, hasBody }
        : { kind: 'fn', attrs, docs, vis, span, name: n, nameSpan, generics: g, isConst: false, isAsync: false, isUnsafe, params, variadic: false, hasBody };
    };
  }

  /** `name: T` or `mut name: T`, with outer attributes. */
  private readParam(): Param | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const attrs = this.readAttrs('outer');
    if (!attrs) return undefined;
    if (this.typeAt(this.at) === K.mut) this.at++;
    const name = this.readName();
    if (!name || !this.eat(T.Colon)) return undefined;
    const type = this.readType();
    if (!type) return undefined;
    return { name: identName(name), type, attrs, span: this.spanTo(first.startOffset, this.at - 1) };
  }

  // ------------------------------------------------------------------------------------------
  // Types

  private readType(): TypeNode | undefined {
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
    if (type === T.PathSep || segmentNames.has(type)) return this.readPathType();
    if (type === T.Star) return this.readPointer(t);
    if (type === T.Amp) return this.readReference(t);
    if (type === T.LBracket) return this.readBracketType(t);
    if (type === T.LParen) return this.readParenType(t);
    if (type === T.Bang) {
      this.at++;
      return { kind: 'never', span: this.spanOf(t) };
    }
    if (type === K.unsafe || type === K.extern || type === K.fn) return this.readFnPointer(t);
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
    if (!t || !segmentNames.has(t.tokenType)) return undefined;
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

  /** `<…>` of type and lifetime arguments (constants and bindings are the grammar's). */
  private readGenericArgs(): readonly GenericArg[] | undefined {
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
      } else {
        if (constArgStarts.has(type)) return undefined;
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
    if (!entries) return undefined;
    let returns: TypeNode | undefined;
    if (this.typeAt(this.at) === T.Arrow) {
      this.at++;
      returns = this.readType();
      if (!returns) return undefined;
    }
    const params = entries.filter((p): p is FnPointerParam => p !== null);
    return fnPointerTypeNode(abi, unsafe, params, returns, variadic, this.spanTo(first.startOffset, this.at - 1));
  }
}
