/**
 * AST type → HIR type in a module scope: generic parameters, `Self`, crate definitions, primitives,
 * the prelude and known library types. Unknown paths become `unresolved` (an error only when an
 * exported item needs them, reported by validation).
 */
import { singleSegmentPath, type GenericArg, type TypeNode } from '../../compiler/syntax/ast.js';
import type { HirGenericArg, HirGenericParam, HirType, KnownTypeName, ModuleId, ModuleScope } from '../../compiler/hir.js';
import { EXTERN_PREFIX, lookupPath } from './scopes.js';
import { cTypeAliases, externalCrates, knownLibraryTypes, nonZeroTypes, patternCrates, patternTypes, preludeTypes, primitiveTypes, unsupportedPrimitives } from './known-types.js';
import type { PrimitiveName } from '../../compiler/hir.js';
import type { Span } from '../../compiler/source.js';

export interface TypeContext {
  readonly modules: Readonly<Record<ModuleId, ModuleScope>>;
  readonly module: ModuleId;
  /** `modules[module]`, looked up once per context rather than once per name resolved. */
  readonly scope: ModuleScope | undefined;
  /** Generic type parameters in scope. */
  readonly typeParams: ReadonlySet<string>;
  /** Const generic parameters in scope (a bare path naming one is a const argument). */
  readonly constParams: ReadonlySet<string>;
  /** The self type inside `impl` blocks. */
  readonly selfType?: HirType;
}

export function resolveType(ctx: TypeContext, t: TypeNode): HirType {
  const span = t.span;
  switch (t.kind) {
    case 'reference':
      return { kind: 'reference', mutable: t.mutable, referent: resolveType(ctx, t.referent), span };
    case 'pointer':
      return { kind: 'pointer', mutable: t.mutable, pointee: resolveType(ctx, t.pointee), span };
    case 'array':
      return { kind: 'array', element: resolveType(ctx, t.element), length: t.length, module: ctx.module, span };
    case 'slice':
      return { kind: 'slice', element: resolveType(ctx, t.element), span };
    case 'tuple':
      return t.elements.length === 0 ? { kind: 'unit', span } : { kind: 'tuple', elements: t.elements.map((e) => resolveType(ctx, e)), span };
    case 'fnPointer': {
      // Optional keys written out per case (not spread): the key order is part of `--dump-ir`.
      const params = t.params.map((p) => (p.name !== undefined ? { name: p.name, type: resolveType(ctx, p.type) } : { type: resolveType(ctx, p.type) }));
      const returns: HirType = t.returns ? resolveType(ctx, t.returns) : { kind: 'unit', span };
      return t.abi !== undefined
        ? { kind: 'fnPointer', abi: t.abi, params, returns, variadic: t.variadic, span }
        : { kind: 'fnPointer', params, returns, variadic: t.variadic, span };
    }
    case 'never':
      return { kind: 'never', span };
    case 'infer':
      return { kind: 'unsupported', what: 'an inferred type `_`', span };
    case 'traitObject':
      return { kind: 'unsupported', what: t.syntax === 'dyn' ? `a trait object \`dyn ${t.bounds}\`` : `\`impl ${t.bounds}\``, span };
    case 'macro':
      return { kind: 'unsupported', what: 'a type macro', span };
    case 'name':
      return resolveName(ctx, t.name, noArgs, span);
    case 'path':
      return resolvePathType(ctx, t);
  }
}

/** The arguments of every path written without any: one shared list, not one per type in the crate. */
const noArgs: readonly HirGenericArg[] = [];

function resolvePathType(ctx: TypeContext, t: Extract<TypeNode, { kind: 'path' }>): HirType {
  const segments = t.path.segments;
  const last = segments[segments.length - 1];
  const args = last?.generics ? last.generics.flatMap((a) => resolveGenericArg(ctx, a)) : noArgs;
  if (segments.length === 1 && !t.path.global && last) return resolveName(ctx, last.name, args, t.span);
  return resolveQualified(ctx, segments.map((s) => s.name), t.path.global, args, t.span);
}

/**
 * A one-segment path (`u8`, `Point`, `T`): most types in a crate. Answers what `lookupPath` would
 * from the module scope directly, without building a segment list or a target per type.
 */
function resolveName(ctx: TypeContext, name: string, args: readonly HirGenericArg[], span: Span): HirType {
  if (ctx.typeParams.has(name)) return { kind: 'param', name, span };
  if (name === 'Self') return ctx.selfType ?? { kind: 'unresolved', text: name, span };
  if (name === 'crate' || name === 'self' || name === 'super' || name === '<qualified>') return resolveQualified(ctx, [name], false, args, span);
  const entry = ctx.scope?.types.get(name);
  if (typeof entry === 'string' && !entry.startsWith(EXTERN_PREFIX)) return { kind: 'def', def: entry, args, span };
  if (entry !== undefined || externalCrates.has(name)) return resolveQualified(ctx, [name], false, args, span);
  if (primitiveTypes.has(name)) return { kind: 'primitive', name: name as PrimitiveName, span };
  if (unsupportedPrimitives.has(name)) return { kind: 'known', name: name as KnownTypeName, args, span };
  if (preludeTypes.has(name)) return { kind: 'known', name: name as KnownTypeName, args, span };
  return fromExternalGlob(ctx, name, args, span) ?? { kind: 'unresolved', text: name, span };
}

