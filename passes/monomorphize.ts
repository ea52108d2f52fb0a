/**
 * Pass `monomorphize`: evaluated, validated HIR → draft IR (no layouts yet). Every type instance
 * reachable from an export root becomes one concrete declaration (`Generic<u32>` → `Generic_u32`),
 * aliases become named `alias` declarations, types without a C layout that are only used behind
 * pointers become `opaque`, and constants get their exact values. Relies on `validate-ffi`: any
 * type that reaches here has a C form.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { ConstValue, Def, EvaluatedProgram, HirGenericArg, HirGenericParam, HirType } from '../compiler/hir.js';
import { IR_VERSION, prim, type IrPrimitive, type IrConstValue, type IrConstant, type IrField, type IrFunction, type IrModule, type IrService, type IrStructPattern, type IrTypeDecl, type TypeRef } from '../compiler/ir.js';
import { right, type CfgSet, type Pass, type PassContext } from '../compiler/pass.js';
import type { Span } from '../compiler/source.js';
import { InternalError } from '../compiler/assert.js';
import { ConstEvaluator, expectedOf } from './support/const-eval.js';
import { arrayLength } from './support/array-length.js';
import { bindGenerics, completeArgs, emptyGenericEnv, substitute, substituteArgs, type GenericEnv } from './support/substitute.js';
import { argsText, typeText, type ConstArgText } from './support/type-text.js';
import { floatText } from './support/float-text.js';
import { hasIrForm, isZeroSized, unalias } from './support/type-shapes.js';
import { snakeCase } from './support/case.js';

/**
 * One TypeRef per primitive, shared: TypeRefs are immutable, and a crate names a handful of
 * primitives tens of thousands of times.
 */
const primitiveRefs = new Map<string, TypeRef>();
function primitiveRef(name: string): TypeRef {
  let ref = primitiveRefs.get(name);
  if (ref === undefined) primitiveRefs.set(name, (ref = prim((name === 'c_void' ? 'void' : name) as IrPrimitive)));
  return ref;
}

class Monomorphizer {
  readonly types: IrTypeDecl[] = [];
  private readonly byId = new Map<string, IrTypeDecl | 'pending'>();
  private readonly evaluator: ConstEvaluator;
  readonly constText: ConstArgText;

  constructor(
    private readonly program: EvaluatedProgram,
    cfg: CfgSet,
    environment: ReadonlyMap<string, string>,
  ) {
    this.evaluator = new ConstEvaluator(program, cfg, environment);
    // Const arguments appear in ids as Rust would write them: `5`, `-1`, `true`, `'a'`.
    this.constText = (arg) => {
      const value = this.constValue(arg);
      return value.kind === 'char' ? `'${charText(value.value)}'` : String(value.value);
    };
  }

  typeRef(t: HirType, env: GenericEnv): TypeRef {
    switch (t.kind) {
      case 'primitive':
        return primitiveRef(t.name);
      case 'unit':
      case 'never':
        return primitiveRef('void');
      case 'param': {
        const bound = env.types.get(t.name);
        if (!bound) throw new InternalError(`unbound generic parameter ${t.name}`);
        return this.typeRef(bound, emptyGenericEnv);
      }
      case 'def':
        return this.defRef(t, env);
      case 'pointer':
        return { kind: 'pointer', mutable: t.mutable, nullable: true, pointee: this.typeRef(t.pointee, env) };
      case 'reference':
        return { kind: 'pointer', mutable: t.mutable, nullable: false, pointee: this.typeRef(t.referent, env) };
      case 'array': {
        const length = arrayLength(this.evaluator, t, env);
        if (!length.ok) throw new InternalError(`array length not evaluable after validation: ${length.diagnostic.message}`);
        return { kind: 'array', element: this.typeRef(t.element, env), length: length.length };
      }
      case 'fnPointer':
        return {
          kind: 'fnPointer',
          nullable: false,
          signature: {
            params: t.params.map((p, i) => ({ name: p.name ?? `arg${i}`, type: this.typeRef(p.type, env) })),
            returns: this.typeRef(t.returns, env),
          },
        };
      case 'known':
        return this.knownRef(t, env);
      case 'pattern':
      case 'slice':
      case 'tuple':
      case 'unresolved':
      case 'unsupported':
        throw new InternalError(`type without a C form after validation: ${t.kind}`);
    }
  }

