/**
 * IR types → C# types of the raw layer. The raw layer is blittable wherever C# allows it, so a
 * call costs what a hand-written `DllImport` costs: pointers are `IntPtr`, `Bool` is `byte`,
 * `AsciiPointer` is `IntPtr`, callbacks are delegates in signatures and `IntPtr` in fields (a
 * delegate field would make the struct non-blittable). Rust `bool` is one byte, so it is always
 * marshalled as `U1` (fields too), never as the default 4-byte Win32 BOOL.
 */
import type { IrEnum, IrModule, IrPrimitive, IrStruct, IrTypeDecl, TypeId, TypeRef } from '../../compiler/ir.js';
import { pascal, typeName } from './names.js';

const primitives: Record<IrPrimitive, string> = {
  void: 'void', bool: 'bool', u8: 'byte', u16: 'ushort', u32: 'uint', u64: 'ulong', usize: 'UIntPtr',
  i8: 'sbyte', i16: 'short', i32: 'int', i64: 'long', isize: 'IntPtr', f32: 'float', f64: 'double',
  char: 'uint', c_char: 'sbyte',
};

export const csPrimitive = (p: IrPrimitive): string => primitives[p];

/** Where a type appears: signatures may hold delegates and `ref`s, fields may not. */
export type Site = 'param' | 'return' | 'field';

export class CsTypes {
  readonly index: ReadonlyMap<TypeId, IrTypeDecl>;
  /** Delegate names of function pointer types written inline in a signature (no alias to name them). */
  private readonly inlineDelegates = new Map<TypeRef, string>();

  constructor(readonly ir: IrModule) {
    this.index = new Map(ir.types.map((t) => [t.id, t]));
  }

  /** Names the inline function pointer of a function's parameter: `callback_inline(cb)` → `CallbackInlineCbDelegate`. */
  nameInlineDelegate(type: TypeRef, functionName: string, paramName: string): string {
    const name = `${pascal(functionName)}${pascal(paramName)}Delegate`;
    this.inlineDelegates.set(type, name);
    return name;
  }

  decl(t: TypeRef): IrTypeDecl | undefined {
    return t.kind === 'named' ? this.index.get(t.id) : undefined;
  }

  /** The error enum `t` is, if any. */
  errorEnum(t: TypeRef): IrEnum | undefined {
    const d = this.decl(t);
    return d?.kind === 'enum' && d.pattern ? d : undefined;
  }

  /** The pattern struct (slice, option) `t` is, if any. */
  patternStruct(t: TypeRef): IrStruct | undefined {
    const d = this.decl(t);
    return d?.kind === 'struct' && d.pattern ? d : undefined;
  }

  isBool(t: TypeRef): boolean {
    const d = this.decl(t);
    return d?.kind === 'alias' && d.pattern?.kind === 'bool';
  }

  /** `AsciiPointer`, or a plain `*const c_char` (a NUL-terminated string in C as well). */
  isString(t: TypeRef): boolean {
    const d = this.decl(t);
    if (d?.kind === 'alias' && d.pattern?.kind === 'string') return true;
    return t.kind === 'pointer' && !t.mutable && t.pointee.kind === 'primitive' && t.pointee.name === 'c_char';
  }

  /** The delegate type of a callback (alias or inline function pointer), if `t` is one. */
  delegateName(t: TypeRef): string | undefined {
    if (t.kind === 'fnPointer') return this.inlineDelegates.get(t);
    const d = this.decl(t);
    if (d?.kind === 'alias' && d.target.kind === 'fnPointer') return typeName(d.name);
    return undefined;
  }

  /** Signature of a callback type. */
  callbackSignature(t: TypeRef): Extract<TypeRef, { kind: 'fnPointer' }>['signature'] | undefined {
    if (t.kind === 'fnPointer') return t.signature;
    const d = this.decl(t);
    return d?.kind === 'alias' && d.target.kind === 'fnPointer' ? d.target.signature : undefined;
  }

  /** Whether `t` is a pointer to an opaque handle's pointer (`T**` of service constructors and destructors). */
  isHandleOut(t: TypeRef): boolean {
    if (t.kind !== 'pointer' || t.pointee.kind !== 'pointer') return false;
    return this.decl(t.pointee.pointee)?.kind === 'opaque';
  }

  /** A blittable value C# can point at (`fixed (T* p = &x)`): primitives but `void`, structs, enums. */
  pointeeType(t: TypeRef): string | undefined {
    // `char*` is a C string or a buffer, not one char: it stays an `IntPtr`.
    if (t.kind === 'primitive') return t.name === 'void' || t.name === 'c_char' ? undefined : this.raw(t, 'field');
    const d = this.decl(t);
    if (!d || d.kind === 'opaque') return undefined;
    if (d.kind === 'alias') return d.target.kind === 'fnPointer' || d.pattern?.kind === 'string' ? undefined : this.pointeeType(d.target);
    return this.raw(t, 'field');
  }

  /** The raw layer's C# type. */
  raw(t: TypeRef, site: Site): string {
    switch (t.kind) {
      case 'primitive':
        // A Rust `bool` is `bool` everywhere, always with `[MarshalAs(U1)]` (see `marshalAttribute`).
        return primitives[t.name];
      case 'named': {
        const d = this.index.get(t.id);
        if (!d || d.kind === 'opaque') return 'IntPtr';
        if (d.kind === 'alias') {
          if (d.pattern?.kind === 'bool') return 'byte';
          if (d.pattern?.kind === 'string') return 'IntPtr';
          if (d.target.kind === 'fnPointer') return site === 'field' ? 'IntPtr' : typeName(d.name);
          return this.raw(d.target, site);
        }
        return typeName(d.name);
      }
      case 'pointer':
        return site === 'param' && this.isHandleOut(t) ? 'ref IntPtr' : 'IntPtr';
      case 'array':
        return `${this.raw(t.element, 'field')}[]`;
      case 'fnPointer':
        return site === 'field' ? 'IntPtr' : (this.inlineDelegates.get(t) ?? 'IntPtr');
    }
  }

  /** The underlying integer type of an enum's repr (C# enums cannot be `UIntPtr`). */
  enumBase(e: IrEnum): string {
    const wide = this.ir.target.pointerWidth === 8;
    switch (e.repr) {
      case 'usize':
        return wide ? 'ulong' : 'uint';
      case 'isize':
        return wide ? 'long' : 'int';
      case 'c_int':
        return 'int';
      default:
        return primitives[e.repr];
    }
  }

  /** `[MarshalAs(U1)]` for a Rust `bool` in a signature: one byte, as Rust has it. */
  marshalAttribute(t: TypeRef): string {
    return t.kind === 'primitive' && t.name === 'bool' ? '[MarshalAs(UnmanagedType.U1)] ' : '';
  }

  /** Whether a slice's element can be pinned and viewed as a span (everything but strings). */
  sliceElement(s: IrStruct): { type: string; isString: boolean } | undefined {
    if (s.pattern?.kind !== 'slice') return undefined;
    if (this.isString(s.pattern.element)) return { type: 'IntPtr', isString: true };
    return { type: this.raw(s.pattern.element, 'field'), isString: false };
  }
}
