/**
 * Typed constant values: integer ranges per type, wrapping/checked arithmetic, casts with Rust's
 * semantics, and the associated constants of primitives (`u8::MAX`, `f32::MIN_POSITIVE`, …).
 */
import type { ConstValue, PrimitiveName } from '../../compiler/hir.js';

export type IntType = 'u8' | 'u16' | 'u32' | 'u64' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'isize';

const bitsOf: Record<IntType, number> = { u8: 8, u16: 16, u32: 32, u64: 64, usize: 64, i8: 8, i16: 16, i32: 32, i64: 64, isize: 64 };

// A Set rather than `t in bitsOf`: `in` looks a type name that is not a literal up in V8's string
// table first, on every constant of a crate.
const intTypes: ReadonlySet<string> = new Set(Object.keys(bitsOf));
export const isIntType = (t: string | undefined): t is IntType => t !== undefined && intTypes.has(t);
export const isFloatType = (t: string | undefined): t is 'f32' | 'f64' => t === 'f32' || t === 'f64';
export const isSigned = (t: IntType): boolean => t.startsWith('i');
export const bits = (t: IntType): number => bitsOf[t];

function computeRange(t: IntType): { readonly min: bigint; readonly max: bigint } {
  const n = BigInt(bitsOf[t]);
  return isSigned(t) ? { min: -(1n << (n - 1n)), max: (1n << (n - 1n)) - 1n } : { min: 0n, max: (1n << n) - 1n };
}

/** Computed once per type: every literal and every arithmetic result is range-checked. */
const ranges = Object.fromEntries(Object.keys(bitsOf).map((t) => [t, computeRange(t as IntType)])) as Record<IntType, { readonly min: bigint; readonly max: bigint }>;

export const range = (t: IntType): { readonly min: bigint; readonly max: bigint } => ranges[t];

export const inRange = (v: bigint, t: IntType): boolean => {
  const r = range(t);
  return v >= r.min && v <= r.max;
};

/** Two's-complement truncation (what `as` and `wrapping_*` do). */
export function wrap(v: bigint, t: IntType): bigint {
  const n = BigInt(bitsOf[t]);
  const unsigned = BigInt.asUintN(Number(n), v);
  return isSigned(t) ? BigInt.asIntN(Number(n), unsigned) : unsigned;
}

/** Maps C aliases to their Rust primitive for arithmetic (`c_char` is `i8` on x86_64 Linux). */
export function arithmeticType(t: PrimitiveName): IntType | 'f32' | 'f64' | 'bool' | 'char' | undefined {
  if (t === 'c_char') return 'i8';
  if (t === 'c_void') return undefined;
  return t;
}

/** Float → int `as` cast: saturating, NaN → 0 (Rust semantics since 1.45). */
export function floatToInt(x: number, t: IntType): bigint {
  if (Number.isNaN(x)) return 0n;
  const r = range(t);
  if (x === Infinity) return r.max;
  if (x === -Infinity) return r.min;
  const v = BigInt(Math.trunc(x));
  return v < r.min ? r.min : v > r.max ? r.max : v;
}

const f32 = Math.fround;

const floatConsts: Record<string, number> = {
  PI: Math.PI, E: Math.E, TAU: 2 * Math.PI, SQRT_2: Math.SQRT2, LN_2: Math.LN2, LN_10: Math.LN10,
  LOG2_E: Math.LOG2E, LOG10_E: Math.LOG10E, FRAC_PI_2: Math.PI / 2, FRAC_PI_4: Math.PI / 4, FRAC_1_SQRT_2: Math.SQRT1_2,
};

/** `T::NAME` for primitive `T`; undefined when there is no such constant. */
export function associatedConstant(type: string, name: string): ConstValue | undefined {
  if (isIntType(type)) {
    const r = range(type);
    if (name === 'MIN') return { kind: 'int', value: r.min, type };
    if (name === 'MAX') return { kind: 'int', value: r.max, type };
    if (name === 'BITS') return { kind: 'int', value: BigInt(bitsOf[type]), type: 'u32' };
    return undefined;
  }
  if (type === 'f32') {
    const table: Record<string, number> = {
      MIN: -3.4028234663852886e38, MAX: 3.4028234663852886e38, MIN_POSITIVE: 1.1754943508222875e-38, EPSILON: 1.1920928955078125e-7,
      INFINITY: Infinity, NEG_INFINITY: -Infinity, NAN: NaN,
    };
    const v = table[name] ?? floatConsts[name];
    return v === undefined ? undefined : { kind: 'float', value: f32(v), type: 'f32' };
  }
  if (type === 'f64') {
    const table: Record<string, number> = {
      MIN: -Number.MAX_VALUE, MAX: Number.MAX_VALUE, MIN_POSITIVE: 2.2250738585072014e-308, EPSILON: Number.EPSILON,
      INFINITY: Infinity, NEG_INFINITY: -Infinity, NAN: NaN,
    };
    const v = table[name] ?? floatConsts[name];
    return v === undefined ? undefined : { kind: 'float', value: v, type: 'f64' };
  }
  if (type === 'char' && name === 'MAX') return { kind: 'char', value: 0x10ffff };
  return undefined;
}

export function describeValue(v: ConstValue): string {
  switch (v.kind) {
    case 'int':
      return `${v.value}${v.type}`;
    case 'float':
      return `${v.value}${v.type}`;
    case 'bool':
      return String(v.value);
    case 'char':
      return `'${String.fromCodePoint(v.value)}'`;
    case 'str':
      return JSON.stringify(v.value);
  }
}
