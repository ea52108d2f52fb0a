/**
 * The TypeScript backend's service classes against the reference cdylib: every constructor and
 * method shim reached through `ServiceBasic` / `ServiceLifetime`, disposal (`dispose()`,
 * `[Symbol.dispose]`), the `FinalizationRegistry` safety net (which must never destroy twice),
 * callbacks Rust keeps (plain functions through their sites, registered ones) or calls from its own
 * thread, and where a callback's exception goes.
 */
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireTools } from './support/runtimes.js';
import { generateTypeScriptModule, importReference, type Module } from './typescript/module.js';

/** `fn` throws the error enum's exception with `code`. */
function throwsCode(t: ExecutionContext, m: Module, fn: () => unknown, code: number): void {
  const error = t.throws(fn, { instanceOf: m['FFIErrorException'] as new (...args: never[]) => Error });
  t.is((error as unknown as { code: number } | undefined)?.code, code);
}

type ServiceCheck = (t: ExecutionContext, m: Module, s: Module) => void;

/** Service methods and constructors, by shim symbol; each gets a fresh `ServiceBasic.newWith(40)`. */
const serviceMethods: Record<string, ServiceCheck> = {
  service_basic_new_with: (t, m) => {
    const s = m['ServiceBasic'].newWith(40);
    t.true(s instanceof m['ServiceBasic']);
    t.is(s.methodU32(2), 42);
    s.dispose();
  },
  service_basic_new_without: (t, m) => {
    const s = m['ServiceBasic'].newWithout();
    t.is(s.methodU32(7), 7);
    s.dispose();
  },
  service_basic_new_with_string: (t, m) => {
    const s = m['ServiceBasic'].newWithString('named');
    t.is(s.nameLength(), 5);
    t.is(s.name(), 'named');
    s.dispose();
    throwsCode(t, m, () => m['ServiceBasic'].newWithString(null), 100);
  },
  service_basic_new_failing: (t, m) => throwsCode(t, m, () => m['ServiceBasic'].newFailing(1), 300),
  service_basic_method_u32: (t, _m, s) => t.is(s.methodU32(2), 42),
  service_basic_add_all: (t, m, s) => {
    s.addAll(new Uint32Array([1, 1]));
    t.is(s.methodU32(0), 42);
    s.addAll([8]);
    t.is(s.methodU32(0), 50);
    throwsCode(t, m, () => s.addAll([]), 300);
  },
  service_basic_half: (t, m, s) => {
    t.is(s.half(), 20);
    s.addAll([1]);
    throwsCode(t, m, () => s.half(), 300);
  },
  service_basic_name_length: (t, _m, s) => t.is(s.nameLength(), 0),
  service_basic_fill: (t, _m, s) => {
    const bytes = new Uint8Array(3);
    s.fill(bytes);
    t.deepEqual([...bytes], [40, 40, 40]);
  },
  service_basic_buffer: (t, _m, s) => {
    t.deepEqual([...s.buffer()], []);
    s.fill(new Uint8Array(2));
    const copy = s.buffer();
    t.deepEqual([...copy], [40, 40]);
    // A copy: the next call may change Rust's buffer, never the returned array.
    s.fill(new Uint8Array(5));
    t.deepEqual([...copy], [40, 40]);
  },
  service_basic_panics_with_error: (t, m, s) => throwsCode(t, m, () => s.panicsWithError(), m['FFIError'].Panic),
  service_basic_panics_with_default: (t, _m, s) => t.is(s.panicsWithDefault(), 0),
  service_basic_name: (t, _m, s) => t.is(s.name(), ''),
  service_basic_add_ref: (t, _m, s) => {
    s.addRef(new Uint32Array([2]));
    t.is(s.checkedValue(), 42);
  },
  service_basic_apply: (t, _m, s) => {
    t.is(s.apply((x: number) => x + 2), 42);
    t.is(s.apply(null), 40);
    t.throws(() => s.apply(() => { throw new Error('from apply'); }), { message: 'from apply' });
  },
  // Rust keeps a stored callback after the call: a plain function stays valid through the
  // parameter's site until another replaces it; a registered one until it is disposed.
  service_basic_store_callback: (t, m, s) => {
    s.storeCallback((x: number) => x * 3);
    t.is(s.callStored(14), 42);
    s.storeCallback((x: number) => x + 100);
    t.is(s.callStored(1), 101);
    const registered = m['registerCallbackU32']((x: number) => x * 2);
    s.storeCallback(registered);
    t.is(s.callStored(5), 10);
    s.storeCallback(null);
    t.is(s.callStored(5), 5);
    registered.dispose();
    t.is(registered.pointer, null);
    // A released registration is refused rather than passed to Rust as null.
    t.throws(() => s.storeCallback(registered), { message: 'the callback was disposed' });
  },
  service_basic_call_stored: (t, _m, s) => t.is(s.callStored(7), 7),
  service_basic_checked_value: (t, _m, s) => t.is(s.checkedValue(), 40),
  service_basic_destroy: (t, _m, s) => {
    t.false(s.disposed);
    s.dispose();
    t.true(s.disposed);
    s.dispose();
    t.throws(() => s.methodU32(1), { message: 'the service was disposed' });
  },
  service_lifetime_new_with: (t, m) => {
    const s = m['ServiceLifetime'].newWith([10, 20, 12]);
    t.is(s.sum(), 42n);
    s.dispose();
  },
  service_lifetime_sum: (t, m) => {
    const bytes = new Uint8Array([1, 2]);
    const s = m['ServiceLifetime'].newWith(bytes);
    // Borrowed, not copied: Rust sees the caller's bytes change.
    bytes[1] = 41;
    t.is(s.sum(), 42n);
    s[Symbol.dispose]();
    t.true(s.disposed);
  },
  service_lifetime_destroy: (t, m) => {
    const s = m['ServiceLifetime'].newWith([1]);
    s.dispose();
    s.dispose();
    t.true(s.disposed);
  },
};


