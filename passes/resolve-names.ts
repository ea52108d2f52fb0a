/**
 * Pass `resolve-names`: crate AST → HIR. Builds one scope per module (own items, then `use`
 * imports and globs to a fixed point), turns every type written in a definition into a resolved
 * `HirType`, computes the export roots (contracts.md §2) and a report line for every item seen.
 * Invariants: every def id is `<module>::<name>`; unknown types stay `unresolved` (validation
 * reports them only when an exported item needs them).
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import type { CrateAst, Item, UseTree } from '../compiler/syntax/ast.js';
import { singleSegmentPath } from '../compiler/syntax/ast.js';
import type { Def, DefId, FnDef, HirGenericArg, HirGenericParam, HirProgram, HirType, ModuleId, ModuleScope, PatternSources, ReportEntry } from '../compiler/hir.js';
import type { Span } from '../compiler/source.js';
import { lookupPath, targetEntry } from './support/scopes.js';
import { resolveType, typeContext, type TypeContext } from './support/resolve-type.js';
import { exportNameOf, findAttribute, hasAttribute, readFfiType, readRepr } from './support/attributes.js';
import { findInventory } from './support/inventory.js';

interface MutableScope {
  id: ModuleId;
  parent?: ModuleId;
  file: string;
  types: Map<string, DefId | { module: ModuleId }>;
  values: Map<string, DefId>;
  /**
   * Names defined by this module's own items (never overwritten by imports), with the namespaces
   * they are defined in as bits (`namespaceBit`). A Map, like the Set it replaced, prints as `{}`.
   */
  own: Map<string, number>;
  publiclyReachable: boolean;
  externalGlobs?: string[][];
}

interface PendingImport {
  readonly module: ModuleId;
  readonly segments: readonly string[];
  readonly global: boolean;
  readonly alias?: string;
  readonly glob: boolean;
  readonly isPub: boolean;
  readonly span: Span;
}

interface ModuleWork {
  readonly id: ModuleId;
  readonly items: readonly Item[];
  /**
   * The def id of each item that declares a name, by the item's index: the very string its scope
   * entry holds. Types written elsewhere resolve to that string, so when definitions are keyed by
   * it too, every later lookup of a def compares two pointers instead of two equal copies of a
   * long string (several times slower on a large crate, whose strings are scattered in memory).
   */
  readonly ids: (DefId | undefined)[];
}

const isPub = (item: { vis: { kind: string } }): boolean => item.vis.kind === 'pub';

const namespaces = ['types', 'values'] as const;

/** Where each name of a module was first defined, per namespace. */
type FirstSpans = Record<'types' | 'values', Map<string, Span>>;

const namespaceBit = { types: 1, values: 2 } as const;

const isOwn = (scope: MutableScope, ns: 'types' | 'values', name: string): boolean => ((scope.own.get(name) ?? 0) & namespaceBit[ns]) !== 0;

/** Whether two scope entries are equal (a def id, or a module reference compared by module). */
function sameEntry(a: DefId | { module: ModuleId } | undefined, b: DefId | { module: ModuleId }): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.module === b.module;
}

