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
 * Items are read here; the token cursor, names, generic parameters and types below them, in
 * grammar-fast-types.ts (the base class).
 *
 * It needs no Chevrotain parser: `parse.ts` reads a file's items with it first, and builds the
 * grammar only for a file with an item the reader leaves to it; the grammar's `items` rule also
 * offers it every item, nested ones included.
 *
 * It only ever declines: `impl !Trait`, `self: Type` receivers, `pub(in path)`, generic
 * parameters with defaults, attributes or lifetime bounds, `for<…>` and `~const` bounds, braced
 * constant arguments (`{ N + 1 }`), bindings (`Item = T`), and every malformed token sequence make
 * it return undefined before anything is kept, and the grammar parses the item. Diagnostics and
 * error recovery therefore always come from the grammar.
 *
 * Shapes read: inner and outer attributes and doc comments; `pub`, `pub(crate|self|super)`;
 * `mod n;` and `mod n { items }`; `use` trees; `extern crate`; `struct N { fields }`,
 * `struct N(fields);`, `struct N;`; `union N { fields }`; `enum N { variants [= expr] }`;
 * `type N[: bounds] [= T];`; `const N: T [= expr];`; `static [mut] N: T [= expr];`;
 * `[const] [async] [unsafe] [extern "abi"] fn n(params) [-> T] (; | { … })`, with a `self`,
 * `&self` or `&mut self` receiver in methods; `[unsafe] impl [Trait for] T { items }`;
 * `[unsafe] trait N { items }`; `[unsafe] extern "abi" { items }`; item macro calls `path!(…);`,
 * and the signature in `callback!(Name(params) -> Ret)`. Expressions are `fast-exprs.ts`'s.
 * Each may have generic parameters (lifetimes, `T: A<B> + ?C + 'a`, `const N: T`) and a where
 * clause. Types: names and paths with type and lifetime arguments, `*const`/`*mut`, references,
 * arrays and slices, tuples, `!`, fn pointers, `dyn Bounds` and `impl Bounds`.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Attribute, CallbackSignature, Field, FnItem, Item, ItemBase, Param, PathSegment, Receiver, TypeNode, UseTree, Variant, Visibility } from './ast.js';
import { inherited, kept, noGenerics, noNodes, pub as pubVisibility, singleSegmentPath } from './ast.js';
import { docAttribute, docsOf, pushDocCommentLines, pushDocLines } from './attributes.js';
import { attributeFrom } from './deferred.js';
import { abiOfToken, identName } from './token-exprs.js';
import { FastTypeReader, type Mutable } from './grammar-fast-types.js';
import { toTokenTrees } from './token-trees.js';
import * as T from './token-types.js';

const K = T.Kw;

/** What ends an associated type's bounds, and a trait's supertraits. */
const aliasBoundsEnd = (type: TokenType | undefined): boolean => type === T.Eq || type === T.Semi || type === K.where;
const traitBoundsEnd = (type: TokenType | undefined): boolean => type === T.LBrace || type === K.where;

/** An item the fast path read, and the index of the token after it. */
export interface FastRead<N> {
  readonly node: N;
  readonly end: number;
}

