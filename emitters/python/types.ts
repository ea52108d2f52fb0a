/**
 * IR types as ctypes expressions. Enums cross as their repr's integer type (their `IntEnum` class is
 * for Python code), opaque types and `void` pointees as `c_void_p`, function pointers as `CFUNCTYPE`.
 */
import type { IrEnum, IrField, IrPrimitive, IrSignature, IrStruct, IrTypeDecl, TypeId, TypeRef } from '../../compiler/ir.js';
import { pyName } from './names.js';

const primitives: Record<IrPrimitive, string> = {
  void: 'None',
  bool: 'ctypes.c_bool',
  u8: 'ctypes.c_uint8',
  u16: 'ctypes.c_uint16',
  u32: 'ctypes.c_uint32',
  u64: 'ctypes.c_uint64',
  usize: 'ctypes.c_size_t',
  i8: 'ctypes.c_int8',
  i16: 'ctypes.c_int16',
  i32: 'ctypes.c_int32',
  i64: 'ctypes.c_int64',
  isize: 'ctypes.c_ssize_t',
  f32: 'ctypes.c_float',
  f64: 'ctypes.c_double',
  char: 'ctypes.c_uint32',
  c_char: 'ctypes.c_char',
};

const enumReprs: Record<string, string> = {
  u8: 'ctypes.c_uint8', u16: 'ctypes.c_uint16', u32: 'ctypes.c_uint32', u64: 'ctypes.c_uint64',
  i8: 'ctypes.c_int8', i16: 'ctypes.c_int16', i32: 'ctypes.c_int32', i64: 'ctypes.c_int64',
  usize: 'ctypes.c_size_t', isize: 'ctypes.c_ssize_t', c_int: 'ctypes.c_int',
};

/** Python's view of a primitive: the type hint of a value ctypes hands over or accepts. */
const primitiveHints: Record<IrPrimitive, string> = {
  void: 'None', bool: 'bool', u8: 'int', u16: 'int', u32: 'int', u64: 'int', usize: 'int', i8: 'int', i16: 'int', i32: 'int',
  i64: 'int', isize: 'int', f32: 'float', f64: 'float', char: 'int', c_char: 'bytes',
};

export class PyTypes {
  constructor(private readonly index: ReadonlyMap<TypeId, IrTypeDecl>) {}

  decl(t: TypeRef): IrTypeDecl | undefined {
    return t.kind === 'named' ? this.index.get(t.id) : undefined;
  }

  /** True for the `AsciiPointer` pattern. */
  isString(t: TypeRef): boolean {
    const decl = this.decl(t);
    return decl?.kind === 'alias' && decl.pattern?.kind === 'string';
  }

  /** True for the `Bool` pattern. */
  isBool(t: TypeRef): boolean {
    const decl = this.decl(t);
    return decl?.kind === 'alias' && decl.pattern?.kind === 'bool';
  }

  /** The error enum a type is, when it is one. */
  errorDecl(t: TypeRef): IrEnum | undefined {
    const decl = this.decl(t);
    return decl?.kind === 'enum' && decl.pattern ? decl : undefined;
  }

  /** The error enum's class name, when the type is one. */
  errorEnum(t: TypeRef): string | undefined {
    const decl = this.errorDecl(t);
    return decl ? pyName(decl.name) : undefined;
  }

  /** A plain (not error) enum, whose values Python sees as its `IntEnum`. */
  plainEnum(t: TypeRef): IrEnum | undefined {
    const decl = this.decl(t);
    return decl?.kind === 'enum' && !decl.pattern ? decl : undefined;
  }

  /** The slice or option struct a type is. */
  patternStruct(t: TypeRef): (IrStruct & { pattern: NonNullable<IrStruct['pattern']> }) | undefined {
    const decl = this.decl(t);
    return decl?.kind === 'struct' && decl.pattern ? (decl as IrStruct & { pattern: NonNullable<IrStruct['pattern']> }) : undefined;
  }

  /** A function pointer type, directly or through an alias. */
  callback(t: TypeRef): { signature: IrSignature; alias?: string } | undefined {
    if (t.kind === 'fnPointer') return { signature: t.signature };
    const decl = this.decl(t);
    if (decl?.kind === 'alias' && decl.target.kind === 'fnPointer') return { signature: decl.target.signature, alias: pyName(decl.name) };
    return undefined;
  }

  /**
   * The type hint of a value Python code passes (`param`) or receives (`result`) in the idiomatic
   * layer, or receives (`result`) and returns (`param`) in a callback it writes.
   */
  hint(t: TypeRef, position: 'param' | 'result'): string {
    switch (t.kind) {
      case 'primitive':
        return primitiveHints[t.name];
      case 'pointer':
        if (t.pointee.kind === 'primitive' && t.pointee.name === 'c_char' && !t.mutable) return 'Optional[bytes]';
        if (t.pointee.kind === 'primitive' && t.pointee.name === 'void') return 'Optional[int]';
        // A handle: ctypes returns a `c_void_p` result as an int (None for null), and takes it back.
        if (t.pointee.kind === 'named' && this.index.get(t.pointee.id)?.kind === 'opaque') return position === 'result' ? 'Optional[int]' : 'Union[int, ctypes.c_void_p, None]';
        return this.pointerHint(t, position);
      case 'array':
        return 'Any';
      case 'fnPointer':
        return this.callableHint(t.signature);
      case 'named': {
        const decl = this.index.get(t.id);
        if (!decl) return 'Any';
        switch (decl.kind) {
          case 'enum':
            return decl.pattern || position === 'param' ? 'int' : pyName(decl.name);
          case 'opaque':
            return 'Optional[int]';
          case 'union':
            return pyName(decl.name);
          case 'struct': {
            if (decl.transparent && decl.fields.length === 1) return this.hint((decl.fields[0] as IrField).type, position);
            const p = decl.pattern;
            if (p?.kind === 'option') return `Optional[${this.hint(p.value, position)}]`;
            if (p?.kind === 'slice' && position === 'param') return this.sliceArgHint(decl.name, p.element, p.mutable);
            return pyName(decl.name);
          }
          case 'alias':
            if (decl.pattern?.kind === 'string') return position === 'param' ? 'Union[str, bytes, None]' : 'Optional[str]';
            if (decl.pattern?.kind === 'bool') return 'bool';
            return this.hint(decl.target, position);
        }
      }
    }
  }

