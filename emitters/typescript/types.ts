/**
 * IR types → koffi type expressions and TypeScript types. Two TypeScript views exist: the raw one
 * (what koffi accepts and returns: 64-bit integers as `number | bigint`, pointers as `bigint`) and
 * the idiomatic one (64-bit results as `bigint`, `Bool` as `boolean`, slices as arrays, options as
 * `T | undefined`, callbacks as functions), which `convert.ts` bridges.
 */
import type { IrPrimitive, IrSignature, IrStruct, IrUnion, IrTypeDecl, TypeId, TypeRef } from '../../compiler/ir.js';
import { arr, call, id, num, str, t, tArray, tBigint, tBoolean, tFunction, tNull, tNumber, tReadonlyArray, tRef, tString, tUndefined, tUnion, tVoid, param } from './ast.js';
import { decodedSliceName, handleTypeName, inlineProtoName, moduleNames, paramNames, typeName } from './names.js';

const koffiPrimitives: Record<IrPrimitive, string> = {
  void: 'void', bool: 'bool', u8: 'uint8_t', u16: 'uint16_t', u32: 'uint32_t', u64: 'uint64_t', usize: 'size_t',
  i8: 'int8_t', i16: 'int16_t', i32: 'int32_t', i64: 'int64_t', isize: 'intptr_t', f32: 'float', f64: 'double', char: 'uint32_t', c_char: 'char',
};

const enumReprs: Record<string, IrPrimitive> = { c_int: 'i32', u8: 'u8', u16: 'u16', u32: 'u32', u64: 'u64', i8: 'i8', i16: 'i16', i32: 'i32', i64: 'i64', usize: 'usize', isize: 'isize' };

/** Typed array class per primitive: what a slice of it takes without copying. */
const typedArrays: Partial<Record<IrPrimitive, string>> = {
  u8: 'Uint8Array', u16: 'Uint16Array', u32: 'Uint32Array', u64: 'BigUint64Array', usize: 'BigUint64Array',
  i8: 'Int8Array', i16: 'Int16Array', i32: 'Int32Array', i64: 'BigInt64Array', isize: 'BigInt64Array',
  f32: 'Float32Array', f64: 'Float64Array', char: 'Uint32Array', c_char: 'Int8Array',
};

const is64 = (p: IrPrimitive): boolean => p === 'u64' || p === 'i64' || p === 'usize' || p === 'isize';

export type FnPointer = Extract<TypeRef, { kind: 'fnPointer' }>;

/** What a TypeRef means to the idiomatic layer, after aliases. */
export type Shape =
  | { readonly kind: 'void' }
  | { readonly kind: 'number'; readonly prim: IrPrimitive }
  | { readonly kind: 'bigint'; readonly prim: IrPrimitive }
  | { readonly kind: 'bool' }
  | { readonly kind: 'boolPattern' }
  | { readonly kind: 'string'; readonly nullable: boolean }
  | { readonly kind: 'enum'; readonly name: string; readonly error: boolean; readonly success: string }
  | { readonly kind: 'struct'; readonly decl: IrStruct }
  | { readonly kind: 'slice'; readonly decl: IrStruct; readonly element: TypeRef; readonly mutable: boolean }
  | { readonly kind: 'option'; readonly decl: IrStruct; readonly value: TypeRef }
  | { readonly kind: 'callback'; readonly name: string | undefined; readonly fn: FnPointer }
  | { readonly kind: 'other' };

export class TsTypes {
  /** Inline function pointer types get a module-level `koffi.proto` each, in order of use. */
  readonly inlineProtos: { readonly name: string; readonly fn: FnPointer }[] = [];

  /** Immutable slices passed to callbacks: each also gets a struct whose `data` koffi decodes by `len`. */
  readonly decodedSlices = new Set<TypeId>();

  /** Declarations whose koffi type is being built: a pointer back to one is a forward reference. */
  readonly building = new Set<TypeId>();
  /**
   * Set by the declarations: whether a type is not declared yet, and how to declare a struct ahead
   * of its members (an opaque type completed later), for a pointer to it met first.
   */
  pending: (id: TypeId) => boolean = () => false;
  forward: ((decl: IrStruct | IrUnion) => void) | undefined;

