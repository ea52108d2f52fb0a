import test from 'ava';
import { pyName, snakeName } from './names.js';

test('snakeName turns camelCase and PascalCase into snake_case', (t) => {
  t.is(snakeName('primitive_u32'), 'primitive_u32');
  t.is(snakeName('newWith'), 'new_with');
  t.is(snakeName('HTTPServerStart'), 'http_server_start');
  t.is(snakeName('value2Go'), 'value2_go');
});

test('keywords and the module\'s own names get a trailing underscore', (t) => {
  t.is(snakeName('from'), 'from_');
  t.is(pyName('None'), 'None_');
  t.is(pyName('init_lib'), 'init_lib_');
  t.is(pyName('self'), 'self_');
  t.is(pyName('Vec3'), 'Vec3');
});
