import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { FnDef, HirProgram } from '../compiler/hir.js';

const src = `#[ffi_type(error)] pub enum E { Ok = 0, Null = 1, Panic = 2 }
pub struct Svc { v: u32 }
#[ffi_service(error = "E")]
impl Svc {
    #[ffi_service_ctor] pub fn create(v: u32) -> Result<Self, E> { Ok(Svc { v }) }
    pub fn get(&self) -> u32 { self.v }
    pub fn set(&mut self, v: u32) -> Result<(), E> { self.v = v; Ok(()) }
    pub fn half(&self) -> Result<u32, E> { Ok(self.v / 2) }
    #[ffi_service_method(ignore)] pub fn hidden(&self) {}
    fn private(&self) {}
}`;

const lowered = (): HirProgram => {
  const r = compile(src);
  const out = r.stages['lower-services'] as HirProgram | undefined;
  if (!out) throw new Error(r.messages.join('\n'));
  return out;
};

test('the shims of contracts.md §5 with the default prefix, exported in source order, destroy last', (t) => {
  const out = lowered();
  t.deepEqual(out.roots.functions, ['crate::svc_create', 'crate::svc_get', 'crate::svc_set', 'crate::svc_half', 'crate::svc_destroy']);
  const sig = (id: string): string => {
    const fn = out.defs.get(id) as FnDef;
    const text = (t: FnDef['returns']): string => (t.kind === 'pointer' ? `*${t.mutable ? 'mut' : 'const'} ${text(t.pointee)}` : t.kind === 'def' ? t.def : t.kind === 'primitive' ? t.name : t.kind);
    return `${fn.params.map((p) => `${p.name}: ${text(p.type)}`).join(', ')} -> ${text(fn.returns)}`;
  };
  t.is(sig('crate::svc_create'), 'out: *mut *mut crate::Svc, v: u32 -> crate::E');
  t.is(sig('crate::svc_get'), 'this: *const crate::Svc -> u32');
  t.is(sig('crate::svc_set'), 'this: *mut crate::Svc, v: u32 -> crate::E');
  t.is(sig('crate::svc_half'), 'this: *const crate::Svc, out: *mut u32 -> crate::E');
  t.is(sig('crate::svc_destroy'), 'handle: *mut *mut crate::Svc -> crate::E');
});

test('the service groups them, with result kinds and default panic policies; ignored and private methods are reported', (t) => {
  const out = lowered();
  const [service] = out.services;
  t.deepEqual(service?.methods.map((m) => `${m.name} ${m.mutable ? 'mut' : 'ref'} ${m.result} ${m.onPanic}`), ['get ref value abort', 'set mut error ffi_error', 'half ref out ffi_error']);
  t.deepEqual(service?.constructors, [{ function: 'crate::svc_create', name: 'create' }]);
  t.is(service?.destructor, 'crate::svc_destroy');
  t.true(out.report.some((r) => r.item === 'crate::Svc::hidden' && r.reason?.startsWith('service-ignored')));
  t.true(out.report.some((r) => r.item === 'crate::Svc::private' && r.reason?.startsWith('not-service-method')));
});
