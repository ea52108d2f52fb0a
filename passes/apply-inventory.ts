/**
 * Pass `apply-inventory`: when an Interoptopus crate has `fn ffi_inventory()` building an
 * `InventoryBuilder` (contracts.md §2), the items it registers are the export roots instead of every
 * marked item: its functions (and the shims of the services it registers with `pattern!`), its
 * constants and extra types. Marked items it leaves out are reported as such.
 * Input and output: the HIR; its inventory source is consumed.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { DefId, HirProgram, ReportEntry } from '../compiler/hir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import { readInventory } from './support/inventory.js';

export const applyInventory: Pass<HirProgram, HirProgram> = {
  name: 'apply-inventory',
  run(program: HirProgram, ctx: PassContext): Either<Diagnostics, HirProgram> {
    const source = program.patternSources.inventory;
    if (!source) return finish(program, [], ctx);
    const bag = new DiagnosticBag();
    const inventory = readInventory(source, program.modules, program.services, bag);
    const services = program.services.filter((s) => s.selfType.kind === 'def' && inventory.services.includes(s.selfType.def));
    const shimsOf = (list: typeof program.services): Set<DefId> => new Set(list.flatMap((s) => [...s.constructors.map((c) => c.function), ...s.methods.map((m) => m.function), s.destructor]));
    const kept = shimsOf(services);
    const allShims = shimsOf(program.services);
    const functions = program.roots.functions.filter((id) => (allShims.has(id) ? kept.has(id) : inventory.functions.includes(id)));
    for (const id of inventory.functions) if (!functions.includes(id)) functions.push(id);
    const constants = inventory.constants;
    const report: ReportEntry[] = program.report.map((entry) => {
      if (entry.status !== 'exported') return entry;
      const leftOut = entry.itemKind === 'fn' ? !functions.includes(entry.item) : entry.itemKind === 'const' ? !constants.includes(entry.item) : false;
      return leftOut ? { ...entry, status: 'skipped', reason: "not-in-inventory: the crate's ffi_inventory() does not register it" } : entry;
    });
    const { inventory: _consumed, ...rest } = program.patternSources;
    void _consumed;
    const applied: HirProgram = {
      ...program,
      patternSources: rest,
      roots: { functions, constants, types: [...program.roots.types, ...inventory.types] },
      services,
      report,
      ...(inventory.apiGuard ? { apiGuard: inventory.apiGuard } : {}),
    };
    return finish(applied, bag.all, ctx);
  },
};
