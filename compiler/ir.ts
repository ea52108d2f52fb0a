/**
 * The IR: the normalized, target-independent description of a crate's exported C ABI. Emitters read
 * only this. It is plain JSON (integers that may exceed 2^53 are decimal strings), versioned by
 * `irVersion`, and printed by `interopc build --dump-ir`; an out-of-tree emitter may read it.
 *
 * Invariants after the last pass (`order-declarations`):
 * - every `named` TypeRef points at a declaration in `types`;
 * - `types` is in dependency order: a declaration comes after every type it contains by value
 *   (pointer-only references may point forward; emitters forward-declare those);
 * - every struct, union and enum has `layout`, and every struct/union field has `offset`;
 * - names are unique per kind of namespace (types+constants, functions).
 */
import type { Span } from './source.js';
import { InternalError } from './assert.js';

export const IR_VERSION = 1;

export type IrPrimitive =
  | 'void'
  | 'bool'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'usize'
  | 'i8' | 'i16' | 'i32' | 'i64' | 'isize'
  | 'f32' | 'f64'
  /** Rust `char`: a Unicode scalar value, 4 bytes (C `uint32_t`). */
  | 'char'
  /** C `char`. */
  | 'c_char';

/** Id of a type declaration: its canonical Rust type, e.g. "crate::Generic<u32>". */
export type TypeId = string;

export type TypeRef =
  /** `void` only as a return type or pointee. */
  | { readonly kind: 'primitive'; readonly name: IrPrimitive }
  /**
   * A declaration by id. `nullable` only for `Option<F>` of a callback alias `F`: the alias itself
   * (its typedef, delegate or class), where null is allowed even if `F` alone does not allow it.
   */
  | { readonly kind: 'named'; readonly id: TypeId; readonly nullable?: true }
  /**
   * `*const T`/`*mut T` (nullable), `&T`/`&mut T`/`NonNull<T>` (not nullable),
   * `Option<&T>`/`Option<NonNull<T>>` (nullable).
   */
  | { readonly kind: 'pointer'; readonly mutable: boolean; readonly nullable: boolean; readonly pointee: TypeRef }
  | { readonly kind: 'array'; readonly element: TypeRef; readonly length: number }
  /** `extern "C" fn(…)`; nullable inside `Option`. Named callback types are `alias` declarations. */
  | { readonly kind: 'fnPointer'; readonly nullable: boolean; readonly signature: IrSignature };

export interface IrParam {
  /** Rust parameter name; `_` as written, and `arg<i>` for a function pointer's unnamed parameter. */
  readonly name: string;
  readonly type: TypeRef;
}

export interface IrSignature {
  readonly params: readonly IrParam[];
  readonly returns: TypeRef;
}

export interface Layout {
  readonly size: number;
  readonly align: number;
}

interface IrDeclBase {
  readonly id: TypeId;
  /**
   * Emitted name before target casing: the Rust name, `#[ffi_type(name = …)]`, a rename rule, or for
   * generic instances the base name and arguments joined by `_` (`Generic_u32`).
   */
  readonly name: string;
  /** Fully qualified Rust type, usable in generated Rust code (the layout probe): "crate::a::Vec". */
  readonly rustType: string;
  /** Doc comment lines as written after `///` (markdown kept). */
  readonly docs: readonly string[];
  /** The item's definition in the crate (attributes included). */
  readonly span: Span;
  /** The item's name in its definition: where diagnostics about the type point. */
  readonly nameSpan: Span;
}

export interface IrField {
  /** Emitted name; tuple fields are "_0", "_1", … */
  readonly name: string;
  /** Name in Rust ("0" for tuple fields). */
  readonly rustName: string;
  readonly type: TypeRef;
  readonly docs: readonly string[];
  /** Private Rust fields stay in the layout; idiomatic wrappers do not expose them. */
  readonly isPublic: boolean;
  /** Byte offset, set by `compute-layout`. */
  readonly offset?: number;
}

/**
 * What a pattern struct means to the idiomatic backends. The C layout is the struct itself; C
 * emits it like any other.
 */
