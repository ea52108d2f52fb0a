/**
 * `#[ffi_service(error = "E", prefix = "p_")] impl T { … }`: the exported shims the support crate's
 * macro generates, as function definitions with the signatures of contracts.md §5, and the service
 * that groups them. Constructors are `#[ffi_service_ctor]`; every other `pub` method taking `&self`
 * or `&mut self` is a method unless `#[ffi_service_method(ignore)]`.
 */
import type { Attribute, FnItem, ImplItem, TypeNode } from '../../compiler/syntax/ast.js';
import { pub } from '../../compiler/syntax/ast.js';
import type { FnDef, HirService, HirServiceConstructor, HirServiceMethod, HirType, ModuleId, PanicPolicy } from '../../compiler/hir.js';
import type { DiagnosticBag } from '../../compiler/diagnostics/diagnostic.js';
import type { Span } from '../../compiler/source.js';
import { findAttribute } from './attributes.js';
import { resolveType, type TypeContext } from './resolve-type.js';
import { snakeCase } from './case.js';

export interface CollectedService {
  readonly service: HirService;
  /** The shims, in source order, ready to be defined and exported. */
  readonly shims: readonly FnDef[];
  /** Methods left out, with why (for `--report`). */
  readonly skipped: readonly { readonly name: string; readonly reason: string; readonly span: Span }[];
}

function stringOption(attr: Attribute, key: string): string | undefined {
  if (attr.meta?.kind !== 'list') return undefined;
  for (const item of attr.meta.items) if (item.kind === 'nameValue' && item.path === key && item.value.kind === 'str') return item.value.value;
  return undefined;
}


/** `Result<U, _>` → U; undefined for any other type. */
function resultOk(t: TypeNode | undefined): TypeNode | undefined {
  if (t?.kind !== 'path') return undefined;
  const last = t.path.segments[t.path.segments.length - 1];
  const first = last?.name === 'Result' ? last.generics?.[0] : undefined;
  return first?.kind === 'type' ? first.type : undefined;
}

const isUnit = (t: TypeNode): boolean => t.kind === 'tuple' && t.elements.length === 0;

function methodOptions(fn: FnItem): { ignored: boolean; onPanic?: PanicPolicy; unknownPolicy?: { span: Span; text: string } } {
  const attr = findAttribute(fn.attrs, 'ffi_service_method');
  if (attr?.meta?.kind !== 'list') return { ignored: false };
  let ignored = false;
  let onPanic: PanicPolicy | undefined;
  let unknownPolicy: { span: Span; text: string } | undefined;
  for (const item of attr.meta.items) {
    if (item.kind === 'word' && item.path === 'ignore') ignored = true;
    if (item.kind === 'nameValue' && item.path === 'on_panic' && item.value.kind === 'str') {
      const v = item.value.value;
      if (v === 'ffi_error' || v === 'return_default' || v === 'abort') onPanic = v;
      else unknownPolicy = { span: item.span, text: v };
    }
  }
  return { ignored, ...(onPanic ? { onPanic } : {}), ...(unknownPolicy ? { unknownPolicy } : {}) };
}

