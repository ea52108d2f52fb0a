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
import type { Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { AliasDef, Def, DefId, HirField, HirProgram, HirType, PatternTypeName, StructDef } from '../compiler/hir.js';
import { mapHirType, mapTypeArgs, mapTyped, type TypeMapper } from './support/map-type.js';
import { right, type Pass } from '../compiler/pass.js';
import type { Span } from '../compiler/source.js';
import { pub } from '../compiler/syntax/ast.js';

const idOf = (name: PatternTypeName): DefId => `interopc::${name}`;

function field(name: string, type: HirType, span: Span): HirField {
  return { name, type, isPublic: true, docs: [], span };
}

/** The definition a pattern type stands for; `span` is its first use (declarations sort by it). */
function patternDef(name: PatternTypeName, span: Span): Def {
  const base = { id: idOf(name), name, module: 'interopc', vis: pub, docs: [], attrs: [], span, nameSpan: span };
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

/** Replaces well-formed pattern types by references to their definitions, adding those. */
class Lowering implements TypeMapper {
  readonly added = new Map<DefId, Def>();

  readonly leaf = (t: HirType, mapper: TypeMapper): HirType | undefined => {
    if (t.kind !== 'pattern') return undefined;
    const args = mapTypeArgs(t.args, mapper);
    const needsElement = t.name === 'Slice' || t.name === 'SliceMut' || t.name === 'FfiOption';
    if (needsElement && !args.some((a) => a.kind === 'type')) return args === t.args ? t : { ...t, args };
    const id = idOf(t.name);
    if (!this.added.has(id)) this.added.set(id, patternDef(t.name, t.span));
    return { kind: 'def', def: id, args, span: t.span };
  };

  def(def: Def): Def {
    switch (def.kind) {
      case 'struct':
      case 'union': {
        const fields = mapTyped(def.fields, this);
        return fields === def.fields ? def : { ...def, fields };
      }
      case 'enum': {
        let variants: (typeof def.variants)[number][] | undefined;
        def.variants.forEach((v, i) => {
          const fields = mapTyped(v.fields, this);
          if (fields === v.fields) return;
          variants ??= def.variants.slice();
          variants[i] = { ...v, fields };
        });
        return variants ? { ...def, variants } : def;
      }
      case 'alias': {
        const target = mapHirType(def.target, this);
        return target === def.target ? def : { ...def, target };
      }
      case 'const': {
        const type = mapHirType(def.type, this);
        return type === def.type ? def : { ...def, type };
      }
      case 'fn': {
        const params = mapTyped(def.params, this);
        const returns = mapHirType(def.returns, this);
        return params === def.params && returns === def.returns ? def : { ...def, params, returns };
      }
    }
  }
}

export const lowerPatternTypes: Pass<HirProgram, HirProgram> = {
  name: 'lower-pattern-types',
  run(program: HirProgram): Either<Diagnostics, HirProgram> {
    const lowering = new Lowering();
    // Copy-on-write: most crates use no pattern type, and big ones have tens of thousands of defs.
    // (forEach, not for-of over entries: no iterator result or entry pair per definition.)
    const changed = new Map<DefId, Def>();
    program.defs.forEach((def, id) => {
      const lowered = lowering.def(def);
      if (lowered !== def) changed.set(id, lowered);
    });
    if (changed.size === 0) return right(program);
    const defs = new Map(program.defs);
    for (const [id, def] of changed) defs.set(id, def);
    for (const [id, def] of lowering.added) defs.set(id, def);
    return right({ ...program, defs });
  },
};
