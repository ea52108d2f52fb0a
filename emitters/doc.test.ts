import test from 'ava';
import { concat, group, hardline, indent, join, line, lines, render, softline } from './doc.js';

test('groups print flat when they fit and break when they do not', (t) => {
  const call = (width: number) => render(group(concat('f(', indent(concat(softline, join(concat(',', line), ['alpha', 'beta', 'gamma']))), softline, ')')), width);
  t.is(call(80), 'f(alpha, beta, gamma)');
  t.is(call(10), 'f(\n    alpha,\n    beta,\n    gamma\n)');
});

test('hard lines always break, indentation applies after them, trailing spaces are trimmed', (t) => {
  t.is(render(concat('{', indent(concat(hardline, 'a;', hardline, 'b;')), hardline, '}')), '{\n    a;\n    b;\n}');
  t.is(render(lines(['x ', 'y'])), 'x\ny\n');
});