  private knownRef(t: Extract<HirType, { kind: 'known' }>, env: GenericEnv): TypeRef {
    // Zero-sized: validation lets them through only behind a pointer, which C sees as `void *`.
    if (t.name === 'PhantomData' || t.name === 'PhantomPinned') return { kind: 'primitive', name: 'void' };
    const arg = t.args.find((a): a is Extract<HirGenericArg, { kind: 'type' }> => a.kind === 'type');
    if (!arg) throw new InternalError(`${t.name} without a type argument`);
    const written = substitute(arg.type, env);
    const inner = this.typeRef(unalias(written, this.program), emptyGenericEnv);
    switch (t.name) {
      case 'Option':
        // `Option<Callback>` keeps the callback's name, as hand-written bindings would.
        if (inner.kind === 'fnPointer' && written.kind === 'def') {
          const alias = this.plainAlias(written);
          if (alias) return { kind: 'named', id: this.ensureAlias(alias, written.span), nullable: true };
        }
        if (inner.kind === 'pointer' || inner.kind === 'fnPointer') return { ...inner, nullable: true };
        // `Option<NonZero<T>>` is `T`, with zero for `None`.
        if (inner.kind === 'primitive') return inner;
        throw new InternalError('Option of a non-pointer after validation');
      case 'NonNull':
      case 'Box':
        return { kind: 'pointer', mutable: true, nullable: false, pointee: this.typeRef(arg.type, env) };
      case 'ManuallyDrop':
      case 'MaybeUninit':
      case 'NonZero':
      case 'Cell':
      case 'UnsafeCell':
      case 'Pin':
        return this.typeRef(arg.type, env);
      default:
        throw new InternalError(`${t.name} after validation`);
    }
  }

  /** The arguments a name shows: trailing ones equal to their parameter's default are left out (`Foo_i16`, not `Foo_i16_c_void`). */
  private withoutTrailingDefaults(params: readonly HirGenericParam[], args: readonly HirGenericArg[]): readonly HirGenericArg[] {
    if (args.length === 0) return args;
    const ps = params.filter((p) => p.kind !== 'lifetime');
    let end = args.length;
    while (end > 0) {
      const p = ps[end - 1];
      const a = args[end - 1];
      if (!p?.default || !a) break;
      const defaults = completeArgs(ps.slice(0, end), args.slice(0, end - 1));
      const standIn = defaults?.[end - 1];
      if (!standIn || argsText([standIn], this.constText) !== argsText([a], this.constText)) break;
      end--;
    }
    return end === args.length ? args : args.slice(0, end);
  }

  /** The alias `t` names when it has no type or const parameters (one declaration in the IR). */
  private plainAlias(t: Extract<HirType, { kind: 'def' }>): Extract<Def, { kind: 'alias' }> | undefined {
    const def = this.program.defs.get(t.def);
    return def?.kind === 'alias' && def.generics.every((g) => g.kind === 'lifetime') ? def : undefined;
  }

  private defRef(t: Extract<HirType, { kind: 'def' }>, env: GenericEnv): TypeRef {
    const def = this.program.defs.get(t.def);
    if (!def) throw new InternalError(`unknown def ${t.def}`);
    const args = substituteArgs(t.args, env);
    if (def.kind === 'alias') {
      if (def.generics.some((g) => g.kind !== 'lifetime')) {
        const bound = bindGenerics(def.generics, args, emptyGenericEnv);
        if (!bound) throw new InternalError(`alias arity ${def.id}`);
        return this.typeRef(substitute(def.target, bound), emptyGenericEnv);
      }
      return { kind: 'named', id: this.ensureAlias(def, t.span) };
    }
    return { kind: 'named', id: this.ensureInstance(def, args, t.span) };
  }

