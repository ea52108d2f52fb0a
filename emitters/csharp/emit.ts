/**
 * The C# file: one namespace holding the `Interop` class (constants, the API hash, the idiomatic
 * functions, and the nested `Raw` class with a `DllImport` of every function), the types, the
 * callback delegates, the exception of the error enum, one class per service and the support
 * classes. C# 7.2 as `mcs` 6.8 accepts it; valid for modern .NET too.
 */
import type { IrFunction, IrModule, TypeRef } from '../../compiler/ir.js';
import { concat, hardline, Renderer, type Doc } from '../doc.js';
import type { EmitMeta } from '../emitter.js';
import { Converter } from './convert.js';
import { constantDeclaration, delegateDeclaration, enumDeclaration, structDeclaration } from './declarations.js';
import { dllImport, functionNames, idiomaticFunction, type FunctionContext } from './functions.js';
import { block, members, withLeading } from './print.js';
import { camel, csString, pascal, rawName, typeName } from './names.js';
import { apiGuardClass, callbackSlotClass, callbacksClass, exceptionClass, exceptionNamer, utf8Classes } from './runtime.js';
import { serviceClass } from './services.js';
import { CsTypes } from './types.js';
import { monoPInvokeCallbackAttribute, Slots } from './slots.js';

export interface CSharpOptions {
  /** Namespace; default: the bindings' name in PascalCase. */
  readonly namespace?: string;
  /** The static class holding functions and constants (also the file name); default `Interop`. */
  readonly className?: string;
  /** The native library name in `DllImport`; default: the bindings' name (`reference` → `libreference.so`). */
  readonly libraryName?: string;
  /** Visibility of the nested `Raw` class of plain `DllImport`s; default `public`. */
  readonly rawVisibility?: 'public' | 'internal';
  /** `Span`/`ReadOnlySpan` overloads and results (default true); off, slices are arrays only. */
  readonly spans?: boolean;
  /** `unity` marks callback wrappers for IL2CPP; default `dotnet`. */
  readonly flavor?: 'dotnet' | 'unity';
  /** Check the API guard in the static constructors (default true). */
  readonly checkApi?: boolean;
}

const usings = ['System', 'System.Runtime.CompilerServices', 'System.Runtime.ExceptionServices', 'System.Runtime.InteropServices', 'System.Text', 'System.Threading'];

/** Names the inline function pointers of parameters, and lists every delegate type of the file. */
function collectDelegates(ir: IrModule, types: CsTypes): { name: string; type: TypeRef; docs: readonly string[] }[] {
  const out: { name: string; type: TypeRef; docs: readonly string[] }[] = [];
  for (const t of ir.types) {
    if (t.kind === 'alias' && t.target.kind === 'fnPointer') out.push({ name: typeName(t.name), type: t.target, docs: t.docs });
  }
  for (const f of ir.functions) {
    for (const p of f.signature.params) {
      if (p.type.kind === 'fnPointer') out.push({ name: types.nameInlineDelegate(p.type, f.name, p.name), type: p.type, docs: [`The callback parameter \`${p.name}\` of \`${f.name}\`.`] });
    }
  }
  return out;
}

