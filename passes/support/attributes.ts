/**
 * Reading the attributes interopc cares about: `repr`, `ffi_type` (and Interoptopus' spellings),
 * export markers (`no_mangle`, `export_name`, `ffi_function`, `ffi_constant`).
 */
import type { Attribute, Meta } from '../../compiler/syntax/ast.js';
import type { FfiTypeOptions, Repr } from '../../compiler/hir.js';

const intReprs = new Set(['u8', 'u16', 'u32', 'u64', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize']);

/**
 * Whether the last segment of an attribute path is `name` (`interopc::ffi_type` → `ffi_type`).
 * Compared in place rather than sliced: every item's attributes are asked several times.
 */
function isNamed(path: string, name: string): boolean {
  if (path.length === name.length) return path === name;
  return path.length > name.length && path.charCodeAt(path.length - name.length - 1) === 0x3a /* : */ && path.endsWith(name);
}

export function hasAttribute(attrs: readonly Attribute[], name: string): boolean {
  for (const a of attrs) if (isNamed(a.path, name)) return true;
  return false;
}

export function findAttribute(attrs: readonly Attribute[], name: string): Attribute | undefined {
  for (const a of attrs) if (isNamed(a.path, name)) return a;
  return undefined;
}

function intLiteral(meta: Meta): number | undefined {
  if (meta.kind === 'literal' && meta.value.kind === 'int') return Number(meta.value.value);
  return undefined;
}

export function readRepr(attrs: readonly Attribute[]): Repr {
  let repr: { -readonly [K in keyof Repr]: Repr[K] } = { c: false, transparent: false };
  for (const a of attrs) {
    if (a.path !== 'repr' || a.meta?.kind !== 'list') continue;
    for (const item of a.meta.items) {
      if (item.kind === 'word') {
        if (item.path === 'C') repr.c = true;
        else if (item.path === 'transparent') repr.transparent = true;
        else if (item.path === 'packed') repr.packed = 1;
        else if (intReprs.has(item.path)) repr.int = item.path as Repr['int'];
      } else if (item.kind === 'list' && item.items[0]) {
        const n = intLiteral(item.items[0]);
        if (item.path === 'packed' && n !== undefined) repr.packed = n;
        if (item.path === 'align' && n !== undefined) repr.align = n;
      }
    }
  }
  return repr;
}

/** `#[ffi_type(…)]` options, or undefined when the attribute is absent. */
export function readFfiType(attrs: readonly Attribute[]): FfiTypeOptions | undefined {
  const attr = findAttribute(attrs, 'ffi_type');
  if (!attr) return undefined;
  const options = { opaque: false, transparent: false, packed: false, error: false, skip: [] as string[], name: undefined as string | undefined };
  const items = attr.meta?.kind === 'list' ? attr.meta.items : [];
  for (const item of items) {
    if (item.kind === 'word') {
      if (item.path === 'opaque') options.opaque = true;
      if (item.path === 'transparent') options.transparent = true;
      if (item.path === 'packed') options.packed = true;
      if (item.path === 'error') options.error = true;
    } else if (item.kind === 'nameValue' && item.path === 'name' && item.value.kind === 'str') options.name = item.value.value;
    else if (item.kind === 'list' && item.path === 'patterns' && item.items.some((m) => m.kind === 'word' && m.path === 'ffi_error')) options.error = true;
    else if (item.kind === 'list' && item.path === 'skip') options.skip.push(...item.items.flatMap((m) => (m.kind === 'word' ? [m.path] : [])));
  }
  const { name, ...rest } = options;
  return name !== undefined ? { ...rest, name } : rest;
}

/** The symbol a function is exported under, or undefined when it carries no export marker. */
export function exportNameOf(name: string, attrs: readonly Attribute[]): string | undefined {
  for (const a of attrs) {
    const meta = a.meta;
    if (a.path === 'no_mangle') return name;
    if (a.path === 'export_name' && meta?.kind === 'nameValue' && meta.value.kind === 'str') return meta.value.value;
    if (a.path === 'unsafe' && meta?.kind === 'list') {
      for (const inner of meta.items) {
        if (inner.kind === 'word' && inner.path === 'no_mangle') return name;
        if (inner.kind === 'nameValue' && inner.path === 'export_name' && inner.value.kind === 'str') return inner.value.value;
      }
    }
  }
  return hasAttribute(attrs, 'ffi_function') ? name : undefined;
}
