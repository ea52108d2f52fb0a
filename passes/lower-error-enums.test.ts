import test from 'ava';
import { compile } from '../test/support/compile.js';
import type { HirProgram } from '../compiler/hir.js';

test('an error enum gets the roles of its variants; Success is accepted for Ok', (t) => {
  const r = compile('#[ffi_type(error)] pub enum E { Success = 0, Null = 1, Panic = 2, Busy = 3 }\n#[ffi_type] pub enum Plain { A, B }');
  const out = r.stages['lower-error-enums'] as HirProgram | undefined;
  const e = out?.defs.get('crate::E');
  t.deepEqual(e?.kind === 'enum' ? e.errorRoles : undefined, { success: 'Success', null: 'Null', panic: 'Panic' });
  const plain = out?.defs.get('crate::Plain');
  t.is(plain?.kind === 'enum' ? plain.errorRoles : 'not an enum', undefined);
});

test('a missing role is IC2211, even for an enum no function uses', (t) => {
  const r = compile('#[ffi_type(error)] pub enum E { Ok = 0, Fail = 1 }');
  t.deepEqual(r.messages.filter((m) => m.startsWith('IC2211')).length, 1, r.messages.join('\n'));
  t.true(r.messages.some((m) => m.includes('lacks the `Null` and `Panic` variants')));
});