export function emitFile(ir: IrModule, functions: readonly IrFunction[], options: CSharpOptions, meta: EmitMeta): string {
  const types = new CsTypes(ir);
  const spans = options.spans ?? true;
  const className = options.className ?? 'Interop';
  const namespace = options.namespace ?? pascal(meta.name);
  const rawVisibility = options.rawVisibility ?? 'public';
  const errors = ir.types.flatMap((t) => (t.kind === 'enum' && t.pattern ? [t] : []));
  const exceptionOf = exceptionNamer(errors);
  const convert = new Converter(types, spans, exceptionOf);
  const delegates = collectDelegates(ir, types);

  const flavor = options.flavor ?? 'dotnet';
  const slots = new Slots(types, flavor);
  const ctx: FunctionContext = {
    types,
    convert,
    spans,
    flavor,
    staticSlot: (fn, param, delegate, type) => slots.bind(`s_${camel(fn.name, 0).replace(/^@/, '')}${pascal(param.replace(/^@/, ''))}`, delegate, type, true),
  };

  const constantNames = new Set<string>(['Raw', 'LibraryName', 'ApiHash', className]);
  const constants = ir.constants.map((c) => {
    let name = pascal(c.name);
    while (constantNames.has(name)) name = `${name}_`;
    constantNames.add(name);
    return constantDeclaration(types, c, name);
  });
  const serviceFunctions = new Set(ir.services.flatMap((s) => [...s.constructors.map((c) => c.function), s.destructor, ...s.methods.map((m) => m.function)]));
  // Service shims are reached through their classes (and `Raw`), not as free functions.
  const free = functions.filter((f) => !serviceFunctions.has(f.name));
  const names = functionNames(free, constantNames);
  const idiomatic = free.flatMap((f) => idiomaticFunction(ctx, f, names.get(f.name) ?? pascal(f.name)));
  const check = ir.apiGuard && options.checkApi !== false;

  const rawClass = withLeading(
    [
      '/// <summary>',
      '/// Every function exactly as the library exports it: no conversion, no exception, no check beyond',
      '/// the API guard. A delegate passed here lives only as long as the caller keeps it.',
      '/// </summary>',
    ],
    block(`${rawVisibility} static class Raw`, members([...(check ? [block('static Raw()', ['InteropApiGuard.Check();'])] : []), ...functions.map((f) => concat(...joinLines(dllImport(types, f, 'public', rawName(f.name)))))])),
  );
  const interop = withLeading(
    [`/// <summary>Functions and constants of the Rust library <c>${meta.name}</c>.</summary>`],
    block(`public static partial class ${className}`, members([
      concat(...joinLines([
        '/// <summary>The native library every <c>DllImport</c> names.</summary>',
        `public const string LibraryName = ${csString(options.libraryName ?? meta.name)};`,
        '/// <summary>Hash of the exported API these bindings were generated for (the library\'s guard returns it).</summary>',
        `public const ulong ApiHash = ${meta.apiHash}UL;`,
      ])),
      ...constants,
      ...(check ? [concat('// The API guard runs before the first call (static constructors run once, before first use).', hardline, block(`static ${className}()`, ['InteropApiGuard.Check();']))] : []),
      ...idiomatic,
      ...slotMembers(slots),
      rawClass,
    ])),
  );

  const declarations: Doc[] = [];
  const serviceHandles = new Set(ir.services.map((s) => s.handle));
  for (const t of ir.types) {
    if (t.kind === 'struct' || t.kind === 'union') declarations.push(structDeclaration(types, t, spans));
    else if (t.kind === 'enum') declarations.push(enumDeclaration(types, t));
    else if (t.kind === 'opaque' && !serviceHandles.has(t.id) && t.docs.length > 0) continue;
  }
  for (const d of delegates) {
    const signature = types.callbackSignature(d.type);
    if (signature) declarations.push(delegateDeclaration(types, d.name, d.docs, signature));
  }
  for (const e of errors) declarations.push(exceptionClass(e, exceptionOf(e.name)));
  const services = ir.services.flatMap((s) => {
    const doc = serviceClass(ctx, ir, s, `${className}.Raw`);
    return doc ? [doc] : [];
  });
  const support: Doc[] = [...utf8Classes, '', callbackSlotClass, '', callbacksClass(types, delegates, flavor === 'dotnet')];
  if (check && ir.apiGuard) support.push('', apiGuardClass(meta.name, ir.apiGuard.function, `${className}.ApiHash`, `${className}.LibraryName`));

  const out = new Renderer();
  out.write(concat(...joinLines([
    '// <auto-generated/>',
    `// generated by interopc ${meta.version} — do not edit`,
    `// crate: ${meta.crateName}`,
    `// API hash: ${meta.apiHash}`,
    '',
    ...usings.map((u) => `using ${u};`),
  ])));
  out.write(concat(hardline, hardline));
  out.write(block(`namespace ${namespace}`, members([interop, ...declarations, ...services, concat(...joinLines(support.map((d) => d)))])));
  if (flavor === 'unity') out.write(concat(hardline, hardline, ...joinLines([...monoPInvokeCallbackAttribute])));
  return out.write(hardline).finish();
}

/** The callback slots, after the functions (which bind them while they are printed). */
function slotMembers(slots: Slots): Doc[] {
  const all = slots.members();
  if (all.length === 0) return [];
  return [concat('// The delegates last passed to each callback parameter, kept alive while Rust may call them.', hardline, concat(...joinLines(all)))];
}

/** Docs separated by line breaks, as parts of one `concat`. */
function joinLines(docs: readonly Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [hardline, d]));
}
