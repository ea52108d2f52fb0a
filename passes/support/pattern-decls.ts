/**
 * IR declarations of the support crate's pattern types (`crates/interopc`). Each is the C layout
 * the Rust type has, plus a `pattern` saying what it means; they are created on first use, like
 * generic instances.
 */
import type { IrAlias, IrErrorPattern, IrStruct, TypeRef } from '../../compiler/ir.js';
import type { Span } from '../../compiler/source.js';

/** `Slice<T>` / `SliceMut<T>`: `{ data: *const T, len: u64 }` (`*mut T` for `SliceMut`). */
export function sliceDecl(id: string, name: string, element: TypeRef, mutable: boolean, span: Span): IrStruct {
  return {
    kind: 'struct',
    id,
    name,
    rustType: id,
    docs: [],
    span,
    nameSpan: span,
    pattern: { kind: 'slice', element, mutable },
    shape: 'named',
    transparent: false,
    fields: [
      { name: 'data', rustName: 'data', type: { kind: 'pointer', mutable, nullable: true, pointee: element }, docs: [], isPublic: true },
      { name: 'len', rustName: 'len', type: { kind: 'primitive', name: 'u64' }, docs: [], isPublic: true },
    ],
  };
}

/** `FfiOption<T>`: `{ t: T, is_some: u8 }`. */
export function optionDecl(id: string, name: string, value: TypeRef, span: Span): IrStruct {
  return {
    kind: 'struct',
    id,
    name,
    rustType: id,
    docs: [],
    span,
    nameSpan: span,
    pattern: { kind: 'option', value },
    shape: 'named',
    transparent: false,
    fields: [
      { name: 't', rustName: 't', type: value, docs: [], isPublic: true },
      { name: 'is_some', rustName: 'is_some', type: { kind: 'primitive', name: 'u8' }, docs: [], isPublic: true },
    ],
  };
}

/** `Bool` (a `u8`) and `AsciiPointer` (a nullable `const char*`). */
export function scalarPatternDecl(which: 'Bool' | 'AsciiPointer', span: Span): IrAlias {
  const id = `interopc::${which}`;
  return which === 'Bool'
    ? { kind: 'alias', id, name: 'Bool', rustType: id, docs: [], span, nameSpan: span, target: { kind: 'primitive', name: 'u8' }, pattern: { kind: 'bool' } }
    : {
        kind: 'alias',
        id,
        name: 'AsciiPointer',
        rustType: `${id}<'static>`,
        docs: [],
        span,
        nameSpan: span,
        target: { kind: 'pointer', mutable: false, nullable: true, pointee: { kind: 'primitive', name: 'c_char' } },
        pattern: { kind: 'string' },
      };
}

/** Variant names an error enum needs, by role; the first name listed is the one suggested. */
export const errorRoles = { success: ['Ok', 'Success'], null: ['Null'], panic: ['Panic'] } as const;

/** The error pattern of an enum with these variants, or undefined when a role has no variant. */
export function errorPattern(variants: readonly string[]): IrErrorPattern | undefined {
  const find = (names: readonly string[]): string | undefined => variants.find((v) => names.includes(v));
  const success = find(errorRoles.success);
  const nullValue = find(errorRoles.null);
  const panic = find(errorRoles.panic);
  return success && nullValue && panic ? { kind: 'error', success, null: nullValue, panic } : undefined;
}

/** The roles an error enum with these variants lacks, as the variant names to add. */
export function missingErrorVariants(variants: readonly string[]): string[] {
  return Object.values(errorRoles).flatMap((names) => (variants.some((v) => (names as readonly string[]).includes(v)) ? [] : [names[0]]));
}