  constructor(
    readonly index: ReadonlyMap<TypeId, IrTypeDecl>,
    /** Opaque types that are service handles: their koffi type is `<Name>Handle`, their class has the name. */
    readonly serviceHandles: ReadonlySet<TypeId>,
  ) {}

  decl(id: TypeId): IrTypeDecl | undefined {
    return this.index.get(id);
  }

  /** The module-level name holding a declaration's koffi type. */
  koffiName(decl: IrTypeDecl): string {
    return this.serviceHandles.has(decl.id) ? handleTypeName(decl.name) : typeName(decl.name);
  }

  shape(ref: TypeRef): Shape {
    switch (ref.kind) {
      case 'primitive':
        if (ref.name === 'void') return { kind: 'void' };
        if (ref.name === 'bool') return { kind: 'bool' };
        return is64(ref.name) ? { kind: 'bigint', prim: ref.name } : { kind: 'number', prim: ref.name };
      case 'named': {
        const decl = this.index.get(ref.id);
        if (!decl) return { kind: 'other' };
        switch (decl.kind) {
          case 'alias':
            if (decl.pattern?.kind === 'bool') return { kind: 'boolPattern' };
            if (decl.pattern?.kind === 'string') return { kind: 'string', nullable: true };
            if (decl.target.kind === 'fnPointer') return { kind: 'callback', name: decl.name, fn: ref.nullable ? { ...decl.target, nullable: true } : decl.target };
            return this.shape(decl.target);
          case 'enum':
            return { kind: 'enum', name: decl.name, error: decl.pattern !== undefined, success: decl.variants.find((v) => v.name === decl.pattern?.success)?.value ?? '0' };
          case 'struct':
            if (decl.transparent && decl.fields[0]) return this.shape(decl.fields[0].type);
            if (decl.pattern?.kind === 'slice') return { kind: 'slice', decl, element: decl.pattern.element, mutable: decl.pattern.mutable };
            if (decl.pattern?.kind === 'option') return { kind: 'option', decl, value: decl.pattern.value };
            return { kind: 'struct', decl };
          case 'union':
          case 'opaque':
            return { kind: 'other' };
        }
        return { kind: 'other' };
      }
      case 'fnPointer':
        return { kind: 'callback', name: undefined, fn: ref };
      case 'pointer':
        if (ref.pointee.kind === 'primitive' && ref.pointee.name === 'c_char' && !ref.mutable) return { kind: 'string', nullable: ref.nullable };
        return { kind: 'other' };
      case 'array':
        return { kind: 'other' };
    }
  }

