/**
 * Operators, casts and methods on constant values, with rustc's const-evaluation rules: integer
 * overflow, division by zero and over-long shifts are errors; floats round through `Math.fround`
 * for `f32`.
 */
import type { BinaryOp } from '../../compiler/syntax/ast.js';
import type { ConstValue, PrimitiveName } from '../../compiler/hir.js';
import type { DiagnosticCode } from '../../compiler/diagnostics/catalog.js';
import type { Span } from '../../compiler/source.js';
import { arithmeticType, bits, describeValue, floatToInt, inRange, isIntType, isSigned, wrap, type IntType } from './const-values.js';

export type Fail = (code: DiagnosticCode, message: string, span?: Span, notes?: string[]) => never;

const roundTo = (type: 'f32' | 'f64', v: number): number => (type === 'f32' ? Math.fround(v) : v);

/** The expression being evaluated, for messages: text, or a function that writes it (only on failure). */
type Described = string | (() => string);

const describe = (what: Described): string => (typeof what === 'string' ? what : what());

function checked(v: bigint, type: IntType, what: Described, span: Span, fail: Fail): ConstValue {
  if (!inRange(v, type)) return fail('IC2102', `evaluating \`${describe(what)}\` overflows ${type}`, span, [`help: the result ${v} is outside ${type}`]);
  return { kind: 'int', value: v, type };
}

export function applyBinary(op: BinaryOp | 'neg' | 'not', left: ConstValue, right: ConstValue, span: Span, fail: Fail): ConstValue {
  const what = (): string => (op === 'neg' ? `-${describeValue(left)}` : op === 'not' ? `!${describeValue(left)}` : `${describeValue(left)} ${op} ${describeValue(right)}`);
  if (op === 'not') {
    if (left.kind === 'bool') return { kind: 'bool', value: !left.value };
    if (left.kind === 'int') return { kind: 'int', value: wrap(~left.value, left.type as IntType), type: left.type };
    return fail('IC2107', `cannot apply \`!\` to ${left.kind}`, span);
  }
  if (op === 'neg') {
    if (left.kind === 'float') return { kind: 'float', value: -left.value, type: left.type };
    if (left.kind === 'int' && isIntType(left.type) && isSigned(left.type)) return checked(-left.value, left.type, what, span, fail);
    return fail('IC2107', `cannot negate ${left.kind === 'int' ? `unsigned ${left.type}` : left.kind}`, span);
  }
  if (op === '&&' || op === '||') {
    if (left.kind !== 'bool' || right.kind !== 'bool') return fail('IC2107', `\`${op}\` needs bool operands`, span);
    return { kind: 'bool', value: op === '&&' ? left.value && right.value : left.value || right.value };
  }
  if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return compare(op, left, right, span, fail);
  if (left.kind === 'int' && right.kind === 'int' && isIntType(left.type)) return intOp(op, left.value, right.value, left.type, right.type, what, span, fail);
  if (left.kind === 'float' && right.kind === 'float') {
    const a = left.value;
    const b = right.value;
    const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : op === '%' ? a % b : undefined;
    if (r === undefined) return fail('IC2107', `\`${op}\` is not defined for ${left.type}`, span);
    return { kind: 'float', value: roundTo(left.type, r), type: left.type };
  }
  if (left.kind === 'bool' && right.kind === 'bool' && (op === '&' || op === '|' || op === '^')) {
    return { kind: 'bool', value: op === '&' ? left.value && right.value : op === '|' ? left.value || right.value : left.value !== right.value };
  }
  return fail('IC2107', `mismatched types: cannot compute ${describeValue(left)} ${op} ${describeValue(right)}`, span);
}

function intOp(op: BinaryOp, a: bigint, b: bigint, type: IntType, rightType: PrimitiveName, what: Described, span: Span, fail: Fail): ConstValue {
  if (op === '<<' || op === '>>') {
    if (b < 0n || b >= BigInt(bits(type))) return fail('IC2102', `evaluating \`${describe(what)}\` shifts by ${b}, but ${type} has ${bits(type)} bits`, span);
    return { kind: 'int', value: op === '<<' ? wrap(a << b, type) : a >> b, type };
  }
  if (rightType !== type) return fail('IC2107', `mismatched types: ${type} ${op} ${rightType}`, span, [`help: cast one side, e.g. \`as ${type}\``]);
  switch (op) {
    case '+':
      return checked(a + b, type, what, span, fail);
    case '-':
      return checked(a - b, type, what, span, fail);
    case '*':
      return checked(a * b, type, what, span, fail);
    case '/':
    case '%':
      if (b === 0n) return fail('IC2103', `evaluating \`${describe(what)}\` divides by zero`, span);
      return checked(op === '/' ? a / b : a % b, type, what, span, fail);
    case '&':
      return { kind: 'int', value: a & b, type };
    case '|':
      return { kind: 'int', value: a | b, type };
    case '^':
      return { kind: 'int', value: a ^ b, type };
    default:
      return fail('IC2107', `\`${op}\` is not an integer operator`, span);
  }
}

