/**
 * The Rust AST that the front end produces: only the structure interopc needs, every node with a
 * span. Function bodies and other code interopc never interprets are kept as token trees (or not at
 * all); constant initializers, array lengths, discriminants and simple `const fn` bodies are parsed
 * into `Expr`, falling back to `{ kind: 'unparsed' }` when they use syntax outside that grammar, so
 * that valid Rust never fails to parse.
 *
 * Nodes are plain readonly objects keyed by `kind`. The CST never leaves `compiler/syntax`.
 */
import type { Span } from '../source.js';

// ---------------------------------------------------------------------------------------------
// Tokens kept verbatim (macro calls, attribute arguments that are not meta, skipped bodies)

export interface Token {
  readonly text: string;
  /** 'ident' | 'lifetime' | 'literal' | 'punct' | 'doc' */
  readonly tokenKind: 'ident' | 'lifetime' | 'literal' | 'punct';
  readonly span: Span;
}

export type TokenTree =
  | { readonly kind: 'token'; readonly token: Token }
  | { readonly kind: 'group'; readonly delimiter: '(' | '[' | '{'; readonly trees: readonly TokenTree[]; readonly span: Span };

// ---------------------------------------------------------------------------------------------
// Paths

export interface PathSegment {
  readonly name: string;
  /** Generic arguments written on this segment (`Vec<u8>`, also turbofish `size_of::<T>`). */
  readonly generics?: readonly GenericArg[];
  readonly span: Span;
}

/** `a::b::C<T>`; `global` for a leading `::`. Keywords `crate`, `self`, `super`, `Self` are segments. */
export interface Path {
  readonly global: boolean;
  readonly segments: readonly PathSegment[];
  readonly span: Span;
}

export type GenericArg =
  | { readonly kind: 'type'; readonly type: TypeNode; readonly span: Span }
  | { readonly kind: 'lifetime'; readonly name: string; readonly span: Span }
  | { readonly kind: 'const'; readonly value: Expr; readonly span: Span }
  /** `Iterator<Item = T>` */
  | { readonly kind: 'binding'; readonly name: string; readonly type: TypeNode; readonly span: Span };

// ---------------------------------------------------------------------------------------------
// Types

export type TypeNode =
  /**
   * A lone identifier (`u32`, `Point`): most types of a crate. It is one node where the path it
   * stands for would be four (type, path, segment list, segment); `singleSegmentPath` gives that path.
   */
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'path'; readonly path: Path; readonly span: Span }
  | { readonly kind: 'reference'; readonly mutable: boolean; readonly lifetime?: string; readonly referent: TypeNode; readonly span: Span }
  | { readonly kind: 'pointer'; readonly mutable: boolean; readonly pointee: TypeNode; readonly span: Span }
  | { readonly kind: 'array'; readonly element: TypeNode; readonly length: Expr; readonly span: Span }
  | { readonly kind: 'slice'; readonly element: TypeNode; readonly span: Span }
  /** `()` is a tuple with no elements. A parenthesized type `(T)` is just `T`. */
  | { readonly kind: 'tuple'; readonly elements: readonly TypeNode[]; readonly span: Span }
  | {
      readonly kind: 'fnPointer';
      /** `extern "C" fn` → "C"; `extern fn` → "C"; plain `fn` → undefined (the Rust ABI). */
      readonly abi?: string;
      readonly unsafe: boolean;
      readonly params: readonly FnPointerParam[];
      readonly returns?: TypeNode;
      readonly variadic: boolean;
      readonly span: Span;
    }
  | { readonly kind: 'never'; readonly span: Span }
  /** `_` */
  | { readonly kind: 'infer'; readonly span: Span }
  /** `dyn Trait + 'a`, `impl Trait`, and bare trait objects; bounds kept as text. */
  | { readonly kind: 'traitObject'; readonly syntax: 'dyn' | 'impl'; readonly bounds: string; readonly span: Span }
  /** A macro in type position, e.g. `ty!(…)`. */
  | { readonly kind: 'macro'; readonly path: Path; readonly span: Span };