test('every service constructor and method is reached through its class and behaves', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m, generated: g } = await importReference();
  const shims = new Set(g.ir.services.flatMap((s) => [s.destructor, ...s.constructors.map((c) => c.function), ...s.methods.map((x) => x.function)]));
  t.deepEqual([...shims].filter((n) => !(n in serviceMethods)), [], 'service shims without an expectation');
  t.deepEqual(Object.keys(serviceMethods).filter((n) => !shims.has(n)), [], 'expectations naming no service shim');
  for (const [name, check] of Object.entries(serviceMethods)) {
    const service = m['ServiceBasic'].newWith(40);
    try {
      check(t, m, service);
    } catch (e) {
      t.fail(`${name}: ${String(e)}`);
    } finally {
      service.dispose();
    }
  }
});

/**
 * Run in a child process with `--expose-gc`: counts the destructor calls through a spy on `raw`
 * (the classes look the destructor up there on every call). 50 services are disposed (the
 * finalizer must not destroy them again), 50 are dropped (the finalizer destroys each once).
 */
const finalizerScript = `
const m = await import(process.argv[2]);
let calls = 0, live = 0;
const destroy = m.raw.service_basic_destroy;
m.raw.service_basic_destroy = (cell) => { calls++; if (cell[0] !== 0n) live++; return destroy(cell); };
for (let i = 0; i < 50; i++) m.ServiceBasic.newWith(i).dispose();
for (let i = 0; i < 50; i++) m.ServiceBasic.newWith(i).methodU32(1);
for (let round = 0; round < 100 && calls < 100; round++) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
globalThis.gc();
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ calls, live }));
`;

