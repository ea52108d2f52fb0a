/**
 * Canonical Rust text of HIR types: the ids of generic instances ("crate::Generic<u32>") and the
 * `rustType` the layout probe compiles. Paths are crate-qualified and lifetimes are dropped.
 */
import type { DefId, HirGenericArg, HirType } from '../../compiler/hir.js';
import { substituteArgs, type GenericEnv } from './substitute.js';

/** Renders a const generic argument (evaluated by the caller), or its source text when not. */
export type ConstArgText = (arg: Extract<HirGenericArg, { kind: 'const' }>) => string;

const knownPaths: Record<string, string> = {
  Option: 'core::option::Option',
  NonNull: 'core::ptr::NonNull',
  Box: 'std::boxed::Box',
  PhantomData: 'core::marker::PhantomData',
  ManuallyDrop: 'core::mem::ManuallyDrop',
  MaybeUninit: 'core::mem::MaybeUninit',
  NonZero: 'core::num::NonZero',
  Cell: 'core::cell::Cell',
  UnsafeCell: 'core::cell::UnsafeCell',
  Pin: 'core::pin::Pin',
  PhantomPinned: 'core::marker::PhantomPinned',
};

export function typeText(t: HirType, constText: ConstArgText): string {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'c_char' || t.name === 'c_void' ? `core::ffi::${t.name}` : t.name;
    case 'unit':
      return '()';
    case 'never':
      return '!';
    case 'def':
      return t.def + argsText(t.args, constText);
    case 'param':
      return t.name;
    case 'pointer':
      return `*${t.mutable ? 'mut' : 'const'} ${typeText(t.pointee, constText)}`;
    case 'reference':
      return `&${t.mutable ? 'mut ' : ''}${typeText(t.referent, constText)}`;
    case 'array':
      return `[${typeText(t.element, constText)}; ${constText({ kind: 'const', value: t.length, module: t.module, span: t.span })}]`;
    case 'slice':
      return `[${typeText(t.element, constText)}]`;
    case 'tuple':
      return `(${t.elements.map((e) => typeText(e, constText)).join(', ')})`;
    case 'fnPointer': {
      const ret = t.returns.kind === 'unit' ? '' : ` -> ${typeText(t.returns, constText)}`;
      return `extern "${t.abi ?? 'Rust'}" fn(${t.params.map((p) => typeText(p.type, constText)).join(', ')})${ret}`;
    }
    case 'known':
      return (knownPaths[t.name] ?? t.name) + argsText(t.args, constText);
    case 'pattern':
      return `interopc::${t.name}` + argsText(t.args, constText);
    case 'unresolved':
      return t.text;
    case 'unsupported':
      return '_';
  }
}

export function argsText(args: readonly HirGenericArg[], constText: ConstArgText): string {
  if (args.length === 0) return '';
  const shown = args.filter((a) => a.kind !== 'lifetime');
  if (shown.length === 0) return '';
  return `<${shown.map((a) => (a.kind === 'type' ? typeText(a.type, constText) : a.kind === 'const' ? constText(a) : '')).join(', ')}>`;
}

/** A key identifying one instance for "visit once" sets (const args by their source position). */
export function instanceKey(def: DefId, args: readonly HirGenericArg[], env: GenericEnv): string {
  if (args.length === 0) return def;
  return def + argsText(substituteArgs(args, env), (a) => `{${a.module}:${a.span.file}:${a.span.start}}`);
}
