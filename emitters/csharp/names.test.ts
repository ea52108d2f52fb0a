import test from 'ava';
import { camel, csEscape, csString, paramNames, pascal, typeName, xmlDoc } from './names.js';

test('PascalCase for members, camelCase for parameters, keywords escaped with @', (t) => {
  t.is(pascal('primitive_u32'), 'PrimitiveU32');
  t.is(pascal('F32_MIN_POSITIVE'), 'F32MinPositive');
  t.is(pascal('_0'), '_0');
  t.is(camel('ascii_string', 0), 'asciiString');
  t.is(camel('out', 0), '@out');
  t.is(csEscape('event'), '@event');
  t.deepEqual(paramNames(['_', 'class', '_']), ['arg0', '@class', 'arg2']);
});

test('a crate type never shadows a type the generated file uses', (t) => {
  t.is(typeName('Exception'), 'Exception_');
  t.is(typeName('IntPtr'), 'IntPtr_');
  t.is(typeName('Vec3'), 'Vec3');
  t.is(typeName('object'), '@object');
});

test('string literals and doc comments are escaped', (t) => {
  t.is(csString('a "b" \\ \n'), '"a \\"b\\" \\\\ \\u000a"');
  t.deepEqual(xmlDoc(['a <b> & c']), ['/// <summary>', '/// a &lt;b&gt; &amp; c', '/// </summary>']);
  t.deepEqual(xmlDoc([]), []);
});
