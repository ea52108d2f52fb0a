/** Small questions about HIR types that validation and monomorphization both ask. */
import type { HirProgram, HirType } from '../../compiler/hir.js';
import { bindGenerics, emptyGenericEnv, substitute } from './substitute.js';

/** PhantomData, PhantomPinned and `()` fields take no space and are left out of C layouts. */
export function isZeroSized(t: HirType): boolean {
  return (t.kind === 'known' && (t.name === 'PhantomData' || t.name === 'PhantomPinned')) || t.kind === 'unit';
}

/** Follows non-generic and generic aliases (arguments substituted). */
export function unalias(t: HirType, program: HirProgram): HirType {
  let current = t;
  for (let i = 0; i < 32 && current.kind === 'def'; i++) {
    const def = program.defs.get(current.def);
    if (def?.kind !== 'alias') return current;
    const bound = bindGenerics(def.generics, current.args, emptyGenericEnv);
    current = bound ? substitute(def.target, bound) : def.target;
  }
  return current;
}

/** Library types monomorphization lowers (behind a pointer, the markers too). */
const loweredKnown: ReadonlySet<string> = new Set(['Option', 'NonNull', 'Box', 'ManuallyDrop', 'MaybeUninit', 'NonZero', 'Cell', 'UnsafeCell', 'Pin', 'PhantomData', 'PhantomPinned']);

/**
 * Whether monomorphization can lower `t` to an IR type. Validation guarantees it for what crosses
 * the boundary, but not for the arguments of an opaque type used behind a pointer
 * (`*const NotReprC<RefCell<i32>>`), which only name the instance.
 */
export function hasIrForm(t: HirType): boolean {
  switch (t.kind) {
    case 'primitive':
    case 'unit':
    case 'never':
    case 'param':
    case 'def':
    case 'pattern':
      return true;
    case 'pointer':
      return hasIrForm(t.pointee);
    case 'reference':
      return hasIrForm(t.referent);
    case 'array':
      return hasIrForm(t.element);
    case 'fnPointer':
      return t.params.every((p) => hasIrForm(p.type)) && hasIrForm(t.returns);
    case 'known':
      return loweredKnown.has(t.name) && t.args.every((a) => a.kind !== 'type' || hasIrForm(a.type));
    case 'slice':
    case 'tuple':
    case 'unresolved':
    case 'unsupported':
      return false;
  }
}
