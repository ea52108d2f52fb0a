import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { HirProgram } from '../compiler/hir.js';

const stage = (src: string): HirProgram => {
  const r = compile(src);
  const out = r.stages['apply-inventory'] as HirProgram | undefined;
  if (!out) throw new Error(r.messages.join('\n'));
  return out;
};

const items = `#[ffi_function] #[no_mangle] pub extern "C" fn a() {}
#[ffi_function] #[no_mangle] pub extern "C" fn b() {}
#[ffi_function] #[no_mangle] pub extern "C" fn guard() -> u64 { 0 }
#[ffi_constant] pub const C1: u32 = 1;
#[ffi_constant] pub const C2: u32 = 2;
#[repr(C)] pub struct Extra { pub x: u8 }`;

test('the inventory decides the roots; registered-but-marked items it leaves out are reported', (t) => {
  const out = stage(`${items}
pub fn ffi_inventory() -> Inventory {
    InventoryBuilder::new().register(function!(a)).register(constant!(C2)).register(extra_type!(Extra)).register(pattern!(guard)).inventory()
}`);
  t.deepEqual(out.roots.functions, ['crate::a', 'crate::guard']);
  t.deepEqual(out.roots.constants, ['crate::C2']);
  t.deepEqual(out.roots.types, ['crate::Extra']);
  t.is(out.apiGuard, 'crate::guard');
  t.true(out.report.some((r) => r.item === 'crate::b' && r.reason?.startsWith('not-in-inventory')));
  t.true(out.report.some((r) => r.item === 'crate::C1' && r.reason?.startsWith('not-in-inventory')));
});

test('without an inventory, or with a function of that name that builds none, nothing changes', (t) => {
  t.deepEqual(stage(items).roots.functions, ['crate::a', 'crate::b', 'crate::guard']);
  t.deepEqual(stage(`${items}\npub fn ffi_inventory() -> u32 { 0 }`).roots.functions, ['crate::a', 'crate::b', 'crate::guard']);
});

test('registering an unknown item is IC2011', (t) => {
  const r = compile(`${items}\npub fn ffi_inventory() -> Inventory { InventoryBuilder::new().register(function!(missing)).inventory() }`);
  t.true(r.messages.some((m) => m.includes('IC2011')), r.messages.join('\n'));
});