  /** `useSpan`: where the type is first used, the declaration's place for pattern types (they have no source here). */
  private ensureAlias(def: Extract<Def, { kind: 'alias' }>, useSpan: Span): string {
    const id = def.id;
    if (!this.byId.has(id)) {
      this.byId.set(id, 'pending');
      const target = this.typeRef(def.target, emptyGenericEnv);
      const pattern = def.callback ? ({ kind: 'callback' } as const) : def.pattern ? ({ kind: def.pattern } as const) : undefined;
      const [span, nameSpan] = def.pattern ? [useSpan, useSpan] : [def.span, def.nameSpan];
      const decl: IrTypeDecl = pattern
        ? { kind: 'alias', id, name: def.name, rustType: id, docs: def.docs, span, nameSpan, target, pattern }
        : { kind: 'alias', id, name: def.name, rustType: id, docs: def.docs, span, nameSpan, target };
      this.byId.set(id, decl);
      this.types.push(decl);
    }
    return id;
  }

  private ensureInstance(def: Def, written: readonly HirGenericArg[], useSpan: Span): string {
    if (def.kind !== 'struct' && def.kind !== 'union' && def.kind !== 'enum') throw new InternalError(`not a type: ${def.id}`);
    // `Foo<i16>` and `Foo<i16, c_void>` are one type when `P = c_void` is a default: one instance.
    const args = completeArgs(def.generics, written) ?? written;
    const id = args.length === 0 ? def.id : def.id + argsText(args, this.constText);
    if (this.byId.has(id)) return id;
    this.byId.set(id, 'pending');
    const bound = bindGenerics(def.generics, args, emptyGenericEnv) ?? emptyGenericEnv;
    const baseName = def.ffiType?.name ?? def.name;
    const shown = this.withoutTrailingDefaults(def.generics, args.length === 0 ? args : args.filter((a) => a.kind !== 'lifetime'));
    const name = shown.length === 0 ? baseName : [baseName, ...shown.map((a) => this.mangle(a))].join('_');
    const { docs } = def;
    const patternDef = def.kind === 'struct' ? def.pattern : undefined;
    const [span, nameSpan] = patternDef ? [useSpan, useSpan] : [def.span, def.nameSpan];
    const hasLayout = def.kind === 'enum' ? def.repr.c || def.repr.int !== undefined : def.repr.c || def.repr.transparent;
    // Declarations are literals in key order (the order is part of `--dump-ir`), not spreads of a
    // base; only the rare packed/aligned records still spread their optional keys.
    let decl: IrTypeDecl;
    if (def.ffiType?.opaque || !hasLayout) decl = { kind: 'opaque', id, name, rustType: id, docs, span, nameSpan };
    else if (def.kind === 'enum' && def.variants.some((v) => v.fields.length > 0)) decl = this.dataEnum(def, { id, name, docs, span, nameSpan }, bound);
    else if (def.kind === 'enum') {
      const values = this.program.discriminants.get(def.id) ?? [];
      const variants = def.variants.map((v, i) => ({ name: v.name, value: (values[i] ?? 0n).toString(), docs: v.docs }));
      const roles = def.errorRoles;
      const pattern = roles ? { kind: 'error' as const, success: roles.success, null: roles.null, panic: roles.panic } : undefined;
      decl = pattern
        ? { kind: 'enum', id, name, rustType: id, docs, span, nameSpan, pattern, repr: def.repr.int ?? 'c_int', variants }
        : { kind: 'enum', id, name, rustType: id, docs, span, nameSpan, repr: def.repr.int ?? 'c_int', variants };
    } else {
      const skip = def.ffiType?.skip;
      const tuple = def.kind === 'struct' && def.shape === 'tuple';
      const fields: IrField[] = [];
      for (const f of def.fields) {
        if (skip?.includes(f.name) || isZeroSized(substitute(f.type, bound))) continue;
        fields.push({ name: tuple ? `_${f.name}` : f.name, rustName: f.name, type: this.typeRef(f.type, bound), docs: f.docs, isPublic: f.isPublic });
      }
      const { packed, align } = def.repr;
      if (packed === undefined && align === undefined) {
        const pattern = patternDef ? irPattern(patternDef, fields) : undefined;
        decl =
          def.kind === 'struct'
            ? pattern
              ? { kind: 'struct', id, name, rustType: id, docs, span, nameSpan, pattern, shape: tuple ? 'tuple' : 'named', transparent: def.repr.transparent, fields }
              : { kind: 'struct', id, name, rustType: id, docs, span, nameSpan, shape: tuple ? 'tuple' : 'named', transparent: def.repr.transparent, fields }
            : { kind: 'union', id, name, rustType: id, docs, span, nameSpan, fields };
      } else {
        const base = { id, name, rustType: id, docs, span, nameSpan };
        const layoutOptions = { ...(packed !== undefined ? { packed } : {}), ...(align !== undefined ? { align } : {}) };
        decl =
          def.kind === 'struct'
            ? { kind: 'struct', ...base, shape: tuple ? 'tuple' : 'named', transparent: def.repr.transparent, ...layoutOptions, fields }
            : { kind: 'union', ...base, ...layoutOptions, fields };
      }
    }
    this.byId.set(id, decl);
    this.types.push(decl);
    return id;
  }

