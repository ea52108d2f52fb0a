/**
 * The TypeScript backend against the reference cdylib: the generated module type-checks under
 * `tsc --strict`, compiles, loads (checking the API guard), and every exported free function is
 * called with known inputs through the idiomatic layer (services: typescript-services.test.ts).
 * A function in the IR without an expectation here fails the test, and so does an expectation
 * naming none.
 */
import test from 'ava';
import type { ExecutionContext } from 'ava';
import koffi, { type TypeObject } from 'koffi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashInGuardFile } from '../compiler/api-guard-file.js';
import { offsetOf } from '../compiler/ir.js';
import { typeName } from '../emitters/typescript/names.js';
import { referenceProject } from './support/paths.js';
import { requireTools } from './support/runtimes.js';
import { generateTypeScriptModule, importReference, type Module } from './typescript/module.js';

type Check = (t: ExecutionContext, m: Module) => void;

/** The hash the reference library was built with. */
const guardHash = BigInt(hashInGuardFile(readFileSync(join(referenceProject, 'src/interopc_api.rs'), 'utf8')) ?? '0x0');

/** `fn` throws the error enum's exception with `code`. */
function throwsCode(t: ExecutionContext, m: Module, fn: () => unknown, code: number): void {
  const error = t.throws(fn, { instanceOf: m['FFIErrorException'] as new (...args: never[]) => Error });
  t.is((error as unknown as { code: number } | undefined)?.code, code);
}

const i64Cell = (value: bigint): BigInt64Array => new BigInt64Array([value]);

