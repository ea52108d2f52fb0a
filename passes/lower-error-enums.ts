/**
 * Pass `lower-error-enums`: an enum marked `#[ffi_type(error)]` (Interoptopus:
 * `patterns(ffi_error)`) must have the variants the contract gives roles to — `Ok` (or `Success`),
 * `Null`, `Panic` (contracts.md §5) — and is annotated with them, so that idiomatic backends turn
 * every other value into an exception. A missing role is IC2211 at the enum's name.
 * Input and output: the HIR.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { Def, DefId, HirProgram } from '../compiler/hir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import { errorPattern, missingErrorVariants } from './support/error-roles.js';

export const lowerErrorEnums: Pass<HirProgram, HirProgram> = {
  name: 'lower-error-enums',
  run(program: HirProgram, ctx: PassContext): Either<Diagnostics, HirProgram> {
    const bag = new DiagnosticBag();
    let defs: Map<DefId, Def> | undefined;
    for (const id of program.patternSources.errorEnums) {
      const def = program.defs.get(id);
      if (def?.kind !== 'enum') continue;
      const names = def.variants.map((v) => v.name);
      const pattern = errorPattern(names);
      if (!pattern) {
        const missing = missingErrorVariants(names).map((m) => `\`${m}\``);
        const list = missing.length === 1 ? `the ${missing[0]} variant` : `the ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]} variants`;
        bag.report('IC2211', `error enum \`${def.name}\` lacks ${list}`, def.nameSpan, {
          notes: ['help: an error enum needs `Ok = 0` (or `Success`), `Null` and `Panic`; other variants are the errors'],
        });
        continue;
      }
      defs ??= new Map(program.defs);
      defs.set(def.id, { ...def, errorRoles: { success: pattern.success, null: pattern.null, panic: pattern.panic } });
    }
    const patternSources = { ...program.patternSources, errorEnums: [] };
    return finish({ ...program, patternSources, ...(defs ? { defs } : {}) }, bag.all, ctx);
  },
};
