/**
 * What every generated module declares first: the imports, the API hash, where the library is
 * found and how it is loaded (with the module's koffi type-name scope), and the API guard check.
 */
import type { IrModule } from '../../compiler/ir.js';
import type { EmitMeta } from '../emitter.js';
import {
  assign, block, call, cast, cond, constDecl, eq, exported, functionDecl, id, jsdoc, lineComment, member, ne, newExpr, num, param, path, ret, str, t,
  tBigint, tNumber, tRef, tString, tUnion, throwNew,
} from './ast.js';
import { moduleNames as m } from './names.js';

export interface LoadOptions {
  /** The library's base name (`reference` → `libreference.so`, `reference.dll`, `libreference.dylib`). */
  readonly libraryName: string;
  /** A file or directory, absolute or relative to the generated module, tried after the environment variable. */
  readonly libraryPath?: string;
  /** The environment variable that overrides the library's location. */
  readonly libraryEnv: string;
}

export function imports(): t.Statement[] {
  return [
    t.importDeclaration([t.importDefaultSpecifier(id(m.koffi)), typeSpecifier(m.typeObject)], str('koffi')),
    t.importDeclaration([t.importNamespaceSpecifier(id(m.fs))], str('node:fs')),
    t.importDeclaration([t.importNamespaceSpecifier(id(m.path))], str('node:path')),
    t.importDeclaration([t.importNamespaceSpecifier(id(m.url))], str('node:url')),
  ];
}

function typeSpecifier(name: string): t.ImportSpecifier {
  const s = t.importSpecifier(id(name), id(name));
  s.importKind = 'type';
  return s;
}

/** `API_HASH`, `LIBRARY_NAME`, `Pointer`, `libraryFile()` and the loaded library. */
export function loading(meta: EmitMeta, options: LoadOptions): t.Statement[] {
  const fileName = cond(
    eq(path('process.platform'), str('win32')),
    t.binaryExpression('+', id(m.libraryName), str('.dll')),
    cond(eq(path('process.platform'), str('darwin')), t.binaryExpression('+', t.binaryExpression('+', str('lib'), id(m.libraryName)), str('.dylib')), t.binaryExpression('+', t.binaryExpression('+', str('lib'), id(m.libraryName)), str('.so'))),
  );
  const candidates = [index(path('process.env'), options.libraryEnv), ...(options.libraryPath !== undefined ? [str(options.libraryPath)] : []), id('here')];
  const loop = t.forOfStatement(
    t.variableDeclaration('const', [t.variableDeclarator(id('candidate'))]),
    t.arrayExpression(candidates),
    block(
      t.ifStatement(t.logicalExpression('||', eq(id('candidate'), id('undefined')), eq(id('candidate'), str(''))), t.continueStatement()),
      constDecl('full', call('path.resolve', id('here'), id('candidate'))),
      t.ifStatement(t.unaryExpression('!', call('fs.existsSync', id('full'))), t.continueStatement()),
      t.ifStatement(t.unaryExpression('!', call(member(call('fs.statSync', id('full')), 'isDirectory'))), ret(id('full'))),
      constDecl('inside', call('path.join', id('full'), id('fileName'))),
      t.ifStatement(call('fs.existsSync', id('inside')), ret(id('inside'))),
    ),
  );
  const libraryFile = functionDecl(m.libraryFile, [], tString(), [
    constDecl('fileName', fileName),
    constDecl('here', call('path.dirname', call('url.fileURLToPath', path('import.meta.url')))),
    loop,
    lineComment(ret(id('fileName')), "Not found: the system's search path (LD_LIBRARY_PATH, PATH, …) decides."),
  ]);
  return [
    jsdoc(exported(constDecl(m.apiHash, t.bigIntLiteral(meta.apiHash), tBigint())), ['Hash of the exported API these bindings were generated for; the library returns it from its API guard.']),
    jsdoc(exported(constDecl(m.libraryName, str(options.libraryName), tString())), ['The library\'s base name (`lib<name>.so`, `<name>.dll`, `lib<name>.dylib`).']),
    jsdoc(exported(t.tsTypeAliasDeclaration(id(m.pointer), null, tBigint())), ['An address in native memory: koffi 3 represents pointers as `bigint` (and null as `null`).']),
    jsdoc(libraryFile, [
      `The library file: \`$${options.libraryEnv}\` (a file or a directory), then ${options.libraryPath !== undefined ? `\`${options.libraryPath}\` (relative to this module), then ` : ''}this module's`,
      "directory, and else the bare file name for the system's search path.",
    ]),
    jsdoc(loadLibrary(options.libraryEnv), ['Loads the library, with an error that says where it was looked for when it cannot.']),
    constDecl(m.lib, call(m.loadLibrary)),
    ...typeScope(options.libraryName),
  ];
}

