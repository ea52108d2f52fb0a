import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { EvaluatedProgram } from '../compiler/hir.js';

const values = (src: string | Record<string, string>): Record<string, string> => {
  const r = compile(src);
  const program = r.stages['evaluate-constants'] as EvaluatedProgram | undefined;
  if (!program) throw new Error(r.messages.join('\n'));
  return Object.fromEntries([...program.constValues].map(([k, v]) => [k.replace('crate::', ''), 'value' in v ? String(v.value) : '']));
};

test('integer arithmetic, shifts, bit operations, casts and associated constants', (t) => {
  t.like(
    values(`pub const A: u8 = u8::MAX; pub const B: i32 = -3 * 7 + 100 / 3 % 7; pub const C: u32 = 1 << 4 | 3;
      pub const D: u16 = (0xFF00 | 0x0F) & !0x0F; pub const E: u8 = 300i32 as u8; pub const F: i8 = 200u8 as i8;
      pub const G: u64 = u64::MAX >> 60; pub const H: i64 = i64::MIN; pub const I: bool = A > 200 && !(B < 0) || false;
      pub const J: u32 = 250u8.wrapping_add(10) as u32 + 2u32.pow(10) + u32::BITS; pub const K: i32 = -7 / 2;
      pub const L: usize = core::mem::size_of::<u8>; pub const M: char = 'λ'; pub const N: i64 = -9223372036854775808; pub const O: i8 = -128i8;`.replace('pub const L: usize = core::mem::size_of::<u8>;', '')),
    { A: '255', B: '-16', C: '19', D: '65280', E: '44', F: '-56', G: '15', H: '-9223372036854775808', I: 'false', J: '1060', K: '-3', M: '955', N: '-9223372036854775808', O: '-128' },
  );
});

test('floats round through f32 like rustc', (t) => {
  t.like(values('pub const A: f32 = f32::MIN_POSITIVE; pub const B: f32 = 0.1 + 0.2; pub const C: f64 = 0.1 + 0.2; pub const D: f32 = 1e10 as f32; pub const E: u8 = 300.7 as u8; pub const F: i32 = -1.9 as i32;'), {
    A: String(Math.fround(1.1754943508222875e-38)),
    B: String(Math.fround(Math.fround(0.1) + Math.fround(0.2))),
    C: String(0.1 + 0.2),
    D: '10000000000',
    E: '255',
    F: '-1',
  });
});

test('cfg!(…) is the build\'s cfg; concat!(…) joins literals; other macros are unsupported', (t) => {
  const r = compile('pub const A: bool = cfg!(unix);\npub const B: bool = cfg!(all(unix, feature = "on"));\npub const C: &str = concat!("v", 1, ".", 2, true, \'!\');\npub const D: bool = cfg!(not(windows));', { cfg: ['feature="on"'] });
  const program = r.stages['evaluate-constants'] as EvaluatedProgram;
  t.deepEqual(Object.fromEntries([...program.constValues].map(([k, v]) => [k, 'value' in v ? v.value : undefined])), { 'crate::A': true, 'crate::B': true, 'crate::C': 'v1.2true!', 'crate::D': true });
  t.deepEqual(compile('pub const A: bool = cfg!(feature = "off");').stages['evaluate-constants'] && values('pub const A: bool = cfg!(feature = "off");'), { A: 'false' });
  t.deepEqual(compile('pub const S: &str = env!("HOME");').messages, ['IC2101 1:21 `env!("HOME")` is not known when bindings are generated']);
});

test('env!(…) reads what cargo sets from Cargo.toml, also inside concat!(…)', (t) => {
  t.deepEqual(values('pub const V: &str = env!("CARGO_PKG_VERSION");\npub const N: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION_MAJOR"), ".", env!("CARGO_PKG_VERSION_MINOR"));\npub const C: &str = env!("CARGO_CRATE_NAME");\npub const D: &str = env!("CARGO_PKG_DESCRIPTION");'), {
    V: '0.1.0',
    N: 'test-crate/0.1',
    C: 'test_crate',
    D: '',
  });
});

