import test from 'ava';
import { compile } from '../test/support/compile.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../compiler/api.js';
import type { IrModule, IrTypeDecl } from '../compiler/ir.js';
import { repoRoot } from '../runtime-tests/support/paths.js';
import { caseCrate } from '../test/support/case-crate.js';

const layouts = (src: string): string[] => {
  const r = compile(src);
  const out = r.stages['compute-layout'] as IrModule | undefined;
  if (!out) throw new Error(r.messages.join('\n'));
  return out.types.flatMap((d) => (d.kind === 'struct' || d.kind === 'union' || d.kind === 'enum' ? [`${d.name} ${d.layout?.size}/${d.layout?.align}${d.kind === 'enum' ? '' : ' ' + d.fields.map((f) => f.offset).join(',')}`] : []));
};

test('C layout of structs, packed, aligned, unions, arrays and enums', (t) => {
  t.deepEqual(
    layouts(`#[repr(C)] pub struct Mixed { pub a: u8, pub b: u64, pub c: bool, pub d: u16 }
#[repr(C, packed)] pub struct P1 { pub a: u8, pub b: u64 }
#[repr(C, packed(2))] pub struct P2 { pub a: u8, pub b: u64 }
#[repr(C, align(16))] pub struct Al { pub a: u8 }
#[repr(C)] pub struct HasAl { pub a: u8, pub b: Al }
#[repr(C)] pub union U { pub a: u8, pub b: [u32; 3] }
#[repr(u16)] pub enum E { A }
#[repr(C)] pub enum Ec { A }
#[repr(C)] pub struct Ptrs { pub a: u8, pub p: *const u8, pub f: extern "C" fn() }
#[unsafe(no_mangle)] pub extern "C" fn f(a: Mixed, b: P1, c: P2, d: HasAl, e: U, g: E, h: Ec, i: Ptrs) {}`),
    ['Mixed 24/8 0,8,16,18', 'P1 9/1 0,1', 'P2 10/2 0,2', 'Al 16/16 0', 'HasAl 32/16 0,16', 'U 12/4 0,0', 'E 2/2', 'Ec 4/4', 'Ptrs 24/8 0,8,16'],
  );
});

test('a type containing itself by value is reported once per cycle', (t) => {
  const r = compile('#[repr(C)] pub struct A { pub b: B }\n#[repr(C)] pub struct B { pub a: A, pub s: Selfish }\n#[repr(C)] pub struct Selfish { pub me: [Selfish; 1] }\n#[unsafe(no_mangle)] pub extern "C" fn f(a: *const A) {}');
  t.deepEqual(r.messages.map((m) => m.split(':')[0]).sort(), ['IC2301 2', 'IC2301 3']);
});

test('every declaration keeps all its keys, in order, and gains only its layout and field offsets (every golden case)', async (t) => {
  const casesDir = join(repoRoot, 'fixtures/cases');
  let checked = 0;
  for (const name of readdirSync(casesDir).sort()) {
    const result = await build({ crateDir: caseCrate(join(casesDir, name)), targets: ['c'], keepStages: true });
    const before = result.stages['monomorphize'] as IrModule | undefined;
    const after = result.stages['compute-layout'] as IrModule | undefined;
    if (!before || !after) continue;
    before.types.forEach((d, i) => {
      const out = after.types[i] as IrTypeDecl;
      const expected = Object.keys(d).includes('layout') || d.kind === 'opaque' || d.kind === 'alias' ? Object.keys(d) : [...Object.keys(d), 'layout'];
      t.deepEqual(Object.keys(out), expected, `${name}: ${d.id}`);
      for (const k of Object.keys(d)) if (k !== 'fields' && k !== 'layout') t.is((out as unknown as Record<string, unknown>)[k], (d as unknown as Record<string, unknown>)[k], `${name}: ${d.id}.${k}`);
      checked++;
    });
  }
  t.true(checked > 50, `only ${checked} declarations`);
});