/** `c_int` after `use std::os::raw::*`: a name interopc knows in a crate the module glob-imports. */
function fromExternalGlob(ctx: TypeContext, name: string, args: readonly HirGenericArg[], span: Span): HirType | undefined {
  for (const glob of ctx.scope?.externalGlobs ?? []) {
    const found = externalType([...glob, name], args, [...glob, name].join('::'), span);
    if (found.kind !== 'unresolved') return found;
  }
  return undefined;
}

/** Any path, through `lookupPath`. `text` (the path as written) is joined only for the types that keep it. */
function resolveQualified(ctx: TypeContext, names: readonly string[], global: boolean, args: readonly HirGenericArg[], span: Span): HirType {
  if (names.length === 1 && !global) {
    const name = names[0] as string;
    if (ctx.typeParams.has(name)) return { kind: 'param', name, span };
    if (name === 'Self') return ctx.selfType ?? { kind: 'unresolved', text: names.join('::'), span };
  }
  if (names[0] === '<qualified>') return { kind: 'unsupported', what: 'a qualified path `<T as Trait>::…`', span };
  const target = lookupPath(ctx.modules, ctx.module, names, global, 'types');
  if (target?.kind === 'def') return { kind: 'def', def: target.def, args, span };
  if (target?.kind === 'extern') return externalType(target.path, args, names.join('::'), span);
  if (target?.kind === 'module') return { kind: 'unresolved', text: names.join('::'), span };
  if (names.length === 1) {
    const name = names[0] as string;
    if (primitiveTypes.has(name)) return { kind: 'primitive', name: name as PrimitiveName, span };
    if (unsupportedPrimitives.has(name)) return { kind: 'known', name: name as KnownTypeName, args, span };
    if (preludeTypes.has(name)) return { kind: 'known', name: name as KnownTypeName, args, span };
  }
  return { kind: 'unresolved', text: names.join('::'), span };
}

function externalType(path: readonly string[], args: readonly HirGenericArg[], text: string, span: TypeNode['span']): HirType {
  const last = path[path.length - 1] ?? '';
  const fromPatternCrate = patternCrates.has(path[0] ?? '');
  const pattern = fromPatternCrate ? patternTypes[last] : undefined;
  if (pattern) return { kind: 'pattern', name: pattern, args, span };
  // Interoptopus' `FFICChar` is a C `char` by another name.
  if (fromPatternCrate && last === 'FFICChar') return { kind: 'primitive', name: 'c_char', span };
  const alias = cTypeAliases[last];
  if (alias) return { kind: 'primitive', name: alias, span };
  const nonZero = nonZeroTypes[last];
  if (nonZero) return { kind: 'known', name: 'NonZero', args: [{ kind: 'type', type: { kind: 'primitive', name: nonZero, span } }], span };
  if (knownLibraryTypes.has(last as KnownTypeName)) return { kind: 'known', name: last as KnownTypeName, args, span };
  if (path.length === 2 && path[1] && primitiveTypes.has(path[1])) return { kind: 'primitive', name: path[1] as PrimitiveName, span };
  return { kind: 'unresolved', text, span };
}

function resolveGenericArg(ctx: TypeContext, a: GenericArg): HirGenericArg[] {
  switch (a.kind) {
    case 'lifetime':
      return [{ kind: 'lifetime' }];
    case 'const':
      return [{ kind: 'const', value: a.value, module: ctx.module, span: a.span }];
    case 'binding':
      return [];
    case 'type': {
      // `Foo<N>` where N is a const parameter or a constant: a const argument, not a type.
      const t = a.type;
      const path = t.kind === 'name' ? singleSegmentPath(t.name, t.span) : t.kind === 'path' && t.path.segments.length === 1 && !t.path.segments[0]?.generics ? t.path : undefined;
      if (path) {
        const name = path.segments[0]?.name ?? '';
        const isConst = ctx.constParams.has(name) || (ctx.scope?.values.has(name) === true && ctx.scope.types.has(name) !== true && !ctx.typeParams.has(name));
        if (isConst) return [{ kind: 'const', value: { kind: 'path', path, span: t.span }, module: ctx.module, span: t.span }];
      }
      return [{ kind: 'type', type: resolveType(ctx, t) }];
    }
  }
}

const noNames: ReadonlySet<string> = new Set();

/** The type context of an item of `module` with these generic parameters (and `Self`, in an impl). */
export function typeContext(modules: Readonly<Record<ModuleId, ModuleScope>>, module: ModuleId, params: readonly HirGenericParam[], selfType?: HirType): TypeContext {
  // Most items have no generics: they share one empty set instead of filtering into new ones.
  const typeParams = params.length === 0 ? noNames : new Set(params.filter((p) => p.kind === 'type').map((p) => p.name));
  const constParams = params.length === 0 ? noNames : new Set(params.filter((p) => p.kind === 'const').map((p) => p.name));
  const scope = modules[module];
  return selfType ? { modules, module, scope, typeParams, constParams, selfType } : { modules, module, scope, typeParams, constParams };
}