export const resolveNames: Pass<CrateAst, HirProgram> = {
  name: 'resolve-names',
  run(crate: CrateAst, ctx: PassContext): Either<Diagnostics, HirProgram> {
    const bag = new DiagnosticBag();
    const scopes: Record<ModuleId, MutableScope> = {};
    const modules: ModuleWork[] = [];
    const imports: PendingImport[] = [];
    // Where each name was first defined, per module id (a module declared twice shares them).
    const firstSpans = new Map<ModuleId, FirstSpans>();

    // 1. Modules and their own items.
    const declare = (scope: MutableScope, spans: FirstSpans, ns: 'types' | 'values', name: string, entry: DefId | { module: ModuleId }, span: Span) => {
      const previous = spans[ns].get(name);
      if (previous) {
        bag.report('IC2003', `the name \`${name}\` is defined multiple times in \`${scope.id}\``, span, {
          labels: [{ span: previous, message: 'first defined here' }],
        });
        return;
      }
      spans[ns].set(name, span);
      (scope[ns] as Map<string, DefId | { module: ModuleId }>).set(name, entry);
      scope.own.set(name, (scope.own.get(name) ?? 0) | namespaceBit[ns]);
    };
    const visitModule = (id: ModuleId, parent: ModuleId | undefined, file: string, items: readonly Item[], reachable: boolean) => {
      const scope: MutableScope = { id, ...(parent ? { parent } : {}), file, types: new Map(), values: new Map(), own: new Map(), publiclyReachable: reachable };
      scopes[id] = scope;
      const ids: (DefId | undefined)[] = [];
      modules.push({ id, items, ids });
      let spans = firstSpans.get(id);
      if (!spans) firstSpans.set(id, (spans = { types: new Map(), values: new Map() }));
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as Item;
        switch (item.kind) {
          case 'struct':
          case 'enum':
          case 'union':
          case 'typeAlias':
          case 'trait':
            declare(scope, spans, 'types', item.name, (ids[i] = `${id}::${item.name}`), item.nameSpan);
            break;
          case 'const':
          case 'static':
          case 'fn':
            if (item.name !== '_') declare(scope, spans, 'values', item.name, (ids[i] = `${id}::${item.name}`), item.nameSpan);
            break;
          case 'mod':
            declare(scope, spans, 'types', item.name, { module: `${id}::${item.name}` }, item.nameSpan);
            visitModule(`${id}::${item.name}`, id, item.file ?? file, item.items ?? [], reachable && isPub(item));
            break;
          case 'use':
            flattenUse(item.tree, item.global, id, isPub(item), imports);
            break;
          case 'macroCall':
            if (item.callback) declare(scope, spans, 'types', item.callback.name, `${id}::${item.callback.name}`, item.callback.nameSpan);
            break;
          case 'externCrate':
          case 'impl':
          case 'externBlock':
            break;
        }
      }
    };
    visitModule('crate', undefined, crate.rootFile, crate.root.items, true);

    // 2. Imports, to a fixed point (globs may depend on other imports). A glob copies only names
    // its target lacks, and entries are never removed, so applying it again can add something only
    // after its source scope changed: each scope counts its changes, and each glob remembers the
    // count it last copied from (a large crate has thousands of names per glob).
    // Values a `pub use` brings somewhere: a constant outside the public module tree is exported
    // when it is one. Only constants ask, so type names (half of a glob) are not recorded.
    const reExported = new Set<DefId>();
    const resolvedImports = new Set<PendingImport>();
    const changes = new Map<MutableScope, number>();
    const copiedAt = new Map<PendingImport, { source: MutableScope; changes: number }>();
    const assign = (scope: MutableScope, ns: 'types' | 'values', name: string, entry: DefId | { module: ModuleId }) => {
      (scope[ns] as Map<string, DefId | { module: ModuleId }>).set(name, entry);
      changes.set(scope, (changes.get(scope) ?? 0) + 1);
    };
    for (let round = 0; round < 16; round++) {
      let changed = false;
      for (const imp of imports) {
        const scope = scopes[imp.module];
        if (!scope) continue;
        if (imp.glob) {
          const target = imp.segments.length === 0 ? undefined : lookupPath(scopes, imp.module, imp.segments, imp.global, 'types');
          if (target?.kind === 'extern' && !resolvedImports.has(imp)) {
            // Another crate's contents are unknown: its glob is consulted for names found nowhere else.
            resolvedImports.add(imp);
            (scope.externalGlobs ??= []).push([...target.path]);
          }
          if (target?.kind !== 'module') continue;
          const source = scopes[target.module];
          if (!source) continue;
          resolvedImports.add(imp);
          const sourceChanges = changes.get(source) ?? 0;
          const last = copiedAt.get(imp);
          if (last && last.source === source && last.changes === sourceChanges) continue;
          // Own names are in the scope too, so `has` also keeps a glob from shadowing them. The
          // changes are counted once per copy, not per name (a glob copies thousands).
          // (forEach, not for-of over entries: no entry pair per name.)
          let copied = 0;
          for (const ns of namespaces) {
            const into = scope[ns] as Map<string, DefId | { module: ModuleId }>;
            const record = imp.isPub && ns === 'values';
            source[ns].forEach((entry, name) => {
              if (into.has(name)) return;
              into.set(name, entry);
              copied++;
              if (record && typeof entry === 'string') reExported.add(entry);
            });
          }
          if (copied > 0) {
            changes.set(scope, (changes.get(scope) ?? 0) + copied);
            changed = true;
          }
          // Read after copying: a glob of its own module changes its source while it copies.
          copiedAt.set(imp, { source, changes: changes.get(source) ?? 0 });
          continue;
        }
        const name = imp.alias ?? imp.segments[imp.segments.length - 1] ?? '';
        if (name === '_' || name === 'self') continue;
        for (const ns of namespaces) {
          const target = lookupPath(scopes, imp.module, imp.segments, imp.global, ns);
          if (!target || (ns === 'values' && target.kind === 'module')) continue;
          resolvedImports.add(imp);
          if (isOwn(scope, ns, name)) continue;
          const entry = targetEntry(target);
          if (sameEntry(scope[ns].get(name), entry)) continue;
          assign(scope, ns, name, entry);
          changed = true;
          if (imp.isPub && ns === 'values' && typeof entry === 'string') reExported.add(entry);
        }
      }
      if (!changed) break;
    }
    for (const imp of imports) {
      if (resolvedImports.has(imp) || imp.global) continue;
      const first = imp.segments[0];
      if (first === 'crate' || first === 'self' || first === 'super') {
        ctx.warn({ code: 'IC2002', severity: 'warning', message: `unresolved import \`${imp.segments.join('::')}\``, span: imp.span });
      }
    }

    // 3. Definitions.
    const frozen: Record<ModuleId, ModuleScope> = scopes;
    const defs = new Map<DefId, Def>();
    const report: ReportEntry[] = [];
    const roots = { functions: [] as DefId[], constants: [] as DefId[], types: [] as DefId[] };
    const inventory = findInventory(modules);
    const sources: MutableSources = { callbacks: [], services: [], ...(inventory ? { inventory } : {}), errorEnums: [] };
    for (const m of modules) collectDefs(m, frozen, defs, report, roots, sources, bag, scopes[m.id]?.publiclyReachable ?? false, reExported);

    for (const path of ctx.include) {
      const id = `crate::${path.replace(/^crate::/, '')}`;
      if (defs.has(id)) roots.types.push(id);
      else bag.report('IC2008', `\`include\` names \`${path}\`, which is not a type of this crate`);
    }
    const program: HirProgram = { crateName: crate.name, patternSources: sources, defs, modules: frozen, roots, services: [], report };
    return finish(program, bag.all, ctx);
  },
};