  /**
   * A `POINTER(T)`: ctypes returns a pointer object (falsy when null, never None), and takes a `T`
   * (passed by reference), a pointer or array of `T`, `byref(…)` and, when nullable, None.
   */
  private pointerHint(t: Extract<TypeRef, { kind: 'pointer' }>, position: 'param' | 'result'): string {
    const target = this.of(t).startsWith('ctypes.POINTER(') ? this.ctypesClass(t.pointee) : undefined;
    if (!target) return 'Any';
    if (position === 'result') return `_Pointer[${target}]`;
    return t.nullable ? `Optional[_Ref[${target}]]` : `_Ref[${target}]`;
  }

  /**
   * The ctypes class of a value of type `t`, as a type expression (aliases resolved: the module's
   * aliases are variables); undefined when none names it (`void`, function pointers).
   */
  private ctypesClass(t: TypeRef): string | undefined {
    switch (t.kind) {
      case 'primitive':
        return t.name === 'void' ? undefined : primitives[t.name];
      case 'fnPointer':
        return undefined;
      case 'array': {
        const element = this.ctypesClass(t.element);
        return element && `ctypes.Array[${element}]`;
      }
      case 'pointer': {
        const expression = this.of(t);
        if (!expression.startsWith('ctypes.POINTER(')) return expression;
        const target = this.ctypesClass(t.pointee);
        return target && `_Pointer[${target}]`;
      }
      case 'named': {
        const decl = this.index.get(t.id);
        if (!decl || decl.kind === 'opaque') return 'ctypes.c_void_p';
        if (decl.kind === 'enum') return enumReprs[decl.repr] ?? 'ctypes.c_int';
        if (decl.kind === 'alias') return this.ctypesClass(decl.target);
        if (decl.kind === 'struct' && decl.transparent && decl.fields.length === 1) return this.ctypesClass((decl.fields[0] as IrField).type);
        return pyName(decl.name);
      }
    }
  }

  /** What a slice parameter accepts: the slice itself, a sequence, or a buffer (no copy). */
  private sliceArgHint(slice: string, element: TypeRef, mutable: boolean): string {
    const item = this.hint(element, 'param');
    const numeric = element.kind === 'primitive' && element.name !== 'bool';
    // A mutable slice writes back into a list (copied) or a writable buffer (shared).
    const buffer = numeric ? (mutable ? ', WriteableBuffer' : ', ReadableBuffer') : '';
    return `Union[${pyName(slice)}, ${mutable ? 'List' : 'Sequence'}[${item}]${buffer}, None]`;
  }

  /** `Callable[[…], …]` of a callback Python writes: it receives the C arguments. */
  callableHint(signature: IrSignature): string {
    const params = signature.params.map((p) => this.hint(p.type, 'result'));
    const returns = signature.returns.kind === 'primitive' && signature.returns.name === 'void' ? 'None' : this.hint(signature.returns, 'param');
    return `Callable[[${params.join(', ')}], ${returns}]`;
  }

  /** The ctypes type of a parameter in the idiomatic binding: `Bool` converts through `c_bool`. */
  bindingParam(t: TypeRef): string {
    return this.isBool(t) ? 'ctypes.c_bool' : this.of(t);
  }

  /** The ctypes expression of a type. */
  of(t: TypeRef): string {
    switch (t.kind) {
      case 'primitive':
        return primitives[t.name];
      case 'named': {
        const decl = this.index.get(t.id);
        if (!decl) return 'ctypes.c_void_p';
        if (decl.kind === 'enum') return enumReprs[decl.repr] ?? 'ctypes.c_int';
        if (decl.kind === 'opaque') return 'ctypes.c_void_p';
        return pyName(decl.name);
      }
      case 'pointer': {
        const p = t.pointee;
        if (p.kind === 'primitive' && p.name === 'void') return 'ctypes.c_void_p';
        // A `const char*` reads as bytes; a writable one stays a pointer to fill.
        if (p.kind === 'primitive' && p.name === 'c_char' && !t.mutable) return 'ctypes.c_char_p';
        if (p.kind === 'named' && this.index.get(p.id)?.kind === 'opaque') return 'ctypes.c_void_p';
        if (p.kind === 'fnPointer') return 'ctypes.c_void_p';
        return `ctypes.POINTER(${this.of(p)})`;
      }
      case 'array':
        return `${this.of(t.element)} * ${t.length}`;
      case 'fnPointer':
        return `ctypes.CFUNCTYPE(${[this.of(t.signature.returns), ...t.signature.params.map((p) => this.of(p.type))].join(', ')})`;
    }
  }
}
