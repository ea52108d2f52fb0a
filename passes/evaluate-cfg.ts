/**
 * Pass `evaluate-cfg`: removes every item, impl member, field and variant whose `#[cfg]` is false and
 * expands `#[cfg_attr(pred, attrs…)]`. Input and output: `CrateAst`. Invariant: no `cfg` or
 * `cfg_attr` attribute remains. (Runs before name resolution so that two cfg-alternative
 * definitions of one name never collide.)
 */
import type { Attribute, CrateAst, Field, Item, Variant } from '../compiler/syntax/ast.js';
import { right, type CfgSet, type Pass } from '../compiler/pass.js';
import type { SourceMap } from '../compiler/source.js';
import { evaluatePredicate, isCfgEnabled } from './support/cfg.js';

function expandAttrs(attrs: readonly Attribute[], cfg: CfgSet): Attribute[] {
  const out: Attribute[] = [];
  for (const a of attrs) {
    if (a.path === 'cfg') continue;
    if (a.path !== 'cfg_attr') {
      out.push(a);
      continue;
    }
    if (a.meta?.kind !== 'list') continue;
    const [pred, ...rest] = a.meta.items;
    if (!pred || !evaluatePredicate(pred, cfg)) continue;
    for (const m of rest) {
      if (m.kind === 'literal') continue;
      out.push({ style: a.style, path: m.path, meta: m, tokens: [], sugaredDoc: false, span: m.span });
    }
  }
  return out;
}

/** Doc lines that `cfg_attr(…, doc = "…")` added (sugared docs were collected by the parser already). */
function addedDocs(before: readonly Attribute[], after: readonly Attribute[]): string[] {
  return after
    .filter((a) => !before.includes(a) && a.path === 'doc' && a.meta?.kind === 'nameValue' && a.meta.value.kind === 'str')
    .flatMap((a) => (a.meta?.kind === 'nameValue' && a.meta.value.kind === 'str' ? a.meta.value.value.split('\n').map((l) => l.replace(/^ /, '')) : []));
}

/**
 * Only nodes carrying `cfg` or `cfg_attr` change; everything else is passed through as it is (a
 * copy would be equal, and a large crate has hundreds of thousands of such nodes).
 */
function hasCfgAttributes(attrs: readonly Attribute[]): boolean {
  for (const a of attrs) if (a.path === 'cfg' || a.path === 'cfg_attr') return true;
  return false;
}

/** True when no element of `nodes` has a cfg attribute: the list is kept as it is. */
const noneConfigured = (nodes: readonly { attrs: readonly Attribute[] }[]): boolean => !nodes.some((n) => hasCfgAttributes(n.attrs));

function configureFields(fields: readonly Field[], cfg: CfgSet): readonly Field[] {
  if (noneConfigured(fields)) return fields;
  const out: Field[] = [];
  for (const f of fields) {
    if (!isCfgEnabled(f.attrs, cfg)) continue;
    if (!hasCfgAttributes(f.attrs)) {
      out.push(f);
      continue;
    }
    const attrs = expandAttrs(f.attrs, cfg);
    out.push({ ...f, attrs, docs: [...f.docs, ...addedDocs(f.attrs, attrs)] });
  }
  return out;
}

function configureVariants(variants: readonly Variant[], cfg: CfgSet): readonly Variant[] {
  if (noneConfigured(variants) && variants.every((v) => noneConfigured(v.fields))) return variants;
  return variants
    .filter((v) => isCfgEnabled(v.attrs, cfg))
    .map((v) => {
      const attrs = expandAttrs(v.attrs, cfg);
      return { ...v, attrs, docs: [...v.docs, ...addedDocs(v.attrs, attrs)], fields: configureFields(v.fields, cfg) };
    });
}

/**
 * Whether the items of `file` can carry a `cfg` or `cfg_attr` attribute at all. Both are spelled
 * with the letters `cfg`, so a file whose text lacks them is left as it is without visiting its
 * items, fields, variants and parameters (most files of most crates have none). A file not in the
 * source map is visited.
 */
const mayConfigure = (sources: SourceMap, file: string): boolean => sources.get(file)?.text.includes('cfg') ?? true;

interface Walk {
  readonly cfg: CfgSet;
  readonly sources: SourceMap;
}

/** `items` of a file; `visit` is false when that file has no cfg (only its `mod x;` files are looked at). */
function configureItems(items: readonly Item[], walk: Walk, visit: boolean): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (!visit) {
      // An inline module is in the same file; a `mod x;` file may have cfgs of its own.
      out.push(item.kind === 'mod' && item.items ? { ...item, items: item.external ? configureFile(item.items, walk, item.file) : configureItems(item.items, walk, false) } : item);
      continue;
    }
    if (!hasCfgAttributes(item.attrs)) {
      out.push(configureItem(item, walk));
      continue;
    }
    if (!isCfgEnabled(item.attrs, walk.cfg)) continue;
    // cfg_attr may add a cfg (rare); evaluate again after expansion.
    const attrs = expandAttrs(item.attrs, walk.cfg);
    if (!isCfgEnabled(attrs, walk.cfg)) continue;
    out.push(configureItem({ ...item, attrs, docs: [...item.docs, ...addedDocs(item.attrs, attrs)] } as Item, walk));
  }
  return out;
}

/** The items of a module file (`file` undefined: not known, so visited). */
const configureFile = (items: readonly Item[], walk: Walk, file: string | undefined): Item[] =>
  configureItems(items, walk, file === undefined || mayConfigure(walk.sources, file));

function configureItem(item: Item, walk: Walk): Item {
  const { cfg } = walk;
  switch (item.kind) {
    case 'struct':
    case 'union': {
      const fields = configureFields(item.fields, cfg);
      return fields === item.fields ? item : { ...item, fields };
    }
    case 'enum': {
      const variants = configureVariants(item.variants, cfg);
      return variants === item.variants ? item : { ...item, variants };
    }
    case 'mod':
      return item.items ? { ...item, items: item.external ? configureFile(item.items, walk, item.file) : configureItems(item.items, walk, true) } : item;
    case 'impl':
    case 'trait':
    case 'externBlock':
      return { ...item, items: configureItems(item.items, walk, true) };
    case 'fn':
      return noneConfigured(item.params) ? item : { ...item, params: item.params.filter((p) => isCfgEnabled(p.attrs, cfg)) };
    case 'typeAlias':
    case 'const':
    case 'static':
    case 'use':
    case 'externCrate':
    case 'macroCall':
      return item;
  }
}

export const evaluateCfg: Pass<CrateAst, CrateAst> = {
  name: 'evaluate-cfg',
  run: (crate, ctx) => right({ ...crate, root: { ...crate.root, items: configureFile(crate.root.items, { cfg: ctx.cfg, sources: ctx.sources }, crate.rootFile) } }),
};