function flattenUse(tree: UseTree, global: boolean, module: ModuleId, isPub: boolean, out: PendingImport[], prefix: readonly string[] = []): void {
  switch (tree.kind) {
    case 'path': {
      let segments = [...prefix, ...tree.path];
      // `use a::b::{self}` imports `b`.
      if (segments[segments.length - 1] === 'self' && segments.length > 1) segments = segments.slice(0, -1);
      out.push({ module, segments, global, ...(tree.rename ? { alias: tree.rename } : {}), glob: false, isPub, span: tree.span });
      return;
    }
    case 'glob':
      out.push({ module, segments: [...prefix, ...tree.prefix], global, glob: true, isPub, span: tree.span });
      return;
    case 'group':
      for (const t of tree.trees) flattenUse(t, global, module, isPub, out, [...prefix, ...tree.prefix]);
      return;
  }
}

type MutableSources = { callbacks: PatternSources['callbacks'][number][]; services: PatternSources['services'][number][]; inventory?: PatternSources['inventory']; errorEnums: DefId[] };

const genericContext = (modules: Record<ModuleId, ModuleScope>, module: ModuleId, params: readonly HirGenericParam[], selfType?: HirType): TypeContext =>
  typeContext(modules, module, params, selfType);

function hirGenerics(modules: Record<ModuleId, ModuleScope>, module: ModuleId, params: readonly import('../compiler/syntax/ast.js').GenericParam[]): HirGenericParam[] {
  if (params.length === 0) return [];
  const base = genericContext(modules, module, []);
  const out: HirGenericParam[] = [];
  for (const p of params) {
    if (p.kind === 'lifetime') out.push({ kind: 'lifetime', name: p.name });
    else if (p.kind === 'const') {
      const type = resolveType(base, p.type);
      out.push(p.default ? { kind: 'const', name: p.name, type, default: { kind: 'const', value: p.default, module, span: p.span } } : { kind: 'const', name: p.name, type });
    } else {
      // A default may name the parameters before it (`struct S<T, U = T>`).
      out.push(p.default ? { kind: 'type', name: p.name, default: resolveType(genericContext(modules, module, out), p.default) } : { kind: 'type', name: p.name });
    }
  }
  return out;
}

