/**
 * Generic substitution over HIR types: binds a definition's generic parameters to an instance's
 * arguments. Lifetimes are dropped; const parameters become const arguments.
 */
import { mapHirType } from './map-type.js';
import type { HirGenericArg, HirGenericParam, HirType } from '../../compiler/hir.js';

export interface GenericEnv {
  readonly types: ReadonlyMap<string, HirType>;
  readonly consts: ReadonlyMap<string, Extract<HirGenericArg, { kind: 'const' }>>;
}

export const emptyGenericEnv: GenericEnv = { types: new Map(), consts: new Map() };

/**
 * The non-lifetime arguments of an instance, with the defaults of the parameters it left out
 * (each substituted with the arguments before it); undefined when too many are given, or too few
 * for the parameters without a default.
 */
export function completeArgs(params: readonly HirGenericParam[], args: readonly HirGenericArg[], outer: GenericEnv = emptyGenericEnv): readonly HirGenericArg[] | undefined {
  if (params.length === 0 && args.length === 0) return args; // most types are not generic
  const ps = params.filter((p) => p.kind !== 'lifetime');
  const as = args.filter((a) => a.kind !== 'lifetime');
  if (as.length > ps.length) return undefined;
  if (as.length === ps.length) return as;
  const complete = [...as];
  for (const p of ps.slice(as.length)) {
    if (p.default === undefined) return undefined;
    const before = bindGenerics(ps.slice(0, complete.length), complete, outer) ?? emptyGenericEnv;
    complete.push(p.kind === 'type' ? { kind: 'type', type: substitute(p.default, before) } : p.default);
  }
  return complete;
}

/** Pairs non-lifetime params with non-lifetime args (defaults filling the missing ones); undefined when they do not fit. */
export function bindGenerics(params: readonly HirGenericParam[], args: readonly HirGenericArg[], outer: GenericEnv): GenericEnv | undefined {
  if (params.length === 0 && args.length === 0) return emptyGenericEnv; // most types are not generic
  const ps = params.filter((p) => p.kind !== 'lifetime');
  const as = completeArgs(params, args, outer);
  if (as === undefined) return undefined;
  const types = new Map<string, HirType>();
  const consts = new Map<string, Extract<HirGenericArg, { kind: 'const' }>>();
  ps.forEach((p, i) => {
    const a = as[i];
    if (!a) return;
    if (p.kind === 'type' && a.kind === 'type') types.set(p.name, substitute(a.type, outer));
    else if (p.kind === 'const' && a.kind === 'const') consts.set(p.name, substituteConst(a, outer));
    else if (p.kind === 'const' && a.kind === 'type' && a.type.kind === 'param') {
      const bound = outer.consts.get(a.type.name);
      if (bound) consts.set(p.name, bound);
    }
  });
  return { types, consts };
}

function substituteConst(a: Extract<HirGenericArg, { kind: 'const' }>, env: GenericEnv): Extract<HirGenericArg, { kind: 'const' }> {
  if (a.value.kind === 'path' && a.value.path.segments.length === 1) {
    const bound = env.consts.get(a.value.path.segments[0]?.name ?? '');
    if (bound) return bound;
  }
  return a;
}

export function substituteArgs(args: readonly HirGenericArg[], env: GenericEnv): readonly HirGenericArg[] {
  if (args.length === 0) return args;
  return args.map((a) => (a.kind === 'type' ? { kind: 'type', type: substitute(a.type, env) } : a.kind === 'const' ? substituteConst(a, env) : a));
}

const isEmpty = (env: GenericEnv): boolean => env.types.size === 0 && env.consts.size === 0;

/**
 * `t` with the parameters bound in `env` replaced. Types are immutable, so with nothing bound the
 * answer is `t` itself (most substitutions, in a crate with few generics) rather than a copy.
 */
export function substitute(t: HirType, env: GenericEnv): HirType {
  return isEmpty(env) ? t : substituteIn(t, env);
}

function substituteIn(t: HirType, env: GenericEnv): HirType {
  return mapHirType(t, {
    leaf: (x) => (x.kind === 'param' ? (env.types.get(x.name) ?? x) : undefined),
    // Const arguments are substituted too (`A<T, N>` inside a generic bound to `N = 3`).
    args: (args) => substituteArgs(args, env),
  });
}
