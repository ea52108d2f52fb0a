/**
 * IR types as ctypes expressions. Enums cross as their repr's integer type (their `IntEnum` class is
 * for Python code), opaque types and `void` pointees as `c_void_p`, function pointers as `CFUNCTYPE`.
 */
import type { IrPrimitive, IrTypeDecl, TypeId, TypeRef } from '../../compiler/ir.js';
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

export class PyTypes {
  constructor(private readonly index: ReadonlyMap<TypeId, IrTypeDecl>) {}

  /**
   * A parameter's ctypes type: like `of`, but an `AsciiPointer` also takes `str` (`_Utf8`). Fields
   * keep `c_char_p`: ctypes returns subclasses of its simple types as objects, not values.
   */
  param(t: TypeRef): string {
    if (t.kind === 'named' && this.isString(t)) return '_Utf8';
    return this.of(t);
  }

  /** True for the `AsciiPointer` pattern. */
  isString(t: TypeRef): boolean {
    if (t.kind !== 'named') return false;
    const decl = this.index.get(t.id);
    return decl?.kind === 'alias' && decl.pattern?.kind === 'string';
  }

  /** The error enum a function's result is, when it is one. */
  errorEnum(t: TypeRef): string | undefined {
    if (t.kind !== 'named') return undefined;
    const decl = this.index.get(t.id);
    return decl?.kind === 'enum' && decl.pattern ? pyName(decl.name) : undefined;
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
