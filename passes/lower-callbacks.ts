/**
 * Pass `lower-callbacks`: every `callback!(Name(params) -> Ret)` (the support crate's and
 * Interoptopus' macro) becomes the type the macro declares, `pub struct Name(Option<extern "C"
 * fn(params) -> Ret>)`: an alias definition of a nullable function pointer, marked as a callback
 * so idiomatic backends accept a function for it.
 * Input and output: the HIR; its callback sources are consumed.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { Def, DefId, HirProgram, HirType, ReportEntry } from '../compiler/hir.js';
import { right, type Pass } from '../compiler/pass.js';
import { resolveType, typeContext } from './support/resolve-type.js';
import { pub } from '../compiler/syntax/ast.js';

export const lowerCallbacks: Pass<HirProgram, HirProgram> = {
  name: 'lower-callbacks',
  run(program: HirProgram): Either<Diagnostics, HirProgram> {
    const { callbacks } = program.patternSources;
    if (callbacks.length === 0) return right(program);
    const defs = new Map<DefId, Def>(program.defs);
    const report: ReportEntry[] = [...program.report];
    for (const { module, item } of callbacks) {
      const callback = item.callback;
      if (!callback) continue;
      const id = `${module}::${callback.name}`;
      const ctx = typeContext(program.modules, module, []);
      const fn = resolveType(ctx, { kind: 'fnPointer', abi: 'C', unsafe: false, params: callback.params, ...(callback.returns ? { returns: callback.returns } : {}), variadic: false, span: callback.span });
      const target: HirType = { kind: 'known', name: 'Option', args: [{ kind: 'type', type: fn }], span: callback.span };
      defs.set(id, { kind: 'alias', id, name: callback.name, module, vis: pub, docs: callback.docs, attrs: item.attrs, span: item.span, nameSpan: callback.nameSpan, generics: [], target, callback: true });
      report.push({ item: id, itemKind: 'alias', status: 'skipped', reason: 'unused: not used by any exported item', span: callback.nameSpan });
    }
    return right({ ...program, patternSources: { ...program.patternSources, callbacks: [] }, defs, report });
  },
};
