/**
 * Grammar layer 4: items — the structure interopc reads. Every item keeps its attributes, docs,
 * visibility and span. Tokens that cannot start an item are kept as `strays` (reported once per run).
 */
import type { IToken, TokenType } from 'chevrotain';
import type {
  Attribute, CallbackSignature, Field, FnItem, FnPointerParam, GenericParam, Generics, Item, ItemBase, Param, Receiver, StructShape, TypeNode, UseTree, Variant, Visibility,
} from './ast.js';
import { inherited, noGenerics, pub, singleSegmentPath } from './ast.js';
import type { Span } from '../source.js';
import { EOF } from './chevrotain.js';
import { ExprGrammar } from './grammar-exprs.js';
import { FastItemReader } from './grammar-fast.js';
import type { TokenRun } from './grammar-tokens.js';
import { docsOf, withoutDocComments } from './attributes.js';
import { toTokenTrees } from './token-trees.js';
import * as T from './token-types.js';

const K = T.Kw;

type Mutable<N> = { -readonly [P in keyof N]: N[P] };

/** Tokens that may start an item (after attributes and visibility). */
const itemStarters = new Set<TokenType>([
  T.Pound, T.OuterDoc, T.OuterBlockDoc, K.pub, K.mod, K.use, K.struct, K.enum, K.type, K.static, K.const,
  K.async, K.unsafe, K.extern, K.fn, K.impl, K.trait, T.Semi,
]);

/** An item's kind-specific part; the `item` rule adds attributes, docs, visibility and span. */
type ItemBuilder = (base: ItemBase) => Item | undefined;

interface Qualifiers {
  isConst: boolean;
  isAsync: boolean;
  isUnsafe: boolean;
  abi: string | undefined;
}

/** A stray token run: text of its first token and its span. */
export interface Stray {
  readonly span: Span;
  readonly text: string;
}

const genericsOf = (params: readonly GenericParam[] | undefined, whereClause: string | undefined): Generics =>
  whereClause !== undefined ? { params: params ?? [], whereClause } : params && params.length > 0 ? { params } : noGenerics;

const defined = <V>(list: readonly (V | undefined)[]): V[] => list.filter((v): v is V => v !== undefined);

export abstract class ItemGrammar extends ExprGrammar {
  strays: Stray[] = [];
  /** Whether `items` offers each item to the fast path first (tests turn it off to compare with the grammar). */
  fastItems = true;
  private readonly reader = new FastItemReader();

  /** The item at the next token read by the fast path (grammar-fast.ts), and the parser moved past it. */
  protected fastItem(): Item | undefined {
    this.reader.begin(this.filePath, this.input, this.closers, this.deferred);
    const read = this.reader.readItem(this.position() + 1);
    if (read) this.moveTo(read.end - 1);
    return read?.node;
  }

  private startsItem(): boolean {
    const t = this.LA(1);
    if (itemStarters.has(t.tokenType)) return true;
    if (t.tokenType === T.Ident) {
      const next = this.LA(2).tokenType;
      if (next === T.Bang || next === T.PathSep) return true;
      if (t.image === 'union' && next === T.Ident) return true;
    }
    return t.tokenType === T.PathSep;
  }

  public file = this.RULE('file', (): { innerAttrs: Attribute[]; items: Item[] } => {
    const innerAttrs: Attribute[] = [];
    this.MANY(() => innerAttrs.push(this.SUBRULE(this.innerAttr)));
    const items = this.SUBRULE(this.items);
    this.CONSUME(EOF);
    return { innerAttrs: defined(innerAttrs), items: items ?? [] };
  });