function loadLibrary(env: string): t.FunctionDeclaration {
  const message = t.binaryExpression(
    '+',
    t.binaryExpression('+', t.binaryExpression('+', str('cannot load '), id('file')), str(': ')),
    t.binaryExpression('+', cond(t.binaryExpression('instanceof', id('e'), id('Error')), member(id('e'), 'message'), call('String', id('e'))), str(`; set ${env} to the library file or its directory`)),
  );
  const fn = functionDecl(m.loadLibrary, [], tRef('ReturnType', t.tsTypeQuery(t.tsQualifiedName(id('koffi'), id('load')))), [
    constDecl('file', call(m.libraryFile)),
    t.tryStatement(
      block(ret(call('koffi.load', id('file')))),
      t.catchClause(id('e'), block(t.throwStatement(newExpr('Error', message, t.objectExpression([t.objectProperty(id('cause'), id('e'))]))))),
    ),
  ]);
  return fn;
}

/**
 * `typeScope`: the prefix of this module's koffi type names, which are global to the process. A
 * second copy of the module (another path) counts up, so its names never collide with the first's.
 */
function typeScope(libraryName: string): t.Statement[] {
  const counter = t.memberExpression(id('scopes'), id('key'), true);
  return [
    constDecl('scopes', cast(id('globalThis'), t.tsTypeLiteral([t.tsIndexSignature([param('key', t.tsSymbolKeyword())], t.tsTypeAnnotation(tUnion(tNumber(), t.tsUndefinedKeyword())))]))),
    constDecl('key', call('Symbol.for', str('interopc.koffiTypeScope'))),
    assign(counter, t.binaryExpression('+', t.logicalExpression('??', counter, num(0)), num(1))),
    jsdoc(constDecl(m.typeScope, t.binaryExpression('+', t.binaryExpression('+', str(`${libraryName}`), call('String', counter)), str('_')), tString()), [
      'Prefix of this module\'s koffi type names (global to the process; unique per loaded copy).',
    ]),
  ];
}

const index = (object: t.Expression, key: string): t.MemberExpression => t.memberExpression(object, str(key), true);

/** Compares the library's API hash with `API_HASH` once the raw functions are bound. */
export function guardCheck(ir: IrModule): t.Statement[] {
  if (!ir.apiGuard) return [];
  const hex = (e: t.Expression): t.Expression => t.binaryExpression('+', str('0x'), call(member(call(member(e, 'toString'), num(16)), 'padStart'), num(16), str('0')));
  const message = t.binaryExpression(
    '+',
    t.binaryExpression('+', t.binaryExpression('+', t.binaryExpression('+', str("the library's API hash is "), hex(id('actual'))), str(' but these bindings were generated for ')), hex(id(m.apiHash))),
    str(': regenerate the bindings or rebuild the library'),
  );
  return [
    lineComment(
      t.blockStatement([
        constDecl('actual', call('BigInt', call(member(id(m.raw), ir.apiGuard.function)))),
        t.ifStatement(ne(id('actual'), id(m.apiHash)), throwNew('Error', message)),
      ]),
      'The API guard (contracts.md §6): a library built from other sources fails here, not in a call.',
    ),
  ];
}