test('the FinalizationRegistry destroys dropped services once and never a disposed one', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  const script = join(g.dir, 'finalizer-check.mjs');
  writeFileSync(script, finalizerScript);
  const run = await execa(process.execPath, ['--expose-gc', script, pathToFileURL(g.compiled).href], { env: { REFERENCE_LIBRARY_PATH: g.libraryDir }, reject: false, all: true });
  t.is(run.exitCode, 0, run.all);
  t.deepEqual(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}'), { calls: 100, live: 100 });
});

/** Each named callback type's `register…` function, used where Rust calls the callback synchronously too. */
const registrations: Record<string, (t: ExecutionContext, m: Module, register: (fn: unknown) => { pointer: bigint | null; dispose(): void }) => void> = {
  registerCallbackU8: (t, m, register) => {
    const r = register((x: number) => x + 1);
    t.is(m['callback'](r, 41), 42);
    r.dispose();
  },
  registerCallbackCtx: (t, m, register) => {
    const r = register((_ctx: bigint, v: number) => v * 2);
    t.is(m['callbackWithContext'](r, null, 21), 42);
    r.dispose();
  },
  registerCallbackFFISlice: (t, m, register) => {
    const r = register((values: Uint8Array) => values.reduce((a, b) => a + b, 0));
    t.is(m['patternFfiSliceDelegate'](r), 45);
    r.dispose();
  },
  registerCallbackU32: (t, m, register) => {
    const r = register((x: number) => x * 3);
    t.is(m['patternCallback1'](r, 14), 42);
    r.dispose();
  },
  registerCallbackNothing: (t, m, register) => {
    let seen = 0;
    const r = register((x: number) => void (seen += x));
    t.is(m['patternCallback2'](r, 21), true);
    t.is(seen, 42);
    r.dispose();
  },
  registerCallbackContext: (t, m, register) => {
    const r = register((_ctx: bigint, v: number) => v + 1);
    t.is(m['patternCallback3'](r, null, 41), 42);
    r.dispose();
  },
  registerCallbackError: (t, m, register) => {
    const r = register((v: number) => (v % 2 ? m['FFIError'].Fail : m['FFIError'].Ok));
    t.is(m['patternCallback4'](r, 2), undefined);
    throwsCode(t, m, () => m['patternCallback4'](r, 3), 300);
    r.dispose();
  },
};

test('every register… function makes a callback Rust can call, and releases it', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  const exported = Object.keys(m).filter((k) => k.startsWith('register') && typeof m[k] === 'function');
  t.deepEqual(exported.sort(), Object.keys(registrations).sort());
  for (const [name, check] of Object.entries(registrations)) check(t, m, m[name]);
});

test('using a disposed service throws instead of passing null to Rust', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  const s = m['ServiceBasic'].newWith(1);
  s[Symbol.dispose]();
  t.true(s.disposed);
  t.throws(() => s.half(), { message: 'the service was disposed' });
  t.throws(() => s.buffer(), { message: 'the service was disposed' });
});

// Serial (ava runs those first): nothing may block the JS thread while the call is queued to it.
test.serial('a registered callback Rust calls from its own thread after the call returned reaches JS', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  let arrived: (value: number) => void = () => {};
  const value = new Promise<number>((resolve) => (arrived = resolve));
  const registered = m['registerCallbackNothing']((v: number) => arrived(v));
  try {
    m['patternCallbackThread'](registered, 42);
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 5000));
    t.is(await Promise.race([value, timeout]), 42);
  } finally {
    registered.dispose();
  }
});