export type IrStructPattern =
  /** `Slice<T>` / `SliceMut<T>`: fields `data` (nullable pointer to `element`) and `len` (`u64`). */
  | { readonly kind: 'slice'; readonly element: TypeRef; readonly mutable: boolean }
  /** `FfiOption<T>`: fields `t` (the value) and `is_some` (`u8`, nonzero when present). */
  | { readonly kind: 'option'; readonly value: TypeRef };

/** What a pattern alias means to the idiomatic backends; C sees the target type. */
export type IrAliasPattern =
  /** `Bool`: a `u8`, nonzero meaning true. */
  | { readonly kind: 'bool' }
  /** `AsciiPointer`: a nullable `const char*` to a NUL-terminated UTF-8 string. */
  | { readonly kind: 'string' }
  /** A `callback!` type: a nullable function pointer; idiomatic backends accept a function. */
  | { readonly kind: 'callback' };

export interface IrStruct extends IrDeclBase {
  readonly kind: 'struct';
  /** Set for the support crate's pattern types (slices, options). */
  readonly pattern?: IrStructPattern;
  readonly shape: 'named' | 'tuple';
  /** `repr(transparent)`: the ABI of its single non-zero-sized field. */
  readonly transparent: boolean;
  /** `repr(packed(N))` */
  readonly packed?: number;
  /** `repr(align(N))` */
  readonly align?: number;
  readonly fields: readonly IrField[];
  readonly layout?: Layout;
}

export interface IrUnion extends IrDeclBase {
  readonly kind: 'union';
  readonly packed?: number;
  readonly align?: number;
  readonly fields: readonly IrField[];
  readonly layout?: Layout;
}

export type EnumRepr = 'u8' | 'u16' | 'u32' | 'u64' | 'i8' | 'i16' | 'i32' | 'i64' | 'usize' | 'isize' | 'c_int';

export interface IrVariant {
  readonly name: string;
  /** Exact discriminant as a decimal string. */
  readonly value: string;
  readonly docs: readonly string[];
}

/**
 * An error enum (`#[ffi_type(error)]`, Interoptopus' `patterns(ffi_error)`): functions returning it
 * report failure through it, and idiomatic backends turn values other than `success` into
 * exceptions. The fields name the variants with those roles.
 */
export interface IrErrorPattern {
  readonly kind: 'error';
  /** `Ok` or `Success`: the value 0 by convention. */
  readonly success: string;
  /** Returned when a required pointer was null. */
  readonly null: string;
  /** Returned when Rust panicked and the panic was caught at the boundary. */
  readonly panic: string;
}

export interface IrEnum extends IrDeclBase {
  readonly kind: 'enum';
  readonly pattern?: IrErrorPattern;
  /** `repr(u8)` etc.; `repr(C)` alone is `c_int`. */
  readonly repr: EnumRepr;
  readonly variants: readonly IrVariant[];
  readonly layout?: Layout;
}

/** A type only ever used behind pointers (or `#[ffi_type(opaque)]`). */
export interface IrOpaque extends IrDeclBase {
  readonly kind: 'opaque';
}

/** `type X = …;` kept as a named alias (callback types, generic instances, primitives). */
export interface IrAlias extends IrDeclBase {
  readonly kind: 'alias';
  readonly target: TypeRef;
  /** Set for the support crate's `Bool` and `AsciiPointer`, and for `callback!` types. */
  readonly pattern?: IrAliasPattern;
}

export type IrTypeDecl = IrStruct | IrUnion | IrEnum | IrOpaque | IrAlias;