export function collectService(
  impl: ImplItem,
  /** Docs for the service when the impl block has none: the type's own. */
  typeDocs: readonly string[],
  attr: Attribute,
  module: ModuleId,
  selfType: HirType,
  selfName: string,
  ctx: TypeContext,
  bag: DiagnosticBag,
): CollectedService | undefined {
  const errorPath = stringOption(attr, 'error');
  if (errorPath === undefined) {
    bag.report('IC2212', 'a service needs its error enum', attr.span, { notes: ['help: write `#[ffi_service(error = "FFIError")]`'] });
    return undefined;
  }
  const errorType = resolveType(ctx, {
    kind: 'path',
    path: { global: false, segments: errorPath.split('::').map((name) => ({ name, span: attr.span })), span: attr.span },
    span: attr.span,
  });
  const prefix = stringOption(attr, 'prefix') ?? `${snakeCase(selfName)}_`;
  const handle = (mutable: boolean, depth: 1 | 2): HirType => {
    const one: HirType = { kind: 'pointer', mutable, pointee: selfType, span: impl.span };
    return depth === 1 ? one : { kind: 'pointer', mutable: true, pointee: one, span: impl.span };
  };
  const shims: FnDef[] = [];
  const skipped: { name: string; reason: string; span: Span }[] = [];
  const constructors: HirServiceConstructor[] = [];
  const methods: HirServiceMethod[] = [];
  const shim = (fn: FnItem | undefined, symbol: string, params: FnDef['params'], returns: HirType, span: Span, nameSpan: Span): FnDef => ({
    kind: 'fn',
    id: `${module}::${symbol}`,
    name: symbol,
    module,
    vis: pub,
    docs: fn?.docs ?? [],
    attrs: [],
    span,
    nameSpan,
    generics: [],
    params,
    returns,
    abi: 'C',
    isUnsafe: false,
    isConst: false,
    variadic: false,
    exportName: symbol,
  });

  for (const member of impl.items) {
    if (member.kind !== 'fn') continue;
    const params = member.params.map((p) => ({ name: p.name, type: resolveType(ctx, p.type), span: p.span }));
    if (findAttribute(member.attrs, 'ffi_service_ctor')) {
      if (member.receiver) {
        bag.report('IC2213', `constructor \`${member.name}\` takes \`self\``, member.nameSpan, { notes: ['help: a constructor is an associated function returning `Self` or `Result<Self, Error>`'] });
        continue;
      }
      const out = { name: 'out', type: handle(true, 2), span: member.nameSpan };
      const def = shim(member, prefix + member.name, [out, ...params], errorType, member.span, member.nameSpan);
      shims.push(def);
      constructors.push({ function: def.id, name: member.name });
      continue;
    }
    const options = methodOptions(member);
    if (options.unknownPolicy) {
      bag.report('IC2214', `unknown panic policy \`${options.unknownPolicy.text}\``, options.unknownPolicy.span, { notes: ['help: write `on_panic = "ffi_error"`, `"return_default"` or `"abort"`'] });
      continue;
    }
    const receiver = member.receiver;
    if (options.ignored) {
      skipped.push({ name: member.name, reason: 'service-ignored: #[ffi_service_method(ignore)]', span: member.nameSpan });
      continue;
    }
    if (member.vis.kind !== 'pub' || !receiver || (receiver.kind !== 'ref' && receiver.kind !== 'refMut')) {
      skipped.push({ name: member.name, reason: 'not-service-method: a service exports `pub` methods taking `&self` or `&mut self`', span: member.nameSpan });
      continue;
    }
    const mutable = receiver.kind === 'refMut';
    const self = { name: 'this', type: handle(mutable, 1), span: receiver.span };
    const ok = resultOk(member.returns);
    let def: FnDef;
    let result: HirServiceMethod['result'];
    if (ok && isUnit(ok)) {
      def = shim(member, prefix + member.name, [self, ...params], errorType, member.span, member.nameSpan);
      result = 'error';
    } else if (ok) {
      const out = { name: 'out', type: { kind: 'pointer', mutable: true, pointee: resolveType(ctx, ok), span: ok.span } as HirType, span: ok.span };
      def = shim(member, prefix + member.name, [self, ...params, out], errorType, member.span, member.nameSpan);
      result = 'out';
    } else {
      const returns: HirType = member.returns ? resolveType(ctx, member.returns) : { kind: 'unit', span: member.nameSpan };
      def = shim(member, prefix + member.name, [self, ...params], returns, member.span, member.nameSpan);
      result = 'value';
    }
    shims.push(def);
    const onPanic: PanicPolicy = options.onPanic ?? (result === 'value' ? 'abort' : 'ffi_error');
    methods.push({ function: def.id, name: member.name, mutable, result, onPanic });
  }
  if (constructors.length === 0) {
    bag.report('IC2215', `service \`${selfName}\` has no constructor`, impl.span, { notes: ['help: mark an associated function returning `Self` or `Result<Self, Error>` with `#[ffi_service_ctor]`'] });
    return undefined;
  }
  // Placed at the impl's end, so that declarations list it after the methods.
  const end: Span = { file: impl.span.file, start: Math.max(impl.span.start, impl.span.end - 1), end: impl.span.end };
  const destroy: FnDef = {
    ...shim(undefined, `${prefix}destroy`, [{ name: 'handle', type: handle(true, 2), span: end }], errorType, end, attr.span),
    // What the macro's destructor does (crates/interopc-macros/src/service.rs).
    docs: [`Drops the \`${selfName}\` and sets \`*handle\` to null.`, 'Returns the error enum\'s `Null` value for a null `handle` or `*handle`: never a double free.'],
  };
  shims.push(destroy);
  const service: HirService = { name: selfName, module, selfType, error: errorType, docs: impl.docs.length > 0 ? impl.docs : typeDocs, span: impl.span, constructors, destructor: destroy.id, methods };
  return { service, shims, skipped };
}
