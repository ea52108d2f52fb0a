import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { IrModule, TypeRef } from '../compiler/ir.js';

const compileMessages = (src: string): string[] => compile(src).messages.map((m) => m.split(' ')[0] ?? '');

const ir = (src: string, options = {}): IrModule => {
  const r = compile(src, options);
  const out = r.stages['monomorphize'] as IrModule | undefined;
  if (!out) throw new Error(r.messages.join('\n'));
  return out;
};

test('one declaration per generic instance, deterministic names, const generics evaluated', (t) => {
  const out = ir(`use std::marker::PhantomData;
#[repr(C)] pub struct G<'a, T> { pub x: &'a T, p: PhantomData<T> }
#[repr(C)] pub struct A<T, const N: usize> { pub a: [T; N] }
pub const N: usize = 3;
#[unsafe(no_mangle)] pub extern "C" fn f(a: G<u32>, b: G<u8>, c: G<u32>, d: A<u8, 5>, e: A<G<u8>, N>) {}`);
  t.deepEqual(out.types.map((d) => `${d.id} ${d.name}`), ['crate::G<u32> G_u32', 'crate::G<u8> G_u8', 'crate::A<u8, 5> A_u8_5', 'crate::A<crate::G<u8>, 3> A_G_u8_3']);
  const g = out.types[0];
  t.true(g?.kind === 'struct' && g.fields.length === 1, 'PhantomData is left out');
  const a = out.types[3];
  t.true(a?.kind === 'struct' && a.fields[0]?.type.kind === 'array' && a.fields[0].type.length === 3);
});

test('type mapping: nullable and non-null pointers, function pointers, aliases, opaque types', (t) => {
  const out = ir(`pub type Cb = extern "C" fn(u8) -> u8;
pub struct Hidden { v: Vec<u8> }
#[unsafe(no_mangle)] pub extern "C" fn f(a: *const u8, b: &mut u8, c: Option<&u8>, d: Cb, e: Option<Cb>, f: *mut Hidden, g: *const core::ffi::c_void, h: Option<extern "C" fn(u8) -> u8>) -> ! { loop {} }`);
  const sig = out.functions[0]?.signature;
  t.deepEqual(sig?.params.map((p) => p.type), [
    { kind: 'pointer', mutable: false, nullable: true, pointee: { kind: 'primitive', name: 'u8' } },
    { kind: 'pointer', mutable: true, nullable: false, pointee: { kind: 'primitive', name: 'u8' } },
    { kind: 'pointer', mutable: false, nullable: true, pointee: { kind: 'primitive', name: 'u8' } },
    { kind: 'named', id: 'crate::Cb' },
    // `Option` of a callback alias keeps the alias (its typedef), allowing null.
    { kind: 'named', id: 'crate::Cb', nullable: true },
    { kind: 'pointer', mutable: true, nullable: true, pointee: { kind: 'named', id: 'crate::Hidden' } },
    { kind: 'pointer', mutable: false, nullable: true, pointee: { kind: 'primitive', name: 'void' } },
    { kind: 'fnPointer', nullable: true, signature: { params: [{ name: 'arg0', type: { kind: 'primitive', name: 'u8' } }], returns: { kind: 'primitive', name: 'u8' } } },
  ]);
  t.deepEqual(sig?.returns, { kind: 'primitive', name: 'void' });
  t.deepEqual(out.types.map((d) => `${d.kind} ${d.name}`), ['alias Cb', 'opaque Hidden']);
});

test('constants keep exact values and shortest round-trip float text', (t) => {
  const out = ir('pub const A: u64 = u64::MAX; pub const B: f32 = f32::MIN_POSITIVE; pub const C: f64 = 0.1; pub const S: &str = "x";');
  t.deepEqual(out.constants.map((c) => c.value), [
    { kind: 'int', value: '18446744073709551615' },
    { kind: 'float', value: '1.1754944e-38' },
    { kind: 'float', value: '0.1' },
    { kind: 'string', value: 'x' },
  ]);
});

