/**
 * Evaluation of `#[cfg(…)]` predicates against the active cfg set: `all`, `any`, `not`, names and
 * `key = "value"` pairs. Unknown names and keys are false, as rustc treats unset cfgs.
 */
import type { Attribute, Meta } from '../../compiler/syntax/ast.js';
import type { CfgSet } from '../../compiler/pass.js';

export function evaluatePredicate(meta: Meta, cfg: CfgSet): boolean {
  switch (meta.kind) {
    case 'word':
      if (meta.path === 'true') return true;
      if (meta.path === 'false') return false;
      return cfg.names.has(meta.path);
    case 'nameValue':
      return meta.value.kind === 'str' && (cfg.pairs.get(meta.path)?.has(meta.value.value) ?? false);
    case 'list':
      if (meta.path === 'all') return meta.items.every((m) => evaluatePredicate(m, cfg));
      if (meta.path === 'any') return meta.items.some((m) => evaluatePredicate(m, cfg));
      if (meta.path === 'not') return meta.items.length === 1 && meta.items[0] !== undefined && !evaluatePredicate(meta.items[0], cfg);
      return false;
    case 'literal':
      return false;
  }
}

/** False when any `#[cfg(pred)]` on the item is false. A malformed cfg counts as false. */
export function isCfgEnabled(attrs: readonly Attribute[], cfg: CfgSet): boolean {
  for (const a of attrs) {
    if (a.path !== 'cfg') continue;
    const pred = a.meta?.kind === 'list' && a.meta.items.length === 1 ? a.meta.items[0] : undefined;
    if (!pred || !evaluatePredicate(pred, cfg)) return false;
  }
  return true;
}

/** Parses "unix", `feature="x"`, `key=value` into a cfg set entry. */
export function addCfgString(text: string, names: Set<string>, pairs: Map<string, Set<string>>): void {
  const eq = text.indexOf('=');
  if (eq < 0) {
    names.add(text.trim());
    return;
  }
  const key = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  const set = pairs.get(key) ?? new Set<string>();
  set.add(value);
  pairs.set(key, set);
}