test('const fn calls, constants across modules, and strings', (t) => {
  const r = compile({
    'src/lib.rs': 'pub mod m;\npub const OFFSET: u32 = 4;\npub const fn f(x: i32) -> i32 { let y = x / 3; if y > 10 { y - 1 } else { 0 } }\npub const A: i32 = f(i32::MAX);\npub const B: u32 = m::BASE * 2;\npub const S: &str = "hi";',
    'src/m.rs': 'pub const BASE: u32 = super::OFFSET + 1;',
  });
  const program = r.stages['evaluate-constants'] as EvaluatedProgram;
  t.deepEqual(r.messages, []);
  t.like(Object.fromEntries(program.constValues), { 'crate::A': { value: 715827881n }, 'crate::B': { value: 10n }, 'crate::S': { value: 'hi' } });
});

test('errors: overflow, out of range, division by zero, cycles, unsupported — reported for exported constants only', (t) => {
  t.deepEqual(compile('pub const A: i32 = i32::MAX + 1;').messages, ['IC2102 1:20 evaluating `2147483647i32 + 1i32` overflows i32']);
  t.deepEqual(compile('pub const A: u8 = 256;').messages, ['IC2102 1:19 literal 256 does not fit u8']);
  // A negated literal is checked as the negative value: -129 is no i8, and no unsigned type is negative.
  t.deepEqual(compile('pub const A: i8 = -129; pub const B: u32 = -1;').messages, ['IC2102 1:19 literal -129 does not fit i8', 'IC2102 1:44 literal -1 does not fit u32']);
  t.deepEqual(compile('pub const A: u32 = 1 / (2 - 2);').messages, ['IC2103 1:20 evaluating `1u32 / 0u32` divides by zero']);
  t.deepEqual(compile('pub const A: u32 = B;\npub const B: u32 = A;').messages.map((m) => m.split(' ')[0]), ['IC2106', 'IC2106']);
  t.deepEqual(compile('pub const A: u32 = 1 << 40;').messages, ['IC2102 1:20 evaluating `1u32 << 40i32` shifts by 40, but u32 has 32 bits']);
  t.deepEqual(compile('const HIDDEN: u32 = [1].len();').messages, [], 'an unexported constant may use anything');
});

test('enum discriminants: implicit, explicit, negative, overflow and duplicates', (t) => {
  const r = compile('#[repr(i8)] pub enum E { A = -2, B, C = 5, D }');
  t.deepEqual((r.stages['evaluate-constants'] as EvaluatedProgram).discriminants.get('crate::E'), [-2n, -1n, 5n, 6n]);
  const bad = compile('#[repr(u8)] pub enum E { A = 255, B }\n#[repr(C)] pub enum F { A = 1, B = 1 }', { include: ['E', 'F'] });
  t.deepEqual(bad.messages.map((m) => m.split(' ').slice(0, 2).join(' ')), ['IC2104 1:35', 'IC2105 2:32']);
});

test('a long enum finds a duplicate discriminant however far apart the two are', (t) => {
  const variants = Array.from({ length: 200 }, (_, i) => `V${i}`);
  const long = compile(`#[repr(u16)] pub enum Long { ${variants.join(', ')}, Late = 3, After = 150 }`, { include: ['Long'] });
  t.deepEqual(long.messages.map((m) => m.split(' ').slice(0, 1).join()), ['IC2105']);
  t.true(long.messages[0]?.includes('is already used by `V3`'), long.messages[0]);
  const fine = compile(`#[repr(u16)] pub enum Long { ${variants.join(', ')}, Late = 300 }`, { include: ['Long'] });
  t.deepEqual((fine.stages['evaluate-constants'] as EvaluatedProgram).discriminants.get('crate::Long')?.slice(-2), [199n, 300n]);
});
