import test from 'ava';
import { CTypes } from './types.js';
import { CNames } from './names.js';
import { constantLiteral } from './literals.js';
import type { IrTypeDecl, TypeRef } from '../../compiler/ir.js';

const span = { file: 'src/lib.rs', start: 0, end: 0 };
const index = new Map<string, IrTypeDecl>([['crate::S', { kind: 'opaque', id: 'crate::S', name: 'S', rustType: 'crate::S', docs: [], span, nameSpan: span }]]);
const types = new CTypes(new CNames('p_'), index);
const u8: TypeRef = { kind: 'primitive', name: 'u8' };
const i64: TypeRef = { kind: 'primitive', name: 'i64' };
const ptr = (pointee: TypeRef, mutable = false, nullable = true): TypeRef => ({ kind: 'pointer', mutable, nullable, pointee });
const fn = (params: TypeRef[], returns: TypeRef): TypeRef => ({ kind: 'fnPointer', nullable: false, signature: { params: params.map((type, i) => ({ name: `a${i}`, type })), returns } });

test('declarators: const placement, pointers to pointers, arrays, function pointers', (t) => {
  t.is(types.declare(ptr(ptr(i64)), 'x'), 'const int64_t *const *x');
  t.is(types.declare(ptr(ptr(i64, true), true), 'x'), 'int64_t **x');
  t.is(types.declare({ kind: 'array', element: u8, length: 4 }, 'a'), 'uint8_t a[4]');
  t.is(types.declare({ kind: 'array', element: { kind: 'array', element: u8, length: 2 }, length: 3 }, 'm'), 'uint8_t m[3][2]');
  t.is(types.declare(ptr({ kind: 'array', element: u8, length: 4 }, true), 'p'), 'uint8_t (*p)[4]');
  t.is(types.declare({ kind: 'array', element: fn([], i64), length: 2 }, 'table'), 'int64_t (*table[2])(void)');
  t.is(types.declare(fn([u8, ptr({ kind: 'primitive', name: 'void' }, true)], u8), 'cb'), 'uint8_t (*cb)(uint8_t, void *)');
  t.is(types.declare(fn([u8], u8), 'make(void)'), 'uint8_t (*make(void))(uint8_t)');
  t.is(types.declare(ptr({ kind: 'named', id: 'crate::S' }), 's'), 'const p_S *s');
  t.is(types.declare({ kind: 'primitive', name: 'c_char' }, ''), 'char');
});

test('names: prefix on types, keywords escaped, parameters made unique', (t) => {
  const names = new CNames('');
  t.is(names.field('class'), 'class_');
  t.is(names.type('int'), 'int_');
  t.deepEqual(names.params(['_', 'x', 'x', 'new']), ['arg0', 'x', 'x_2', 'new_']);
  t.is(new CNames('my_').macro('ref-lib'), 'MY_REF_LIB');
});

test('constant literals keep C types and exact values', (t) => {
  const prim = (name: 'u32' | 'u64' | 'i64' | 'i32' | 'f32' | 'f64' | 'char'): TypeRef => ({ kind: 'primitive', name });
  t.is(constantLiteral({ kind: 'int', value: '4294967295' }, prim('u32')), '4294967295U');
  t.is(constantLiteral({ kind: 'int', value: '1' }, prim('u64')), '1ULL');
  t.is(constantLiteral({ kind: 'int', value: '-9223372036854775808' }, prim('i64')), '(-9223372036854775807LL - 1)');
  t.is(constantLiteral({ kind: 'int', value: '-2147483648' }, prim('i32')), '(-2147483647 - 1)');
  t.is(constantLiteral({ kind: 'int', value: '-5' }, prim('i32')), '(-5)');
  t.is(constantLiteral({ kind: 'float', value: '1' }, prim('f32')), '1.0f');
  t.is(constantLiteral({ kind: 'float', value: '-2.5e-8' }, prim('f64')), '(-2.5e-8)');
  t.is(constantLiteral({ kind: 'float', value: 'inf' }, prim('f32')), 'INFINITY');
  t.is(constantLiteral({ kind: 'string', value: 'a"b\\c?é\n' }, ptr({ kind: 'primitive', name: 'c_char' })), '"a\\"b\\\\c\\077\\303\\251\\012"');
  t.is(constantLiteral({ kind: 'char', value: 955 }, prim('char')), '955U');
});
