/**
 * Services (contracts.md §5) as `sealed class … : IDisposable`: a static factory per constructor,
 * a method per service method, `Dispose()` destroying the Rust value exactly once (the handle is
 * swapped out atomically, so `Dispose` twice, or `Dispose` racing the finalizer, destroys once),
 * and a finalizer as the safety net. A constructor's slices are borrowed by the Rust value for its
 * whole life (`ServiceLifetime`), so they are arrays pinned with a `GCHandle` until destruction.
 */
import type { IrFunction, IrModule, IrService, TypeRef } from '../../compiler/ir.js';
import { hardline, join, type Doc } from '../doc.js';
import type { Converter, ParamPlan } from './convert.js';
import { callBody, variants, type FunctionContext } from './functions.js';
import { block, members, withLeading } from './print.js';
import { camel, pascal, rawName, typeName, paramNames, xmlDoc } from './names.js';
import { Slots } from './slots.js';

/** Member names every service class has already. */
const reserved = new Set(['Dispose', 'Handle', 'Equals', 'GetHashCode', 'ToString', 'GetType', 'Finalize']);

export function serviceClass(ctx: FunctionContext, ir: IrModule, s: IrService, raw: string): Doc | undefined {
  const functions = new Map(ir.functions.map((f) => [f.name, f]));
  const error = ctx.types.index.get(s.error);
  if (error?.kind !== 'enum' || !error.pattern) return undefined;
  const cls = typeName(s.name);
  const ok = `${typeName(error.name)}.${error.pattern.success}`;
  const exception = ctx.convert.exceptionOf(error.name);
  const fields: Doc[] = ['private IntPtr _handle;'];
  const slots = new Slots(ctx.types, ctx.flavor);
  const used = new Set([...reserved, cls]);
  const unique = (name: string): string => {
    let n = name;
    while (used.has(n)) n = `${n}_`;
    used.add(n);
    return n;
  };
  const slotFor = (method: string) => (param: string, delegate: string, type: TypeRef): ((user: string) => string) =>
    slots.bind(`_${camel(method, 0).replace(/^@/, '')}${pascal(param.replace(/^@/, ''))}`, delegate, type, false);
  const body: Doc[] = [];
  let pins = false;
  for (const c of s.constructors) {
    const fn = functions.get(c.function);
    if (!fn) continue;
    const plans = ctorPlans(ctx, fn, slots);
    pins ||= plans.some((p) => p.pinned);
    body.push(factory(fn, unique(pascal(c.name)), cls, plans, ok, exception, raw));
  }
  for (const m of s.methods) {
    const fn = functions.get(m.function);
    if (!fn) continue;
    const name = unique(pascal(m.name));
    const params = fn.signature.params.slice(1, m.result === 'out' ? -1 : undefined);
    const names = paramNames(params.map((p) => p.name));
    const slotsOf = slotFor(m.name);
    const planFor = (variant: 'span' | 'array'): ParamPlan[] =>
      params.map((p, i) => ctx.convert.param(p.type, names[i] ?? `arg${i}`, variant, (user) => slotsOf(names[i] ?? `arg${i}`, ctx.types.delegateName(p.type) ?? 'IntPtr', p.type)(user)));
    const first = planFor('array');
    for (const variant of variants(ctx, first)) {
      const plans = variant === 'array' ? first : planFor(variant);
      body.push(method(ctx.convert, fn, name, plans, m.result, raw));
    }
  }
  if (pins) fields.push('// Arrays a constructor lent to the Rust value: pinned until it is destroyed.', 'private GCHandle[] _pins;');
  const destroy = block('private void Destroy()', [
    'var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);',
    `if (handle != IntPtr.Zero) ${raw}.${rawName(s.destructor)}(ref handle);`,
    ...(pins ? ['var pins = Interlocked.Exchange(ref _pins, null);', 'if (pins != null) foreach (var pin in pins) if (pin.IsAllocated) pin.Free();'] : []),
  ]);
  const lifecycle: Doc[] = [
    block(`private ${cls}(IntPtr handle)`, ['_handle = handle;']),
    withLeading(['/// <summary>The raw handle for the functions in <c>Raw</c>; <c>IntPtr.Zero</c> once disposed.</summary>'], 'public IntPtr Handle { get { return _handle; } }'),
    withLeading(
      ['[MethodImpl(MethodImplOptions.AggressiveInlining)]'],
      block('private IntPtr Live()', ['var handle = _handle;', `if (handle == IntPtr.Zero) throw new ObjectDisposedException(${JSON.stringify(cls)});`, 'return handle;']),
    ),
    withLeading(['/// <summary>Destroys the Rust value (once; later calls do nothing).</summary>'], block('public void Dispose()', ['Destroy();', 'GC.SuppressFinalize(this);'])),
    block(`~${cls}()`, ['Destroy();']),
    destroy,
  ];
  return withLeading(xmlDoc(s.docs), block(`public sealed class ${cls} : IDisposable`, members([join(hardline, fields), ...slots.members(), ...lifecycle, ...body])));
}

