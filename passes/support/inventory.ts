/**
 * Interoptopus' inventory (contracts.md §2): when a crate has `fn ffi_inventory()` building an
 * `InventoryBuilder`, the items it registers — `function!(f)`, `constant!(C)`, `extra_type!(T)`,
 * `pattern!(Service)` / `pattern!(api_guard)` — are the export roots instead of every marked item.
 */
import type { Item, TokenTree } from '../../compiler/syntax/ast.js';
import type { DefId, HirService, ModuleId, ModuleScope } from '../../compiler/hir.js';
import type { DiagnosticBag } from '../../compiler/diagnostics/diagnostic.js';
import type { Span } from '../../compiler/source.js';
import { lookupPath } from './scopes.js';

export interface Inventory {
  readonly functions: DefId[];
  readonly constants: DefId[];
  readonly types: DefId[];
  /** Services registered with `pattern!(Type)`, by the service type's def. */
  readonly services: DefId[];
  /** `pattern!(f)` naming a function: Interoptopus' API guard. */
  apiGuard?: DefId;
}

interface Registration {
  readonly macro: 'function' | 'constant' | 'extra_type' | 'pattern';
  readonly path: string[];
  readonly span: Span;
}

const registrations = new Set(['function', 'constant', 'extra_type', 'pattern']);

/** `name!(a::b)` anywhere in the trees, in order. */
function findRegistrations(trees: readonly TokenTree[], out: Registration[]): void {
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i] as TokenTree;
    if (t.kind === 'group') {
      findRegistrations(t.trees, out);
      continue;
    }
    const bang = trees[i + 1];
    const args = trees[i + 2];
    if (!registrations.has(t.token.text) || bang?.kind !== 'token' || bang.token.text !== '!' || args?.kind !== 'group') continue;
    const path = args.trees.flatMap((a) => (a.kind === 'token' && a.token.tokenKind === 'ident' ? [a.token.text] : []));
    out.push({ macro: t.token.text as Registration['macro'], path, span: args.span });
    i += 2;
  }
}

const mentionsBuilder = (trees: readonly TokenTree[]): boolean =>
  trees.some((t) => (t.kind === 'group' ? mentionsBuilder(t.trees) : t.token.text === 'InventoryBuilder'));

/** The inventory function of a module tree: `fn ffi_inventory` whose body uses `InventoryBuilder`. */
export function findInventory(modules: readonly { id: ModuleId; items: readonly Item[] }[]): { module: ModuleId; body: readonly TokenTree[] } | undefined {
  for (const m of modules) {
    for (const item of m.items) {
      if (item.kind === 'fn' && item.name === 'ffi_inventory' && item.inventoryBody && mentionsBuilder(item.inventoryBody)) return { module: m.id, body: item.inventoryBody };
    }
  }
  return undefined;
}

export function readInventory(
  found: { module: ModuleId; body: readonly TokenTree[] },
  modules: Readonly<Record<ModuleId, ModuleScope>>,
  services: readonly HirService[],
  bag: DiagnosticBag,
): Inventory {
  const inventory: Inventory = { functions: [], constants: [], types: [], services: [] };
  const list: Registration[] = [];
  findRegistrations(found.body, list);
  for (const r of list) {
    const namespace = r.macro === 'function' || r.macro === 'constant' ? 'values' : 'types';
    let target = lookupPath(modules, found.module, r.path, false, namespace);
    // `pattern!(api_guard)` names a function; `pattern!(Service)` a type.
    if (r.macro === 'pattern' && target?.kind !== 'def') target = lookupPath(modules, found.module, r.path, false, 'values');
    if (target?.kind !== 'def') {
      bag.report('IC2011', `the inventory registers \`${r.path.join('::')}\`, which is not an item of this crate`, r.span);
      continue;
    }
    const id = target.def;
    if (r.macro === 'function') inventory.functions.push(id);
    else if (r.macro === 'constant') inventory.constants.push(id);
    else if (r.macro === 'extra_type') inventory.types.push(id);
    else if (services.some((s) => s.selfType.kind === 'def' && s.selfType.def === id)) inventory.services.push(id);
    else {
      inventory.functions.push(id);
      inventory.apiGuard ??= id;
    }
  }
  return inventory;
}