  /** The typed array class for a slice element, when it is a primitive. */
  typedArray(element: TypeRef): string | undefined {
    const s = this.shape(element);
    return s.kind === 'number' || s.kind === 'bigint' ? typedArrays[s.prim] : s.kind === 'boolPattern' ? 'Uint8Array' : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // koffi

  /** The koffi type expression of a TypeRef; `param` marks a function parameter (may be `inout`). */
  koffi(ref: TypeRef, position: 'param' | 'callback' | 'other' = 'other'): t.Expression {
    switch (ref.kind) {
      case 'primitive':
        return str(koffiPrimitives[ref.name]);
      case 'named': {
        const decl = this.index.get(ref.id);
        if (!decl) return str('void');
        switch (decl.kind) {
          case 'enum':
            return str(koffiPrimitives[enumReprs[decl.repr] ?? 'i32']);
          case 'alias':
            if (decl.target.kind === 'fnPointer') return call('koffi.pointer', id(this.koffiName(decl)));
            if (decl.pattern?.kind === 'string') return str('const char *');
            return this.koffi(decl.target);
          case 'struct':
            if (decl.transparent && decl.fields[0]) return this.koffi(decl.fields[0].type);
            if (position === 'callback' && decl.pattern?.kind === 'slice' && !decl.pattern.mutable) {
              // A slice Rust lends a callback arrives decoded: koffi copies the elements into a
              // typed array (or an array) itself, faster than a view made in JS.
              this.decodedSlices.add(decl.id);
              return id(decodedSliceName(decl.name));
            }
            return id(this.koffiName(decl));
          case 'union':
          case 'opaque':
            return id(this.koffiName(decl));
        }
        return str('void');
      }
      case 'pointer': {
        const p = ref.pointee;
        if (p.kind === 'primitive' && p.name === 'void') return call('koffi.pointer', str('void'));
        if (p.kind === 'primitive' && p.name === 'c_char' && !ref.mutable) return str('const char *');
        if (p.kind === 'named' && (this.building.has(p.id) || this.pending(p.id))) {
          // koffi needs a pointee declared first: a struct or union not declared yet (itself, or one
          // on a cycle through this pointer) is declared opaque now and completed later; any other
          // declaration falls back to `void *`.
          const decl = this.index.get(p.id);
          const record = decl?.kind === 'union' || (decl?.kind === 'struct' && !(decl.transparent && decl.fields.length === 1)) ? decl : undefined;
          if (record && this.forward) {
            this.forward(record);
            return call('koffi.pointer', id(this.koffiName(record)));
          }
          return call('koffi.pointer', str('void'));
        }
        const pointer = call('koffi.pointer', this.koffi(p));
        // A `&mut` struct or number: koffi writes a JS object or array back after the call.
        const writable = ref.mutable && position === 'param' && !(p.kind === 'named' && this.index.get(p.id)?.kind === 'opaque') && p.kind !== 'fnPointer' && p.kind !== 'pointer';
        return writable ? call('koffi.inout', pointer) : pointer;
      }
      case 'array':
        return call('koffi.array', this.koffi(ref.element), num(ref.length), str('Array'));
      case 'fnPointer':
        return call('koffi.pointer', id(this.inlineProto(ref)));
    }
  }

  /** The koffi parameter list of a signature. */
  koffiParams(sig: IrSignature, callback = false): t.ArrayExpression {
    return arr(sig.params.map((p) => this.koffi(p.type, callback ? 'callback' : 'param')));
  }

  /** The module-level prototype of an unnamed function pointer type. */
  inlineProto(fn: FnPointer): string {
    const found = this.inlineProtos.find((p) => p.fn === fn);
    if (found) return found.name;
    const name = inlineProtoName(this.inlineProtos.length);
    this.inlineProtos.push({ name, fn });
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // TypeScript, raw view

  /** The raw TypeScript type: what koffi returns for (`out`) or accepts as (`in`) a value of `ref`. */
  raw(ref: TypeRef, direction: 'in' | 'out'): t.TSType {
    switch (ref.kind) {
      case 'primitive':
        if (ref.name === 'void') return tVoid();
        if (ref.name === 'bool') return tBoolean();
        return is64(ref.name) ? tUnion(tNumber(), tBigint()) : tNumber();
      case 'named': {
        const decl = this.index.get(ref.id);
        if (!decl) return t.tsUnknownKeyword();
        switch (decl.kind) {
          case 'enum':
            return tRef(typeName(decl.name));
          case 'alias':
            if (decl.pattern?.kind === 'string') return tUnion(tString(), tNull());
            if (decl.target.kind === 'fnPointer') return this.raw(decl.target, direction);
            return this.raw(decl.target, direction);
          case 'struct':
            if (decl.transparent && decl.fields[0]) return this.raw(decl.fields[0].type, direction);
            return tRef(typeName(decl.name));
          case 'union':
            return tRef(typeName(decl.name));
          case 'opaque':
            return tRef(moduleNames.pointer);
        }
        return t.tsUnknownKeyword();
      }
      case 'pointer': {
        const p = ref.pointee;
        if (p.kind === 'primitive' && p.name === 'c_char' && !ref.mutable) return tUnion(tString(), tNull());
        const pointeeDecl = p.kind === 'named' ? this.index.get(p.id) : undefined;
        if (pointeeDecl?.kind === 'opaque') {
          return tUnion(this.serviceHandles.has(pointeeDecl.id) ? tRef(moduleNames.pointer) : tRef(typeName(pointeeDecl.name)), tNull());
        }
        if (direction === 'out') return tUnion(tRef(moduleNames.pointer), tNull());
        // koffi also takes a typed array (zero-copy), or an array or an object it copies for the call.
        const pointer = tUnion(tRef(moduleNames.pointer), tNull());
        const element = p.kind === 'pointer' || p.kind === 'fnPointer' ? pointer : this.raw(p, 'in');
        // An object converts to a pointer to one struct; anything else only as an array of values.
        const record = pointeeDecl?.kind === 'union' || (pointeeDecl?.kind === 'struct' && !(pointeeDecl.transparent && pointeeDecl.fields.length === 1));
        const pointee = p.kind === 'primitive' && p.name === 'void' ? [] : record ? [element, tArray(element)] : [tArray(element)];
        return tUnion(tRef(moduleNames.pointer), tRef('ArrayBufferView'), ...pointee, tNull());
      }
      case 'array':
        return tArray(this.raw(ref.element, direction));
      case 'fnPointer':
        return direction === 'in' ? tUnion(this.rawFunction(ref), tRef(moduleNames.pointer), tNull()) : tUnion(tRef(moduleNames.pointer), tNull());
    }
  }

  /** `(x: number) => number`: a callback as koffi calls it (raw argument values). */
  rawFunction(fn: FnPointer): t.TSFunctionType {
    const names = paramNames(fn.signature.params.map((p) => p.name));
    return tFunction(
      fn.signature.params.map((p, i) => param(names[i] ?? `arg${i}`, this.raw(p.type, 'out'))),
      this.raw(fn.signature.returns, 'in'),
    );
  }

  // -------------------------------------------------------------------------------------------
  // TypeScript, idiomatic view

  /** The idiomatic TypeScript type of a parameter (`in`) or result (`out`). */
  idiomatic(ref: TypeRef, direction: 'in' | 'out'): t.TSType {
    const s = this.shape(ref);
    switch (s.kind) {
      case 'void':
        return tVoid();
      case 'number':
        return tNumber();
      case 'bigint':
        return direction === 'in' ? tUnion(tBigint(), tNumber()) : tBigint();
      case 'bool':
      case 'boolPattern':
        return tBoolean();
      case 'string':
        return direction === 'in' ? tUnion(tString(), tNull()) : s.nullable ? tUnion(tString(), tNull()) : tString();
      case 'enum':
        return tRef(typeName(s.name));
      case 'struct':
        return tRef(typeName(s.decl.name));
      case 'slice': {
        const typed = this.typedArray(s.element);
        const element = this.idiomatic(s.element, direction);
        if (direction === 'out') return typed ? tRef(typed) : tArray(element);
        if (s.mutable) return typed ? tRef(typed) : tArray(element);
        return tUnion(...(typed ? [tRef(typed)] : []), tReadonlyArray(element));
      }
      case 'option':
        return tUnion(this.idiomatic(s.value, direction), tUndefined());
      case 'callback': {
        // A named callback type has a `register…` function, so Rust may also keep one of those.
        const fn = s.name ? tRef(typeName(s.name)) : this.idiomaticFunction(s.fn);
        const types = direction === 'in' && s.name ? [fn, tRef(moduleNames.registered, tRef(typeName(s.name)))] : [fn];
        return s.fn.nullable || direction === 'out' ? tUnion(...types, tNull()) : tUnion(...types);
      }
      case 'other':
        return this.raw(ref, direction);
    }
  }

  /** A callback as the JS function the idiomatic layer takes: idiomatic arguments and result. */
  idiomaticFunction(fn: FnPointer): t.TSFunctionType {
    const names = paramNames(fn.signature.params.map((p) => p.name));
    return tFunction(
      fn.signature.params.map((p, i) => param(names[i] ?? `arg${i}`, this.callbackArgument(p.type))),
      this.callbackResult(fn.signature.returns),
    );
  }

  /** What a callback receives: slices as zero-copy typed array views (valid during the call). */
  callbackArgument(ref: TypeRef): t.TSType {
    return this.idiomatic(ref, 'out');
  }

  callbackResult(ref: TypeRef): t.TSType {
    const s = this.shape(ref);
    // A callback may return a small 64-bit value as a number; koffi takes both.
    return s.kind === 'bigint' ? tUnion(tBigint(), tNumber()) : this.idiomatic(ref, 'in');
  }
}
