/**
 * ns per call: the generated TypeScript module beside hand-written koffi declarations of the same
 * functions, in one process. The same constructs as the C# and Python benchmarks.
 *
 * Usage: node dist/bench/typescript/calls.js <file URL of the compiled module> <library directory>
 * Prints one JSON object last: {construct: [generated_ns, handwritten_ns]}.
 */
import koffi from 'koffi';
import { join } from 'node:path';

const [moduleUrl, libraryDir] = process.argv.slice(2);
if (!moduleUrl || !libraryDir) throw new Error('usage: calls.js <module URL> <library directory>');
process.env['REFERENCE_LIBRARY_PATH'] = libraryDir;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gen = (await import(moduleUrl)) as Record<string, any>;

// The hand-written binding: what a careful koffi user writes.
const lib = koffi.load(join(libraryDir, 'libreference.so'));
const Tupled = koffi.struct('HandTupled', { _0: 'uint8_t' });
const Vec3f32 = koffi.struct('HandVec3f32', { x: 'float', y: 'float', z: 'float' });
const U8ToU8 = koffi.proto('HandU8ToU8', 'uint8_t', ['uint8_t']);
// The callback gets the slice's bytes, as the generated module gives them: koffi decodes `len` of them.
const SliceU8Bytes = koffi.struct('HandSliceU8Bytes', { data: koffi.pointer('HandSliceU8Bytes_data', 'uint8_t', 'len'), len: 'uint64_t' });
const SliceToU8 = koffi.proto('HandSliceToU8', 'uint8_t', [SliceU8Bytes]);
const ServiceBasic = koffi.opaque('HandServiceBasic');
type Fn = (...args: unknown[]) => unknown;
const hand = {
  primitive_void: lib.func('primitive_void', 'void', []) as Fn,
  primitive_u32: lib.func('primitive_u32', 'uint32_t', ['uint32_t']) as Fn,
  many_args_5: lib.func('many_args_5', 'int64_t', ['int64_t', 'int64_t', 'int64_t', 'int64_t', 'int64_t']) as Fn,
  ptr: lib.func('ptr', koffi.pointer('int64_t'), [koffi.pointer('int64_t')]) as Fn,
  tupled: lib.func('tupled', Tupled, [Tupled]) as Fn,
  complex_args_1: lib.func('complex_args_1', 'int', [Vec3f32, koffi.pointer(Tupled)]) as Fn,
  callback: lib.func('callback', 'uint8_t', [koffi.pointer(U8ToU8), 'uint8_t']) as Fn,
  pattern_ffi_slice_delegate: lib.func('pattern_ffi_slice_delegate', 'uint8_t', [koffi.pointer(SliceToU8)]) as Fn,
  pattern_ascii_pointer_1: lib.func('pattern_ascii_pointer_1', 'uint32_t', ['const char *']) as Fn,
  service_basic_new_with: lib.func('service_basic_new_with', 'int', [koffi.pointer(koffi.pointer(ServiceBasic)), 'uint32_t']) as Fn,
  service_basic_method_u32: lib.func('service_basic_method_u32', 'uint32_t', [koffi.pointer(ServiceBasic), 'uint32_t']) as Fn,
  service_basic_destroy: lib.func('service_basic_destroy', 'int', [koffi.pointer(koffi.pointer(ServiceBasic))]) as Fn,
};

const pointer = koffi.alloc('int64_t', 1) as bigint;
const tupled = { _0: 1 };
const vec = { x: 1, y: 2, z: 3 };
const identity = (x: number): number => x;
const zero = (): number => 0;
const service = gen['ServiceBasic'].newWith(1);
const cell = new BigUint64Array(1);
hand.service_basic_new_with(cell, 1);
const handle = cell[0];

