import test from 'ava';
import { call, constDecl, exported, functionDecl, id, num, ret, str, t, tNumber } from './ast.js';
import { pruneUnused } from './prune.js';

const names = (body: readonly t.Statement[]): string[] =>
  body.map((s) => (t.isImportDeclaration(s) ? `import ${s.specifiers.map((x) => x.local.name).join(',')}` : t.isFunctionDeclaration(s) ? (s.id?.name ?? '') : t.isVariableDeclaration(s) ? (s.declarations[0]?.id as t.Identifier).name : s.type));

const importAll = (name: string, from: string): t.ImportDeclaration => t.importDeclaration([t.importNamespaceSpecifier(id(name))], str(from));

test('unused scaffolding goes, with what only it used; used scaffolding and everything else stay', (t) => {
  const scaffolding = [
    importAll('fs', 'node:fs'),
    importAll('path', 'node:path'),
    functionDecl('find', [], tNumber(), [ret(call('fs.existsSync', str('x')))]),
    constDecl('lib', call('find')),
    functionDecl('helper', [], tNumber(), [ret(num(1))]),
    functionDecl('usedHelper', [], tNumber(), [ret(num(2))]),
  ];
  const body = [...scaffolding, functionDecl('notScaffolding', [], tNumber(), []), exported(constDecl('value', call('usedHelper')))];
  t.deepEqual(names(pruneUnused(body, new Set(scaffolding))), ['usedHelper', 'notScaffolding', 'ExportNamedDeclaration']);
  // Once something uses the library, its lookup and the import that lookup needs stay.
  const using = [...body, exported(constDecl('size', id('lib')))];
  t.deepEqual(names(pruneUnused(using, new Set(scaffolding))), ['import fs', 'find', 'lib', 'usedHelper', 'notScaffolding', 'ExportNamedDeclaration', 'ExportNamedDeclaration']);
});
