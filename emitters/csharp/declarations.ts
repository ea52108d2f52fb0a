/**
 * Type declarations and constants. Structs are `[StructLayout(Sequential)]` (`Pack` for packed,
 * `Size` for over-aligned ones, whose alignment C# cannot state), unions `Explicit` with every
 * field's offset, arrays fixed buffers (no managed array: the struct stays blittable), enums have
 * their repr's integer type. Slice and option structs carry the methods the idiomatic layer uses.
 */
import { layoutOf, offsetOf, type IrConstant, type IrEnum, type IrField, type IrStruct, type IrUnion, type TypeRef } from '../../compiler/ir.js';
import { hardline, join, type Doc } from '../doc.js';
import { block, withLeading } from './print.js';
import { csEscape, csString, paramNames, pascal, typeName, xmlDoc } from './names.js';
import { csPrimitive, type CsTypes } from './types.js';

/** Element types C# allows in a fixed-size buffer. */
const fixedBufferTypes = new Set(['bool', 'byte', 'short', 'int', 'long', 'char', 'sbyte', 'ushort', 'uint', 'ulong', 'float', 'double']);

/** A field's C# name: PascalCase, never the name of its struct (C# forbids that). */
export function fieldName(f: IrField, structName: string): string {
  const name = pascal(f.name);
  return name === typeName(structName) ? `${name}_` : name;
}

function fieldLines(types: CsTypes, owner: IrStruct | IrUnion, f: IrField, explicit: boolean): string[] {
  const name = fieldName(f, owner.name);
  // Private Rust fields keep their place in the layout but are not part of the public surface.
  const visibility = f.isPublic ? 'public' : 'internal';
  const offset = explicit ? [`[FieldOffset(${offsetOf(f)})]`] : [];
  if (f.type.kind === 'array') {
    const element = types.raw(f.type.element, 'field');
    if (fixedBufferTypes.has(element)) return [...xmlDoc(f.docs), ...offset, `${visibility} fixed ${element} ${name}[${f.type.length}];`];
    // Structs cannot be fixed buffers: one field per element keeps the layout.
    return [...xmlDoc(f.docs), ...Array.from({ length: f.type.length }, (_, i) => `${visibility} ${element} ${name}${i};`)];
  }
  return [...xmlDoc(f.docs), ...offset, `${types.marshalAttribute(f.type)}${visibility} ${types.raw(f.type, 'field')} ${name};`];
}

function sliceMethods(types: CsTypes, s: IrStruct, spans: boolean): Doc[] {
  const element = types.sliceElement(s);
  if (!element) return [];
  const e = element.type;
  const out: Doc[] = [];
  if (spans) {
    out.push(
      `/// <summary>The elements in place (no copy); valid as long as the memory behind <c>Data</c>.</summary>`,
      `public unsafe ${s.pattern?.kind === 'slice' && s.pattern.mutable ? 'Span' : 'ReadOnlySpan'}<${e}> AsSpan() { return Data == IntPtr.Zero ? default(${s.pattern?.kind === 'slice' && s.pattern.mutable ? 'Span' : 'ReadOnlySpan'}<${e}>) : new ${s.pattern?.kind === 'slice' && s.pattern.mutable ? 'Span' : 'ReadOnlySpan'}<${e}>((void*)Data, checked((int)Len)); }`,
      '',
    );
  }
  out.push(
    '/// <summary>A copy of the elements.</summary>',
    block('public unsafe ' + `${e}[] ToArray()`, [
      `var items = new ${e}[Data == IntPtr.Zero ? 0 : checked((int)Len)];`,
      `for (var i = 0; i < items.Length; i++) items[i] = ((${e}*)Data)[i];`,
      'return items;',
    ]),
  );
  if (element.isString) {
    out.push('', '/// <summary>The strings (decoded copies).</summary>', block('public string[] ToStrings()', ['var raw = ToArray();', 'var items = new string[raw.Length];', 'for (var i = 0; i < raw.Length; i++) items[i] = InteropUtf8.Decode(raw[i]);', 'return items;']));
  }
  return out;
}

