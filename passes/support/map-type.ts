/**
 * Rebuilding a HIR type with some of its parts replaced: the one structural walk behind generic
 * substitution and pattern lowering. Copy-on-write: a type with nothing to replace comes back as
 * the same object, so walking a crate that needs no change allocates nothing.
 */
import type { HirGenericArg, HirType } from '../../compiler/hir.js';

export interface TypeMapper {
  /** A replacement for `t` (the walk does not enter it), or undefined to walk into it. */
  readonly leaf: (t: HirType, mapper: TypeMapper) => HirType | undefined;
  /** Generic arguments of `def`, `known` and `pattern` types; default: their type arguments mapped. */
  readonly args?: (args: readonly HirGenericArg[], mapper: TypeMapper) => readonly HirGenericArg[];
}

export function mapTypeArgs(args: readonly HirGenericArg[], mapper: TypeMapper): readonly HirGenericArg[] {
  let out: HirGenericArg[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as HirGenericArg;
    if (a.kind !== 'type') continue;
    const type = mapHirType(a.type, mapper);
    if (type === a.type) continue;
    out ??= args.slice();
    out[i] = { ...a, type };
  }
  return out ?? args;
}

/** Maps the `type` of each element, allocating only on a change. */
export function mapTyped<E extends { readonly type: HirType }>(list: readonly E[], mapper: TypeMapper): readonly E[] {
  let out: E[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as E;
    const type = mapHirType(e.type, mapper);
    if (type === e.type) continue;
    out ??= list.slice();
    out[i] = { ...e, type };
  }
  return out ?? list;
}

export function mapHirType(t: HirType, mapper: TypeMapper): HirType {
  const replaced = mapper.leaf(t, mapper);
  if (replaced !== undefined) return replaced;
  switch (t.kind) {
    case 'def':
    case 'known':
    case 'pattern': {
      if (t.args.length === 0) return t;
      const args = mapper.args ? mapper.args(t.args, mapper) : mapTypeArgs(t.args, mapper);
      return args === t.args ? t : { ...t, args };
    }
    case 'pointer': {
      const pointee = mapHirType(t.pointee, mapper);
      return pointee === t.pointee ? t : { ...t, pointee };
    }
    case 'reference': {
      const referent = mapHirType(t.referent, mapper);
      return referent === t.referent ? t : { ...t, referent };
    }
    case 'array':
    case 'slice': {
      const element = mapHirType(t.element, mapper);
      return element === t.element ? t : { ...t, element };
    }
    case 'tuple': {
      let elements: HirType[] | undefined;
      t.elements.forEach((e, i) => {
        const mapped = mapHirType(e, mapper);
        if (mapped === e) return;
        elements ??= t.elements.slice();
        elements[i] = mapped;
      });
      return elements ? { ...t, elements } : t;
    }
    case 'fnPointer': {
      const params = mapTyped(t.params, mapper);
      const returns = mapHirType(t.returns, mapper);
      return params === t.params && returns === t.returns ? t : { ...t, params, returns };
    }
    default:
      return t;
  }
}