/** Free functions, by symbol: each is called through its idiomatic (camelCase) export. */
const functions: Record<string, Check> = {
  renamed_struct: (t, m) => t.is(m['renamedStruct']({ e: 21 }), 42),
  opaque_attribute_new: (t, m) => t.is(m['opaqueAttributeTake'](m['opaqueAttributeNew'](42)), 42n),
  opaque_attribute_take: (t, m) => t.is(m['opaqueAttributeTake'](null), 0n),
  write_c_string: (t, m) => {
    const buffer = new Uint8Array(8);
    t.is(m['writeCString'](buffer, 8), 5n);
    t.is(Buffer.from(buffer.subarray(0, 5)).toString(), 'hello');
    t.is(m['writeCString'](buffer, 3), 0n);
  },
  c_char_next: (t, m) => t.is(m['cCharNext'](97), 98),
  macro_panics_with_error: (t, m) => throwsCode(t, m, () => m['macroPanicsWithError'](), m['FFIError'].Panic),
  macro_panics_with_default: (t, m) => t.is(m['macroPanicsWithDefault'](), 0),
  callback: (t, m) => {
    t.is(m['callback']((x: number) => x + 1, 41), 42);
    t.throws(() => m['callback'](() => { throw new Error('thrown in a callback'); }, 3), { message: 'thrown in a callback' });
  },
  callback_inline: (t, m) => t.is(m['callbackInline']((x: number) => x * 3, 14), 42),
  callback_with_context: (t, m) => {
    const ctx = new Uint32Array([40]);
    t.is(m['callbackWithContext']((c: bigint, v: number) => (koffi.decode(c, 'uint32_t') as number) + v, ctx, 2), 42);
  },
  callback_optional: (t, m) => {
    t.is(m['callbackOptional']((x: number) => x + 1, 1), 2);
    t.is(m['callbackOptional'](null, 7), 7);
  },
  get_doubler: (t, m) => t.is(m['getDoubler']()(21), 42),
  primitive_void: (t, m) => t.is(m['primitiveVoid'](), undefined),
  primitive_void2: (t, m) => t.is(m['primitiveVoid2'](), undefined),
  primitive_bool: (t, m) => {
    t.is(m['primitiveBool'](true), false);
    t.is(m['primitiveBool'](false), true);
  },
  primitive_u8: (t, m) => t.is(m['primitiveU8'](255), 0),
  primitive_u16: (t, m) => t.is(m['primitiveU16'](41), 42),
  primitive_u32: (t, m) => t.is(m['primitiveU32'](4294967295), 0),
  primitive_u64: (t, m) => {
    t.is(m['primitiveU64'](41n), 42n);
    t.is(m['primitiveU64'](41), 42n);
    t.is(m['primitiveU64'](2n ** 64n - 2n), 2n ** 64n - 1n);
  },
  primitive_i8: (t, m) => t.is(m['primitiveI8'](127), -128),
  primitive_i16: (t, m) => t.is(m['primitiveI16'](-1), 0),
  primitive_i32: (t, m) => t.is(m['primitiveI32'](-43), -42),
  primitive_i64: (t, m) => t.is(m['primitiveI64'](-43n), -42n),
  primitive_f32: (t, m) => t.is(m['primitiveF32'](1.5), 3),
  primitive_f64: (t, m) => t.is(m['primitiveF64'](-2.25), -4.5),
  many_args_5: (t, m) => t.is(m['manyArgs5'](1, 2, 3, 4, 5n), 15n),
  many_args_10: (t, m) => t.is(m['manyArgs10'](1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 55n),
  ptr: (t, m) => {
    const p = koffi.alloc('int64_t', 1) as bigint;
    t.is(m['ptr'](p), p);
  },
  ptr_mut: (t, m) => {
    const cell = i64Cell(7n);
    t.is(typeof m['ptrMut'](cell), 'bigint');
    t.is(cell[0], -7n);
  },
  ptr_ptr: (t, m) => {
    const inner = koffi.alloc('int64_t', 1) as bigint;
    koffi.encode(inner, 'int64_t', 9);
    t.is(m['ptrPtr']([inner]), 9n);
    t.is(m['ptrPtr'](null), 0n);
  },
  ref_simple: (t, m) => t.is(m['refSimple'](i64Cell(5n)), 5n),
  ref_mut_simple: (t, m) => {
    const cell = i64Cell(21n);
    t.is(m['refMutSimple'](cell), 42n);
    t.is(cell[0], 42n);
    // A plain array is written back too (the parameter is `inout`).
    const array = [21];
    t.is(m['refMutSimple'](array), 42n);
    t.is(Number(array[0]), 42);
  },
  ref_option: (t, m) => {
    t.true(m['refOption'](i64Cell(1n)));
    t.false(m['refOption'](null));
  },
  ref_mut_option: (t, m) => {
    const cell = i64Cell(1n);
    t.true(m['refMutOption'](cell));
    t.is(cell[0], 42n);
    t.false(m['refMutOption'](null));
  },
  tupled: (t, m) => t.deepEqual(m['tupled']({ _0: 21 }), { _0: 42 }),
  transparent_add: (t, m) => t.is(m['transparentAdd'](40, 2), 42),
  vec3_length_squared: (t, m) => t.is(m['vec3LengthSquared']({ x: 1, y: 2, z: 2 }), 9),
  vec3_scale: (t, m) => {
    t.deepEqual(m['vec3Scale']({ x: 1, y: 2, z: 3 }, 2), { x: 2, y: 4, z: 6 });
    t.deepEqual(m['vec3Scale'](new Float32Array([1, 2, 3]), 2), { x: 2, y: 4, z: 6 });
    t.deepEqual(m['vec3Scale'](null, 2), { x: 0, y: 0, z: 0 });
  },
  array_sum: (t, m) => t.is(m['arraySum']({ data: Array.from({ length: 16 }, (_, i) => i) }), 120),
  array_fill: (t, m) => {
    const a = { data: new Array<number>(16).fill(0) };
    m['arrayFill'](a, 3);
    t.deepEqual(a.data, new Array(16).fill(3));
  },
  bool_field_check: (t, m) => {
    t.is(m['boolFieldCheck']({ a: 40, flag: true, b: 2 }), 42n);
    t.is(m['boolFieldCheck']({ a: 40, flag: false, b: 2 }), 0n);
  },
  packed_to_unpacked: (t, m) => t.is(m['packedToUnpacked']({ x: 2, y: 40 }), 40),
  packed2_sum: (t, m) => t.is(m['packed2Sum']({ x: 1, y: 2, z: 3 }), 6),
  aligned_value: (t, m) => t.is(m['alignedValue']({ value: 16 }), 16),
  generic_1a: (t, m) => t.is(m['generic1a']({ x: new Uint32Array([40]) }, { x: 2 }), 42),
  generic_1b: (t, m) => t.is(m['generic1b']({ x: new Uint8Array([9]) }), 9),
  generic_alias: (t, m) => t.is(m['genericAlias']({ x: new Uint32Array([14]) }), 42),
  opaque_new: (t, m) => {
    const p = m['opaqueNew'](1234);
    t.is(m['opaqueGet'](p), 1234);
    m['opaqueDestroy'](p);
  },
  opaque_get: (t, m) => t.is(m['opaqueGet'](null), 0),
  opaque_destroy: (t, m) => t.is(m['opaqueDestroy'](null), undefined),
  weird2_sum: (t, m) => t.is(m['weird2Sum']({ t: 1, a: [1, 2, 3, 4, 5] }), 16),
  ambiguous_1: (t, m) => t.deepEqual(m['ambiguous1']({ x: 1, y: 2 }), { x: 1, y: 3 }),
  ambiguous_2: (t, m) => t.deepEqual(m['ambiguous2']({ x: 1, z: 2.5 }), { x: 1, z: 5 }),
  ambiguous_3: (t, m) => t.true(m['ambiguous3']({ x: 1, y: 0 }, { x: 1, z: 0 })),
  common_vec: (t, m) => t.is(m['commonVec']({ x: 40, y: 2 }), 42),
  // The panic is caught in Rust and surfaces as an exception; the process goes on.
  panics: (t, m) => throwsCode(t, m, () => m['panics'](), m['FFIError'].Panic),
  complex_args_1: (t, m) => {
    t.is(m['complexArgs1']({ x: 0, y: 0, z: 0 }, { _0: 1 }), undefined);
    throwsCode(t, m, () => m['complexArgs1']({ x: 0, y: 0, z: 0 }, null), m['FFIError'].Null);
  },
  fails_if: (t, m) => {
    throwsCode(t, m, () => m['failsIf'](11), 300);
    t.is(m['failsIf'](3), undefined);
  },
  enum_u8_next: (t, m) => t.is(m['enumU8Next'](m['EnumU8'].B), m['EnumU8'].C),
  enum_i32_value: (t, m) => t.is(m['enumI32Value'](m['EnumI32'].Neg), -5),
  implicit_next: (t, m) => t.is(m['implicitNext'](m['Implicit'].Third), m['Implicit'].First),
  private_new: (t, m) => {
    const p = m['privateNew'](21);
    t.is(p.visible, 21);
    t.is(m['privateHidden'](p), 42);
  },
  private_hidden: (t, m) => t.is(m['privateHidden']({ visible: 1, hidden: 5 }), 5),
  outer_sum: (t, m) => t.is(m['outerSum']({ inner: { v: -2 }, count: 44 }), 42),
  union_bits: (t, m) => t.is(m['unionBits']({ f: 1 }), 0x3f800000),
  shape_area: (t, m) => {
    t.is(m['shapeArea']({ tag: 1, body: { rect: { _0: 3, _1: 4 } } }), 12);
    t.is(m['shapeArea']({ tag: 0, body: { circle: { radius: 2 } } }), 12);
  },
  event_next: (t, m) => {
    // A union comes back as koffi's union value: reading a member decodes it.
    const released = m['eventNext']({ key: { tag: 0, code: 65, pressed: true } }) as { tag: number; key: { code: number; pressed: boolean } };
    t.deepEqual([released.tag, released.key.code, released.key.pressed], [0, 65, false]);
    const reversed = m['eventNext']({ scroll: { tag: 1, _0: 3, _1: 9 } }) as { tag: number; scroll: { _0: number; _1: number } };
    t.deepEqual([reversed.tag, reversed.scroll._0, reversed.scroll._1], [1, -3, 9]);
  },
  list_sum: (t, m) => t.is(m['listSum']({ value: 2, next: { value: 40, next: null } }), 42),
  counter_new: (t, m) => {
    const c = m['counterNew']();
    t.is(m['counterIncrement'](c), 1n);
    t.is(m['counterIncrement'](c), 2n);
    m['counterDestroy'](c);
  },
  counter_increment: (t, m) => t.is(m['counterIncrement'](null), 0n),
  counter_destroy: (t, m) => t.is(m['counterDestroy'](null), undefined),
  string_length: (t, m) => {
    t.is(m['stringLength']('hello'), 5);
    t.is(m['stringLength']('héllo'), 6);
    t.is(m['stringLength'](null), 0);
  },
  static_string: (t, m) => t.is(m['staticString'](), 'hello from rust'),
  sleep: (t, m) => t.is(m['sleep'](1), undefined),
  unsafe_read: (t, m) => t.is(m['unsafeRead'](new Uint32Array([99])), 99),
  pattern_ffi_slice_1: (t, m) => {
    t.is(m['patternFfiSlice1'](new Uint32Array([1, 2, 39])), 42);
    t.is(m['patternFfiSlice1']([1, 2, 39]), 42);
    t.is(m['patternFfiSlice1']([]), 0);
  },
  pattern_ffi_slice_2: (t, m) => {
    const points = [{ x: 1, y: 2, z: 3 }, { x: 4, y: 5, z: 6 }];
    t.deepEqual(m['patternFfiSlice2'](points, 1), { x: 4, y: 5, z: 6 });
    t.deepEqual(m['patternFfiSlice2'](points, 2), { x: 0, y: 0, z: 0 });
  },
  pattern_ffi_slice_mut_1: (t, m) => {
    // Rust writes into the typed array's own memory (no copy back needed).
    const bytes = new Uint8Array(4);
    t.is(m['patternFfiSliceMut1'](bytes, 7), 4n);
    t.deepEqual([...bytes], [7, 7, 7, 7]);
    const view = new Uint8Array(new ArrayBuffer(8), 2, 4);
    m['patternFfiSliceMut1'](view, 9);
    t.deepEqual([...new Uint8Array(view.buffer)], [0, 0, 9, 9, 9, 9, 0, 0]);
  },
  pattern_ffi_option_1: (t, m) => {
    t.deepEqual(m['patternFfiOption1']({ v: -5 }), { v: -5 });
    t.is(m['patternFfiOption1'](undefined), undefined);
  },
  pattern_ffi_option_2: (t, m) => {
    t.deepEqual(m['patternFfiOption2']({ v: -5 }), { v: -5 });
    t.deepEqual(m['patternFfiOption2'](undefined), { v: -1 });
  },
  pattern_ffi_bool: (t, m) => {
    t.is(m['patternFfiBool'](false), true);
    t.is(m['patternFfiBool'](true), false);
  },
  pattern_ascii_pointer_1: (t, m) => {
    t.is(m['patternAsciiPointer1']('hello'), 5);
    t.is(m['patternAsciiPointer1'](null), 0);
  },
  pattern_ascii_pointer_2: (t, m) => t.is(m['patternAsciiPointer2'](), 'pattern string'),
  pattern_ascii_pointer_3: (t, m) => t.is(m['patternAsciiPointer3']({ ascii_string: 'four' }), 4),
  pattern_ascii_pointer_4: (t, m) => t.is(m['patternAsciiPointer4'](['ab', null, 'cde']), 5),
  pattern_ffi_slice_delegate: (t, m) => {
    let seen: number[] = [];
    t.is(m['patternFfiSliceDelegate']((values: Uint8Array) => ((seen = [...values]), values.reduce((a, b) => a + b, 0))), 45);
    t.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    t.is(m['patternFfiSliceDelegate'](null), 0);
    t.throws(() => m['patternFfiSliceDelegate'](() => { throw new RangeError('from the slice callback'); }), { instanceOf: RangeError });
  },
  pattern_callback_1: (t, m) => {
    t.is(m['patternCallback1']((x: number) => x * 3, 14), 42);
    t.is(m['patternCallback1'](null, 14), 14);
  },
  pattern_callback_2: (t, m) => {
    let seen = 0;
    t.is(m['patternCallback2']((x: number) => void (seen += x), 21), true);
    t.is(seen, 42);
    t.is(m['patternCallback2'](null, 1), false);
  },
  pattern_api_guard: (t, m) => {
    t.is(m['patternApiGuard'](), guardHash);
    t.is(m['API_HASH'], guardHash);
  },
  pattern_ffi_slice_3: (t, m) => t.is(m['patternFfiSlice3']({ data: new Uint32Array([40, 2]), len: 2 }), 42),
  pattern_ffi_slice_4: (t, m) => {
    const bytes = m['patternFfiSlice4']();
    t.true(bytes instanceof Uint8Array);
    t.deepEqual([...bytes], [1, 2, 3, 4]);
  },
  pattern_ffi_slice_5: (t, m) => t.is(m['patternFfiSlice5']([{ x: 1.5, y: 2.5 }, { x: 10, y: 28 }]), 42),
  pattern_ffi_slice_delegate_huge: (t, m) => {
    let expected = 0;
    for (let i = 0; i < 100_000; i++) expected = (expected + (i % 251)) % 256;
    t.is(m['patternFfiSliceDelegateHuge']((values: Uint8Array) => (values.length === 100_000 ? values.reduce((a, b) => (a + b) % 256, 0) : 0)), expected);
  },
  pattern_callback_3: (t, m) => {
    const forty = new Uint32Array([40]);
    t.is(m['patternCallback3']((c: bigint, v: number) => (koffi.decode(c, 'uint32_t') as number) + v, forty, 2), 42);
    t.is(m['patternCallback3'](null, forty, 2), 0);
  },
  pattern_callback_4: (t, m) => {
    t.is(m['patternCallback4']((v: number) => (v % 2 ? 300 : 0), 4), undefined);
    throwsCode(t, m, () => m['patternCallback4']((v: number) => (v % 2 ? 300 : 0), 3), 300);
    throwsCode(t, m, () => m['patternCallback4'](null, 4), 100);
    // The callback's own exception wins over the error code Rust returned for it (`Panic`).
    t.throws(() => m['patternCallback4'](() => { throw new TypeError('from the error callback'); }, 1), { instanceOf: TypeError });
  },
  pattern_error_from: (t, m) => {
    t.is(m['patternErrorFrom']('123'), undefined);
    throwsCode(t, m, () => m['patternErrorFrom']('12a'), 300);
    throwsCode(t, m, () => m['patternErrorFrom'](null), 100);
  },
  // The callback from Rust's own thread is awaited in its own test below; here, a null callback.
  pattern_callback_thread: (t, m) => t.is(m['patternCallbackThread'](null, 1), undefined),
  // Blocking the JS thread on a thread that queues a call to it would deadlock: only with nothing pending.
  pattern_callback_thread_wait: (t, m) => t.is(m['patternCallbackThreadWait'](), undefined),
};

test('tsc --strict --noEmit reports nothing on the generated module', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  t.is(g.check.output, '');
  t.is(g.check.exitCode, 0);
});