function compare(op: BinaryOp, left: ConstValue, right: ConstValue, span: Span, fail: Fail): ConstValue {
  const key = (v: ConstValue): number | bigint | string | boolean => (v.kind === 'int' || v.kind === 'float' || v.kind === 'char' || v.kind === 'bool' || v.kind === 'str' ? v.value : 0);
  if (left.kind !== right.kind) return fail('IC2107', `cannot compare ${left.kind} with ${right.kind}`, span);
  const a = key(left);
  const b = key(right);
  const r = op === '==' ? a === b : op === '!=' ? a !== b : op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  return { kind: 'bool', value: r };
}

export function castValue(v: ConstValue, target: PrimitiveName, span: Span, fail: Fail): ConstValue {
  const t = arithmeticType(target);
  if (t === undefined) return fail('IC2101', `cannot cast to ${target}`, span);
  if (t === 'bool') {
    if (v.kind === 'bool') return v;
    return fail('IC2107', `cannot cast ${v.kind} to bool`, span);
  }
  if (t === 'char') {
    if (v.kind === 'char') return v;
    if (v.kind === 'int' && v.type === 'u8') return { kind: 'char', value: Number(v.value) };
    return fail('IC2107', 'only u8 can be cast to char', span);
  }
  if (t === 'f32' || t === 'f64') {
    if (v.kind === 'float') return { kind: 'float', value: roundTo(t, v.value), type: t };
    if (v.kind === 'int') return { kind: 'float', value: roundTo(t, Number(v.value)), type: t };
    return fail('IC2107', `cannot cast ${v.kind} to ${t}`, span);
  }
  const out = (value: bigint): ConstValue => ({ kind: 'int', value, type: target === 'c_char' ? 'c_char' : t });
  switch (v.kind) {
    case 'int':
      return out(wrap(v.value, t));
    case 'float':
      return out(floatToInt(v.value, t));
    case 'bool':
      return out(v.value ? 1n : 0n);
    case 'char':
      return out(wrap(BigInt(v.value), t));
    case 'str':
      return fail('IC2107', `cannot cast a string to ${target}`, span);
  }
}

export function applyMethod(method: string, receiver: ConstValue, args: readonly ConstValue[], span: Span, fail: Fail): ConstValue {
  const arg = args[0];
  if (receiver.kind === 'int' && isIntType(receiver.type)) {
    const type = receiver.type;
    const a = receiver.value;
    const b = arg?.kind === 'int' ? arg.value : undefined;
    const need = (): bigint => (b === undefined ? fail('IC2107', `\`${method}\` needs an integer argument`, span) : b);
    switch (method) {
      case 'wrapping_add':
        return { kind: 'int', value: wrap(a + need(), type), type };
      case 'wrapping_sub':
        return { kind: 'int', value: wrap(a - need(), type), type };
      case 'wrapping_mul':
        return { kind: 'int', value: wrap(a * need(), type), type };
      case 'saturating_add':
      case 'saturating_sub': {
        const r = method === 'saturating_add' ? a + need() : a - need();
        const lo = isSigned(type) ? -(1n << BigInt(bits(type) - 1)) : 0n;
        const hi = isSigned(type) ? (1n << BigInt(bits(type) - 1)) - 1n : (1n << BigInt(bits(type))) - 1n;
        return { kind: 'int', value: r < lo ? lo : r > hi ? hi : r, type };
      }
      case 'pow':
        return checked(a ** need(), type, `${a}.pow(${b})`, span, fail);
      case 'min':
        return { kind: 'int', value: a < need() ? a : need(), type };
      case 'max':
        return { kind: 'int', value: a > need() ? a : need(), type };
      case 'abs':
        return checked(a < 0n ? -a : a, type, `${a}.abs()`, span, fail);
      case 'count_ones':
        return { kind: 'int', value: BigInt([...BigInt.asUintN(bits(type), a).toString(2)].filter((c) => c === '1').length), type: 'u32' };
      case 'leading_zeros':
        return { kind: 'int', value: BigInt(bits(type) - BigInt.asUintN(bits(type), a).toString(2).replace(/^0$/, '').length), type: 'u32' };
      case 'trailing_zeros': {
        const u = BigInt.asUintN(bits(type), a);
        if (u === 0n) return { kind: 'int', value: BigInt(bits(type)), type: 'u32' };
        let n = 0n;
        for (let x = u; (x & 1n) === 0n; x >>= 1n) n++;
        return { kind: 'int', value: n, type: 'u32' };
      }
    }
  }
  if (receiver.kind === 'float') {
    const b = arg?.kind === 'float' ? arg.value : undefined;
    switch (method) {
      case 'abs':
        return { kind: 'float', value: Math.abs(receiver.value), type: receiver.type };
      case 'min':
      case 'max':
        if (b === undefined) break;
        return { kind: 'float', value: roundTo(receiver.type, method === 'min' ? Math.min(receiver.value, b) : Math.max(receiver.value, b)), type: receiver.type };
    }
  }
  return fail('IC2101', `method \`${method}\` is not supported in constants`, span, ['help: supported: wrapping_add/sub/mul, saturating_add/sub, pow, min, max, abs, count_ones, leading_zeros, trailing_zeros']);
}
