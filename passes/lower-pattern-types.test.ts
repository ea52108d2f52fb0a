import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { HirProgram } from '../compiler/hir.js';

const src = `use interopc::{AsciiPointer, Bool, FfiOption, Slice};
use interoptopus::patterns::slice::FFISliceMut;
#[repr(C)] pub struct P { pub name: AsciiPointer<'static>, pub flag: Bool }
#[unsafe(no_mangle)] pub extern "C" fn f(a: Slice<u32>, b: FFISliceMut<P>, c: FfiOption<P>) {}`;

test('pattern types become generic definitions with their layout and meaning; uses point at them', (t) => {
  const r = compile(src);
  const out = r.stages['lower-pattern-types'] as HirProgram | undefined;
  if (!out) return t.fail(r.messages.join('\n'));
  const slice = out.defs.get('interopc::Slice');
  t.true(slice?.kind === 'struct' && slice.pattern?.kind === 'slice' && !slice.pattern.mutable);
  t.deepEqual(slice?.kind === 'struct' ? slice.fields.map((f) => `${f.name}: ${f.type.kind}`) : [], ['data: pointer', 'len: primitive']);
  const mut = out.defs.get('interopc::SliceMut');
  t.true(mut?.kind === 'struct' && mut.pattern?.kind === 'slice' && mut.pattern.mutable);
  const option = out.defs.get('interopc::FfiOption');
  t.deepEqual(option?.kind === 'struct' ? option.fields.map((f) => f.name) : [], ['t', 'is_some']);
  t.is(out.defs.get('interopc::Bool')?.kind === 'alias' ? (out.defs.get('interopc::Bool') as { pattern?: string }).pattern : undefined, 'bool');
  t.is(out.defs.get('interopc::AsciiPointer')?.kind === 'alias' ? (out.defs.get('interopc::AsciiPointer') as { pattern?: string }).pattern : undefined, 'string');
  const f = out.defs.get('crate::f');
  t.deepEqual(f?.kind === 'fn' ? f.params.map((p) => (p.type.kind === 'def' ? p.type.def : p.type.kind)) : [], ['interopc::Slice', 'interopc::SliceMut', 'interopc::FfiOption']);
  const p = out.defs.get('crate::P');
  t.deepEqual(p?.kind === 'struct' ? p.fields.map((x) => (x.type.kind === 'def' ? x.type.def : x.type.kind)) : [], ['interopc::AsciiPointer', 'interopc::Bool']);
});

test('a crate without pattern types is returned as it is', (t) => {
  const r = compile('#[unsafe(no_mangle)] pub extern "C" fn f(x: u8) -> u8 { x }');
  t.is(r.stages['lower-pattern-types'], r.stages['lower-error-enums']);
});