  /**
   * A data enum as RFC 2195 lays it out, in declarations every backend already knows: a tag enum,
   * one struct per variant with data, and
   * - for `repr(C)` and `repr(C, u8)`: a struct of the tag and a union of the variant structs;
   * - for `repr(u8)` alone: a union of the tag and the variant structs, each starting with the tag.
   */
  private dataEnum(def: Extract<Def, { kind: 'enum' }>, base: { id: string; name: string; docs: readonly string[]; span: Span; nameSpan: Span }, bound: GenericEnv): IrTypeDecl {
    const { id, name, span, nameSpan } = base;
    const values = this.program.discriminants.get(def.id) ?? [];
    const variants = def.variants.map((v, i) => ({ name: v.name, value: (values[i] ?? 0n).toString(), docs: v.docs }));
    const tag = this.register({ kind: 'enum', id: `${id}::Tag`, name: `${name}_Tag`, rustType: `${id}::Tag`, docs: [`The tag of \`${name}\`: which variant it holds.`], span, nameSpan, repr: def.repr.int ?? 'c_int', variants });
    const field = (fieldName: string, rustName: string, type: TypeRef, docs: readonly string[]): IrField => ({ name: fieldName, rustName, type, docs, isPublic: true });
    const tagField = field('tag', 'tag', { kind: 'named', id: tag.id }, []);
    const leadingTag = !def.repr.c;
    const members: IrField[] = [];
    for (const v of def.variants) {
      if (v.fields.length === 0) continue;
      const fields = leadingTag ? [tagField] : [];
      for (const f of v.fields) {
        if (isZeroSized(substitute(f.type, bound))) continue;
        fields.push(field(/^\d+$/.test(f.name) ? `_${f.name}` : f.name, f.name, this.typeRef(f.type, bound), f.docs));
      }
      const body = this.register({ kind: 'struct', id: `${id}::${v.name}`, name: `${name}_${v.name}_Body`, rustType: `${id}::${v.name}`, docs: v.docs, span, nameSpan, shape: 'named', transparent: false, fields });
      const member = snakeCase(v.name);
      // The variant's docs are on its tag value and its struct already.
      members.push(field(member === 'tag' || member === 'body' ? `${member}_` : member, v.name, { kind: 'named', id: body.id }, []));
    }
    if (leadingTag) return { kind: 'union', id, name, rustType: id, docs: base.docs, span, nameSpan, fields: [tagField, ...members] };
    const union = this.register({ kind: 'union', id: `${id}::Body`, name: `${name}_Body`, rustType: `${id}::Body`, docs: [], span, nameSpan, fields: members });
    return { kind: 'struct', id, name, rustType: id, docs: base.docs, span, nameSpan, shape: 'named', transparent: false, fields: [tagField, field('body', 'body', { kind: 'named', id: union.id }, [])] };
  }

