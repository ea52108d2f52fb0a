/**
 * The resolved program ("HIR"): what `resolve-names` makes of the crate AST. Every definition has a
 * canonical path id (`crate::a::Point`); every type path is resolved to a definition, a primitive,
 * a known library type, a generic parameter, or left `unresolved` (an error only if an exported
 * item needs it). Expressions stay AST `Expr`s; their paths are looked up with `lookupPath` in the
 * scope of the module the expression was written in.
 *
 * Plain JSON-serializable data (bigint aside), so `--dump-ir=resolve` can print it.
 */
import type { Span } from './source.js';
import type { Attribute, Expr, ImplItem, MacroCallItem, TokenTree, Visibility } from './syntax/ast.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { IrPanicPolicy, IrServiceConstructor, IrServiceMethod } from './ir.js';

/** Canonical path of a definition, e.g. "crate::types::Vec3f32" or "crate::Service::new". */
export type DefId = string;
/** Canonical path of a module, e.g. "crate" or "crate::types". */
export type ModuleId = string;

export type PrimitiveName =
  | 'bool' | 'char'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'usize'
  | 'i8' | 'i16' | 'i32' | 'i64' | 'isize'
  | 'f32' | 'f64'
  /** `core::ffi::c_char` / `std::os::raw::c_char` / `libc::c_char`: C `char`. */
  | 'c_char'
  /** `c_void`: only meaningful behind a pointer. */
  | 'c_void';

/**
 * Library types interopc recognises by their resolved path. `u128`, `i128` and `str` are primitives
 * in Rust but have no C equivalent, so they live here to be diagnosed.
 */
export type KnownTypeName =
  | 'Option' | 'NonNull' | 'PhantomData' | 'ManuallyDrop' | 'MaybeUninit'
  /** `NonZero<T>` and `NonZeroU32`-style names: the integer; `Option` of one too (the niche). */
  | 'NonZero'
  /** Transparent over their argument: `Cell<T>`, `UnsafeCell<T>` are `T`, `Pin<P>` is `P`. */
  | 'Cell' | 'UnsafeCell' | 'Pin'
  | 'PhantomPinned'
  | 'String' | 'Vec' | 'Box' | 'Rc' | 'Arc' | 'HashMap' | 'CString' | 'CStr'
  | 'str' | 'u128' | 'i128';

/**
 * The support crate's pattern types (`crates/interopc`), also under Interoptopus' names: C layouts
 * with a meaning the idiomatic backends use (see `IrStruct.pattern`, `IrAlias.pattern`).
 */
export type PatternTypeName = 'Slice' | 'SliceMut' | 'FfiOption' | 'Bool' | 'AsciiPointer';

export type HirType =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName; readonly span: Span }
  /** `()` */
  | { readonly kind: 'unit'; readonly span: Span }
  | { readonly kind: 'never'; readonly span: Span }
  /** A struct, enum, union or type alias of this crate, with its generic arguments. */
  | { readonly kind: 'def'; readonly def: DefId; readonly args: readonly HirGenericArg[]; readonly span: Span }
  /** A generic type parameter of the enclosing definition. */
  | { readonly kind: 'param'; readonly name: string; readonly span: Span }
  | { readonly kind: 'pointer'; readonly mutable: boolean; readonly pointee: HirType; readonly span: Span }
  | { readonly kind: 'reference'; readonly mutable: boolean; readonly referent: HirType; readonly span: Span }
  /** `length` is evaluated later in the scope of `module` (and the instantiation's const params). */
  | { readonly kind: 'array'; readonly element: HirType; readonly length: Expr; readonly module: ModuleId; readonly span: Span }
  | { readonly kind: 'slice'; readonly element: HirType; readonly span: Span }
  | { readonly kind: 'tuple'; readonly elements: readonly HirType[]; readonly span: Span }
  | {
      readonly kind: 'fnPointer';
      /** "C", "system", … or undefined for the Rust ABI. */
      readonly abi?: string;
      readonly params: readonly { readonly name?: string; readonly type: HirType }[];
      readonly returns: HirType;
      readonly variadic: boolean;
      readonly span: Span;
    }
  | { readonly kind: 'known'; readonly name: KnownTypeName; readonly args: readonly HirGenericArg[]; readonly span: Span }
  /** A pattern type of `interopc` (or `interoptopus`), with its generic arguments. */
  | { readonly kind: 'pattern'; readonly name: PatternTypeName; readonly args: readonly HirGenericArg[]; readonly span: Span }
  /** A path that names nothing known; `text` as written. */
  | { readonly kind: 'unresolved'; readonly text: string; readonly span: Span }
  /** Trait objects, `impl Trait`, `_`, type macros. */
  | { readonly kind: 'unsupported'; readonly what: string; readonly span: Span };

