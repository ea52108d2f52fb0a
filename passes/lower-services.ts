/**
 * Pass `lower-services`: every `#[ffi_service]` impl becomes the functions the macro generates —
 * constructors, methods and `destroy` over an opaque handle, with the signatures of contracts.md §5
 * — exported like any function, and a service grouping them for idiomatic backends.
 * Input and output: the HIR; its service sources are consumed.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { Def, DefId, HirProgram, HirService, ReportEntry } from '../compiler/hir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import { typeContext } from './support/resolve-type.js';
import { collectService } from './support/services.js';

export const lowerServices: Pass<HirProgram, HirProgram> = {
  name: 'lower-services',
  run(program: HirProgram, ctx: PassContext): Either<Diagnostics, HirProgram> {
    const sources = program.patternSources.services;
    if (sources.length === 0) return finish(program, [], ctx);
    const bag = new DiagnosticBag();
    const defs = new Map<DefId, Def>(program.defs);
    const report: ReportEntry[] = [...program.report];
    const functions: DefId[] = [...program.roots.functions];
    const services: HirService[] = [...program.services];
    for (const s of sources) {
      const tctx = typeContext(program.modules, s.module, s.generics, s.selfType);
      const selfDef = s.selfType.kind === 'def' ? program.defs.get(s.selfType.def) : undefined;
      const collected = collectService(s.item, selfDef?.docs ?? [], s.attr, s.module, s.selfType, s.selfName, tctx, bag);
      if (!collected) continue;
      services.push(collected.service);
      for (const shim of collected.shims) {
        defs.set(shim.id, shim);
        functions.push(shim.id);
        report.push({ item: shim.id, itemKind: 'fn', status: 'exported', span: shim.nameSpan });
      }
      for (const skipped of collected.skipped) {
        report.push({ item: `${s.module}::${s.selfName}::${skipped.name}`, itemKind: 'fn', status: 'skipped', reason: skipped.reason, span: skipped.span });
      }
    }
    const lowered: HirProgram = { ...program, patternSources: { ...program.patternSources, services: [] }, defs, roots: { ...program.roots, functions }, services, report };
    return finish(lowered, bag.all, ctx);
  },
};