export interface FnPointerParam {
  readonly name?: string;
  readonly type: TypeNode;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions (constants, array lengths, discriminants, simple const fn bodies)

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '<<' | '>>' | '&' | '|' | '^'
  | '&&' | '||'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr =
  /** `value` is exact; `suffix` is the literal's type suffix (`u8`, `i64`, …) if written. */
  | { readonly kind: 'int'; readonly value: bigint; readonly suffix?: string; readonly span: Span }
  /** `text` without underscores and suffix, e.g. "1.5e3". */
  | { readonly kind: 'float'; readonly text: string; readonly suffix?: 'f32' | 'f64'; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  /** String literal with escapes already decoded (also raw strings). `byte` for b"…". */
  | { readonly kind: 'str'; readonly value: string; readonly byte: boolean; readonly span: Span }
  /** Char literal as its code point (`byte` for b'x'). */
  | { readonly kind: 'char'; readonly value: number; readonly byte: boolean; readonly span: Span }
  /** A path: constant, const fn, enum variant, associated constant (`u8::MAX`), local binding. */
  | { readonly kind: 'path'; readonly path: Path; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'cast'; readonly expr: Expr; readonly type: TypeNode; readonly span: Span }
  | { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[]; readonly span: Span }
  /** `x.wrapping_add(1)`, `u32::MAX.count_ones()` */
  | { readonly kind: 'methodCall'; readonly receiver: Expr; readonly method: string; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'paren'; readonly expr: Expr; readonly span: Span }
  /** `&expr` (e.g. `&"text"` is rare; `&[1, 2]` is unsupported later but parses). */
  | { readonly kind: 'reference'; readonly mutable: boolean; readonly expr: Expr; readonly span: Span }
  | { readonly kind: 'block'; readonly statements: readonly LetStatement[]; readonly tail?: Expr; readonly span: Span }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: Expr; readonly otherwise?: Expr; readonly span: Span }
  /** Syntax outside this grammar (closures, struct literals, match, macros…), kept so an error can point at it. */
  /** `cfg!(predicate)`: true when the predicate holds for the build. */
  | { readonly kind: 'cfg'; readonly predicate: Meta; readonly span: Span }
  /** `concat!(…)` of literals and `env!`s. */
  | { readonly kind: 'concat'; readonly parts: readonly Expr[]; readonly span: Span }
  /** `env!("NAME")`: a variable of the crate's build environment. */
  | { readonly kind: 'env'; readonly name: string; readonly span: Span }
  | { readonly kind: 'unparsed'; readonly span: Span };

export interface LetStatement {
  readonly kind: 'let';
  readonly name: string;
  readonly type?: TypeNode;
  readonly value: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** Structured attribute content, when it fits Rust's "meta" grammar. */
export type Meta =
  /** `#[repr]`, `packed`, `C` inside a list */
  | { readonly kind: 'word'; readonly path: string; readonly span: Span }
  /** `#[repr(C, align(8))]` */
  | { readonly kind: 'list'; readonly path: string; readonly items: readonly Meta[]; readonly span: Span }
  /** `#[doc = "…"]`, `name = "X"` inside a list; value is a literal expression or a path */
  | { readonly kind: 'nameValue'; readonly path: string; readonly value: Expr; readonly span: Span }
  /** A bare literal inside a list: `#[deprecated("x")]`, `#[unsafe(export_name = "x")]` nests a nameValue */
  | { readonly kind: 'literal'; readonly value: Expr; readonly span: Span };

export interface Attribute {
  /** `#![…]` and `//!` are inner; `#[…]` and `///` outer. */
  readonly style: 'outer' | 'inner';
  /** The attribute's path, e.g. "repr", "cfg", "ffi_type", "interopc::ffi_type", "doc", "unsafe". */
  readonly path: string;
  /** Parsed content; undefined when the tokens are not meta (then only `tokens` is set). */
  readonly meta?: Meta;
  /** The tokens after the path, verbatim (e.g. the `(…)` group), when they are not meta; empty when `meta` is set. */
  readonly tokens: readonly TokenTree[];
  /** True for `///`, `//!`, and the block doc comment forms (path "doc", meta nameValue with the text). */
  readonly sugaredDoc: boolean;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Items

export type Visibility =
  | { readonly kind: 'inherited' }
  /** Without a span: nothing reads where a plain `pub` is, and every item and field of a crate has one. */
  | { readonly kind: 'pub' }
  /** `pub(crate)`, `pub(super)`, `pub(self)`, `pub(in path)` */
  | { readonly kind: 'restricted'; readonly scope: string; readonly span: Span };

export type GenericParam =
  | { readonly kind: 'lifetime'; readonly name: string; readonly span: Span }
  | { readonly kind: 'type'; readonly name: string; readonly bounds: string; readonly default?: TypeNode; readonly span: Span }
  | { readonly kind: 'const'; readonly name: string; readonly type: TypeNode; readonly default?: Expr; readonly span: Span };

export interface Generics {
  readonly params: readonly GenericParam[];
  /** The where clause, verbatim; interopc never interprets bounds. */
  readonly whereClause?: string;
}

/**
 * The one empty list every empty list of the AST shares (most items have no generics, most fields
 * no attributes): frozen, so nothing can add to it.
 */
export const noNodes: readonly never[] = Object.freeze([]);

export const noGenerics: Generics = Object.freeze({ params: noNodes });

/** The visibility of every item and field written without `pub` (one shared node). */
export const inherited: Visibility = Object.freeze({ kind: 'inherited' });

/** The path of one segment `name` (what a `name` type stands for, a macro's name, a const parameter used as a value). */
export const singleSegmentPath = (name: string, span: Span): Path => ({ global: false, segments: [{ name, span }], span });

/** `pub` (one shared node, like `inherited`). */
export const pub: Visibility = Object.freeze({ kind: 'pub' });

/**
 * A list built with `push`, as the AST keeps it: V8 gives an array room for 17 elements at its
 * first push, and most AST lists hold one to three, so the kept copy is sized exactly (the roomy
 * one dies young). Over a large crate that is a seventh of the AST's memory.
 */
export const kept = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? noNodes : list.slice());

/**
 * Common to every item. `docs` are the doc attributes' text lines in order (leading space kept as
 * written, minus one space after `///`). `attrs` holds every attribute but the doc comments
 * (`///` lines and doc blocks), which are only text: their lines are in `docs` (so on fields and
 * variants).
 */
export interface ItemBase {
  readonly attrs: readonly Attribute[];
  readonly docs: readonly string[];
  readonly vis: Visibility;
  /** The whole item including attributes. */
  readonly span: Span;
}

export interface Field {
  /** Named field name, or the index ("0", "1", …) for tuple structs. */
  readonly name: string;
  readonly type: TypeNode;
  readonly attrs: readonly Attribute[];
  readonly docs: readonly string[];
  readonly vis: Visibility;
  readonly span: Span;
}

export type StructShape = 'named' | 'tuple' | 'unit';

export interface StructItem extends ItemBase {
  readonly kind: 'struct';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  readonly shape: StructShape;
  readonly fields: readonly Field[];
}

export interface UnionItem extends ItemBase {
  readonly kind: 'union';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  readonly fields: readonly Field[];
}

export interface Variant {
  readonly name: string;
  readonly nameSpan: Span;
  readonly attrs: readonly Attribute[];
  readonly docs: readonly string[];
  readonly shape: StructShape;
  /** Fields of a data-carrying variant (empty for unit variants). */
  readonly fields: readonly Field[];
  readonly discriminant?: Expr;
  readonly span: Span;
}

export interface EnumItem extends ItemBase {
  readonly kind: 'enum';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  readonly variants: readonly Variant[];
}

export interface TypeAliasItem extends ItemBase {
  readonly kind: 'typeAlias';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  /** Absent for associated types without a value (`type Item;` in traits). */
  readonly type?: TypeNode;
}

export interface ConstItem extends ItemBase {
  readonly kind: 'const';
  /** `_` for `const _: () = …;` */
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: TypeNode;
  readonly value?: Expr;
}

export interface StaticItem extends ItemBase {
  readonly kind: 'static';
  readonly name: string;
  readonly nameSpan: Span;
  readonly mutable: boolean;
  readonly type: TypeNode;
  readonly value?: Expr;
}

export interface Param {
  /** Simple binding name; "_" for `_` and for patterns interopc does not name (kept in `span`). */
  readonly name: string;
  readonly type: TypeNode;
  readonly attrs: readonly Attribute[];
  readonly span: Span;
}

/** `self`, `&self`, `&'a mut self`, `mut self`, `self: Box<Self>` */
export interface Receiver {
  readonly kind: 'value' | 'ref' | 'refMut' | 'typed';
  readonly type?: TypeNode;
  readonly span: Span;
}

export interface FnItem extends ItemBase {
  readonly kind: 'fn';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  readonly isConst: boolean;
  readonly isAsync: boolean;
  readonly isUnsafe: boolean;
  /** `extern "C" fn` → "C"; `extern fn` → "C"; no `extern` → undefined. */
  readonly abi?: string;
  readonly receiver?: Receiver;
  readonly params: readonly Param[];
  readonly variadic: boolean;
  readonly returns?: TypeNode;
  /** False for declarations ending in `;` (trait methods, extern block items). */
  readonly hasBody: boolean;
  /** Only for `const fn`: the body parsed as a block expression when it fits the expression grammar. */
  readonly constBody?: Expr;
  /**
   * Only for `fn ffi_inventory`: its body as token trees. An Interoptopus crate lists its exports
   * there (`InventoryBuilder::new().register(function!(f))…`); every other body is skipped unread.
   */
  readonly inventoryBody?: readonly TokenTree[];
}

export interface ModItem extends ItemBase {
  readonly kind: 'mod';
  readonly name: string;
  readonly nameSpan: Span;
  /** `mod x { … }` → the inline items; `mod x;` → undefined until module collection loads the file. */
  readonly items?: readonly Item[];
  /** True when written `mod x;` (items then come from a file). */
  readonly external: boolean;
  /** Crate-relative path of the file the items came from (set by module collection for `mod x;`). */
  readonly file?: string;
  /** Inner attributes and `//!` docs of the module body or file. */
  readonly innerAttrs: readonly Attribute[];
}

export type UseTree =
  /** `a::b` or `a::b as c`; `self` inside a group is a segment named "self". */
  | { readonly kind: 'path'; readonly path: readonly string[]; readonly rename?: string; readonly span: Span }
  /** `a::b::*` */
  | { readonly kind: 'glob'; readonly prefix: readonly string[]; readonly span: Span }
  /** `a::{b, c::d, e as f}` */
  | { readonly kind: 'group'; readonly prefix: readonly string[]; readonly trees: readonly UseTree[]; readonly span: Span };

export interface UseItem extends ItemBase {
  readonly kind: 'use';
  /** True for a leading `::`. */
  readonly global: boolean;
  readonly tree: UseTree;
}

export interface ImplItem extends ItemBase {
  readonly kind: 'impl';
  readonly generics: Generics;
  readonly isUnsafe: boolean;
  /** `impl Trait for Type`; `negative` for `impl !Send for T`. */
  readonly trait?: { readonly path: Path; readonly negative: boolean };
  readonly selfType: TypeNode;
  /** Functions, consts, type aliases and macro calls in the block. */
  readonly items: readonly Item[];
  /** Inner attributes of the block. */
  readonly innerAttrs: readonly Attribute[];
}

export interface TraitItem extends ItemBase {
  readonly kind: 'trait';
  readonly name: string;
  readonly nameSpan: Span;
  readonly generics: Generics;
  readonly isUnsafe: boolean;
  readonly items: readonly Item[];
}

/** `extern "C" { … }` / `unsafe extern "C" { … }`: imports, never exports. */
export interface ExternBlockItem extends ItemBase {
  readonly kind: 'externBlock';
  readonly abi: string;
  readonly isUnsafe: boolean;
  readonly items: readonly Item[];
}

export interface ExternCrateItem extends ItemBase {
  readonly kind: 'externCrate';
  readonly name: string;
  readonly rename?: string;
}

/** `callback!(Name(params) -> Ret)`: the callback type the support crate's macro declares. */
export interface CallbackSignature {
  readonly name: string;
  readonly nameSpan: Span;
  /** Doc comments written inside the macro, before the name. */
  readonly docs: readonly string[];
  readonly params: readonly FnPointerParam[];
  readonly returns?: TypeNode;
  readonly span: Span;
}

/** Item-position macro call, `callback!(…);`, `macro_rules! x { … }` (name set), kept as token trees. */
export interface MacroCallItem extends ItemBase {
  /** Set for `callback!(…)` whose tokens have the callback shape. */
  readonly callback?: CallbackSignature;
  readonly kind: 'macroCall';
  readonly path: Path;
  /** For `macro_rules! name`. */
  readonly name?: string;
  readonly delimiter: '(' | '[' | '{';
  readonly tokens: readonly TokenTree[];
}

export type Item =
  | StructItem
  | UnionItem
  | EnumItem
  | TypeAliasItem
  | ConstItem
  | StaticItem
  | FnItem
  | ModItem
  | UseItem
  | ImplItem
  | TraitItem
  | ExternBlockItem
  | ExternCrateItem
  | MacroCallItem;

/** One parsed file: its inner attributes (`#![…]`, `//!`) and items. */
export interface SourceFileAst {
  readonly file: string;
  readonly innerAttrs: readonly Attribute[];
  readonly docs: readonly string[];
  readonly items: readonly Item[];
}

/** The crate after module collection: `mod x;` items have `items` and `file` filled in. */
export interface CrateAst {
  readonly name: string;
  /** Crate-relative path of the root file, e.g. "src/lib.rs". */
  readonly rootFile: string;
  readonly root: SourceFileAst;
}

/** Items that carry a name, for helpers and reports. */
export type NamedItem = Extract<Item, { readonly name: string; readonly nameSpan: Span }>;