export class FastItemReader extends FastTypeReader {
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
      : keyword === K.const ? (this.typeAt(this.at + 1) === T.Ident ? this.readValueItem('const') : this.readQualified())
      : keyword === K.type ? this.readTypeAlias()
      : keyword === K.extern && this.typeAt(this.at + 1) === K.crate ? this.readExternCrate()
      : keyword === K.fn || keyword === K.unsafe || keyword === K.extern || keyword === K.async ? this.readQualified()
      : keyword === K.static ? this.readValueItem('static')
      : keyword === T.Ident && this.tokenAt(this.at)?.image === 'union' && this.typeAt(this.at + 1) === T.Ident ? this.readUnion()
      : keyword === K.mod ? this.readMod()
      : keyword === K.impl ? this.readImpl()
      : keyword === K.trait ? this.readTrait()
      : keyword === T.Ident || keyword === T.PathSep ? this.readMacroCall()
      : keyword === K.use ? this.readUse()
      : undefined;
    if (!build) return undefined;
    return build({ attrs, docs: kept(docs), vis, span: this.spanTo(first.startOffset, this.at - 1) });
  }

  /** `pub`, `pub(crate)`, `pub(self)`, `pub(super)` or nothing (`pub(in path)` is the grammar's). */
  private readVisibility(): Visibility | undefined {
    const pub = this.tokenAt(this.at);
    if (pub?.tokenType !== K.pub) return inherited;
    if (this.typeAt(this.at + 1) !== T.LParen) {
      this.at++;
      return pubVisibility;
    }
    const scope = this.typeAt(this.at + 2);
    if ((scope !== K.crate && scope !== K.self && scope !== K.super) || this.typeAt(this.at + 3) !== T.RParen) return undefined;
    this.at += 4;
    return { kind: 'restricted', scope: scope === K.crate ? 'crate' : scope === K.self ? 'self' : 'super', span: this.spanTo(pub.startOffset, this.at - 1) };
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

  /** `mod name;` (a module in its own file) and `mod name { items }`. */
  private readMod(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    if (!name) return undefined;
    if (this.eat(T.Semi)) return ({ attrs, docs, vis, span }) => ({ kind: 'mod', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), external: true, innerAttrs: noNodes });
    const block = this.readItemBlock();
    if (!block) return undefined;
    const { innerAttrs, items } = block;
    // The module's inner doc comments join its outer ones, as in the grammar.
    return ({ attrs, docs, vis, span }) => ({
      kind: 'mod', attrs, docs: innerAttrs.length > 0 ? [...docs, ...docsOf(innerAttrs)] : docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), items, external: false, innerAttrs,
    });
  }

  /** `impl Type { items }` and `impl Trait for Type { items }` (`impl !Trait` is the grammar's). */
  private readImpl(isUnsafe = false): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const params = this.readGenerics();
    if (!params || this.typeAt(this.at) === T.Bang) return undefined;
    const first = this.readType();
    if (!first) return undefined;
    let second: TypeNode | undefined;
    if (this.eat(K.for)) {
      second = this.readType();
      if (!second || (first.kind !== 'path' && first.kind !== 'name')) return undefined;
    }
    const generics = this.withWhereClause(params);
    const block = generics && this.readItemBlock();
    if (!block) return undefined;
    const { innerAttrs, items } = block;
    const selfType = second ?? first;
    if (!second) return ({ attrs, docs, vis, span }) => ({ kind: 'impl', attrs, docs, vis, span, generics, isUnsafe, selfType, items, innerAttrs });
    const path = first.kind === 'path' ? first.path : singleSegmentPath((first as Extract<TypeNode, { kind: 'name' }>).name, first.span);
    return ({ attrs, docs, vis, span }) => ({ kind: 'impl', attrs, docs, vis, span, generics, isUnsafe, trait: { path, negative: false }, selfType, items, innerAttrs });
  }

  /**
   * `path!(…)`, `path![…]`, `path!{…}` and `macro_rules! name {…}`, with an optional `;`: the
   * tokens are kept as trees, and a `callback!` signature waits for the grammar, as in `macroItem`.
   */
  private readMacroCall(): ((base: ItemBase) => Item) | undefined {
    const start = this.tokenAt(this.at) as IToken;
    const global = this.eat(T.PathSep);
    const segments: PathSegment[] = [];
    for (;;) {
      const t = this.tokenAt(this.at);
      if (!t || !T.pathSegmentNames.has(t.tokenType)) return undefined;
      this.at++;
      segments.push({ name: identName(t), span: this.spanOf(t) });
      if (this.typeAt(this.at) !== T.PathSep) break;
      this.at++;
    }
    const path = { global, segments, span: this.spanTo(start.startOffset, this.at - 1) };
    if (!this.eat(T.Bang)) return undefined;
    // `macro_rules! name { … }`: a name between the `!` and the group.
    const name = this.typeAt(this.at) === T.Ident ? this.tokenAt(this.at) : undefined;
    if (name) this.at++;
    const open = this.at;
    const opener = this.typeAt(open);
    const close = opener === T.LParen || opener === T.LBracket || opener === T.LBrace ? this.closerOf(open) : -1;
    if (close < 0) return undefined;
    const callback = segments[segments.length - 1]?.name === 'callback' && opener === T.LParen && close - open > 1;
    const signature = callback ? this.readCallbackSignature(open + 1, close) : undefined;
    this.at = close + 1;
    this.eat(T.Semi);
    const group = this.tokens.slice(open, close + 1);
    return ({ attrs, docs, vis, span }) => {
      const trees = toTokenTrees(this.file, group);
      const only = trees[0];
      const delimiter = only?.kind === 'group' ? only.delimiter : '(';
      const tokens = only?.kind === 'group' ? only.trees : trees;
      const item: Mutable<Extract<Item, { kind: 'macroCall' }>> = name
        ? { kind: 'macroCall', attrs, docs, vis, span, path, name: identName(name), delimiter, tokens }
        : { kind: 'macroCall', attrs, docs, vis, span, path, delimiter, tokens };
      if (signature) item.callback = signature;
      else if (callback) {
        const inside = group.slice(1, -1);
        this.deferred.push((parsers) => {
          const parsed = parsers.callback(inside);
          if (parsed) item.callback = parsed;
        });
      }
      return item;
    };
  }

  /**
   * The inside of `callback!(…)`, tokens `from` to `to` (exclusive), as the grammar's
   * `callbackEntry` builds it: docs, `Name(params)`, an optional `-> Ret`. Undefined, with nothing
   * read or queued, for anything else: the grammar then decides after the file is read.
   */
  private readCallbackSignature(from: number, to: number): CallbackSignature | undefined {
    const resume = this.at;
    const queued = this.deferred.length;
    this.at = from;
    const signature = this.callbackSignature();
    // An attribute value queued for the grammar would fill its docs only later.
    const complete = signature !== undefined && this.at === to && this.deferred.length === queued;
    this.deferred.length = queued;
    this.at = resume;
    return complete ? signature : undefined;
  }

  private callbackSignature(): CallbackSignature | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const docs: string[] = [];
    const name = this.readAttrs('outer', docs) && this.readName();
    const list = name && this.typeAt(this.at) === T.LParen ? this.readFnParams() : undefined;
    if (!name || !list) return undefined;
    const returns = this.eat(T.Arrow) ? this.readType() : null;
    if (returns === undefined) return undefined;
    const base = { name: identName(name), nameSpan: this.spanOf(name), docs: kept(docs), params: list.params };
    const span = this.spanTo(first.startOffset, this.at - 1);
    return returns ? { ...base, returns, span } : { ...base, span };
  }

  /**
   * `{ inner attributes, items }` at the current token, as the grammar's `itemBlock` reads it;
   * undefined when any item in it is not one of the fast path's shapes.
   */
  private readItemBlock(): { readonly innerAttrs: readonly Attribute[]; readonly items: readonly Item[] } | undefined {
    const close = this.typeAt(this.at) === T.LBrace ? this.closerOf(this.at) : -1;
    if (close < 0) return undefined;
    this.at++;
    const innerAttrs = this.readAttrs('inner');
    if (!innerAttrs) return undefined;
    const items: Item[] = [];
    while (this.at < close) {
      const item = this.item();
      if (!item) return undefined;
      items.push(item);
    }
    this.at = close + 1;
    return { innerAttrs, items: kept(items) };
  }

  /** `extern crate name [as rename];` (the name as written, as the grammar keeps it). */
  private readExternCrate(): ((base: ItemBase) => Item) | undefined {
    this.at += 2;
    const crate = this.tokenAt(this.at);
    if (!crate || !T.pathSegmentNames.has(crate.tokenType)) return undefined;
    this.at++;
    let rename: IToken | undefined;
    if (this.eat(K.as)) {
      rename = this.readName();
      if (!rename) return undefined;
    }
    if (!this.eat(T.Semi)) return undefined;
    return ({ attrs, docs, vis, span }) =>
      rename ? { kind: 'externCrate', attrs, docs, vis, span, name: crate.image, rename: identName(rename) } : { kind: 'externCrate', attrs, docs, vis, span, name: crate.image };
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
    if (!T.pathSegmentNames.has(t.tokenType)) return undefined;
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

  /** `struct N { fields }`, `struct N(fields);` and `struct N;`. */
  private readStruct(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    const params = name && this.readGenerics();
    if (!name || !params) return undefined;
    // A where clause comes before named fields and `;`, after tuple fields.
    let generics = this.typeAt(this.at) === T.LParen ? params : this.withWhereClause(params);
    if (!generics) return undefined;
    let shape: Variant['shape'] = 'unit';
    let fields: readonly Field[] = noNodes;
    if (!this.eat(T.Semi)) {
      const group = this.readFieldGroup();
      if (!group) return undefined;
      ({ shape, fields } = group);
      if (shape === 'tuple') {
        generics = this.withWhereClause(generics);
        if (!generics || !this.eat(T.Semi)) return undefined;
      }
    }
    // A const the builder can capture as `Generics` (a reassigned `let` is not narrowed in closures).
    const itemGenerics = generics;
    return ({ attrs, docs, vis, span }) => ({ kind: 'struct', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics: itemGenerics, shape, fields });
  }

  /** `{ fields }` or `(fields)` at the current token, with the shape they give; undefined at anything else. */
  private readFieldGroup(): { readonly shape: 'named' | 'tuple'; readonly fields: readonly Field[] } | undefined {
    const next = this.typeAt(this.at);
    if (next === T.LBrace) {
      const fields = this.readList(() => this.readField());
      return fields && { shape: 'named', fields };
    }
    if (next !== T.LParen) return undefined;
    let index = 0;
    const fields = this.readList(() => this.readField(index++));
    return fields && { shape: 'tuple', fields };
  }

  /** `union N { fields }`: `union` is an identifier that only means this before a name. */
  private readUnion(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    const params = name && this.readGenerics();
    const generics = params && this.withWhereClause(params);
    if (!name || !generics || this.typeAt(this.at) !== T.LBrace) return undefined;
    const fields = this.readList(() => this.readField());
    if (!fields) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'union', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics, fields });
  }

  /** A named field, or with `index` the field of a tuple struct (named by its position, as the grammar names it). */
  private readField(index?: number): Field | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const docs: string[] = [];
    const attrs = this.readAttrs('outer', docs);
    const vis = attrs && this.readVisibility();
    if (!attrs || !vis) return undefined;
    let name: string;
    if (index === undefined) {
      const token = this.readName();
      if (!token || !this.eat(T.Colon)) return undefined;
      name = identName(token);
    } else name = String(index);
    const type = this.readType();
    if (!type) return undefined;
    return { name, type, attrs, docs: kept(docs), vis, span: this.spanTo(first.startOffset, this.at - 1) };
  }

  private readEnum(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    const params = name && this.readGenerics();
    const generics = params && this.withWhereClause(params);
    if (!name || !generics || this.typeAt(this.at) !== T.LBrace) return undefined;
    const close = this.closerOf(this.at);
    const variants = this.readList(() => this.readVariant(close));
    if (!variants) return undefined;
    return ({ attrs, docs, vis, span }) => ({ kind: 'enum', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics, variants });
  }

  /** A unit, tuple or struct variant, with an optional `= expr` running to the next comma or the enum's `}`. */
  private readVariant(close: number): Variant | undefined {
    const first = this.tokenAt(this.at) as IToken;
    const docs: string[] = [];
    const attrs = this.readAttrs('outer', docs);
    if (!attrs) return undefined;
    const name = this.readName();
    if (!name) return undefined;
    let shape: Variant['shape'] = 'unit';
    let fields: readonly Field[] = noNodes;
    const next = this.typeAt(this.at);
    if (next === T.LBrace || next === T.LParen) {
      const group = this.readFieldGroup();
      if (!group) return undefined;
      ({ shape, fields } = group);
    }
    let run: { from: number; to: number } | undefined;
    if (this.typeAt(this.at) === T.Eq) {
      this.at++;
      run = this.readRun(T.Comma, close);
      if (!run) return undefined;
    }
    const span = this.spanTo(first.startOffset, this.at - 1);
    const variant: Mutable<Variant> = { name: identName(name), nameSpan: this.spanOf(name), attrs, docs: kept(docs), shape, fields, span };
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

  /** `const N: T = expr;` and `static [mut] N: T = expr;`, the value built now or after the parse. */
  private readValueItem(kind: 'const' | 'static'): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const mutable = kind === 'static' && this.eat(K.mut);
    const name = this.readName();
    if (!name || !this.eat(T.Colon)) return undefined;
    const type = this.readType();
    if (!type) return undefined;
    // No value: an associated constant in a trait.
    let run: { from: number; to: number } | undefined;
    if (!this.eat(T.Semi)) {
      run = this.eat(T.Eq) ? this.readRun(T.Semi, -1) : undefined;
      if (!run || !this.eat(T.Semi)) return undefined;
    }
    return ({ attrs, docs, vis, span }) => {
      const item: Mutable<Extract<Item, { kind: 'const' | 'static' }>> =
        kind === 'const'
          ? { kind, attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), type }
          : { kind, attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), mutable, type };
      if (run) this.runAt(run, (e) => (item.value = e));
      return item;
    };
  }

  /** `type N<…>: bounds where … = T;`, every part after the name optional (a where clause after `T` is the grammar's). */
  private readTypeAlias(): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    const params = name && this.readGenerics();
    if (!name || !params) return undefined;
    // An associated type's bounds: at least one, as the grammar's `bounds` requires.
    if (this.eat(T.Colon) && (aliasBoundsEnd(this.typeAt(this.at)) || !this.skipBounds(aliasBoundsEnd))) return undefined;
    const generics = this.withWhereClause(params);
    if (!generics) return undefined;
    let type: TypeNode | undefined;
    if (this.eat(T.Eq)) {
      type = this.readType();
      if (!type) return undefined;
    }
    if (!this.eat(T.Semi)) return undefined;
    const nameSpan = this.spanOf(name);
    return ({ attrs, docs, vis, span }) =>
      type ? { kind: 'typeAlias', attrs, docs, vis, span, name: identName(name), nameSpan, generics, type } : { kind: 'typeAlias', attrs, docs, vis, span, name: identName(name), nameSpan, generics };
  }

  /** `[unsafe] extern "abi" { items }`: declarations of what the library imports. */
  private readExternBlock(abi: string, isUnsafe: boolean): ((base: ItemBase) => Item) | undefined {
    const block = this.readItemBlock();
    if (!block) return undefined;
    const { items } = block;
    return ({ attrs, docs, vis, span }) => ({ kind: 'externBlock', attrs, docs, vis, span, abi, isUnsafe, items });
  }

  /** `trait N<…>: bounds where … { items }`; the supertraits are read, not kept, as in the grammar. */
  private readTrait(isUnsafe = false): ((base: ItemBase) => Item) | undefined {
    this.at++;
    const name = this.readName();
    const params = name && this.readGenerics();
    if (!name || !params || (this.eat(T.Colon) && !this.skipBounds(traitBoundsEnd))) return undefined;
    const generics = this.withWhereClause(params);
    const block = generics && this.readItemBlock();
    if (!block) return undefined;
    const { items } = block;
    return ({ attrs, docs, vis, span }) => ({ kind: 'trait', attrs, docs, vis, span, name: identName(name), nameSpan: this.spanOf(name), generics, isUnsafe, items });
  }

  /**
   * Items that begin with qualifiers (`const`, `async`, `unsafe`, `extern "abi"`, in any order, as
   * the grammar's `qualifiedItem` takes them): functions, and after `unsafe` alone an impl or a
   * trait, after `extern` an extern block.
   */
  private readQualified(): ((base: ItemBase) => Item) | undefined {
    let isConst = false;
    let isAsync = false;
    let isUnsafe = false;
    let abi: string | undefined;
    for (;;) {
      const type = this.typeAt(this.at);
      if (type === K.const) {
        isConst = true;
        this.at++;
      } else if (type === K.async) {
        isAsync = true;
        this.at++;
      } else if (type === K.unsafe) {
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
    const next = this.typeAt(this.at);
    const onlyUnsafe = isUnsafe && abi === undefined && !isConst && !isAsync;
    if (next === T.LBrace && abi !== undefined && !isConst && !isAsync) return this.readExternBlock(abi, isUnsafe);
    if (next === K.impl && onlyUnsafe) return this.readImpl(true);
    if (next === K.trait && onlyUnsafe) return this.readTrait(true);
    if (!this.eat(K.fn)) return undefined;
    const name = this.readName();
    const genericParams = name && this.readGenerics();
    if (!name || !genericParams || identName(name) === 'ffi_inventory' || this.typeAt(this.at) !== T.LParen) return undefined;
    // A method's receiver can only come first.
    let index = 0;
    const entries = this.readList((): Param | Receiver | undefined => (index++ === 0 ? (this.readReceiver() ?? this.readParam()) : this.readParam()));
    if (!entries) return undefined;
    const head = entries[0];
    const receiver = head && 'kind' in head ? head : undefined;
    const params = (receiver ? (entries.length > 1 ? entries.slice(1) : noNodes) : entries) as readonly Param[];
    let returns: TypeNode | undefined;
    if (this.typeAt(this.at) === T.Arrow) {
      this.at++;
      returns = this.readType();
      if (!returns) return undefined;
    }
    const generics = this.withWhereClause(genericParams);
    if (!generics) return undefined;
    let body: { from: number; to: number } | undefined;
    if (this.typeAt(this.at) === T.LBrace) {
      const end = this.closerOf(this.at);
      if (end < 0) return undefined;
      body = { from: this.at, to: end + 1 };
      this.at = end + 1;
    } else if (this.typeAt(this.at) === T.Semi) this.at++;
    else return undefined;
    const hasBody = body !== undefined;
    // Literals with the keys in the grammar's order, one per combination of the optional `abi` and
    // `returns` (spreading a base and optional keys into each item was a generic copy per item).
    return ({ attrs, docs, vis, span }): FnItem => {
      const n = identName(name);
      const nameSpan = this.spanOf(name);
      const g = noGenerics;
      if (receiver || isConst || isAsync || generics !== g) {
        // Methods, generic, `const` and `async` functions are fewer: their optional keys are added in the grammar's order.
        const fn: Mutable<FnItem> = { kind: 'fn', attrs, docs, vis, span, name: n, nameSpan, generics, isConst, isAsync, isUnsafe } as Mutable<FnItem>;
        if (abi !== undefined) fn.abi = abi;
        if (receiver) fn.receiver = receiver;
        fn.params = params;
        fn.variadic = false;
        if (returns) fn.returns = returns;
        fn.hasBody = hasBody;
        // A `const fn` body is an expression (a block) when the expression grammar takes it.
        if (isConst && body) {
          this.runAt(body, (e) => {
            if (e.kind !== 'unparsed') fn.constBody = e;
          });
        }
        return fn;
      }
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

  /**
   * `self`, `mut self`, `&self`, `&'a self`, `&mut self`, `&'a mut self`; undefined (nothing
   * consumed) at anything else, `self: Type` included (that receiver is the grammar's).
   */
  private readReceiver(): Receiver | undefined {
    const first = this.tokenAt(this.at) as IToken;
    let i = this.at;
    const ref = first.tokenType === T.Amp;
    if (ref && this.typeAt(++i) === T.Lifetime) i++;
    const mutable = this.typeAt(i) === K.mut;
    if (mutable) i++;
    if (this.typeAt(i) !== K.self || this.typeAt(i + 1) === T.Colon) return undefined;
    this.at = i + 1;
    return { kind: ref ? (mutable ? 'refMut' : 'ref') : 'value', span: this.spanTo(first.startOffset, i) };
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

}
