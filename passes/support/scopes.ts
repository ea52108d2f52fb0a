/**
 * Path lookup in module scopes, shared by name resolution (types, `use`) and constant evaluation
 * (values). External paths (`std::…`, `libc::…`) resolve to `extern` targets named by their full
 * path; scope entries for imported external items are stored as DefIds "extern::<path>".
 */
import type { DefId, ModuleId, ModuleScope } from '../../compiler/hir.js';
import { externalCrates } from './known-types.js';

export type PathTarget =
  | { readonly kind: 'def'; readonly def: DefId }
  | { readonly kind: 'module'; readonly module: ModuleId }
  | { readonly kind: 'extern'; readonly path: readonly string[] };

export const EXTERN_PREFIX = 'extern::';

export function entryTarget(entry: DefId | { module: ModuleId } | undefined): PathTarget | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry !== 'string') return { kind: 'module', module: entry.module };
  if (entry.startsWith(EXTERN_PREFIX)) return { kind: 'extern', path: entry.slice(EXTERN_PREFIX.length).split('::') };
  return { kind: 'def', def: entry };
}

export function targetEntry(target: PathTarget): DefId | { module: ModuleId } {
  switch (target.kind) {
    case 'def':
      return target.def;
    case 'module':
      return { module: target.module };
    case 'extern':
      return EXTERN_PREFIX + target.path.join('::');
  }
}

/**
 * Resolves `segments` written in `from`. All but the last segment must name modules (or external
 * crates); the last is looked up in `namespace`. Returns undefined when a segment names nothing.
 * (Walks the segments by index: this runs for every path in the crate.)
 */
export function lookupPath(
  modules: Readonly<Record<ModuleId, ModuleScope>>,
  from: ModuleId,
  segments: readonly string[],
  global: boolean,
  namespace: 'types' | 'values',
): PathTarget | undefined {
  const first = segments[0];
  if (first === undefined) return undefined;
  const count = segments.length;
  let current: PathTarget;
  if (global) current = { kind: 'extern', path: [first] };
  else if (first === 'crate') current = { kind: 'module', module: 'crate' };
  else if (first === 'self') current = { kind: 'module', module: from };
  else if (first === 'super') current = { kind: 'module', module: modules[from]?.parent ?? 'crate' };
  else {
    const scope = modules[from];
    const own = count === 1 ? scope?.[namespace].get(first) : scope?.types.get(first);
    const target = entryTarget(own);
    if (target) current = target;
    else if (externalCrates.has(first)) current = { kind: 'extern', path: [first] };
    else return undefined;
  }
  if (count === 1 && (first === 'crate' || first === 'self' || first === 'super')) return current;
  for (let i = 1; i < count; i++) {
    const name = segments[i] as string;
    if (current.kind === 'extern') {
      current = { kind: 'extern', path: [...current.path, name] };
      continue;
    }
    if (current.kind === 'def') return undefined; // associated items are handled by callers
    if (name === 'super') {
      current = { kind: 'module', module: modules[current.module]?.parent ?? 'crate' };
      continue;
    }
    if (name === 'self') continue;
    const scope = modules[current.module];
    const entry = i === count - 1 ? scope?.[namespace].get(name) : scope?.types.get(name);
    const next = entryTarget(entry);
    if (!next) return undefined;
    current = next;
  }
  return current;
}