function optionMethods(types: CsTypes, s: IrStruct): Doc[] {
  if (s.pattern?.kind !== 'option') return [];
  const value = types.raw(s.pattern.value, 'field');
  const name = typeName(s.name);
  return [
    '/// <summary>The option of a nullable value.</summary>',
    '[MethodImpl(MethodImplOptions.AggressiveInlining)]',
    `public static ${name} From(${value}? value) { return value.HasValue ? new ${name} { T = value.Value, IsSome = 1 } : default(${name}); }`,
    '',
    '/// <summary>The value, or null when absent.</summary>',
    '[MethodImpl(MethodImplOptions.AggressiveInlining)]',
    `public ${value}? ToNullable() { return IsSome != 0 ? T : (${value}?)null; }`,
  ];
}

export function structDeclaration(types: CsTypes, s: IrStruct | IrUnion, spans: boolean): Doc {
  const explicit = s.kind === 'union';
  const layout = layoutOf(s);
  const args = [explicit ? 'LayoutKind.Explicit' : 'LayoutKind.Sequential'];
  if (s.packed !== undefined) args.push(`Pack = ${s.packed}`);
  if (s.align !== undefined) args.push(`Size = ${layout.size}`);
  const fields = s.fields.map((f) => join(hardline, fieldLines(types, s, f, explicit)));
  const extra = s.kind === 'struct' ? [...sliceMethods(types, s, spans), ...optionMethods(types, s)] : [];
  const hasFixed = s.fields.some((f) => f.type.kind === 'array');
  const leading = [...xmlDoc(s.docs), ...(s.align !== undefined ? [`// repr(align(${s.align})): C# cannot raise a struct's alignment; Size keeps its size.`] : []), `[StructLayout(${args.join(', ')})]`];
  return withLeading(leading, block(`public ${hasFixed ? 'unsafe ' : ''}struct ${typeName(s.name)}`, extra.length > 0 ? [...fields, '', ...extra] : fields));
}

export function enumDeclaration(types: CsTypes, e: IrEnum): Doc {
  const variants = e.variants.map((v) => join(hardline, [...xmlDoc(v.docs), `${csEscape(v.name)} = ${v.value},`]));
  return withLeading(xmlDoc(e.docs), block(`public enum ${typeName(e.name)} : ${types.enumBase(e)}`, variants));
}

export function delegateDeclaration(types: CsTypes, name: string, docs: readonly string[], signature: { params: readonly { name: string; type: TypeRef }[]; returns: TypeRef }): Doc {
  const names = paramNames(signature.params.map((p) => p.name));
  const params = signature.params.map((p, i) => `${types.marshalAttribute(p.type)}${types.raw(p.type, 'param')} ${names[i]}`).join(', ');
  return join(hardline, [
    ...xmlDoc(docs),
    '[UnmanagedFunctionPointer(CallingConvention.Cdecl)]',
    ...(types.marshalAttribute(signature.returns) ? ['[return: MarshalAs(UnmanagedType.U1)]'] : []),
    `public delegate ${types.raw(signature.returns, 'return')} ${name}(${params});`,
  ]);
}

function constantLiteral(c: IrConstant, type: string): string {
  const v = c.value;
  switch (v.kind) {
    case 'int':
      return type === 'ulong' ? `${v.value}UL` : type === 'uint' ? `${v.value}U` : type === 'long' ? `${v.value}L` : v.value;
    case 'float': {
      const t = type === 'float' ? 'float' : 'double';
      if (v.value === 'inf') return `${t}.PositiveInfinity`;
      if (v.value === '-inf') return `${t}.NegativeInfinity`;
      if (v.value === 'NaN') return `${t}.NaN`;
      return `${/[.e]/.test(v.value) ? v.value : `${v.value}.0`}${t === 'float' ? 'f' : ''}`;
    }
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'char':
      return `${v.value}U`;
    case 'string':
      return csString(v.value);
  }
}

export function constantDeclaration(types: CsTypes, c: IrConstant, name: string): Doc {
  const resolved = types.isString(c.type) || c.value.kind === 'string' ? 'string' : types.raw(c.type, 'field');
  // usize/isize constants have no C# constant type; their values fit ulong/long on every target.
  const type = resolved === 'UIntPtr' ? 'ulong' : resolved === 'IntPtr' ? 'long' : resolved;
  const primitive = c.type.kind === 'primitive' && c.type.name === 'char' ? csPrimitive('char') : type;
  return withLeading(xmlDoc(c.docs), `public const ${primitive} ${name} = ${constantLiteral(c, primitive)};`);
}