test("a callback's exception reaches JS: rethrown by the running call, else given to onUnhandledCallbackError", async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  const unhandled: unknown[] = [];
  const previous = m['onUnhandledCallbackError']((e: unknown) => unhandled.push(e));
  const s = m['ServiceBasic'].newWith(1);
  const registered = m['registerCallbackU32'](() => {
    throw new Error('registered');
  });
  try {
    // Stored now, called by a later call that passes no callback: no call waits for the exception.
    s.storeCallback(() => {
      throw new Error('stored');
    });
    t.is(s.callStored(5), 0, 'Rust gets the result type\'s zero');
    s.storeCallback(registered);
    t.is(s.callStored(5), 0);
    t.deepEqual(unhandled.map((e) => (e as Error).message), ['stored', 'registered']);
    // Called during a call that takes callbacks: that call rethrows it once Rust returned.
    t.throws(() => s.apply(registered), { message: 'registered' });
    t.is(unhandled.length, 2);
    // A callback's own call into Rust rethrows into the callback, which may catch it.
    const nested = m['callback']((x: number) => {
      try {
        return m['callback'](() => {
          throw new Error('inner');
        }, x);
      } catch (e) {
        return (e as Error).message === 'inner' ? 42 : 0;
      }
    }, 1);
    t.is(nested, 42);
  } finally {
    s.dispose();
    registered.dispose();
    m['onUnhandledCallbackError'](previous);
  }
});

test("a call from inside a site's callback leaves the outer call's callback in place", async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  // pattern_callback_2 calls its callback twice: the second outer call must reach the outer function.
  const outer: number[] = [];
  const inner: number[] = [];
  m['patternCallback2']((v: number) => {
    outer.push(v);
    if (outer.length === 1) m['patternCallback2']((w: number) => void inner.push(w), 1);
  }, 5);
  t.deepEqual({ outer, inner }, { outer: [5, 5], inner: [1, 1] });
});

/**
 * Run in a child process with `--expose-gc`: a plain function Rust keeps must stay callable after
 * garbage collections (a koffi transient callback would be freed memory by then), each site must
 * hold one registration however many functions pass through it, and services disposed or dropped
 * must release theirs (koffi has 8192 slots in all). With no handler set, an exception nobody waits
 * for becomes an uncaught exception, as in any other Node callback.
 */
const sitesScript = `
const m = await import(process.argv[2]);
const koffi = (await import(process.argv[3])).default;
const out = {};
process.on('uncaughtException', (e) => { out.uncaught = e.message; });
m.callback((x) => x, 0);
const base = koffi.stats().callbacks;
const s = m.ServiceBasic.newWith(1);
s.storeCallback((x) => x * 3);
for (let i = 0; i < 5; i++) { globalThis.gc(); m.callback((x) => x + i, 1); koffi.alloc('uint8_t', 1 << 16); }
out.stored = s.callStored(14);
for (let i = 0; i < 100; i++) s.storeCallback((x) => x + i);
out.replaced = s.callStored(1);
out.held = koffi.stats().callbacks - base;
s.storeCallback(() => { throw new Error('nobody waits'); });
out.fallback = s.callStored(1);
await new Promise((resolve) => setTimeout(resolve, 10));
s.dispose();
for (let i = 0; i < 20; i++) { const x = m.ServiceBasic.newWith(i); x.storeCallback((v) => v + i); x.dispose(); }
// Made in a function, so that no scope of this script keeps the last one reachable.
const drop = (i) => { const x = m.ServiceBasic.newWith(i); x.storeCallback((v) => v + i); x.callStored(1); };
for (let i = 0; i < 20; i++) drop(i);
for (let round = 0; round < 100 && koffi.stats().callbacks > base; round++) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
out.released = koffi.stats().callbacks - base;
console.log(JSON.stringify(out));
`;

test('a plain function Rust keeps stays valid, one registration per site, released with its service', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  const script = join(g.dir, 'sites-check.mjs');
  writeFileSync(script, sitesScript);
  const run = await execa(process.execPath, ['--expose-gc', script, pathToFileURL(g.compiled).href, import.meta.resolve('koffi')], {
    env: { REFERENCE_LIBRARY_PATH: g.libraryDir },
    reject: false,
    all: true,
  });
  t.is(run.exitCode, 0, run.all);
  t.deepEqual(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}'), { stored: 42, replaced: 100, held: 1, fallback: 0, uncaught: 'nobody waits', released: 0 });
});