// Each side calls through a local binding, as fast code does.
const g = {
  primitiveVoid: gen['primitiveVoid'] as Fn,
  primitiveU32: gen['primitiveU32'] as Fn,
  manyArgs5: gen['manyArgs5'] as Fn,
  rawManyArgs5: gen['raw'].many_args_5 as Fn,
  ptr: gen['ptr'] as Fn,
  tupled: gen['tupled'] as Fn,
  complexArgs1: gen['complexArgs1'] as Fn,
  callback: gen['callback'] as Fn,
  patternFfiSliceDelegate: gen['patternFfiSliceDelegate'] as Fn,
  patternAsciiPointer1: gen['patternAsciiPointer1'] as Fn,
};

type Case = readonly [generated: () => unknown, handwritten: () => unknown];
const cases: Record<string, Case> = {
  'primitive_void()': [() => g.primitiveVoid(), () => hand.primitive_void()],
  'primitive_u32(0)': [() => g.primitiveU32(0), () => hand.primitive_u32(0)],
  // The idiomatic layer returns 64-bit integers as bigint (contracts.md §7): the hand-written side
  // gives the same type. The raw layer returns koffi's number | bigint, as koffi alone does.
  'many_args_5(0 × 5) → bigint': [() => g.manyArgs5(0, 0, 0, 0, 0), () => BigInt(hand.many_args_5(0, 0, 0, 0, 0) as number | bigint)],
  'raw.many_args_5(0 × 5)': [() => g.rawManyArgs5(0, 0, 0, 0, 0), () => hand.many_args_5(0, 0, 0, 0, 0)],
  'ptr(p)': [() => g.ptr(pointer), () => hand.ptr(pointer)],
  'tupled(t)': [() => g.tupled(tupled), () => hand.tupled(tupled)],
  'complex_args_1(v, &t), error code checked': [
    () => g.complexArgs1(vec, tupled),
    () => {
      if (hand.complex_args_1(vec, tupled) !== 0) throw new Error('complex_args_1 failed');
    },
  ],
  'callback(identity, 0)': [() => g.callback(identity, 0), () => hand.callback(identity, 0)],
  'callback(x => x, 0), a new arrow each call': [() => g.callback((x: number) => x, 0), () => hand.callback((x: number) => x, 0)],
  'pattern_ffi_slice_delegate(bytes => 0)': [() => g.patternFfiSliceDelegate(zero), () => hand.pattern_ffi_slice_delegate(zero)],
  "pattern_ascii_pointer_1('hello')": [() => g.patternAsciiPointer1('hello'), () => hand.pattern_ascii_pointer_1('hello')],
  'service method_u32(2)': [() => service.methodU32(2), () => hand.service_basic_method_u32(handle, 2)],
};

const ITERATIONS = Number(process.env['BENCH_CALLS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 15);

type Timer = (f: () => unknown, iterations: number) => number;

/**
 * A timing loop of its own for each case and side: one shared loop would see every case's
 * functions at one call site, and V8's feedback for it (megamorphic after a few cases) would skew
 * the later cases, each side differently. `new Function` gives each loop its own feedback.
 */
const makeTimer = (): Timer =>
  new Function(
    'f',
    'iterations',
    'const start = process.hrtime.bigint(); for (let i = 0; i < iterations; i++) f(); return Number(process.hrtime.bigint() - start) / iterations;',
  ) as Timer;

const results: Record<string, [number, number]> = {};
for (const [name, [generated, handwritten]] of Object.entries(cases)) {
  const timeGenerated = makeTimer();
  const timeHandwritten = makeTimer();
  const time = (f: () => unknown): number => (f === generated ? timeGenerated : timeHandwritten)(f, ITERATIONS);
  // Warm both up, then alternate which goes first; keep the best round of each.
  time(generated);
  time(handwritten);
  let best: [number, number] = [Infinity, Infinity];
  for (let round = 0; round < ROUNDS; round++) {
    let ns: [number, number];
    if (round % 2 === 0) {
      const a = time(generated);
      ns = [a, time(handwritten)];
    } else {
      const b = time(handwritten);
      ns = [time(generated), b];
    }
    best = [Math.min(best[0], ns[0]), Math.min(best[1], ns[1])];
  }
  results[name] = [Math.round(best[0] * 10) / 10, Math.round(best[1] * 10) / 10];
}

service.dispose();
hand.service_basic_destroy(cell);
console.log(JSON.stringify(results));