  /** Items until a `}` or the end; tokens that cannot start an item are strays (an error). */
  /**
   * `topLevel`: the items of a file, where a closer has nothing to close and is one more stray (so an
   * error that left one behind does not end the file's parse); in a block, `}` ends the items.
   */
  public items = this.RULE('items', (topLevel = true): Item[] => {
    const items: Item[] = [];
    let previousWasStray = false;
    const stray = (start: number, first: IToken): void => {
      // Only the first stray of a run is reported.
      if (!previousWasStray) this.strays.push({ span: this.spanFrom(start), text: first.image });
      previousWasStray = true;
    };
    // In a block a closer ends the items (closers now start an iteration: see the last alternative).
    this.MANY({
      GATE: () => topLevel || !T.isCloser(this.LA(1).tokenType),
      DEF: () => this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.startsItem(),
            ALT: () => {
              // Most items take the fast path (grammar-fast.ts); the grammar reads the others.
              const item = (this.fastItems ? this.ACTION(() => this.fastItem()) : undefined) ?? this.SUBRULE(this.item);
              previousWasStray = false;
              if (item) items.push(item);
            },
          },
          {
            GATE: () => !this.startsItem() && this.LA(1).tokenType !== T.RBrace,
            ALT: () => {
              const start = this.here();
              const first = this.LA(1);
              this.SUBRULE(this.tokenTree);
              this.ACTION(() => stray(start, first));
            },
          },
          {
            GATE: () => topLevel && T.isCloser(this.LA(1).tokenType),
            ALT: () => {
              const start = this.here();
              const first = this.OR2([{ ALT: () => this.CONSUME(T.RBrace) }, { ALT: () => this.CONSUME(T.RParen) }, { ALT: () => this.CONSUME(T.RBracket) }]);
              this.ACTION(() => stray(start, first));
            },
          },
        ],
      }),
    });
    return items;
  });

  public item = this.RULE('item', (): Item | undefined => {
    const start = this.here();
    const attrs: Attribute[] = [];
    let vis: Visibility = inherited;
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    this.OPTION(() => (vis = this.SUBRULE(this.visibility)));
    const build: ItemBuilder | undefined = this.OR(
      (this.itemAlternatives ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.modItem) },
          { ALT: () => this.SUBRULE(this.useItem) },
          { ALT: () => this.SUBRULE(this.structItem) },
          { ALT: () => this.SUBRULE(this.enumItem) },
          { ALT: () => this.SUBRULE(this.typeAliasItem) },
          { ALT: () => this.SUBRULE(this.staticItem) },
          { GATE: () => this.LA(1).image === 'union' && this.LA(2).tokenType === T.Ident, ALT: () => this.SUBRULE(this.unionItem) },
          { ALT: () => this.SUBRULE(this.qualifiedItem) },
          { ALT: () => this.SUBRULE(this.macroItem) },
          { ALT: () => (this.CONSUME(T.Semi), undefined) },
        ],
      }),
    );
    return this.ACTION(() => {
      const all = defined(attrs);
      return build?.({ attrs: withoutDocComments(all), docs: docsOf(all), vis: vis ?? inherited, span: this.spanFrom(start) });
    });
  });

  // Alternatives built once; their closures use only `this`.
  private itemAlternatives?: Parameters<typeof this.OR<ItemBuilder | undefined>>[0];
  private restAlternatives?: Parameters<typeof this.OR<(base: ItemBase, q: Qualifiers) => Item | undefined>>[0];

  public visibility = this.RULE('visibility', (): Visibility => {
    const start = this.here();
    let scope: string | undefined;
    this.CONSUME(K.pub);
    this.OPTION({
      GATE: () => {
        const t = this.LA(2).tokenType;
        return t === K.crate || t === K.self || t === K.super || t === K.in;
      },
      DEF: () => {
        scope = 'crate';
        this.CONSUME(T.LParen);
        this.OR([
          { ALT: () => (this.CONSUME(K.crate), (scope = 'crate')) },
          { ALT: () => (this.CONSUME(K.self), (scope = 'self')) },
          { ALT: () => (this.CONSUME(K.super), (scope = 'super')) },
          {
            ALT: () => {
              this.CONSUME(K.in);
              const path = this.SUBRULE(this.typePath);
              this.ACTION(() => (scope = path ? `in ${path.segments.map((s) => s.name).join('::')}` : 'crate'));
            },
          },
        ]);
        this.CONSUME(T.RParen);
      },
    });
    return this.ACTION((): Visibility => {
      const span = this.spanFrom(start);
      return scope === undefined ? pub : { kind: 'restricted', scope, span };
    });
  });

  public modItem = this.RULE('modItem', (): ItemBuilder => {
    this.CONSUME(K.mod);
    const name = this.CONSUME(T.Ident);
    const block = this.OR([{ ALT: () => (this.CONSUME(T.Semi), undefined) }, { ALT: () => this.SUBRULE(this.itemBlock) }]);
    return (base) => {
      const innerAttrs = block?.innerAttrs ?? [];
      return {
        kind: 'mod',
        ...base,
        ...this.named(name, base.span),
        ...(block ? { items: block.items } : {}),
        external: !block,
        innerAttrs,
        docs: innerAttrs.length > 0 ? [...base.docs, ...docsOf(innerAttrs)] : base.docs,
      };
    };
  });

  /** `{ #![inner] items }` for inline modules, impls, traits and extern blocks. */
  public itemBlock = this.RULE('itemBlock', (): { innerAttrs: Attribute[]; items: Item[] } => {
    const innerAttrs: Attribute[] = [];
    this.CONSUME(T.LBrace);
    this.MANY(() => innerAttrs.push(this.SUBRULE(this.innerAttr)));
    const items = this.SUBRULE(this.items, { ARGS: [false] });
    this.CONSUME(T.RBrace);
    return { innerAttrs: defined(innerAttrs), items: items ?? [] };
  });

  public useItem = this.RULE('useItem', (): ItemBuilder => {
    let global = false;
    this.CONSUME(K.use);
    this.OPTION(() => ((global = true), this.CONSUME(T.PathSep)));
    const tree = this.SUBRULE(this.useTree, { ARGS: [[]] });
    this.CONSUME(T.Semi);
    return (base) => ({ kind: 'use', ...base, global, tree: tree ?? { kind: 'path', path: [], span: base.span } });
  });

  public useTree = this.RULE('useTree', (prefix: string[]): UseTree => {
    const start = this.here();
    return this.OR([
      { ALT: () => (this.CONSUME(T.Star), this.ACTION((): UseTree => ({ kind: 'glob', prefix, span: this.spanFrom(start) }))) },
      {
        ALT: () => {
          const trees: UseTree[] = [];
          this.CONSUME(T.LBrace);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => trees.push(this.SUBRULE(this.useTree, { ARGS: [[]] }))) });
          this.CONSUME(T.RBrace);
          return this.ACTION((): UseTree => ({ kind: 'group', prefix, trees: defined(trees), span: this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          const ident = this.SUBRULE(this.pathIdent);
          const name = this.ACTION(() => this.identText(ident));
          return this.OR2([
            {
              ALT: () => {
                this.CONSUME2(T.PathSep);
                return this.SUBRULE2(this.useTree, { ARGS: [this.ACTION(() => [...prefix, name])] });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.as);
                const rename = this.CONSUME(T.Ident);
                return this.ACTION((): UseTree => ({ kind: 'path', path: [...prefix, name], rename: this.identText(rename), span: this.spanFrom(start) }));
              },
            },
            { ALT: () => this.ACTION((): UseTree => ({ kind: 'path', path: [...prefix, name], span: this.spanFrom(start) })) },
          ]);
        },
      },
    ]);
  });

  public structItem = this.RULE('structItem', (): ItemBuilder => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    let shape: StructShape = 'unit';
    let fields: Field[] = [];
    this.CONSUME(K.struct);
    const name = this.CONSUME(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.OR([
      {
        ALT: () => {
          fields = this.SUBRULE(this.tupleFields);
          shape = 'tuple';
          this.OPTION2(() => (where = this.SUBRULE(this.whereClause)));
          this.CONSUME(T.Semi);
        },
      },
      {
        ALT: () => {
          this.OPTION3(() => (where = this.SUBRULE2(this.whereClause)));
          this.OR2([
            { ALT: () => ((fields = this.SUBRULE(this.namedFields)), (shape = 'named')) },
            { ALT: () => this.CONSUME2(T.Semi) },
          ]);
        },
      },
    ]);
    return (base) => ({ kind: 'struct', ...base, ...this.named(name, base.span), generics: genericsOf(params, where), shape, fields: fields ?? [] });
  });

  public unionItem = this.RULE('unionItem', (): ItemBuilder => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    this.CONSUME(T.Ident); // `union`
    const name = this.CONSUME2(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.OPTION2(() => (where = this.SUBRULE(this.whereClause)));
    const fields = this.SUBRULE(this.namedFields);
    return (base) => ({ kind: 'union', ...base, ...this.named(name, base.span), generics: genericsOf(params, where), fields: fields ?? [] });
  });

  public namedFields = this.RULE('namedFields', (): Field[] => {
    const fields: Field[] = [];
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => fields.push(this.SUBRULE(this.namedField))) });
    this.CONSUME(T.RBrace);
    return defined(fields);
  });

  public namedField = this.RULE('namedField', (): Field => {
    const start = this.here();
    const attrs: Attribute[] = [];
    let vis: Visibility = inherited;
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    this.OPTION(() => (vis = this.SUBRULE(this.visibility)));
    const name = this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.type);
    return this.ACTION((): Field => {
      const all = defined(attrs);
      return { name: this.identText(name), type, attrs: withoutDocComments(all), docs: docsOf(all), vis: vis ?? inherited, span: this.spanFrom(start) };
    });
  });

  public tupleFields = this.RULE('tupleFields', (): Field[] => {
    const fields: Field[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => fields.push(this.SUBRULE(this.tupleField, { ARGS: [fields.length] }))) });
    this.CONSUME(T.RParen);
    return defined(fields);
  });

  public tupleField = this.RULE('tupleField', (index: number): Field => {
    const start = this.here();
    const attrs: Attribute[] = [];
    let vis: Visibility = inherited;
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    this.OPTION(() => (vis = this.SUBRULE(this.visibility)));
    const type = this.SUBRULE(this.type);
    return this.ACTION((): Field => {
      const all = defined(attrs);
      return { name: String(index), type, attrs: withoutDocComments(all), docs: docsOf(all), vis: vis ?? inherited, span: this.spanFrom(start) };
    });
  });

  public enumItem = this.RULE('enumItem', (): ItemBuilder => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    const variants: Variant[] = [];
    this.CONSUME(K.enum);
    const name = this.CONSUME(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.OPTION2(() => (where = this.SUBRULE(this.whereClause)));
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION3(() => variants.push(this.SUBRULE(this.variant))) });
    this.CONSUME(T.RBrace);
    return (base) => ({ kind: 'enum', ...base, ...this.named(name, base.span), generics: genericsOf(params, where), variants: defined(variants) });
  });

  public variant = this.RULE('variant', (): Variant => {
    const start = this.here();
    const attrs: Attribute[] = [];
    let shape: StructShape = 'unit';
    let fields: Field[] = [];
    let discriminant: TokenRun | undefined;
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    this.OPTION(() => this.SUBRULE(this.visibility));
    const name = this.CONSUME(T.Ident);
    this.OPTION2(() => {
      this.OR([
        { ALT: () => ((fields = this.SUBRULE(this.namedFields)), (shape = 'named')) },
        { ALT: () => ((fields = this.SUBRULE(this.tupleFields)), (shape = 'tuple')) },
      ]);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Eq);
      discriminant = this.SUBRULE(this.runUntilComma);
    });
    return this.ACTION((): Variant => {
      const all = defined(attrs);
      const span = this.spanFrom(start);
      const variant: Mutable<Variant> = { name: this.identText(name), nameSpan: this.nameSpan(name, span), attrs: withoutDocComments(all), docs: docsOf(all), shape, fields: fields ?? [], span };
      this.runExpression(discriminant, (e) => (variant.discriminant = e));
      return variant;
    });
  });

  public typeAliasItem = this.RULE('typeAliasItem', (): ItemBuilder => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    let type: TypeNode | undefined;
    this.CONSUME(K.type);
    const name = this.CONSUME(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.bounds);
    });
    this.OPTION3(() => (where = this.SUBRULE(this.whereClause)));
    this.OPTION4(() => {
      this.CONSUME(T.Eq);
      type = this.SUBRULE(this.type);
    });
    // `type Write<'w> = T::Write<'w> where Self: 'w;`: the where clause after the type.
    this.OPTION5(() => {
      const trailing = this.SUBRULE2(this.whereClause);
      this.ACTION(() => (where = where === undefined ? trailing : `${where}, ${trailing.replace(/^where\s*/, '')}`));
    });
    this.CONSUME(T.Semi);
    return (base) => ({ kind: 'typeAlias', ...base, ...this.named(name, base.span), generics: genericsOf(params, where), ...(type ? { type } : {}) });
  });

  public staticItem = this.RULE('staticItem', (): ItemBuilder => {
    let mutable = false;
    let value: TokenRun | undefined;
    this.CONSUME(K.static);
    this.OPTION(() => ((mutable = true), this.CONSUME(K.mut)));
    const name = this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.type);
    this.OPTION2(() => {
      this.CONSUME(T.Eq);
      value = this.SUBRULE(this.runUntilSemi);
    });
    this.CONSUME(T.Semi);
    return (base) => {
      const item: Mutable<Extract<Item, { kind: 'static' }>> = { kind: 'static', ...base, ...this.named(name, base.span), mutable, type };
      this.runExpression(value, (e) => (item.value = e));
      return item;
    };
  });

  /** Items that begin with qualifiers: `const`, `async`, `unsafe`, `extern "abi"`, then fn/impl/trait/… */
  public qualifiedItem = this.RULE('qualifiedItem', (): ItemBuilder => {
    const q: Qualifiers = { isConst: false, isAsync: false, isUnsafe: false, abi: undefined };
    this.MANY(() => this.SUBRULE(this.qualifier, { ARGS: [q] }));
    const rest = this.OR(
      (this.restAlternatives ??= [
        { ALT: () => this.SUBRULE(this.fnRest) },
        { ALT: () => this.SUBRULE(this.implRest) },
        { ALT: () => this.SUBRULE(this.traitRest) },
        {
          ALT: () => {
            const block = this.SUBRULE(this.itemBlock);
            return (base: ItemBase, qs: Qualifiers): Item => ({ kind: 'externBlock', ...base, abi: qs.abi ?? 'C', isUnsafe: qs.isUnsafe, items: block?.items ?? [] });
          },
        },
        { ALT: () => this.SUBRULE(this.externCrateRest) },
        { ALT: () => this.SUBRULE(this.constRest) },
      ]),
    );
    return (base) => rest?.(base, q);
  });

  public qualifier = this.RULE('qualifier', (q: Qualifiers) => {
    // `q` only exists in a real parse (the recording phase passes no arguments): set it in ACTIONs.
    this.OR([
      { ALT: () => (this.CONSUME(K.const), this.ACTION(() => (q.isConst = true))) },
      { ALT: () => (this.CONSUME(K.async), this.ACTION(() => (q.isAsync = true))) },
      { ALT: () => (this.CONSUME(K.unsafe), this.ACTION(() => (q.isUnsafe = true))) },
      {
        ALT: () => {
          this.CONSUME(K.extern);
          let abi = 'C';
          this.OPTION(() => (abi = this.SUBRULE(this.abiString)));
          // The first `extern` decides the ABI.
          this.ACTION(() => (q.abi ??= abi ?? 'C'));
        },
      },
    ]);
  });

  public fnRest = this.RULE('fnRest', (): ((base: ItemBase, q: Qualifiers) => Item) => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    let returns: TypeNode | undefined;
    let body: TokenRun | undefined;
    const parameters: Param[] = [];
    let receiver: Receiver | undefined;
    let variadic = false;
    this.CONSUME(K.fn);
    const name = this.CONSUME(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION2(() => {
          const p = this.SUBRULE(this.fnParam);
          this.ACTION(() => {
            if (p === 'variadic') variadic = true;
            else if (p && 'kind' in p) receiver = p;
            else if (p) parameters.push(p);
          });
        }),
    });
    this.CONSUME(T.RParen);
    this.OPTION3(() => {
      this.CONSUME(T.Arrow);
      returns = this.SUBRULE(this.type);
    });
    this.OPTION4(() => (where = this.SUBRULE(this.whereClause)));
    this.OR([{ ALT: () => this.CONSUME(T.Semi) }, { ALT: () => (body = this.SUBRULE(this.braceRun)) }]);
    return (base, q) => {
      const fn: Mutable<FnItem> = {
        kind: 'fn',
        ...base,
        ...this.named(name, base.span),
        generics: genericsOf(params, where),
        isConst: q.isConst,
        isAsync: q.isAsync,
        isUnsafe: q.isUnsafe,
        ...(q.abi !== undefined ? { abi: q.abi } : {}),
        ...(receiver ? { receiver } : {}),
        params: parameters,
        variadic,
        ...(returns ? { returns } : {}),
        hasBody: body !== undefined,
      };
      if (body && fn.name === 'ffi_inventory') fn.inventoryBody = toTokenTrees(this.filePath, this.input.slice(body.from + 1, body.to - 1));
      if (q.isConst && body) {
        this.runExpression(body, (e) => {
          if (e.kind !== 'unparsed') fn.constBody = e;
        });
      }
      return fn;
    };
  });

  public fnParam = this.RULE('fnParam', (): Param | Receiver | 'variadic' => {
    const start = this.here();
    const attrs: Attribute[] = [];
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.isReceiver(), ALT: () => this.SUBRULE(this.receiver) },
        { ALT: () => (this.CONSUME(T.DotDotDot), 'variadic' as const) },
        {
          ALT: () => {
            const from = this.position() + 1;
            this.SUBRULE(this.pattern);
            const to = this.position() + 1;
            this.CONSUME(T.Colon);
            // `mut args: ...`: a named C variadic (a `c_variadic` function defined in Rust).
            const type = this.OR2([{ ALT: () => (this.CONSUME2(T.DotDotDot), undefined) }, { ALT: () => this.SUBRULE(this.type) }]);
            return this.ACTION((): Param | 'variadic' => {
              if (type === undefined) return 'variadic';
              const pattern = this.input.slice(from, to);
              const first = pattern[0];
              const simple = pattern.length === 1 || (pattern.length === 2 && first?.tokenType === K.mut);
              const name = simple ? this.identText(pattern.find((t) => t.tokenType === T.Ident)) : '_';
              return { name, type, attrs: defined(attrs), span: this.spanFrom(start) };
            });
          },
        },
      ],
    });
  });

  private isReceiver(): boolean {
    const at = (i: number): TokenType => this.LA(i).tokenType;
    if (at(1) === K.self) return true;
    if (at(1) === K.mut && at(2) === K.self) return true;
    if (at(1) !== T.Amp) return false;
    let i = 2;
    if (at(i) === T.Lifetime) i++;
    if (at(i) === K.mut) i++;
    return at(i) === K.self;
  }

  public receiver = this.RULE('receiver', (): Receiver => {
    const start = this.here();
    let ref = false;
    let mutable = false;
    let type: TypeNode | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Amp);
      ref = true;
      this.OPTION2(() => this.CONSUME(T.Lifetime));
    });
    this.OPTION3(() => ((mutable = true), this.CONSUME(K.mut)));
    this.CONSUME(K.self);
    this.OPTION4(() => {
      this.CONSUME(T.Colon);
      type = this.SUBRULE(this.type);
    });
    return this.ACTION((): Receiver => {
      const span = this.spanFrom(start);
      if (type) return { kind: 'typed', type, span };
      if (ref) return { kind: mutable ? 'refMut' : 'ref', span };
      return { kind: 'value', span };
    });
  });

  /**
   * A parameter pattern (`x`, `mut x`, `_`, `(a, b)`, `&x`, `Wrapper(x)`), kept as tokens. Only
   * pattern tokens are accepted so a broken parameter list cannot swallow the items after it.
   */
  public pattern = this.RULE('pattern', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Ident) },
        { ALT: () => this.CONSUME(K.mut) },
        { ALT: () => this.CONSUME(T.Amp) },
        { ALT: () => this.CONSUME(T.PathSep) },
        { ALT: () => this.CONSUME(T.DotDot) },
        { ALT: () => this.SUBRULE(this.parenGroup) },
        { ALT: () => this.SUBRULE(this.bracketGroup) },
      ]);
    });
  });

  public implRest = this.RULE('implRest', (): ((base: ItemBase, q: Qualifiers) => Item) => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    let negative = false;
    let second: TypeNode | undefined;
    this.CONSUME(K.impl);
    this.OPTION({ GATE: () => this.LA(1).tokenType === T.Lt, DEF: () => (params = this.SUBRULE(this.genericParams)) });
    this.OPTION2(() => ((negative = true), this.CONSUME(T.Bang)));
    const first = this.SUBRULE(this.type);
    this.OPTION3(() => {
      this.CONSUME(K.for);
      second = this.SUBRULE2(this.type);
    });
    this.OPTION4(() => (where = this.SUBRULE(this.whereClause)));
    const block = this.SUBRULE(this.itemBlock);
    return (base, q) => {
      const traitType = second ? first : undefined;
      return {
        kind: 'impl',
        ...base,
        generics: genericsOf(params, where),
        isUnsafe: q.isUnsafe,
        ...(traitType?.kind === 'path' ? { trait: { path: traitType.path, negative } } : traitType?.kind === 'name' ? { trait: { path: singleSegmentPath(traitType.name, traitType.span), negative } } : {}),
        selfType: second ?? first,
        items: block?.items ?? [],
        innerAttrs: block?.innerAttrs ?? [],
      };
    };
  });

  public traitRest = this.RULE('traitRest', (): ((base: ItemBase, q: Qualifiers) => Item) => {
    let params: GenericParam[] | undefined;
    let where: string | undefined;
    this.CONSUME(K.trait);
    const name = this.CONSUME(T.Ident);
    this.OPTION(() => (params = this.SUBRULE(this.genericParams)));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.OPTION3(() => this.SUBRULE(this.bounds));
    });
    this.OPTION4(() => (where = this.SUBRULE(this.whereClause)));
    const block = this.SUBRULE(this.itemBlock);
    return (base, q) => ({ kind: 'trait', ...base, ...this.named(name, base.span), generics: genericsOf(params, where), isUnsafe: q.isUnsafe, items: block?.items ?? [] });
  });

  public externCrateRest = this.RULE('externCrateRest', (): ((base: ItemBase) => Item) => {
    let rename: IToken | undefined;
    this.CONSUME(K.crate);
    const crate = this.SUBRULE(this.pathIdent);
    this.OPTION(() => {
      this.CONSUME(K.as);
      rename = this.CONSUME(T.Ident);
    });
    this.CONSUME(T.Semi);
    return (base) => ({
      kind: 'externCrate',
      ...base,
      name: crate && !crate.isInsertedInRecovery ? crate.image : '<missing>',
      ...(rename && !rename.isInsertedInRecovery ? { rename: this.identText(rename) } : {}),
    });
  });

  /** `const NAME: T = expr;` (the `const` was consumed as a qualifier). */
  public constRest = this.RULE('constRest', (): ((base: ItemBase) => Item) => {
    let value: TokenRun | undefined;
    const name = this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.type);
    this.OPTION(() => {
      this.CONSUME(T.Eq);
      value = this.SUBRULE(this.runUntilSemi);
    });
    this.CONSUME(T.Semi);
    return (base) => {
      const item: Mutable<Extract<Item, { kind: 'const' }>> = { kind: 'const', ...base, ...this.named(name, base.span), type };
      this.runExpression(value, (e) => (item.value = e));
      return item;
    };
  });

  /** The inside of `callback!(…)`: docs, `Name(params)`, an optional `-> Ret`. */
  public callbackEntry = this.RULE('callbackEntry', (): CallbackSignature => {
    const start = this.here();
    const attrs: Attribute[] = [];
    const params: FnPointerParam[] = [];
    let returns: TypeNode | undefined;
    this.MANY(() => attrs.push(this.SUBRULE(this.outerAttr)));
    const name = this.CONSUME(T.Ident);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION(() => {
          const p = this.SUBRULE(this.fnPtrParam);
          this.ACTION(() => {
            if (p && p !== 'variadic') params.push(p);
          });
        }),
    });
    this.CONSUME(T.RParen);
    this.OPTION2(() => {
      this.CONSUME(T.Arrow);
      returns = this.SUBRULE(this.type);
    });
    // Up to the last token of the signature: after the end of input, `spanFrom` would be empty.
    let span: Span | undefined;
    this.ACTION(() => (span = this.spanFrom(start)));
    this.CONSUME(EOF);
    return this.ACTION((): CallbackSignature => {
      const docs = docsOf(defined(attrs));
      return returns
        ? { name: this.identText(name), nameSpan: this.tokenSpan(name), docs, params, returns, span: span as Span }
        : { name: this.identText(name), nameSpan: this.tokenSpan(name), docs, params, span: span as Span };
    });
  });

  /** `name!(…);`, `name! { … }`, `macro_rules! name { … }` */
  public macroItem = this.RULE('macroItem', (): ItemBuilder => {
    let name: IToken | undefined;
    const path = this.SUBRULE(this.typePath);
    this.CONSUME(T.Bang);
    this.OPTION(() => (name = this.CONSUME(T.Ident)));
    const from = this.position() + 1;
    this.SUBRULE(this.delimGroup);
    const to = this.position() + 1;
    this.OPTION2(() => this.CONSUME(T.Semi));
    return (base) => {
      const group = this.input.slice(from, to);
      const trees = toTokenTrees(this.filePath, group);
      const only = trees[0];
      const item: Mutable<Extract<Item, { kind: 'macroCall' }>> = {
        kind: 'macroCall',
        ...base,
        path: path ?? { global: false, segments: [], span: base.span },
        ...(name && !name.isInsertedInRecovery ? { name: this.identText(name) } : {}),
        delimiter: only?.kind === 'group' ? only.delimiter : '(',
        tokens: only?.kind === 'group' ? only.trees : trees,
      };
      // `callback!(Name(params) -> Ret)` (the support crate's and Interoptopus' macro) declares a type.
      if (path?.segments[path.segments.length - 1]?.name === 'callback' && item.delimiter === '(' && group.length > 2) {
        const inside = group.slice(1, -1);
        this.deferred.push((parsers) => {
          const signature = parsers.callback(inside);
          if (signature) item.callback = signature;
        });
      }
      return item;
    };
  });

  /** Name and name span of an item; recovery may have invented the name token. */
  private named(t: IToken | undefined, fallback: Span): { name: string; nameSpan: Span } {
    return { name: this.identText(t), nameSpan: this.nameSpan(t, fallback) };
  }

  private nameSpan(t: IToken | undefined, fallback: Span): Span {
    return t && !t.isInsertedInRecovery ? this.tokenSpan(t) : fallback;
  }
}
