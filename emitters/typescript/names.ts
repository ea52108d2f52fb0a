/**
 * TypeScript names: the only place that cases identifiers and escapes reserved words. Functions and
 * methods are camelCase, types and classes keep their emitted (Rust) name, struct fields keep the
 * IR's name (koffi matches members by it). Anything that would be a reserved word, or would shadow
 * a name the generated module itself declares, gets a trailing `_`.
 */

const reservedWords = new Set([
  // ECMAScript reserved words, strict-mode and module reserved words
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements',
  'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments', 'eval',
  // TypeScript type names that cannot name a type
  'any', 'unknown', 'never', 'number', 'bigint', 'boolean', 'string', 'symbol', 'object', 'undefined',
  // globals a declaration must not shadow
  'Error', 'Symbol', 'BigInt', 'Number', 'Object', 'Array', 'String', 'Boolean', 'Function', 'Promise', 'FinalizationRegistry',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array', 'ArrayBuffer', 'ArrayBufferView', 'ArrayLike', 'process',
]);

/** Module-level names the generated module declares for itself (loading.ts, helpers.ts and imports). */
export const moduleNames = {
  koffi: 'koffi',
  typeObject: 'TypeObject',
  lib: 'lib',
  typeScope: 'typeScope',
  raw: 'raw',
  apiHash: 'API_HASH',
  libraryName: 'LIBRARY_NAME',
  libraryFile: 'libraryFile',
  loadLibrary: 'loadLibrary',
  registered: 'RegisteredCallback',
  callbackSite: 'CallbackSite',
  callbackSites: 'callbackSites',
  callbackCalls: 'callbackCalls',
  captureCallbackError: 'captureCallbackError',
  unhandledCallbackError: 'unhandledCallbackError',
  onUnhandledCallbackError: 'onUnhandledCallbackError',
  register: 'registerCallback',
  pointer: 'Pointer',
  disposeSymbol: 'disposeSymbol',
  serviceBase: 'Service',
  sliceView: 'sliceView',
  sliceCopy: 'sliceCopy',
  sliceDecode: 'sliceDecode',
  serviceFinalizer: 'serviceFinalizer',
  toBigInt: 'toBigInt',
  fs: 'fs',
  path: 'path',
  url: 'url',
} as const;

const taken = new Set<string>(Object.values(moduleNames));

/** Escapes a reserved word or a name the module itself uses. */
export function safeName(name: string): string {
  return reservedWords.has(name) || taken.has(name) ? `${name}_` : name;
}

/** `primitive_u32` → `primitiveU32`; `new_with_string` → `newWithString`. Leading `_`s are kept. */
export function camelCase(name: string): string {
  const lead = /^_*/.exec(name)?.[0] ?? '';
  const parts = name.slice(lead.length).split('_').filter((p) => p !== '');
  const joined = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return lead + joined;
}

/** A function's idiomatic name. */
export const functionName = (symbol: string): string => safeName(camelCase(symbol));

/** A method's or static factory's name (members cannot clash with module names, only with words). */
export const memberName = (rustName: string): string => {
  const n = camelCase(rustName);
  // `dispose` and `constructor` are the class's own.
  return n === 'dispose' || n === 'constructor' || n === 'handle' ? `${n}_` : n;
};

/** A type's, enum's, class's or constant's name: the emitted name as it is. */
export const typeName = (name: string): string => safeName(name);

/** The `Error` subclass an error enum is thrown as. */
export const exceptionName = (enumName: string): string => safeName(`${enumName}Exception`);

/** Locals the wrappers declare next to their parameters (functions.ts, services.ts). */
const wrapperLocals = new Set(['result', 'cell', 'out']);

/** Parameter names: camelCase, escaped (also against the wrappers' locals), `_` and duplicates made unique. */
export function paramNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n, i) => {
    let name = n === '_' || n === '' ? `arg${i}` : safeName(camelCase(n));
    if (wrapperLocals.has(name)) name = `${name}_`;
    if (name === '') name = `arg${i}`;
    while (used.has(name)) name = `${name}_${i}`;
    used.add(name);
    return name;
  });
}

/** True when `name` can be written as a bare property key (else it is quoted). */
export const isIdentifier = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);

/** The function that registers a callback of a named callback type: `registerCallbackU32`. */
export const registerName = (aliasName: string): string => safeName(`register${aliasName}`);

/** The koffi type behind a service class, which takes the handle type's own name. */
export const handleTypeName = (handleName: string): string => safeName(`${handleName}Handle`);

/** The module-level prototype of the `index`th unnamed function pointer type. */
export const inlineProtoName = (index: number): string => `InlineCallback${index}`;

/** The typed-array copy of a constructor's slice parameter, which the service keeps alive. */
export const keptName = (param: string): string => `${param}Kept`;

/** The environment variable that overrides the library's location: `REFERENCE_LIBRARY_PATH`. */
export const libraryEnvName = (libraryName: string): string => `${libraryName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_LIBRARY_PATH`;

/** The decoded twin of a slice struct that callbacks receive (`Slice_u8` → `Slice_u8Decoded`). */
export const decodedSliceName = (sliceName: string): string => safeName(`${sliceName}Decoded`);
