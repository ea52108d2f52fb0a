/**
 * How the idiomatic layer turns its parameters into raw arguments and raw results into its return
 * values, without copying: strings are encoded once and pinned, spans and arrays are pinned in
 * place (`fixed`), references are pinned, callbacks are wrapped once per delegate and kept alive.
 * A parameter or result that needs none of this is `same`: a function whose parameters and result
 * are all `same` is declared as a `DllImport` in the idiomatic layer too, so it costs exactly the
 * hand-written call.
 */
import type { TypeRef } from '../../compiler/ir.js';
import type { CsTypes } from './types.js';
import { typeName } from './names.js';

/** Slices as spans (`span`) or arrays (`array`): one overload each when spans are enabled. */
export type SliceVariant = 'span' | 'array';

export interface ParamPlan {
  /** The idiomatic parameter declaration. */
  readonly decl: string;
  /** The raw argument expression. */
  readonly arg: string;
  /** Statements before the call, outermost scope first. */
  readonly pre: readonly string[];
  /** `fixed (…)` / `using (…)` headers wrapping the call. */
  readonly scopes: readonly string[];
  /** Statements inside the scopes, before the call (they may use the pinned pointers). */
  readonly inner: readonly string[];
  /** Statements right after the call. */
  readonly post: readonly string[];
  readonly unsafe: boolean;
  /** False when the parameter converts anything. */
  readonly same: boolean;
  /** True when the parameter has a slice (and so has a span and an array overload). */
  readonly slice: boolean;
  /** True for a callback: the call is bracketed by `InteropCallbacks.Enter`/`RethrowPending`. */
  readonly callback?: boolean;
}

export interface ReturnPlan {
  /** The idiomatic return type. */
  readonly type: string;
  /** Statements that turn the raw result (in its local) into the idiomatic one (ending in `return`). */
  readonly finish: readonly string[];
  readonly unsafe: boolean;
  readonly same: boolean;
}

/** Names of the local `name` derives (`_xPtr`): locals start with `_`, parameters never do. */
const local = (name: string, suffix: string): string => `_${name.replace(/^@/, '')}${suffix}`;

function plain(decl: string, arg: string): ParamPlan {
  return { decl, arg, pre: [], scopes: [], inner: [], post: [], unsafe: false, same: true, slice: false };
}

export class Converter {
  constructor(
    private readonly types: CsTypes,
    private readonly spans: boolean,
    /** The exception class thrown for an error enum. */
    readonly exceptionOf: (errorEnumName: string) => string,
  ) {}

  /**
   * The plan of one parameter. `slot` gives the expression of the native delegate for a user's
   * delegate, from the slot keeping it alive (see `slots.ts`).
   */
  param(type: TypeRef, name: string, variant: SliceVariant, slot: (user: string) => string): ParamPlan {
    const t = this.types;
    if (t.isBool(type)) return { ...plain(`bool ${name}`, `(${name} ? (byte)1 : (byte)0)`), same: false };
    if (t.isString(type)) {
      const ptr = local(name, 'Utf8');
      return { decl: `string ${name}`, arg: `(IntPtr)${ptr}`, pre: [], inner: [], scopes: [`fixed (byte* ${ptr} = InteropUtf8.Encode(${name}))`], post: [], unsafe: true, same: false, slice: false };
    }
    const delegate = t.delegateName(type);
    if (delegate) {
      const native = local(name, 'Native');
      return {
        decl: `${delegate} ${name}`,
        arg: native,
        pre: [`var ${native} = ${slot(name)};`],
        scopes: [],
        inner: [],
        post: [],
        callback: true,
        unsafe: false,
        same: false,
        slice: false,
      };
    }
    const pattern = t.patternStruct(type);
    if (pattern?.pattern?.kind === 'option') {
      return { ...plain(`${t.raw(pattern.pattern.value, 'field')}? ${name}`, `${typeName(pattern.name)}.From(${name})`), same: false };
    }
    if (pattern?.pattern?.kind === 'slice') return this.slice(pattern.name, pattern.pattern.mutable, t.sliceElement(pattern), name, variant);
    if (type.kind === 'pointer' && !t.isHandleOut(type)) {
      const target = t.patternStruct(type.pointee);
      if (target?.pattern?.kind === 'slice') {
        // A slice passed by reference: the slice struct lives on the stack for the call.
        const inner = this.slice(target.name, target.pattern.mutable, t.sliceElement(target), name, variant);
        const value = local(name, 'Slice');
        return { ...inner, arg: `(IntPtr)(&${value})`, inner: [...inner.inner, `var ${value} = ${inner.arg};`], unsafe: true };
      }
      const pointee = t.pointeeType(type.pointee);
      if (pointee && !t.isString(type)) {
        const ptr = local(name, 'Ptr');
        return { decl: `ref ${pointee} ${name}`, arg: `(IntPtr)${ptr}`, pre: [], inner: [], scopes: [`fixed (${pointee}* ${ptr} = &${name})`], post: [], unsafe: true, same: false, slice: false };
      }
    }
    const raw = t.raw(type, 'param');
    return plain(`${raw} ${name}`, raw.startsWith('ref ') ? `ref ${name}` : name);
  }

