/**
 * The API guard hash (contracts.md §6): FNV-1a 64 over the canonical JSON of the exported ABI —
 * function symbols and signatures, type names and layouts, constant values — with keys sorted and
 * no docs, spans or parameter names, so it changes exactly when the binary interface does.
 *
 * `apiSurface` is that document as a value; `apiHash` writes the same canonical JSON straight from
 * the IR in one pass (keys already in sorted order), because a large crate's surface is hundreds of
 * thousands of small objects that would only be built to be serialized once.
 */
import { typeIndex, type IrConstValue, type IrModule, type IrTypeDecl, type Layout, type TypeRef } from './ir.js';
import { compareCodeUnits } from './source.js';

/**
 * An FNV-1a 64 hash, fed bytes as they come (the canonical text is never stored). The 64-bit state
 * is two 32-bit halves kept in int32 arithmetic (many times faster than BigInt per byte).
 * Multiplying by the prime 2^40 + 0x1b3 is `h * 0x1b3 + (h << 40)`; modulo 2^64 the shifted term
 * only reaches the high half, as `lo << 8`. `lo * 0x1b3` needs 41 bits, so it is done in 16-bit
 * halves; what spills over 32 bits is the carry.
 */
class Fnv1a64 {
  hi = 0xcbf29ce4 | 0;
  lo = 0x84222325 | 0;

  /**
   * Text whose every character is one byte (below U+0100), read off the string: the canonical
   * text's fragments are ASCII, and encoding each short fragment first cost more than hashing it.
   */
  byteString(text: string): void {
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < text.length; i++) {
      lo ^= text.charCodeAt(i);
      const low = (lo & 0xffff) * 0x1b3;
      const high = (lo >>> 16) * 0x1b3 + (low >>> 16);
      hi = (Math.imul(hi, 0x1b3) + (high >>> 16) + (lo << 8)) | 0;
      lo = (high << 16) | (low & 0xffff);
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** Any text, as its UTF-8 bytes (each one character of a Latin-1 string, for `byteString`). */
  utf8(text: string): void {
    this.byteString(Buffer.from(text, 'utf8').toString('latin1'));
  }

  digest(): bigint {
    return (BigInt(this.hi >>> 0) << 32n) | BigInt(this.lo >>> 0);
  }
}

/** FNV-1a 64 over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  const h = new Fnv1a64();
  h.utf8(text);
  return h.digest();
}

export function canonical(value: unknown): string {
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
      return t.nullable ? { named: names.get(t.id) ?? t.id, nullable: true } : { named: names.get(t.id) ?? t.id };
    case 'pointer':
      return { pointer: abiType(t.pointee, names), mutable: t.mutable, nullable: t.nullable };
    case 'array':
      return { array: abiType(t.element, names), length: t.length };
    case 'fnPointer':
      return { fn: t.signature.params.map((p) => abiType(p.type, names)), returns: abiType(t.signature.returns, names), nullable: t.nullable };
  }
}

const compareNames = (a: { name: string }, b: { name: string }): number => compareCodeUnits(a.name, b.name);

export function apiSurface(ir: IrModule, exclude: readonly string[] = []): unknown {
  const names = new Map(ir.types.map((t) => [t.id, t.name]));
  const byName = <T extends { name: string }>(list: T[]): T[] => list.sort(compareNames);
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

/**
 * Hashes the UTF-8 bytes of `canonical(apiSurface(ir))` without building the surface or a string:
 * every object's keys are written in sorted order by hand, straight into the hash. Values the IR
 * does not type precisely (layouts, constant values) go through `value`, which follows `canonical`
 * for any shape.
 */
class CanonicalWriter {
  readonly hash = new Fnv1a64();
  constructor(private readonly index: ReadonlyMap<string, IrTypeDecl>) {}

  /** Text whose characters are all below U+0080 (punctuation, keys, numbers): one byte each. */
  raw(text: string): void {
    this.hash.byteString(text);
  }

  /** Any text, UTF-8 encoded. */
  private text(text: string): void {
    this.hash.utf8(text);
  }

  /** A JSON string: plain printable ASCII between quotes, anything else through JSON.stringify. */
  string(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return this.text(JSON.stringify(text));
    }
    this.hash.byteString('"');
    this.hash.byteString(text);
    this.hash.byteString('"');
  }

