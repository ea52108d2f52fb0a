/**
 * Pass `lower-pattern-types`: the support crate's pattern types (`Slice`, `SliceMut`, `FfiOption`,
 * `Bool`, `AsciiPointer`, and Interoptopus' spellings), which resolution leaves as `pattern` types,
 * become ordinary definitions with the layouts the Rust types have — generic structs
 * `{ data: *const T, len: u64 }` and `{ t: T, is_some: u8 }`, aliases of `u8` and of a nullable
 * `*const c_char` — marked with their meaning. Monomorphization then instantiates them like any
 * generic type and carries the mark into the IR.
 * Input and output: the HIR. A pattern type without its element type stays for validation to report.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { right } from 'fp-ts/lib/Either.js';
import type { Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { AliasDef, Def, DefId, HirField, HirGenericArg, HirProgram, HirType, PatternTypeName, StructDef } from '../compiler/hir.js';
import type { Pass } from '../compiler/pass.js';
import type { Span } from '../compiler/source.js';

const idOf = (name: PatternTypeName): DefId => `interopc::${name}`;

function field(name: string, type: HirType, span: Span): HirField {
  return { name, type, isPublic: true, docs: [], span };
}

/** The definition a pattern type stands for; `span` is its first use (declarations sort by it). */
function patternDef(name: PatternTypeName, span: Span): Def {
  const base = { id: idOf(name), name, module: 'interopc', vis: { kind: 'pub' as const, span }, docs: [], attrs: [], span, nameSpan: span };
  const t: HirType = { kind: 'param', name: 'T', span };
  const generics = [{ kind: 'lifetime' as const, name: "'a" }, { kind: 'type' as const, name: 'T' }];
  const repr = { c: true, transparent: false };
  switch (name) {
    case 'Slice':
    case 'SliceMut': {
      const mutable = name === 'SliceMut';
      const data: HirType = { kind: 'pointer', mutable, pointee: t, span };
      const def: StructDef = { kind: 'struct', ...base, generics, shape: 'named', fields: [field('data', data, span), field('len', { kind: 'primitive', name: 'u64', span }, span)], repr, pattern: { kind: 'slice', mutable } };
      return def;
    }
    case 'FfiOption': {
      const def: StructDef = { kind: 'struct', ...base, generics: [generics[1] as { kind: 'type'; name: string }], shape: 'named', fields: [field('t', t, span), field('is_some', { kind: 'primitive', name: 'u8', span }, span)], repr, pattern: { kind: 'option' } };
      return def;
    }
    case 'Bool': {
      const def: AliasDef = { kind: 'alias', ...base, generics: [], target: { kind: 'primitive', name: 'u8', span }, pattern: 'bool' };
      return def;
    }
    case 'AsciiPointer': {
      const target: HirType = { kind: 'pointer', mutable: false, pointee: { kind: 'primitive', name: 'c_char', span }, span };
      const def: AliasDef = { kind: 'alias', ...base, generics: [{ kind: 'lifetime', name: "'a" }], target, pattern: 'string' };
      return def;
    }
  }
}

class Lowering {
  readonly added = new Map<DefId, Def>();
  changed = false;

  type(t: HirType): HirType {
    switch (t.kind) {
      case 'pattern': {
        const args = this.args(t.args);
        const needsElement = t.name === 'Slice' || t.name === 'SliceMut' || t.name === 'FfiOption';
        if (needsElement && !args.some((a) => a.kind === 'type')) return args === t.args ? t : { ...t, args };
        this.changed = true;
        const id = idOf(t.name);
        if (!this.added.has(id)) this.added.set(id, patternDef(t.name, t.span));
        return { kind: 'def', def: id, args, span: t.span };
      }
      case 'def':
      case 'known': {
        const args = this.args(t.args);
        return args === t.args ? t : { ...t, args };
      }
      case 'pointer': {
        const pointee = this.type(t.pointee);
        return pointee === t.pointee ? t : { ...t, pointee };
      }
      case 'reference': {
        const referent = this.type(t.referent);
        return referent === t.referent ? t : { ...t, referent };
      }
      case 'array':
      case 'slice': {
        const element = this.type(t.element);
        return element === t.element ? t : { ...t, element };
      }
      case 'tuple': {
        const elements = t.elements.map((e) => this.type(e));
        return elements.every((e, i) => e === t.elements[i]) ? t : { ...t, elements };
      }
      case 'fnPointer': {
        const params = t.params.map((p) => {
          const type = this.type(p.type);
          return type === p.type ? p : { ...p, type };
        });
        const returns = this.type(t.returns);
        return returns === t.returns && params.every((p, i) => p === t.params[i]) ? t : { ...t, params, returns };
      }
      default:
        return t;
    }
  }

  args(args: readonly HirGenericArg[]): readonly HirGenericArg[] {
    let changed = false;
    const out = args.map((a) => {
      if (a.kind !== 'type') return a;
      const type = this.type(a.type);
      if (type === a.type) return a;
      changed = true;
      return { ...a, type };
    });
    return changed ? out : args;
  }

  fields<F extends { readonly type: HirType }>(fields: readonly F[]): readonly F[] {
    let changed = false;
    const out = fields.map((f) => {
      const type = this.type(f.type);
      if (type === f.type) return f;
      changed = true;
      return { ...f, type };
    });
    return changed ? out : fields;
  }

  def(def: Def): Def {
    switch (def.kind) {
      case 'struct':
      case 'union': {
        const fields = this.fields(def.fields);
        return fields === def.fields ? def : { ...def, fields };
      }
      case 'enum': {
        const variants = def.variants.map((v) => {
          const fields = this.fields(v.fields);
          return fields === v.fields ? v : { ...v, fields };
        });
        return variants.every((v, i) => v === def.variants[i]) ? def : { ...def, variants };
      }
      case 'alias': {
        const target = this.type(def.target);
        return target === def.target ? def : { ...def, target };
      }
      case 'const': {
        const type = this.type(def.type);
        return type === def.type ? def : { ...def, type };
      }
      case 'fn': {
        const params = this.fields(def.params);
        const returns = this.type(def.returns);
        return params === def.params && returns === def.returns ? def : { ...def, params, returns };
      }
    }
  }
}

export const lowerPatternTypes: Pass<HirProgram, HirProgram> = {
  name: 'lower-pattern-types',
  run(program: HirProgram): Either<Diagnostics, HirProgram> {
    const lowering = new Lowering();
    const defs: Record<DefId, Def> = {};
    for (const [id, def] of Object.entries(program.defs)) defs[id] = lowering.def(def);
    if (!lowering.changed) return right(program);
    for (const [id, def] of lowering.added) defs[id] = def;
    return right({ ...program, defs });
  },
};
