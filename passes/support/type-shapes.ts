/** Small questions about HIR types that validation and monomorphization both ask. */
import type { HirProgram, HirType } from '../../compiler/hir.js';
import { bindGenerics, emptyGenericEnv, substitute } from './substitute.js';

/** PhantomData and `()` fields take no space and are left out of C layouts. */
export function isZeroSized(t: HirType): boolean {
  return (t.kind === 'known' && t.name === 'PhantomData') || t.kind === 'unit';
}

/** Follows non-generic and generic aliases (arguments substituted). */
export function unalias(t: HirType, program: HirProgram): HirType {
  let current = t;
  for (let i = 0; i < 32 && current.kind === 'def'; i++) {
    const def = program.defs[current.def];
    if (def?.kind !== 'alias') return current;
    const bound = bindGenerics(def.generics, current.args, emptyGenericEnv);
    current = bound ? substitute(def.target, bound) : def.target;
  }
  return current;
}
