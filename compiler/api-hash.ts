/**
 * The API guard hash (contracts.md §6): FNV-1a 64 over the canonical JSON of the exported ABI —
 * function symbols and signatures, type names and layouts, constant values — with keys sorted and
 * no docs, spans or parameter names, so it changes exactly when the binary interface does.
 */
import type { IrModule, TypeRef } from './ir.js';

/**
 * FNV-1a 64 over the UTF-8 bytes of `text`. The 64-bit state is kept in four 16-bit limbs of plain
 * numbers (exact in doubles), which is many times faster than BigInt arithmetic per byte.
 * Multiplying by the prime 2^40 + 0x1b3 is `h * 0x1b3 + (h << 40)`.
 */
export function fnv1a64(text: string): bigint {
  // 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of Buffer.from(text, 'utf8')) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + ((h0 << 8) & 0xffff);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (((h1 << 8) | (h0 >>> 8)) & 0xffff);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return (BigInt(h3) << 48n) | (BigInt(h2) << 32n) | (BigInt(h1) << 16n) | BigInt(h0);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** TypeRefs refer to declarations by id; the ABI cares about their names. */
function abiType(t: TypeRef, names: ReadonlyMap<string, string>): unknown {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'named':
      return { named: names.get(t.id) ?? t.id };
    case 'pointer':
      return { pointer: abiType(t.pointee, names), mutable: t.mutable, nullable: t.nullable };
    case 'array':
      return { array: abiType(t.element, names), length: t.length };
    case 'fnPointer':
      return { fn: t.signature.params.map((p) => abiType(p.type, names)), returns: abiType(t.signature.returns, names), nullable: t.nullable };
  }
}

export function apiSurface(ir: IrModule, exclude: readonly string[] = []): unknown {
  const names = new Map(ir.types.map((t) => [t.id, t.name]));
  const byName = <T extends { name: string }>(list: T[]): T[] => list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    functions: byName(
      ir.functions
        .filter((f) => !exclude.includes(f.name))
        .map((f) => ({ name: f.name, params: f.signature.params.map((p) => abiType(p.type, names)), returns: abiType(f.signature.returns, names) })),
    ),
    types: byName(
      ir.types.map((t) => {
        switch (t.kind) {
          case 'struct':
          case 'union':
            return { name: t.name, kind: t.kind, layout: t.layout, fields: t.fields.map((f) => ({ name: f.name, offset: f.offset, type: abiType(f.type, names) })) };
          case 'enum':
            return { name: t.name, kind: t.kind, repr: t.repr, layout: t.layout, variants: t.variants.map((v) => ({ name: v.name, value: v.value })) };
          case 'alias':
            return { name: t.name, kind: t.kind, target: abiType(t.target, names) };
          case 'opaque':
            return { name: t.name, kind: t.kind };
        }
      }),
    ),
    constants: byName(ir.constants.map((c) => ({ name: c.name, type: abiType(c.type, names), value: c.value }))),
  };
}

/** "0x" + 16 lowercase hex digits. */
export function apiHash(ir: IrModule, exclude: readonly string[] = []): string {
  return '0x' + fnv1a64(canonical(apiSurface(ir, exclude))).toString(16).padStart(16, '0');
}