  private slice(sliceName: string, mutable: boolean, element: { type: string; isString: boolean } | undefined, name: string, variant: SliceVariant): ParamPlan {
    const struct = typeName(sliceName);
    if (!element || element.isString) {
      const strings = local(name, 'Utf8');
      return {
        decl: `string[] ${name}`,
        arg: `new ${struct} { Data = ${strings}.Pointer, Len = (ulong)${strings}.Length }`,
        pre: [],
        inner: [],
        scopes: [`using (var ${strings} = new InteropUtf8Array(${name}))`],
        post: [],
        unsafe: false,
        same: false,
        // Strings are encoded anyway: one `string[]` overload, no span one.
        slice: false,
      };
    }
    const ptr = local(name, 'Ptr');
    const span = variant === 'span' && this.spans;
    const decl = span ? `${mutable ? 'Span' : 'ReadOnlySpan'}<${element.type}> ${name}` : `${element.type}[] ${name}`;
    const length = span ? `${name}.Length` : `(${name} == null ? 0 : ${name}.Length)`;
    return {
      decl,
      arg: `new ${struct} { Data = (IntPtr)${ptr}, Len = (ulong)${length} }`,
      pre: [],
      inner: [],
      scopes: [`fixed (${element.type}* ${ptr} = ${name})`],
      post: [],
      unsafe: true,
      same: false,
      slice: true,
    };
  }

  /** The raw C# type of a value (an out parameter's local). */
  rawType(type: TypeRef): string {
    return this.types.raw(type, 'field');
  }

  /** The plan of a result held in the local `value` (`_result` unless a method's out parameter). */
  result(type: TypeRef, value = '_result'): ReturnPlan {
    const t = this.types;
    if (type.kind === 'primitive' && type.name === 'void') return { type: 'void', finish: [], unsafe: false, same: true };
    const error = t.errorEnum(type);
    if (error) {
      const ok = `${typeName(error.name)}.${error.pattern?.success ?? 'Ok'}`;
      return { type: 'void', finish: [`if (${value} != ${ok}) throw new ${this.exceptionOf(error.name)}(${value});`], unsafe: false, same: false };
    }
    if (t.isBool(type)) return { type: 'bool', finish: [`return ${value} != 0;`], unsafe: false, same: false };
    if (t.isString(type)) return { type: 'string', finish: [`return InteropUtf8.Decode(${value});`], unsafe: false, same: false };
    const pattern = t.patternStruct(type);
    if (pattern?.pattern?.kind === 'option') return { type: `${t.raw(pattern.pattern.value, 'field')}?`, finish: [`return ${value}.ToNullable();`], unsafe: false, same: false };
    if (pattern?.pattern?.kind === 'slice') {
      const element = t.sliceElement(pattern);
      if (element && !element.isString) {
        if (this.spans) return { type: `${pattern.pattern.mutable ? 'Span' : 'ReadOnlySpan'}<${element.type}>`, finish: [`return ${value}.AsSpan();`], unsafe: false, same: false };
        return { type: `${element.type}[]`, finish: [`return ${value}.ToArray();`], unsafe: false, same: false };
      }
    }
    return { type: t.raw(type, 'return'), finish: [`return ${value};`], unsafe: false, same: true };
  }
}