  /** A declaration made here (the parts of a data enum), placed before the declaration that uses it. */
  private register<D extends IrTypeDecl>(decl: D): D {
    this.byId.set(decl.id, decl);
    this.types.push(decl);
    return decl;
  }

  /** The value of a const generic argument: an integer, a bool or a char (validation checked it). */
  private constValue(arg: Extract<HirGenericArg, { kind: 'const' }>): Extract<ConstValue, { kind: 'int' | 'bool' | 'char' }> {
    const r = this.evaluator.evaluate(arg.value, arg.module, 'usize');
    if (!r.ok || (r.value.kind !== 'int' && r.value.kind !== 'bool' && r.value.kind !== 'char')) {
      throw new InternalError(`const argument not evaluable after validation: ${r.ok ? r.value.kind : r.diagnostic.message}`);
    }
    return r.value;
  }

  /**
   * Name fragment of a generic argument: `u32`, `Vec3f32`, `ptr_u8`, `5`, `neg1`, `true`, and a
   * char as its code point (`u61` for `'a'`), so that names stay identifiers in every target.
   */
  private mangle(a: HirGenericArg): string {
    if (a.kind === 'const') {
      const value = this.constValue(a);
      if (value.kind === 'char') return `u${value.value.toString(16)}`;
      return String(value.value).replace(/^-/, 'neg');
    }
    if (a.kind === 'lifetime') return '';
    if (!hasIrForm(a.type)) return nameFromText(typeText(a.type, this.constText));
    const ref = this.typeRef(a.type, emptyGenericEnv);
    return this.mangleRef(ref);
  }

  private mangleRef(ref: TypeRef): string {
    switch (ref.kind) {
      case 'primitive':
        return ref.name;
      case 'named': {
        const decl = this.byId.get(ref.id);
        return decl && decl !== 'pending' ? decl.name : (ref.id.split('::').pop() ?? ref.id);
      }
      case 'pointer':
        return `${ref.mutable ? 'ptr_mut' : 'ptr'}_${this.mangleRef(ref.pointee)}`;
      case 'array':
        return `arr${ref.length}_${this.mangleRef(ref.element)}`;
      case 'fnPointer':
        return 'fn';
    }
  }

  constant(def: Extract<Def, { kind: 'const' }>, value: ConstValue): IrConstant {
    const expected = expectedOf(def.type, this.program);
    const type: TypeRef = expected === 'str' ? { kind: 'pointer', mutable: false, nullable: false, pointee: { kind: 'primitive', name: 'c_char' } } : this.typeRef(def.type, emptyGenericEnv);
    return { id: def.id, name: def.name, rustPath: def.id, type, value: constValue(value), docs: def.docs, span: def.span };
  }
}

function constValue(v: ConstValue): IrConstValue {
  switch (v.kind) {
    case 'int':
      return { kind: 'int', value: v.value.toString() };
    case 'float':
      return { kind: 'float', value: floatText(v.value, v.type) };
    case 'bool':
      return { kind: 'bool', value: v.value };
    case 'char':
      return { kind: 'char', value: v.value };
    case 'str':
      return { kind: 'string', value: v.value };
  }
}

/** The IR meaning of a pattern struct, read off its lowered fields (`data: *T` or `t: T`). */
function irPattern(pattern: NonNullable<Extract<Def, { kind: 'struct' }>['pattern']>, fields: readonly IrField[]): IrStructPattern {
  const first = fields[0]?.type;
  if (!first) throw new InternalError('a pattern struct without fields');
  if (pattern.kind === 'option') return { kind: 'option', value: first };
  if (first.kind !== 'pointer') throw new InternalError('a slice whose data is not a pointer');
  return { kind: 'slice', element: first.pointee, mutable: pattern.mutable };
}