interface CtorPlan extends ParamPlan {
  readonly pinned?: string;
}

/** Constructor parameters: like any call, except slices, which stay pinned for the value's life. */
function ctorPlans(ctx: FunctionContext, fn: IrFunction, slots: Slots): CtorPlan[] {
  const params = fn.signature.params.slice(1);
  const names = paramNames(params.map((p) => p.name));
  return params.map((p, i) => {
    const name = names[i] ?? `arg${i}`;
    const slice = ctx.types.patternStruct(p.type);
    const element = slice ? ctx.types.sliceElement(slice) : undefined;
    if (slice && element && !element.isString) {
      const pin = `_${name.replace(/^@/, '')}Pin`;
      return {
        decl: `${element.type}[] ${name}`,
        arg: `new ${typeName(slice.name)} { Data = ${pin}.AddrOfPinnedObject(), Len = (ulong)(${name} == null ? 0 : ${name}.Length) }`,
        pre: [`var ${pin} = GCHandle.Alloc(${name}, GCHandleType.Pinned);`],
        scopes: [],
        inner: [],
        post: [],
        unsafe: false,
        same: false,
        slice: false,
        pinned: pin,
      };
    }
    return ctx.convert.param(p.type, name, 'array', (user) => slots.bind(`_${name.replace(/^@/, '')}`, ctx.types.delegateName(p.type) ?? 'IntPtr', p.type, true)(user));
  });
}

function factory(fn: IrFunction, name: string, cls: string, plans: readonly CtorPlan[], ok: string, exception: string, raw: string): Doc {
  const pins = plans.flatMap((p) => (p.pinned ? [p.pinned] : []));
  const unsafe = plans.some((p) => p.unsafe) ? 'unsafe ' : '';
  const args = ['ref _out', ...plans.map((p) => p.arg)].join(', ');
  const failure = pins.length > 0 ? `{ ${pins.map((p) => `${p}.Free();`).join(' ')} throw new ${exception}(_result); }` : `throw new ${exception}(_result);`;
  const success = pins.length > 0 ? [`var service = new ${cls}(_out);`, `service._pins = new[] { ${pins.join(', ')} };`, 'return service;'] : [`return new ${cls}(_out);`];
  const finish = { type: cls, finish: [`if (_result != ${ok}) ${failure}`, ...success], unsafe: false, same: false };
  const body = callBody(plans, `${raw}.${rawName(fn.name)}(${args})`, false, finish, ['var _out = IntPtr.Zero;']);
  return withLeading(xmlDoc(fn.docs), block(`public static ${unsafe}${cls} ${name}(${plans.map((p) => p.decl).join(', ')})`, body));
}

/**
 * After a method's raw call: `Live()` hands Rust a bare handle, and without this the instance could
 * be unreachable during the call, its finalizer destroying the Rust value Rust is working on.
 */
const keepAlive = ['GC.KeepAlive(this);'];

function method(convert: Converter, fn: IrFunction, name: string, plans: readonly ParamPlan[], result: 'error' | 'out' | 'value', raw: string): Doc {
  const args = ['Live()', ...plans.map((p) => p.arg)];
  const returns = fn.signature.returns;
  if (result === 'out') {
    const out = fn.signature.params[fn.signature.params.length - 1]?.type;
    const pointee: TypeRef | undefined = out?.kind === 'pointer' ? out.pointee : undefined;
    const value = pointee ? convert.result(pointee, '_out') : undefined;
    const outType = pointee ? convert.rawType(pointee) : 'IntPtr';
    const error = convert.result(returns);
    const finish = { type: value?.type ?? 'void', finish: [...error.finish, ...(value?.finish ?? [])], unsafe: true, same: false };
    const body = callBody(plans, `${raw}.${rawName(fn.name)}(${[...args, '(IntPtr)(&_out)'].join(', ')})`, false, finish, [`${outType} _out;`], keepAlive);
    return withLeading(xmlDoc(fn.docs), block(`public unsafe ${finish.type} ${name}(${plans.map((p) => p.decl).join(', ')})`, body));
  }
  const plan = convert.result(returns);
  const unsafe = plans.some((p) => p.unsafe) || plan.unsafe ? 'unsafe ' : '';
  const isVoid = returns.kind === 'primitive' && returns.name === 'void';
  const body = callBody(plans, `${raw}.${rawName(fn.name)}(${args.join(', ')})`, isVoid, plan, [], keepAlive);
  return withLeading(xmlDoc(fn.docs), block(`public ${unsafe}${plan.type} ${name}(${plans.map((p) => p.decl).join(', ')})`, body));
}
