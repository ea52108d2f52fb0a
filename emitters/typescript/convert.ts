/**
 * Conversions between the idiomatic and the raw layer, as expressions: what a wrapper does to each
 * argument before the raw call and to the result after it, and what a callback adapter does the
 * other way round. A value that needs nothing is passed through untouched, so a function whose
 * arguments and result all need nothing is the koffi function itself (see `functions.ts`).
 */
import type { FnPointer } from './types.js';
import type { TypeRef } from '../../compiler/ir.js';
import { arrow, call, cast, cond, eq, id, member, ne, newExpr, num, obj, param, t, tRef } from './ast.js';
import { exceptionName, moduleNames, paramNames, typeName } from './names.js';
import type { TsTypes } from './types.js';

export class Converter {
  constructor(private readonly types: TsTypes) {}

  /** True when an argument of this type reaches koffi as the caller gave it. */
  argumentIsRaw(ref: TypeRef): boolean {
    const s = this.types.shape(ref);
    return !['boolPattern', 'slice', 'option', 'callback'].includes(s.kind);
  }

  /** True when koffi's result is already the idiomatic value. */
  resultIsRaw(ref: TypeRef): boolean {
    const s = this.types.shape(ref);
    return !['bigint', 'boolPattern', 'slice', 'option', 'callback'].includes(s.kind) && !(s.kind === 'enum' && s.error);
  }

  /** The raw argument for idiomatic value `value` (a callback parameter's comes from its site: functions.ts). */
  argument(ref: TypeRef, value: t.Expression): t.Expression {
    const s = this.types.shape(ref);
    switch (s.kind) {
      case 'boolPattern':
        return cond(value, num(1), num(0));
      case 'slice':
        // A typed array reaches Rust without a copy; a plain array is copied by koffi for the call.
        return cast(obj({ data: value, len: member(value, 'length') }), tRef(typeName(s.decl.name)));
      case 'option':
        return cond(
          eq(value, id('undefined')),
          cast(obj({ is_some: num(0) }), tRef(typeName(s.decl.name))),
          cast(obj({ t: this.argument(s.value, value), is_some: num(1) }), tRef(typeName(s.decl.name))),
        );
      case 'callback':
        // Only within another value (a parameter's callback goes through its site): Rust gets a registered one's pointer.
        return cond(t.binaryExpression('instanceof', value, id(moduleNames.registered)), member(value, 'address'), value);
      default:
        return value;
    }
  }

  /** True when `result` reads its value more than once (so the call's result is bound first). */
  resultReadsTwice(ref: TypeRef): boolean {
    const kind = this.types.shape(ref).kind;
    return kind === 'option' || kind === 'callback';
  }

  /** The idiomatic result for raw result `value` (an error code throws instead). */
  result(ref: TypeRef, value: t.Expression): t.Expression {
    const s = this.types.shape(ref);
    switch (s.kind) {
      case 'bigint':
        return call('BigInt', value);
      case 'boolPattern':
        return ne(value, num(0));
      case 'slice': {
        const typed = this.types.typedArray(s.element);
        return typed ? call(moduleNames.sliceCopy, value, id(typed)) : call(moduleNames.sliceDecode, value, this.types.koffi(s.element));
      }
      case 'option':
        return cond(ne(member(value, 'is_some'), num(0)), this.result(s.value, member(value, 't')), id('undefined'));
      case 'callback': {
        const fn = cast(call('koffi.decode', value, id(s.name ? typeName(s.name) : this.types.inlineProto(s.fn))), this.types.idiomaticFunction(s.fn));
        return cond(eq(value, t.nullLiteral()), t.nullLiteral(), fn);
      }
      default:
        return value;
    }
  }

  /** Throws when `code` is an error enum's failure: the statement after a call returning one. */
  check(ref: TypeRef, code: t.Expression): t.Statement | undefined {
    const s = this.types.shape(ref);
    if (s.kind !== 'enum' || !s.error) return undefined;
    return t.ifStatement(ne(code, num(Number(s.success))), t.throwStatement(newExpr(exceptionName(s.name), code)));
  }

  /**
   * The raw function koffi calls for idiomatic callback `fn`: arguments made idiomatic (slices as
   * zero-copy views, valid during the call), the result made raw. `fn` itself when nothing changes.
   */
  adapter(sig: FnPointer, fn: t.Expression): t.Expression {
    const params = sig.signature.params;
    const unchanged = params.every((p) => this.callbackArgumentIsRaw(p.type)) && this.argumentIsRaw(sig.signature.returns);
    const typed = cast(fn, this.types.rawFunction(sig));
    if (unchanged) return typed;
    const names = paramNames(params.map((p) => p.name));
    const args = params.map((p, i) => this.callbackArgument(p.type, id(names[i] ?? `arg${i}`)));
    const body = this.argument(sig.signature.returns, call(fn, ...args));
    return arrow(
      params.map((p, i) => param(names[i] ?? `arg${i}`, this.types.raw(p.type, 'out'))),
      body,
      this.types.raw(sig.signature.returns, 'in'),
    );
  }

  private callbackArgumentIsRaw(ref: TypeRef): boolean {
    const s = this.types.shape(ref);
    return !['bigint', 'boolPattern', 'slice', 'option'].includes(s.kind);
  }

  /** An argument Rust passes to a callback, as the JS function receives it. */
  private callbackArgument(ref: TypeRef, value: t.Expression): t.Expression {
    const s = this.types.shape(ref);
    if (s.kind === 'slice') {
      const typed = this.types.typedArray(s.element);
      // Immutable slices arrive decoded (a copy koffi made: see `decodedSlices`); mutable ones as a view Rust's writes go through.
      if (!s.mutable) return cast(member(value, 'data'), this.types.idiomatic(ref, 'out'));
      return typed ? call(moduleNames.sliceView, value, id(typed)) : call(moduleNames.sliceDecode, value, this.types.koffi(s.element));
    }
    if (s.kind === 'callback') return value;
    return this.result(ref, value);
  }

  /** What Rust gets from a callback that threw (the call then rethrows): zero of the result type. */
  fallback(ref: TypeRef): t.Expression {
    const s = this.types.shape(ref);
    switch (s.kind) {
      case 'void':
        return id('undefined');
      case 'bool':
        return t.booleanLiteral(false);
      case 'string':
      case 'callback':
        return t.nullLiteral();
      case 'struct':
      case 'slice':
      case 'option':
        return cast(obj({}), this.types.raw(ref, 'in'));
      case 'bigint':
        return num(0);
      case 'enum': {
        // An error enum reports the failure (its panic value), never success; others their first value.
        const decl = ref.kind === 'named' ? this.types.decl(ref.id) : undefined;
        const variant = decl?.kind === 'enum' ? (decl.variants.find((v) => v.name === decl.pattern?.panic) ?? decl.variants[0]) : undefined;
        return variant ? member(id(typeName(s.name)), variant.name) : cast(num(0), tRef(typeName(s.name)));
      }
      default:
        return ref.kind === 'pointer' ? t.nullLiteral() : num(0);
    }
  }
}