/** `#[ffi_api_guard]` (any path ending so), checked for its shape by `validate-ffi`. */
function isApiGuard(fn: Extract<Def, { kind: 'fn' }>): boolean {
  for (const a of fn.attrs) if (a.path === 'ffi_api_guard' || a.path.endsWith('::ffi_api_guard')) return true;
  return false;
}

export const monomorphize: Pass<EvaluatedProgram, IrModule> = {
  name: 'monomorphize',
  run(program: EvaluatedProgram, ctx: PassContext): Either<Diagnostics, IrModule> {
    const mono = new Monomorphizer(program, ctx.cfg, ctx.env);
    const functions: IrFunction[] = [];
    let apiGuard: IrModule['apiGuard'];
    for (const id of program.roots.functions) {
      const fn = program.defs.get(id);
      if (fn?.kind !== 'fn' || fn.exportName === undefined) continue;
      if (!apiGuard && (id === program.apiGuard || isApiGuard(fn))) apiGuard = { function: fn.exportName, span: fn.nameSpan };
      functions.push({
        name: fn.exportName,
        rustPath: fn.id,
        signature: { params: fn.params.map((p) => ({ name: p.name, type: mono.typeRef(p.type, emptyGenericEnv) })), returns: mono.typeRef(fn.returns, emptyGenericEnv) },
        docs: fn.docs,
        isUnsafe: fn.isUnsafe,
        span: fn.span,
      });
    }
    const constants: IrConstant[] = [];
    for (const id of program.roots.constants) {
      const def = program.defs.get(id);
      const value = program.constValues.get(id);
      if (def?.kind === 'const' && value) constants.push(mono.constant(def, value));
    }
    for (const id of program.roots.types) {
      const def = program.defs.get(id);
      if (def) mono.typeRef({ kind: 'def', def: id, args: [], span: def.nameSpan }, emptyGenericEnv);
    }
    const symbolOf = (id: string): string => {
      const def = program.defs.get(id);
      return def?.kind === 'fn' && def.exportName !== undefined ? def.exportName : id;
    };
    const services: IrService[] = program.services.map((s) => {
      const handle = mono.typeRef(s.selfType, emptyGenericEnv);
      const error = mono.typeRef(s.error, emptyGenericEnv);
      if (handle.kind !== 'named' || error.kind !== 'named') throw new InternalError(`service ${s.name} without a named handle and error type`);
      return {
        name: s.name,
        handle: handle.id,
        error: error.id,
        docs: s.docs,
        span: s.span,
        constructors: s.constructors.map((c) => ({ function: symbolOf(c.function), name: c.name })),
        destructor: symbolOf(s.destructor),
        methods: s.methods.map((m) => ({ function: symbolOf(m.function), name: m.name, mutable: m.mutable, result: m.result, onPanic: m.onPanic })),
      };
    });
    return right({
      irVersion: IR_VERSION,
      crate: { name: program.crateName },
      target: { triple: 'x86_64-unknown-linux-gnu', pointerWidth: 8 },
      types: mono.types,
      functions,
      services,
      ...(apiGuard ? { apiGuard } : {}),
      constants,
    });
  },
};

/** A char as it stands between quotes in Rust: printable ASCII as itself, the rest as `\u{…}`. */
function charText(code: number): string {
  const printable = code >= 0x20 && code < 0x7f && code !== 0x27 && code !== 0x5c;
  return printable ? String.fromCharCode(code) : `\\u{${code.toString(16)}}`;
}

/** `RefCell_i32` for `std::cell::RefCell<i32>`: paths dropped, the rest made an identifier. */
function nameFromText(text: string): string {
  return text.replace(/\b[A-Za-z_][A-Za-z0-9_]*::/g, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}
