/**
 * C literals for constants: integer suffixes where C would otherwise pick another type, the most
 * negative values written as expressions, floats that read back exactly, and strings with every
 * non-ASCII byte of their UTF-8 escaped in octal.
 */
import type { IrConstant, IrConstValue, TypeRef } from '../../compiler/ir.js';

export function needsMath(constants: readonly IrConstant[]): boolean {
  return constants.some((c) => c.value.kind === 'float' && /inf|NaN/.test(c.value.value));
}

function intLiteral(value: bigint, type: string): string {
  const unsigned = type.startsWith('u') || type === 'char';
  if (type === 'u64' || type === 'usize') return `${value}ULL`;
  if (type === 'i64' || type === 'isize') {
    if (value === -(2n ** 63n)) return '(-9223372036854775807LL - 1)';
    return value < 0n ? `(${value}LL)` : `${value}LL`;
  }
  if (type === 'i32' && value === -(2n ** 31n)) return '(-2147483647 - 1)';
  if (unsigned && value > 2147483647n) return `${value}U`;
  return value < 0n ? `(${value})` : `${value}`;
}

function floatLiteral(text: string, type: string): string {
  const f = type === 'f32' ? 'f' : '';
  if (text === 'inf') return type === 'f32' ? 'INFINITY' : '((double)INFINITY)';
  if (text === '-inf') return type === 'f32' ? '(-INFINITY)' : '(-(double)INFINITY)';
  if (text === 'NaN') return type === 'f32' ? 'NAN' : '((double)NAN)';
  const withPoint = /[.e]/.test(text) ? text : `${text}.0`;
  return withPoint.startsWith('-') ? `(${withPoint}${f})` : `${withPoint}${f}`;
}

function stringLiteral(value: string): string {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8')) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f && byte !== 0x3f) out += String.fromCharCode(byte);
    // `?` is escaped so that `??x` never forms a trigraph.
    else out += '\\' + byte.toString(8).padStart(3, '0');
  }
  return out + '"';
}

export function constantLiteral(value: IrConstValue, type: TypeRef): string {
  const prim = type.kind === 'primitive' ? type.name : 'i32';
  switch (value.kind) {
    case 'int':
      return intLiteral(BigInt(value.value), prim);
    case 'float':
      return floatLiteral(value.value, prim);
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'char':
      return `${value.value}U`;
    case 'string':
      return stringLiteral(value.value);
  }
}
