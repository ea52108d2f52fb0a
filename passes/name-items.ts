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

export const nameItems: Pass<IrModule, IrModule> = {
  name: 'name-items',
  run(ir: IrModule, ctx: PassContext): Either<Diagnostics, IrModule> {
    const bag = new DiagnosticBag();
    const used = new Set<string>();
    const types = Object.keys(ctx.rename).length === 0 ? ir.types : patternNames(ir.types.map((t) => renamed(t, ctx.rename, used)));
    for (const key of Object.keys(ctx.rename)) {
      if (!used.has(key)) ctx.warn({ code: 'IC2402', severity: 'warning', message: `rename rule \`${key}\` matches no exported type` });
    }
    // What claimed each name: `what` is described (`type \`crate::S\``) only for a collision.
    const seen = new Map<string, Claim>();
    const claim = (name: string, kind: Claim['kind'], path: string, span: Span, variant?: string) => {
      const previous = seen.get(name);
      if (!previous) {
        seen.set(name, { kind, path, span, variant });
        return;
      }
      const what = describe({ kind, path, span, variant });
      const key = what.replace(/^(type|constant|function|variant) /, '').replace(/^`crate::/, '').replace(/`$/, '');
      bag.report('IC2401', `\`${name}\` is emitted for both ${describe(previous)} and ${what}`, span, {
        labels: [{ span: previous.span, message: `${describe(previous)} is also named \`${name}\`` }],
        notes: [`help: add "rename": { "${key}": "<new name>" } to interopc.json, or #[ffi_type(name = "…")]`],
      });
    };
    for (const t of types) {
      claim(t.name, 'type', t.id, t.nameSpan);
      if (t.kind === 'enum') for (const v of t.variants) claim(`${t.name}_${v.name}`, 'variant', t.id, t.nameSpan, v.name);
    }
    for (const c of ir.constants) claim(c.name, 'constant', c.rustPath, c.span);
    for (const f of ir.functions) claim(f.name, 'function', f.rustPath, f.span);
    return finish({ ...ir, types }, bag.all, ctx);
  },
};