/** `Self` inside a struct, union or enum definition: the type itself, with its own parameters. */
function selfOf(id: DefId, module: ModuleId, generics: readonly HirGenericParam[], span: Span): HirType {
  const args = generics.map((g): HirGenericArg => {
    if (g.kind === 'type') return { kind: 'type', type: { kind: 'param', name: g.name, span } };
    if (g.kind === 'const') return { kind: 'const', value: { kind: 'path', path: singleSegmentPath(g.name, span), span }, module, span };
    return { kind: 'lifetime' };
  });
  return { kind: 'def', def: id, args, span };
}

/**
 * Adds an optional last key only when present. Defs are written as literals in key order (not
 * assembled with spreads, which copy every key per item): the order is part of `--dump-ir`.
 */
function withOptional<T extends object, K extends string, V>(def: T, key: K, value: V | undefined): T {
  if (value !== undefined) (def as Record<string, unknown>)[key] = value;
  return def;
}

function collectDefs(
  m: ModuleWork,
  modules: Record<ModuleId, ModuleScope>,
  defs: Map<DefId, Def>,
  report: ReportEntry[],
  roots: { functions: DefId[]; constants: DefId[]; types: DefId[] },
  sources: MutableSources,
  bag: DiagnosticBag,
  moduleReachable: boolean,
  reExported: ReadonlySet<DefId>,
): void {
  const skip = (item: string, itemKind: ReportEntry['itemKind'], reason: string, span: Span): void => {
    report.push({ item, itemKind, status: 'skipped', reason, span });
  };
  // The type context of every item without generics in this module.
  const plain = genericContext(modules, m.id, []);
  for (let i = 0; i < m.items.length; i++) {
    const item = m.items[i] as Item;
    const id = m.ids[i] ?? ('name' in item ? `${m.id}::${item.name}` : m.id);
    switch (item.kind) {
      case 'struct':
      case 'union': {
        const generics = hirGenerics(modules, m.id, item.generics.params);
        const tctx = genericContext(modules, m.id, generics, selfOf(id, m.id, generics, item.nameSpan));
        const fields = item.fields.map((f) => ({ name: f.name, type: resolveType(tctx, f.type), isPublic: f.vis.kind !== 'inherited', docs: f.docs, span: f.span }));
        const ffiType = readFfiType(item.attrs);
        const repr = readRepr(item.attrs);
        const reprWithFfi = ffiType && !ffiType.opaque ? { ...repr, c: repr.c || !ffiType.transparent, transparent: repr.transparent || ffiType.transparent, ...(ffiType.packed ? { packed: 1 } : {}) } : repr;
        defs.set(id, withOptional(
          item.kind === 'struct'
            ? { kind: 'struct', id, name: item.name, module: m.id, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, shape: item.shape, fields, repr: reprWithFfi }
            : { kind: 'union', id, name: item.name, module: m.id, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, fields, repr: reprWithFfi },
          'ffiType',
          ffiType,
        ));
        skip(id, item.kind, 'unused: not used by any exported item', item.nameSpan);
        break;
      }
      case 'enum': {
        const generics = hirGenerics(modules, m.id, item.generics.params);
        const tctx = genericContext(modules, m.id, generics, selfOf(id, m.id, generics, item.nameSpan));
        const ffiType = readFfiType(item.attrs);
        const repr = readRepr(item.attrs);
        const variants = item.variants.map((v) => {
          const fields = v.fields.map((f) => ({ name: f.name, type: resolveType(tctx, f.type), isPublic: true, docs: f.docs, span: f.span }));
          return v.discriminant ? { name: v.name, docs: v.docs, discriminant: v.discriminant, span: v.span, fields } : { name: v.name, docs: v.docs, span: v.span, fields };
        });
        defs.set(id, withOptional(
          {
            kind: 'enum', id, name: item.name, module: m.id, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, variants,
            repr: ffiType && !ffiType.opaque ? { ...repr, c: repr.c || repr.int === undefined } : repr,
          },
          'ffiType',
          ffiType,
        ));
        if (ffiType?.error) sources.errorEnums.push(id);
        skip(id, 'enum', 'unused: not used by any exported item', item.nameSpan);
        break;
      }
      case 'typeAlias': {
        if (!item.type) break;
        const generics = hirGenerics(modules, m.id, item.generics.params);
        defs.set(id, { kind: 'alias', id, name: item.name, module: m.id, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, target: resolveType(generics.length === 0 ? plain : genericContext(modules, m.id, generics), item.type) });
        skip(id, 'alias', 'unused: not used by any exported item', item.nameSpan);
        break;
      }
      case 'const':
      case 'static': {
        if (item.name === '_') break;
        const type = resolveType(plain, item.type);
        defs.set(id, withOptional({ kind: 'const', id, name: item.name, module: m.id, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, isStatic: item.kind === 'static', type }, 'value', item.value || undefined));
        if (item.kind === 'static') skip(id, 'static', 'static: statics are not exported as constants', item.nameSpan);
        else if (hasAttribute(item.attrs, 'ffi_constant') || (isPub(item) && (moduleReachable || reExported.has(id)) && isConstantType(type, defs, modules))) {
          roots.constants.push(id);
          report.push({ item: id, itemKind: 'const', status: 'exported', span: item.nameSpan });
        } else skip(id, 'const', !isPub(item) ? 'not-pub: constant is not `pub`' : !(moduleReachable || reExported.has(id)) ? 'not-reachable: constant is not reachable publicly from the crate root' : 'type: constant type has no C constant form', item.nameSpan);
        break;
      }
      case 'fn':
        collectFn(item, id, m.id, modules, defs, report, roots, bag, undefined);
        break;
      case 'impl': {
        const selfCtx = genericContext(modules, m.id, hirGenerics(modules, m.id, item.generics.params));
        const selfType = resolveType(selfCtx, item.selfType);
        const written = item.selfType;
        const selfName = written.kind === 'name' ? written.name : written.kind === 'path' ? (written.path.segments[written.path.segments.length - 1]?.name ?? 'impl') : 'impl';
        const serviceAttr = item.trait ? undefined : findAttribute(item.attrs, 'ffi_service');
        if (serviceAttr) {
          // `lower-services` turns it into the shims the macro generates.
          sources.services.push({ module: m.id, item, attr: serviceAttr, selfType, selfName, generics: hirGenerics(modules, m.id, item.generics.params) });
          break;
        }
        for (const member of item.items) {
          if (member.kind !== 'fn') continue;
          const memberId = `${m.id}::${selfName}::${member.name}`;
          if (exportNameOf(member.name, member.attrs) === undefined) continue;
          collectFn(member, defs.has(memberId) ? `${memberId}#${defs.size}` : memberId, m.id, modules, defs, report, roots, bag, selfType);
        }
        break;
      }
      case 'externBlock':
        for (const inner of item.items) if (inner.kind === 'fn') skip(`${m.id}::${inner.name}`, 'fn', 'extern-block: declared in an extern block (an import, not an export)', inner.nameSpan);
        break;
      case 'trait':
        skip(id, 'trait', 'trait: traits have no C form', item.nameSpan);
        break;
      case 'macroCall':
        // `callback!(…)` is lowered into a type by `lower-callbacks`.
        if (item.callback) sources.callbacks.push({ module: m.id, item });
        else skip(`${m.id}::${item.path.segments.map((s) => s.name).join('::')}!`, 'macro', 'macro: item macros are not expanded', item.span);
        break;
      case 'mod':
      case 'use':
      case 'externCrate':
        break;
    }
  }
}