export type HirGenericArg =
  | { readonly kind: 'type'; readonly type: HirType }
  | { readonly kind: 'const'; readonly value: Expr; readonly module: ModuleId; readonly span: Span }
  | { readonly kind: 'lifetime' };

/** `default`: what an instance that leaves the parameter out gets (`struct S<T, P = c_void>`). */
export type HirGenericParam =
  | { readonly kind: 'lifetime'; readonly name: string }
  | { readonly kind: 'type'; readonly name: string; readonly default?: HirType }
  | { readonly kind: 'const'; readonly name: string; readonly type: HirType; readonly default?: Extract<HirGenericArg, { kind: 'const' }> };

/** `#[repr(…)]` as written. */
export interface Repr {
  readonly c: boolean;
  readonly transparent: boolean;
  /** `packed` → 1, `packed(N)` → N. */
  readonly packed?: number;
  readonly align?: number;
  /** `repr(u8)` etc. on enums. */
  readonly int?: 'u8' | 'u16' | 'u32' | 'u64' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'isize';
}

/** Options of `#[ffi_type(…)]` (and Interoptopus' spellings), read by resolution. */
export interface FfiTypeOptions {
  readonly opaque: boolean;
  readonly transparent: boolean;
  readonly packed: boolean;
  readonly name?: string;
  readonly error: boolean;
  readonly skip: readonly string[];
}