test('standard wrappers keep their argument: NonZero integers (and their Option), Cell, UnsafeCell, Pin; a pointer to a marker is void *', (t) => {
  const out = ir(`use std::num::{NonZero, NonZeroU32}; use std::cell::{Cell, UnsafeCell}; use std::pin::Pin; use std::marker::PhantomData;
#[unsafe(no_mangle)] pub extern "C" fn f(a: NonZeroU32, b: Option<NonZero<i8>>, c: Cell<u16>, d: UnsafeCell<f64>, e: Pin<&mut u8>, g: *const PhantomData<u8>) {}`);
  t.deepEqual(out.functions[0]?.signature.params.map((p) => p.type), [
    { kind: 'primitive', name: 'u32' },
    { kind: 'primitive', name: 'i8' },
    { kind: 'primitive', name: 'u16' },
    { kind: 'primitive', name: 'f64' },
    { kind: 'pointer', mutable: true, nullable: false, pointee: { kind: 'primitive', name: 'u8' } },
    { kind: 'pointer', mutable: false, nullable: true, pointee: { kind: 'primitive', name: 'void' } },
  ]);
});

test('Self in a definition is the type itself; an opaque instance of a type without C form is named from its text', (t) => {
  const out = ir(`#[repr(C)] pub struct Node { pub next: *mut Self, pub tag: Tagged<Self> }
#[repr(C)] pub struct Tagged<T> { pub raw: *const u8, p: std::marker::PhantomData<T> }
pub struct NotReprC<T> { inner: T }
#[unsafe(no_mangle)] pub extern "C" fn f(n: Node, o: *const NotReprC<std::cell::RefCell<i32>>, g: Generic<true, 'a'>) {}
#[repr(C)] pub struct Generic<const B: bool, const C: char> { pub x: u8 }`);
  const node = out.types.find((d) => d.name === 'Node');
  t.true(node?.kind === 'struct' && node.fields[0]?.type.kind === 'pointer' && node.fields[0].type.pointee.kind === 'named' && node.fields[0].type.pointee.id === 'crate::Node');
  t.deepEqual(out.types.map((d) => `${d.kind} ${d.name}`).sort(), ['opaque NotReprC_RefCell', 'struct Generic_true_u61', 'struct Node', 'struct Tagged_Node']);
  t.true(out.types.some((d) => d.id === "crate::Generic<true, 'a'>"));
});

test('default generic arguments: an instance that leaves them out is the same type, named without them', (t) => {
  const out = ir(`#[repr(C)] pub struct Foo<T, P = u8> { pub t: T, pub p: P }
#[repr(C)] pub struct Same<T, U = T> { pub a: T, pub b: U }
#[unsafe(no_mangle)] pub extern "C" fn f(a: Foo<u16>, b: Foo<u16, u8>, c: Foo<u16, u32>, d: Same<i8>) {}`);
  t.deepEqual(out.types.map((d) => `${d.id} ${d.name}`), ['crate::Foo<u16, u8> Foo_u16', 'crate::Foo<u16, u32> Foo_u16_u32', 'crate::Same<i8, i8> Same_i8']);
  const same = out.types[2];
  t.true(same?.kind === 'struct' && same.fields[1]?.type.kind === 'primitive' && same.fields[1].type.name === 'i8');
  t.deepEqual(compileMessages('#[repr(C)] pub struct Two<A, B = u8> { pub a: A, pub b: B }\n#[unsafe(no_mangle)] pub extern "C" fn g(x: Two) {}'), ['IC2207']);
});

test('Box<T> is a non-null mutable pointer to T; Option<Box<T>> is nullable', (t) => {
  const out = ir('#[unsafe(no_mangle)] pub extern "C" fn f(a: Box<u16>, b: Option<Box<u16>>) -> Box<u16> { a }');
  const u16: TypeRef = { kind: 'primitive', name: 'u16' };
  t.deepEqual(out.functions[0]?.signature.params.map((p) => p.type), [
    { kind: 'pointer', mutable: true, nullable: false, pointee: u16 },
    { kind: 'pointer', mutable: true, nullable: true, pointee: u16 },
  ]);
  t.deepEqual(out.functions[0]?.signature.returns, { kind: 'pointer', mutable: true, nullable: false, pointee: u16 });
});
