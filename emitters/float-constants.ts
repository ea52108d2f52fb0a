/**
 * Float constants for languages whose numbers are doubles (Python, TypeScript). The IR keeps the
 * shortest text that round-trips at the constant's own precision; read as a double, an `f32`'s
 * text is a different number (`1.1754944e-38` is not the `f32` 1.17549435e-38), so it would not
 * equal the same value read back through the C ABI. The double of an `f32` constant is the `f32`.
 */
import type { IrConstant } from '../compiler/ir.js';

/** The constant's value as the double a caller of the library sees; `undefined` unless it is a float. */
export function floatConstantAsDouble(c: IrConstant): number | undefined {
  if (c.value.kind !== 'float') return undefined;
  const text = c.value.value;
  const value = text === 'inf' ? Infinity : text === '-inf' ? -Infinity : text === 'NaN' ? NaN : Number(text);
  return c.type.kind === 'primitive' && c.type.name === 'f32' ? Math.fround(value) : value;
}