interface DefBase {
  readonly id: DefId;
  readonly name: string;
  readonly module: ModuleId;
  readonly vis: Visibility;
  readonly docs: readonly string[];
  readonly attrs: readonly Attribute[];
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface HirField {
  readonly name: string;
  readonly type: HirType;
  readonly isPublic: boolean;
  readonly docs: readonly string[];
  readonly span: Span;
}

export interface StructDef extends DefBase {
  readonly kind: 'struct';
  readonly generics: readonly HirGenericParam[];
  readonly shape: 'named' | 'tuple' | 'unit';
  readonly fields: readonly HirField[];
  readonly repr: Repr;
  readonly ffiType?: FfiTypeOptions;
  /** The support crate's `Slice`/`SliceMut` and `FfiOption`, defined by `lower-pattern-types`. */
  readonly pattern?: { readonly kind: 'slice'; readonly mutable: boolean } | { readonly kind: 'option' };
}

export interface UnionDef extends DefBase {
  readonly kind: 'union';
  readonly generics: readonly HirGenericParam[];
  readonly fields: readonly HirField[];
  readonly repr: Repr;
  readonly ffiType?: FfiTypeOptions;
}

export interface HirVariant {
  readonly name: string;
  readonly docs: readonly string[];
  readonly discriminant?: Expr;
  /** Data-carrying variants keep their fields so validation can explain what is unsupported. */
  readonly fields: readonly HirField[];
  readonly span: Span;
}

export interface EnumDef extends DefBase {
  readonly kind: 'enum';
  readonly generics: readonly HirGenericParam[];
  readonly variants: readonly HirVariant[];
  readonly repr: Repr;
  readonly ffiType?: FfiTypeOptions;
  /** Set by `lower-error-enums` for `#[ffi_type(error)]`: the variants with the contract's roles. */
  readonly errorRoles?: { readonly success: string; readonly null: string; readonly panic: string };
}

export interface AliasDef extends DefBase {
  readonly kind: 'alias';
  readonly generics: readonly HirGenericParam[];
  readonly target: HirType;
  /** Declared by `callback!(…)`: a named, nullable function pointer type. */
  readonly callback?: boolean;
  /** The support crate's `Bool` and `AsciiPointer`, defined by `lower-pattern-types`. */
  readonly pattern?: 'bool' | 'string';
}

export interface ConstDef extends DefBase {
  readonly kind: 'const';
  /** `static` items are kept (for `--report`) but never exported as constants. */
  readonly isStatic: boolean;
  readonly type: HirType;
  readonly value?: Expr;
}

export interface HirParam {
  readonly name: string;
  readonly type: HirType;
  readonly span: Span;
}

export interface FnDef extends DefBase {
  readonly kind: 'fn';
  readonly generics: readonly HirGenericParam[];
  readonly params: readonly HirParam[];
  readonly returns: HirType;
  readonly abi?: string;
  readonly isUnsafe: boolean;
  readonly isConst: boolean;
  readonly variadic: boolean;
  /** The symbol it is exported under (`#[no_mangle]` → name, `export_name = "x"` → x), if any. */
  readonly exportName?: string;
  /** Parameter names and body of a `const fn` whose body parsed as an expression. */
  readonly constBody?: Expr;
  /** The `impl` self type's def, for functions declared in an `impl` block. */
  readonly implOf?: DefId;
}

export type Def = StructDef | UnionDef | EnumDef | AliasDef | ConstDef | FnDef;

/** What a name in a module refers to, per namespace. Values: consts, statics, fns. */
export interface ModuleScope {
  readonly id: ModuleId;
  readonly parent?: ModuleId;
  readonly file: string;
  /** Maps, not objects: a large crate has thousands of names per module, and globs copy them all. */
  readonly types: ReadonlyMap<string, DefId | ModuleRef>;
  readonly values: ReadonlyMap<string, DefId>;
  /** Paths of glob imports from other crates (`use std::os::raw::*` → `std::os::raw`): a name found nowhere else may come from one. */
  readonly externalGlobs?: readonly (readonly string[])[];
}

/** A name in the type namespace that refers to a module (`mod a;` or `use crate::a;`). */
export interface ModuleRef {
  readonly module: ModuleId;
}

/** Why an item the front end saw is not exported; one line per item in `--report`. */
export interface ReportEntry {
  readonly item: string;
  readonly itemKind: 'fn' | 'const' | 'static' | 'struct' | 'enum' | 'union' | 'alias' | 'mod' | 'impl' | 'trait' | 'macro' | 'use' | 'other';
  readonly status: 'exported' | 'skipped';
  /** For skipped items: a short code (e.g. "not-extern-c") and a sentence. */
  readonly reason?: string;
  readonly span: Span;
}

/** The export roots, per contracts.md §2. */
export interface ExportRoots {
  readonly functions: readonly DefId[];
  readonly constants: readonly DefId[];
  /** `include` from the config and extra types. */
  readonly types: readonly DefId[];
}

export type PanicPolicy = IrPanicPolicy;

/** A service method: as in the IR, but `function` is the shim's def, not yet its symbol. */
export type HirServiceMethod = Omit<IrServiceMethod, 'function'> & { readonly function: DefId };

/** A service constructor: the shim's def and the Rust constructor's name. */
export type HirServiceConstructor = Omit<IrServiceConstructor, 'function'> & { readonly function: DefId };

/** `#[ffi_service] impl T { … }`: the shims the macro generates, grouped. */
export interface HirService {
  readonly name: string;
  readonly module: ModuleId;
  readonly selfType: HirType;
  readonly error: HirType;
  readonly docs: readonly string[];
  readonly span: Span;
  readonly constructors: readonly HirServiceConstructor[];
  readonly destructor: DefId;
  readonly methods: readonly HirServiceMethod[];
}

/**
 * What resolution found for the lowering passes, which turn it into definitions and roots:
 * `callback!` calls (`lower-callbacks`), `#[ffi_service]` impls (`lower-services`), an
 * Interoptopus inventory (`apply-inventory`) and error enums (`lower-error-enums`).
 */
export interface PatternSources {
  readonly callbacks: readonly { readonly module: ModuleId; readonly item: MacroCallItem }[];
  readonly services: readonly {
    readonly module: ModuleId;
    readonly item: ImplItem;
    readonly attr: Attribute;
    readonly selfType: HirType;
    readonly selfName: string;
    readonly generics: readonly HirGenericParam[];
  }[];
  readonly inventory?: { readonly module: ModuleId; readonly body: readonly TokenTree[] };
  /** Enums marked `#[ffi_type(error)]` (`lower-error-enums`). */
  readonly errorEnums: readonly DefId[];
}

export interface HirProgram {
  readonly crateName: string;
  /** Left by resolution for the lowering passes; empty after them. */
  readonly patternSources: PatternSources;
  /** Every definition by id (a Map: a large crate has tens of thousands, which a dictionary-mode object stores and looks up several times slower). */
  readonly defs: ReadonlyMap<DefId, Def>;
  readonly modules: Readonly<Record<ModuleId, ModuleScope>>;
  readonly roots: ExportRoots;
  readonly services: readonly HirService[];
  /** The API guard when an Interoptopus inventory names it (`pattern!(api_guard)`); else by attribute. */
  readonly apiGuard?: DefId;
  readonly report: readonly ReportEntry[];
}

/** A constant's evaluated value. Integers are exact; floats keep their IEEE bits as a JS number. */
export type ConstValue =
  | { readonly kind: 'int'; readonly value: bigint; readonly type: PrimitiveName }
  | { readonly kind: 'float'; readonly value: number; readonly type: 'f32' | 'f64' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'char'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string };

/** After `evaluate-constants`: every constant's value, and every enum's discriminants in order. */
export interface EvaluatedProgram extends HirProgram {
  /** Value per const DefId; a const whose evaluation failed is absent (its error was reported if it is exported). */
  readonly constValues: ReadonlyMap<DefId, ConstValue>;
  /** Discriminant per enum DefId, in variant order. */
  readonly discriminants: ReadonlyMap<DefId, readonly bigint[]>;
  /**
   * Why a constant (or an enum's discriminants) could not be evaluated. Reported by this pass only for
   * exported items; a later pass that needs the value (an array length) reports the stored diagnostic.
   */
  readonly constErrors: ReadonlyMap<DefId, Diagnostic>;
}
