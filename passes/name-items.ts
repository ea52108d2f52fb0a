/**
 * Pass `name-items`: applies `rename` rules (keys are Rust paths relative to the crate root; a
 * generic's base path renames every instance) and checks that no two different items get the same
 * emitted name. Types, constants, functions and enum variant constants (`Enum_Variant`) share C's
 * one namespace, so they are checked together. Invariant: names are unique after this pass.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { IrModule, IrTypeDecl, TypeRef } from '../compiler/ir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import type { Span } from '../compiler/source.js';

function renamed(decl: IrTypeDecl, rules: Readonly<Record<string, string>>, used: Set<string>): IrTypeDecl {
  const path = decl.id.replace(/^crate::/, '');
  const exact = rules[path];
  if (exact !== undefined) {
    used.add(path);
    return { ...decl, name: exact };
  }
  const base = path.replace(/<.*$/, '');
  const baseRule = rules[base];
  if (baseRule !== undefined && base !== path) {
    used.add(base);
    const suffix = decl.name.slice(decl.name.indexOf('_'));
    return { ...decl, name: baseRule + suffix };
  }
  return decl;
}

/**
 * Pattern instances (`Slice_Vec3`) are named after their element's emitted name, which rename
 * rules may have changed since monomorphization named them: `Slice<ambiguous1::Vec>` must follow
 * `Vec1`, or two slices of differently renamed `Vec`s would collide.
 */
function patternNames(types: readonly IrTypeDecl[]): IrTypeDecl[] {
  const byId = new Map(types.map((t) => [t.id, t]));
  const final = new Map<string, string>();
  const nameOf = (decl: IrTypeDecl): string => {
    if (decl.kind !== 'struct' || !decl.pattern) return decl.name;
    const known = final.get(decl.id);
    if (known !== undefined) return known;
    const element = decl.pattern.kind === 'slice' ? decl.pattern.element : decl.pattern.value;
    const name = `${decl.id.slice(decl.id.indexOf('::') + 2, decl.id.indexOf('<'))}_${mangle(element)}`;
    final.set(decl.id, name);
    return name;
  };
  const mangle = (ref: TypeRef): string => {
    switch (ref.kind) {
      case 'primitive':
        return ref.name;
      case 'named': {
        const decl = byId.get(ref.id);
        return decl ? nameOf(decl) : (ref.id.split('::').pop() ?? ref.id);
      }
      case 'pointer':
        return `${ref.mutable ? 'ptr_mut' : 'ptr'}_${mangle(ref.pointee)}`;
      case 'array':
        return `arr${ref.length}_${mangle(ref.element)}`;
      case 'fnPointer':
        return 'fn';
    }
  };
  return types.map((t) => {
    const name = nameOf(t);
    return name === t.name ? t : { ...t, name };
  });
}

interface Claim {
  readonly kind: 'type' | 'variant' | 'constant' | 'function';
  /** Rust path; for a variant, its enum's. */
  readonly path: string;
  readonly span: Span;
  readonly variant: string | undefined;
}

const describe = (c: Claim): string => (c.variant === undefined ? `${c.kind} \`${c.path}\`` : `${c.kind} \`${c.path}::${c.variant}\``);

/**
 * Who claims which name, in claim order: types (each enum followed by its variant constants), then
 * constants, then functions. A claim is only its number until a collision has to describe it, so
 * a large crate's tens of thousands of names cost one Map entry each and no object.
 */
function claimants(types: readonly IrTypeDecl[], ir: IrModule): { readonly names: string[]; readonly describe: (claim: number) => Claim } {
  const names: string[] = [];
  /** For claim k: the type or variant it came from (types part), as decl index and variant index + 1. */
  const declOf: number[] = [];
  const variantOf: number[] = [];
  types.forEach((t, i) => {
    names.push(t.name);
    declOf.push(i);
    variantOf.push(0);
    if (t.kind === 'enum') {
      t.variants.forEach((v, j) => {
        names.push(`${t.name}_${v.name}`);
        declOf.push(i);
        variantOf.push(j + 1);
      });
    }
  });
  const typeClaims = names.length;
  for (const c of ir.constants) names.push(c.name);
  for (const f of ir.functions) names.push(f.name);
  const describe = (k: number): Claim => {
    if (k < typeClaims) {
      const t = types[declOf[k] as number] as IrTypeDecl;
      const v = variantOf[k] as number;
      return v === 0 ? { kind: 'type', path: t.id, span: t.nameSpan, variant: undefined } : { kind: 'variant', path: t.id, span: t.nameSpan, variant: (t as Extract<IrTypeDecl, { kind: 'enum' }>).variants[v - 1]?.name };
    }
    const c = ir.constants[k - typeClaims];
    if (c) return { kind: 'constant', path: c.rustPath, span: c.span, variant: undefined };
    const f = ir.functions[k - typeClaims - ir.constants.length] as IrModule['functions'][number];
    return { kind: 'function', path: f.rustPath, span: f.span, variant: undefined };
  };
  return { names, describe };
}

export const nameItems: Pass<IrModule, IrModule> = {
  name: 'name-items',
  run(ir: IrModule, ctx: PassContext): Either<Diagnostics, IrModule> {
    const bag = new DiagnosticBag();
    const used = new Set<string>();
    const types = Object.keys(ctx.rename).length === 0 ? ir.types : patternNames(ir.types.map((t) => renamed(t, ctx.rename, used)));
    for (const key of Object.keys(ctx.rename)) {
      if (!used.has(key)) ctx.warn({ code: 'IC2402', severity: 'warning', message: `rename rule \`${key}\` matches no exported type` });
    }
    const { names, describe: claimAt } = claimants(types, ir);
    // The first claim of each name.
    const seen = new Map<string, number>();
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, k);
      else collision(bag, name, claimAt(first), claimAt(k));
    }
    return finish({ ...ir, types }, bag.all, ctx);
  },
};

function collision(bag: DiagnosticBag, name: string, previous: Claim, claim: Claim): void {
  const what = describe(claim);
  const key = what.replace(/^(type|constant|function|variant) /, '').replace(/^`crate::/, '').replace(/`$/, '');
  bag.report('IC2401', `\`${name}\` is emitted for both ${describe(previous)} and ${what}`, claim.span, {
    labels: [{ span: previous.span, message: `${describe(previous)} is also named \`${name}\`` }],
    notes: [`help: add "rename": { "${key}": "<new name>" } to interopc.json, or #[ffi_type(name = "…")]`],
  });
}