  /**
   * `canonical(value)` as it appears inside an object, or (`inArray`) as an array element: where
   * `canonical` yields undefined, a template literal wrote "undefined" but `join` writes nothing.
   */
  value(value: unknown, inArray = false): void {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number') return this.raw(Number.isFinite(value) ? String(value) : 'null');
    if (typeof value === 'boolean') return this.raw(value ? 'true' : 'false');
    if (Array.isArray(value)) {
      this.raw('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.raw(',');
        this.value(value[i], true);
      }
      return this.raw(']');
    }
    if (value && typeof value === 'object') {
      const keys = Object.keys(value).sort();
      this.raw('{');
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (i > 0) this.raw(',');
        this.string(key);
        this.raw(':');
        this.value((value as Record<string, unknown>)[key]);
      }
      return this.raw('}');
    }
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) this.text(json);
    else if (!inArray) this.raw('undefined');
  }

  /**
   * An object of exactly two keys, named in sorted order: layouts (`{ align, size }`) and constant
   * values (`{ kind, value }`), written without sorting `Object.keys` for each of them.
   */
  private twoKeys(first: string, a: unknown, second: string, b: unknown): void {
    this.raw(`{"${first}":`);
    this.value(a);
    this.raw(`,"${second}":`);
    this.value(b);
    this.raw('}');
  }

  layout(l: Layout | undefined): void {
    if (l === undefined) this.value(l);
    else this.twoKeys('align', l.align, 'size', l.size);
  }

  constValue(v: IrConstValue): void {
    this.twoKeys('kind', v.kind, 'value', v.value);
  }

  type(t: TypeRef): void {
    switch (t.kind) {
      case 'primitive':
        return this.string(t.name);
      case 'named':
        this.raw('{"named":');
        this.string(this.index.get(t.id)?.name ?? t.id);
        return this.raw(t.nullable ? ',"nullable":true}' : '}');
      case 'pointer':
        this.raw('{"mutable":');
        this.value(t.mutable);
        this.raw(',"nullable":');
        this.value(t.nullable);
        this.raw(',"pointer":');
        this.type(t.pointee);
        return this.raw('}');
      case 'array':
        this.raw('{"array":');
        this.type(t.element);
        this.raw(',"length":');
        this.value(t.length);
        return this.raw('}');
      case 'fnPointer': {
        this.raw('{"fn":[');
        const params = t.signature.params;
        for (let i = 0; i < params.length; i++) {
          if (i > 0) this.raw(',');
          this.type((params[i] as (typeof params)[number]).type);
        }
        this.raw('],"nullable":');
        this.value(t.nullable);
        this.raw(',"returns":');
        this.type(t.signature.returns);
        return this.raw('}');
      }
    }
  }

  decl(t: IrTypeDecl): void {
    switch (t.kind) {
      case 'struct':
      case 'union': {
        this.raw('{"fields":[');
        for (let i = 0; i < t.fields.length; i++) {
          const f = t.fields[i] as (typeof t.fields)[number];
          this.raw(i > 0 ? ',{"name":' : '{"name":');
          this.string(f.name);
          this.raw(',"offset":');
          this.value(f.offset);
          this.raw(',"type":');
          this.type(f.type);
          this.raw('}');
        }
        this.raw(t.kind === 'struct' ? '],"kind":"struct","layout":' : '],"kind":"union","layout":');
        this.layout(t.layout);
        this.raw(',"name":');
        this.string(t.name);
        return this.raw('}');
      }
      case 'enum': {
        this.raw('{"kind":"enum","layout":');
        this.layout(t.layout);
        this.raw(',"name":');
        this.string(t.name);
        this.raw(',"repr":');
        this.string(t.repr);
        this.raw(',"variants":[');
        for (let i = 0; i < t.variants.length; i++) {
          const v = t.variants[i] as (typeof t.variants)[number];
          this.raw(i > 0 ? ',{"name":' : '{"name":');
          this.string(v.name);
          this.raw(',"value":');
          this.value(v.value);
          this.raw('}');
        }
        return this.raw(']}');
      }
      case 'alias':
        this.raw('{"kind":"alias","name":');
        this.string(t.name);
        this.raw(',"target":');
        this.type(t.target);
        return this.raw('}');
      case 'opaque':
        this.raw('{"kind":"opaque","name":');
        this.string(t.name);
        return this.raw('}');
    }
  }
}

/** Sorted by name like `apiSurface` (a stable sort, so equal names keep IR order). */
const sortedByName = <T extends { name: string }>(list: readonly T[]): T[] => list.slice().sort(compareNames);

function hashSurface(ir: IrModule, exclude: readonly string[]): bigint {
  const h = new CanonicalWriter(typeIndex(ir));
  h.raw('{"constants":[');
  const constants = sortedByName(ir.constants);
  for (let i = 0; i < constants.length; i++) {
    const c = constants[i] as (typeof constants)[number];
    h.raw(i > 0 ? ',{"name":' : '{"name":');
    h.string(c.name);
    h.raw(',"type":');
    h.type(c.type);
    h.raw(',"value":');
    h.constValue(c.value);
    h.raw('}');
  }
  h.raw('],"functions":[');
  const excluded = new Set(exclude);
  const functions = sortedByName(excluded.size > 0 ? ir.functions.filter((f) => !excluded.has(f.name)) : ir.functions);
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i] as (typeof functions)[number];
    h.raw(i > 0 ? ',{"name":' : '{"name":');
    h.string(f.name);
    h.raw(',"params":[');
    const params = f.signature.params;
    for (let j = 0; j < params.length; j++) {
      if (j > 0) h.raw(',');
      h.type((params[j] as (typeof params)[number]).type);
    }
    h.raw('],"returns":');
    h.type(f.signature.returns);
    h.raw('}');
  }
  h.raw('],"types":[');
  const types = sortedByName(ir.types);
  for (let i = 0; i < types.length; i++) {
    if (i > 0) h.raw(',');
    h.decl(types[i] as IrTypeDecl);
  }
  h.raw(']}');
  return h.hash.digest();
}

/** "0x" + 16 lowercase hex digits. */
export function apiHash(ir: IrModule, exclude: readonly string[] = []): string {
  return '0x' + hashSurface(ir, exclude).toString(16).padStart(16, '0');
}

