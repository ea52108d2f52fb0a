/**
 * How one exported function is called from idiomatic Python: its typed parameters, the ctypes
 * binding that converts what ctypes can convert itself (a `Bool` through `c_bool`, a `str`
 * argument through `_Utf8`), and the statements a wrapper needs for the rest (error codes raised,
 * strings decoded, slices from sequences and buffers, options, Python functions as callbacks,
 * `IntEnum` results). A function that needs no statements has no wrapper: the binding is the
 * module's function, and a call costs what a hand-written ctypes call costs.
 */
import type { IrFunction, IrSignature, TypeRef } from '../../compiler/ir.js';
import { pyName, snakeName } from './names.js';
import type { PyTypes } from './types.js';

/** The ctypes function object init_lib binds for the idiomatic layer. */
export interface Binding {
  readonly argtypes: readonly string[];
  readonly restype: string;
  /** False when the binding is the raw function itself (same argtypes and restype). */
  readonly converted: boolean;
}

export interface CallPlan {
  /** `name: hint` of the parameters Python code passes. */
  readonly params: readonly string[];
  /** The body of a wrapper, one statement per line (not indented). */
  readonly body: readonly string[];
  readonly returns: string;
  readonly binding: Binding;
  /** The raw argtypes (C types exactly). */
  readonly rawArgtypes: readonly string[];
  /** True when the binding alone is the idiomatic function (no wrapper frame). */
  readonly direct: boolean;
  /** True when the body keeps something in `CallSite.keep` (a callback, or a kept slice). */
  readonly keeps: boolean;
}

export interface CallSite {
  /** Expressions for the leading parameters the caller supplies (a service's handle). */
  readonly fixed: readonly string[];
  /** The last parameter is an out-pointer whose value is returned (a service's `Result<T, E>`). */
  readonly out: boolean;
  /** Where callbacks Rust may keep are kept alive (a dict expression). */
  readonly keep: string;
  /** The module global holding the binding. */
  readonly binding: string;
  /** Slices are kept alive too (a constructor's: the service may borrow them, as `Foo<'a>` does). */
  readonly keepSlices?: boolean;
}

/** The module-level name of an inline (unaliased) function pointer type of a parameter. */
export const inlineCallbackName = (fn: IrFunction, index: number): string => `_Fn_${fn.name}_${index}`;

/** The raw ctypes type of parameter `index` (inline function pointers get a module-level name). */
export function rawParamType(fn: IrFunction, index: number, py: PyTypes): string {
  const t = (fn.signature.params[index] as { type: TypeRef }).type;
  return t.kind === 'fnPointer' ? inlineCallbackName(fn, index) : py.of(t);
}

/** The value a Python callback that raised hands back to Rust: the error enum's panic code, or zero. */
function callbackDefault(signature: IrSignature, py: PyTypes): string {
  const r = signature.returns;
  if (r.kind === 'primitive') return r.name === 'void' ? 'None' : r.name === 'f32' || r.name === 'f64' ? '0.0' : r.name === 'bool' ? 'False' : '0';
  const error = py.errorDecl(r);
  if (error) return String(error.variants.find((v) => v.name === error.pattern?.panic)?.value ?? 1);
  return '0';
}

/** Statements for one parameter: its hint, the argument expression, and what runs around the call. */
interface ParamPlan {
  readonly param: string;
  readonly arg: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly converts: boolean;
  readonly callback: boolean;
  /** Kept in `CallSite.keep`. */
  readonly kept: boolean;
  /** A callback's: ends its call site's call (in a `finally`), naming what its callback raised. */
  readonly release?: { readonly statement: string; readonly error: string };
}

function planParam(fn: IrFunction, index: number, py: PyTypes, site: CallSite): ParamPlan {
  const p = fn.signature.params[index] as { name: string; type: TypeRef };
  const name = snakeName(p.name === '_' ? `arg${index}` : p.name);
  const keepKey = JSON.stringify(`${fn.name}.${p.name}`);
  const t = p.type;
  const plain = { param: `${name}: ${py.hint(t, 'param')}`, arg: name, before: [], after: [], converts: false, callback: false, kept: false };
  const callback = py.callback(t);
  if (callback) {
    const ctype = callback.alias ?? inlineCallbackName(fn, index);
    const siteName = `_site_${name}`;
    const pointer = `_p_${name}`;
    return {
      param: `${name}: Optional[${py.callableHint(callback.signature)}]`,
      arg: pointer,
      before: [
        `${siteName} = ${site.keep}.get(${keepKey}) or _site(${site.keep}, ${keepKey}, ${ctype}, ${callbackDefault(callback.signature, py)})`,
        `${pointer} = ${siteName}.enter(${name})`,
      ],
      after: [],
      release: { statement: `_e_${name} = ${siteName}.leave(${pointer})`, error: `_e_${name}` },
      converts: true,
      callback: true,
      kept: true,
    };
  }
  const pattern = py.patternStruct(t) ?? (t.kind === 'pointer' && !t.mutable ? py.patternStruct(t.pointee) : undefined);
  if (pattern?.pattern.kind === 'slice') {
    const local = `_s_${name}`;
    const mutable = pattern.pattern.mutable;
    return {
      param: `${name}: ${py.hint({ kind: 'named', id: pattern.id }, 'param')}`,
      arg: t.kind === 'pointer' ? `ctypes.byref(${local})` : local,
      before: [`${local} = ${pyName(pattern.name)}.of(${name}${mutable ? ', True' : ''})`, ...(site.keepSlices ? [`${site.keep}[${keepKey}] = ${local}`] : [])],
      // A list cannot lend its memory: what Rust wrote into the copy goes back into it.
      after: mutable ? [`if isinstance(${name}, list):`, `    ${name}[:] = ${local}[:]`] : [],
      converts: true,
      callback: false,
      kept: site.keepSlices === true,
    };
  }
  if (pattern?.pattern.kind === 'option' && t.kind === 'named') return { ...plain, arg: `${pyName(pattern.name)}.of(${name})`, converts: true };
  return plain;
}