export type IrConstValue =
  /** Exact decimal. */
  | { readonly kind: 'int'; readonly value: string }
  /** Shortest text that round-trips at the constant's precision: "1.1754944e-38" (an f32), "inf", "-inf", "NaN". */
  | { readonly kind: 'float'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** Unicode scalar value. */
  | { readonly kind: 'char'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

export interface IrConstant {
  readonly id: string;
  readonly name: string;
  readonly rustPath: string;
  /** `&str` constants have type non-null `*const c_char` (a NUL-terminated string in C). */
  readonly type: TypeRef;
  readonly value: IrConstValue;
  readonly docs: readonly string[];
  readonly span: Span;
}

export interface IrFunction {
  /** The exported symbol. */
  readonly name: string;
  readonly rustPath: string;
  readonly signature: IrSignature;
  readonly docs: readonly string[];
  readonly isUnsafe: boolean;
  readonly span: Span;
}

/** The file interopc writes beside the API guard (`const API_HASH: u64 = …;`), which it `include!`s. */
export const API_GUARD_FILE = 'interopc_api.rs';

export type IrPanicPolicy = 'ffi_error' | 'return_default' | 'abort';

/** A service method: which shim, and how its result and panics reach the caller. */
export interface IrServiceMethod {
  /** The shim's exported symbol (an entry of `functions`). */
  readonly function: string;
  /** The Rust method's name (idiomatic backends derive theirs from it). */
  readonly name: string;
  /** `&mut self`: the handle parameter is `T*`; `&self`: `const T*`. */
  readonly mutable: boolean;
  /**
   * `error`: the shim returns the error enum (Rust `Result<(), E>`); `out`: it returns the error
   * enum and writes the value through its last parameter (`Result<U, E>`); `value`: it returns
   * the value itself.
   */
  readonly result: 'error' | 'out' | 'value';
  /** What a Rust panic in the method becomes: the error's panic value, `Default`, or an abort. */
  readonly onPanic: IrPanicPolicy;
}

/** A service constructor: which shim, and the Rust associated function's name. */
export interface IrServiceConstructor {
  /** The shim's exported symbol (an entry of `functions`). */
  readonly function: string;
  /** The Rust constructor's name (idiomatic backends derive theirs from it). */
  readonly name: string;
}

/**
 * A service (`#[ffi_service]`, contracts.md §5): an opaque handle with constructors, methods and a
 * destructor, all of them ordinary exported functions in `functions`. Idiomatic backends make it a
 * class; C sees only the functions.
 */
export interface IrService {
  /** The Rust type's name. */
  readonly name: string;
  /** The opaque handle type. */
  readonly handle: TypeId;
  /** The error enum its shims return. */
  readonly error: TypeId;
  readonly docs: readonly string[];
  readonly span: Span;
  /** `E ctor(T** out, args…)` shims, each with its Rust constructor's name. */
  readonly constructors: readonly IrServiceConstructor[];
  /** Shim symbol: `E destroy(T** handle)`, which nulls the handle. */
  readonly destructor: string;
  readonly methods: readonly IrServiceMethod[];
}

export interface IrModule {
  readonly irVersion: typeof IR_VERSION;
  readonly crate: { readonly name: string };
  readonly target: { readonly triple: string; readonly pointerWidth: 4 | 8 };
  readonly types: readonly IrTypeDecl[];
  readonly functions: readonly IrFunction[];
  readonly constants: readonly IrConstant[];
  readonly services: readonly IrService[];
  /**
   * The API guard (`#[ffi_api_guard]`, contracts.md §6): the symbol of the exported `u64` function
   * that returns the hash of the API without itself. Backends compare it with the hash they were
   * generated for when they bind the library.
   */
  readonly apiGuard?: { readonly function: string; readonly span: Span };
}

// ---------------------------------------------------------------------------------------------
// Helpers every pass and emitter needs

export const prim = (name: IrPrimitive): TypeRef => ({ kind: 'primitive', name });
export const named = (id: TypeId): TypeRef => ({ kind: 'named', id });

const typeIndexes = new WeakMap<readonly IrTypeDecl[], ReadonlyMap<TypeId, IrTypeDecl>>();

/**
 * Index of declarations by id (the last one of an id wins). Made once per list of declarations:
 * the API hash and every emitter ask for it, and a large crate has tens of thousands.
 */
export function typeIndex(ir: Pick<IrModule, 'types'>): ReadonlyMap<TypeId, IrTypeDecl> {
  let index = typeIndexes.get(ir.types);
  if (!index) {
    const byId = new Map<TypeId, IrTypeDecl>();
    for (const t of ir.types) byId.set(t.id, t);
    typeIndexes.set(ir.types, (index = byId));
  }
  return index;
}

/** The layout a struct, union or enum must have once `compute-layout` ran. */
export function layoutOf(decl: IrStruct | IrUnion | IrEnum): Layout {
  if (!decl.layout) throw new InternalError(`layout of ${decl.id} requested before compute-layout`);
  return decl.layout;
}

/** Size and alignment of a primitive or an enum repr, for pointers of `pointer` bytes (C rules). */
export function primitiveLayout(name: IrPrimitive | EnumRepr, pointer: number): Layout {
  switch (name) {
    case 'bool': case 'u8': case 'i8': case 'c_char': return { size: 1, align: 1 };
    case 'u16': case 'i16': return { size: 2, align: 2 };
    case 'u32': case 'i32': case 'f32': case 'char': case 'c_int': return { size: 4, align: 4 };
    case 'u64': case 'i64': case 'f64': return { size: 8, align: 8 };
    case 'usize': case 'isize': return { size: pointer, align: pointer };
    case 'void': throw new InternalError('no layout for void');
  }
}

/**
 * Size and alignment of a type used by value: the C rules for primitives, pointers and arrays, and
 * `declared(id)` for named types (undefined when a named type has none). `compute-layout` passes
 * the layouts it is computing; emitters pass the IR's via `declaredLayout`.
 */
export function layoutOfType(t: TypeRef, pointer: number, declared: (id: TypeId) => Layout | undefined): Layout | undefined {
  switch (t.kind) {
    case 'primitive':
      return primitiveLayout(t.name, pointer);
    case 'pointer':
    case 'fnPointer':
      return { size: pointer, align: pointer };
    case 'array': {
      const element = layoutOfType(t.element, pointer, declared);
      return element ? { size: element.size * t.length, align: element.align } : undefined;
    }
    case 'named':
      return declared(t.id);
  }
}

/** `declared` for `layoutOfType` once `compute-layout` ran: aliases are their target's layout. */
export function declaredLayout(index: ReadonlyMap<TypeId, IrTypeDecl>, pointer: number): (id: TypeId) => Layout | undefined {
  const declared = (id: TypeId): Layout | undefined => {
    const decl = index.get(id);
    if (decl?.kind === 'alias') return layoutOfType(decl.target, pointer, declared);
    return decl?.kind === 'opaque' ? undefined : decl?.layout;
  };
  return declared;
}

export function offsetOf(field: IrField): number {
  if (field.offset === undefined) throw new InternalError(`offset of field ${field.name} requested before compute-layout`);
  return field.offset;
}

/** Calls `visit` for every TypeRef inside `type` (itself included), outermost first. */
export function forEachTypeRef(type: TypeRef, visit: (t: TypeRef) => void): void {
  visit(type);
  switch (type.kind) {
    case 'primitive':
    case 'named':
      return;
    case 'pointer':
      return forEachTypeRef(type.pointee, visit);
    case 'array':
      return forEachTypeRef(type.element, visit);
    case 'fnPointer':
      for (const p of type.signature.params) forEachTypeRef(p.type, visit);
      return forEachTypeRef(type.signature.returns, visit);
  }
}

/** Every TypeRef a declaration mentions directly (fields, alias target). */
export function typeRefsOfDecl(decl: IrTypeDecl): readonly TypeRef[] {
  switch (decl.kind) {
    case 'struct':
    case 'union':
      return decl.fields.map((f) => f.type);
    case 'alias':
      return [decl.target];
    case 'enum':
    case 'opaque':
      return [];
  }
}

/** Ids of the declarations `type` needs complete (by value), not through a pointer or function pointer. */
export function byValueDependencies(type: TypeRef): TypeId[] {
  switch (type.kind) {
    case 'named':
      return [type.id];
    case 'array':
      return byValueDependencies(type.element);
    case 'primitive':
    case 'pointer':
    case 'fnPointer':
      return [];
  }
}

/** Follows aliases to the underlying TypeRef. */
export function resolveAlias(type: TypeRef, index: ReadonlyMap<TypeId, IrTypeDecl>): TypeRef {
  let current = type;
  for (let guard = 0; guard < 100 && current.kind === 'named'; guard++) {
    const decl = index.get(current.id);
    if (!decl || decl.kind !== 'alias') return current;
    current = decl.target;
  }
  return current;
}

/** JSON for `--dump-ir` and goldens: stable key order as declared, bigint as decimal strings. */
export function irToJson(value: unknown): string {
  // Earlier stages hold Maps (the HIR's definitions): printed as objects, in insertion order.
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v), 2);
}