function isConstantType(type: HirType, defs: ReadonlyMap<DefId, Def>, modules: Record<ModuleId, ModuleScope>): boolean {
  void modules;
  if (type.kind === 'primitive') return type.name !== 'c_void';
  if (type.kind === 'reference') return type.referent.kind === 'known' && type.referent.name === 'str';
  if (type.kind === 'def') {
    const def = defs.get(type.def);
    return def?.kind === 'alias' ? isConstantType(def.target, defs, modules) : false;
  }
  return false;
}

function collectFn(
  item: Extract<Item, { kind: 'fn' }>,
  id: DefId,
  module: ModuleId,
  modules: Record<ModuleId, ModuleScope>,
  defs: Map<DefId, Def>,
  report: ReportEntry[],
  roots: { functions: DefId[] },
  bag: DiagnosticBag,
  selfType: HirType | undefined,
): void {
  const generics = hirGenerics(modules, module, item.generics.params);
  const tctx = genericContext(modules, module, generics, selfType);
  const exportName = exportNameOf(item.name, item.attrs);
  const isFfiFunction = hasAttribute(item.attrs, 'ffi_function');
  const abi = isFfiFunction ? (item.abi ?? 'C') : item.abi;
  const params = item.params.map((p) => ({ name: p.name, type: resolveType(tctx, p.type), span: p.span }));
  const returns: HirType = item.returns ? resolveType(tctx, item.returns) : { kind: 'unit', span: item.nameSpan };
  const { isUnsafe, isConst, variadic } = item;
  const def: FnDef =
    abi !== undefined
      ? { kind: 'fn', id, name: item.name, module, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, params, returns, abi, isUnsafe, isConst, variadic }
      : { kind: 'fn', id, name: item.name, module, vis: item.vis, docs: item.docs, attrs: item.attrs, span: item.span, nameSpan: item.nameSpan, generics, params, returns, isUnsafe, isConst, variadic };
  defs.set(id, withOptional(withOptional(def, 'exportName', exportName), 'constBody', item.constBody || undefined));
  const skip = (reason: string): void => {
    report.push({ item: id, itemKind: 'fn', status: 'skipped', reason, span: item.nameSpan });
  };
  if (exportName === undefined) return skip('not-no-mangle: function has no #[no_mangle], export_name or #[ffi_function]');
  if (abi !== 'C' && abi !== 'system') {
    bag.report('IC2005', `\`${item.name}\` is exported with ${abi === undefined ? 'the Rust ABI' : `ABI "${abi}"`}, which C cannot call`, item.nameSpan, {
      notes: ['help: declare it `pub extern "C" fn`'],
    });
    return skip('not-extern-c: exported function is not extern "C"');
  }
  if (generics.some((g) => g.kind !== 'lifetime')) {
    bag.report('IC2004', `exported function \`${item.name}\` is generic`, item.nameSpan, {
      notes: ['help: an exported symbol needs one concrete signature; write a non-generic wrapper per type'],
    });
    return skip('generic: generic functions cannot be exported');
  }
  if (!isFfiFunction && item.vis.kind !== 'pub') return skip('not-pub: function is not `pub`');
  roots.functions.push(id);
  report.push({ item: id, itemKind: 'fn', status: 'exported', span: item.nameSpan });
}