/** The statements that hand a result back: decoded, optional, enum or as is. */
function resultLines(value: string, t: TypeRef, py: PyTypes): { lines: string[]; converts: boolean } {
  if (py.isString(t)) return { lines: [`_text = ${value}`, 'return None if _text is None else _text.decode()'], converts: true };
  if (py.patternStruct(t)?.pattern.kind === 'option') return { lines: [`return ${value}.get()`], converts: true };
  const plain = py.plainEnum(t);
  if (plain) return { lines: [`return ${pyName(plain.name)}(${value})`], converts: true };
  return { lines: [`return ${value}`], converts: false };
}

export function planCall(fn: IrFunction, py: PyTypes, site: CallSite): CallPlan {
  const all = fn.signature.params;
  const rawArgtypes = all.map((_, i) => rawParamType(fn, i, py));
  const lastFree = site.out ? all.length - 1 : all.length;
  const params: ParamPlan[] = [];
  for (let i = site.fixed.length; i < lastFree; i++) params.push(planParam(fn, i, py, site));
  const before = params.flatMap((p) => p.before);
  const after = params.flatMap((p) => p.after);
  const args = [...site.fixed, ...params.map((p) => p.arg)];
  const outType = site.out ? all[all.length - 1]?.type : undefined;
  const outPointee = outType?.kind === 'pointer' ? outType.pointee : undefined;
  if (outPointee) {
    before.push(`_out = ${py.of(outPointee)}()`);
    args.push('ctypes.byref(_out)');
  }
  const call = `${site.binding}(${args.join(', ')})`;
  const returns = fn.signature.returns;
  const error = py.errorDecl(returns);
  const errorCheck = error
    ? [`if _code != ${error.variants.find((v) => v.name === error.pattern?.success)?.value ?? '0'}:`, `    raise ${pyName(error.name)}Exception(${pyName(error.name)}(_code))`]
    : [];
  const isVoid = returns.kind === 'primitive' && returns.name === 'void';
  let converts = params.some((p) => p.converts) || error !== undefined;
  let returnHint: string;
  const body = [...before];
  // Callback sites are released even when the call fails; then what a callback raised is raised,
  // first: it is the cause of whatever the call returned.
  const releases = params.flatMap((p) => (p.release ? [p.release] : []));
  const calling = (statement: string): string[] =>
    releases.length === 0
      ? [statement]
      : ['try:', `    ${statement}`, 'finally:', ...releases.map((r) => `    ${r.statement}`), ...releases.flatMap((r) => [`if ${r.error} is not None:`, `    raise ${r.error}`])];
  if (outPointee) {
    const value = outPointee.kind === 'primitive' || py.isString(outPointee) || py.isBool(outPointee) || py.plainEnum(outPointee) ? '_out.value' : '_out';
    const result = resultLines(value, outPointee, py);
    returnHint = py.hint(outPointee, 'result');
    body.push(...calling(error ? `_code = ${call}` : call), ...after, ...errorCheck, ...result.lines);
  } else if (error) {
    returnHint = 'None';
    body.push(...calling(`_code = ${call}`), ...after, ...errorCheck);
  } else if (isVoid) {
    returnHint = 'None';
    body.push(...calling(call), ...after);
  } else {
    const bound = after.length > 0 || releases.length > 0;
    const result = resultLines(bound ? '_r' : call, returns, py);
    converts ||= result.converts;
    returnHint = py.hint(returns, 'result');
    body.push(...(bound ? [...calling(`_r = ${call}`), ...after] : []), ...result.lines);
  }
  const direct = !converts && site.fixed.length === 0 && !site.out;
  const keeps = params.some((p) => p.kept);
  return { params: params.map((p) => p.param), body, returns: returnHint, binding: bindingOf(fn, py, rawArgtypes), rawArgtypes, direct, keeps };
}

function bindingOf(fn: IrFunction, py: PyTypes, rawArgtypes: readonly string[]): Binding {
  // `_Utf8` takes `str` too; `c_bool` reads and writes a `Bool` byte as a Python bool.
  const argtypes = fn.signature.params.map((p, i) => (py.isBool(p.type) ? 'ctypes.c_bool' : py.isString(p.type) ? '_Utf8' : (rawArgtypes[i] as string)));
  const returns = fn.signature.returns;
  const rawRestype = py.of(returns);
  const restype = py.isBool(returns) ? 'ctypes.c_bool' : rawRestype;
  const converted = restype !== rawRestype || argtypes.some((a, i) => a !== rawArgtypes[i]);
  return { argtypes, restype, converted };
}