test('packed structs by value are left out with a warning, and nothing else is', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const g = await generateTypeScriptModule();
  t.deepEqual(g.diagnostics.filter((d) => d.code === 'IC4005').map((d) => d.message.split('`')[1]), ['packed_by_value']);
});

test('every IR function is reached through the idiomatic layer and behaves', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m, generated: g } = await importReference();
  const shims = new Set(g.ir.services.flatMap((s) => [s.destructor, ...s.constructors.map((c) => c.function), ...s.methods.map((x) => x.function)]));
  const free = g.ir.functions.map((f) => f.name).filter((n) => !shims.has(n) && n !== 'packed_by_value');
  t.deepEqual(free.filter((n) => !(n in functions)), [], 'IR functions without an expectation');
  t.deepEqual(Object.keys(functions).filter((n) => !free.includes(n)), [], 'expectations naming no IR function');
  for (const name of free) functions[name]?.(t, m);
  // The raw layer stays reachable: every bound function is in `raw` under its symbol.
  t.deepEqual(Object.keys(m['raw']).sort(), g.ir.functions.map((f) => f.name).filter((n) => n !== 'packed_by_value').sort());
});

test('koffi sizeof, alignof and offsetof of every exported struct and union equal the IR layout', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m, generated: g } = await importReference();
  let checked = 0;
  for (const decl of g.ir.types) {
    if (decl.kind !== 'struct' && decl.kind !== 'union') continue;
    if (decl.kind === 'struct' && decl.transparent) continue;
    const type = m[typeName(decl.name)];
    const layout = decl.layout;
    if (!layout) return t.fail(`no layout for ${decl.name}`);
    t.is(koffi.sizeof(type), layout.size, `sizeof ${decl.name}`);
    // koffi cannot express alignments above 8 (contracts.md §7).
    t.is(koffi.alignof(type), Math.min(layout.align, 8), `alignof ${decl.name}`);
    // koffi's offsetof() takes records only; a union's members say their (zero) offsets.
    const offset = (name: string): number | undefined => (decl.kind === 'union' ? (type as TypeObject).members?.[name]?.offset : koffi.offsetof(type, name));
    for (const f of decl.fields) t.is(offset(f.name), offsetOf(f), `offsetof ${decl.name}.${f.name}`);
    checked++;
  }
  t.true(checked >= 25, `only ${checked} types checked`);
});

test('constants and enums carry the IR values; 64-bit constants are bigint', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const { module: m } = await importReference();
  t.is(m['U8'], 255);
  t.is(m['BIG_U64'], 18446744073709551614n);
  t.is(m['MIN_I64'], -9223372036854775808n);
  t.is(m['GREETING'], 'hello');
  t.is(m['ENABLED'], true);
  t.is(m['NEGATIVE'], -21);
  t.is(m['LETTER'], 65);
  t.is(m['PI_F64'], Math.PI);
  // An f32 constant is the f32 itself (what a value read through koffi is), not its text as a double.
  t.is(m['F32_MIN_POSITIVE'], Math.fround(1.1754944e-38));
  t.deepEqual(m['FFIError'], { Ok: 0, Null: 100, Panic: 200, Fail: 300 });
  const e = new m['FFIErrorException'](m['FFIError'].Fail);
  t.true(e instanceof Error);
  t.is(e.code, 300);
  t.is(e.message, 'FFIError.Fail (300)');
});
