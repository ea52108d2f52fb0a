/**
 * The Python module, raw layer: ctypes declarations of every type, constants with their values,
 * and `init_lib(path)`, which binds every function once with exact `argtypes`/`restype` and puts
 * the ctypes function itself in the module (a call costs what a hand-written ctypes call costs).
 */
import { declaredLayout, layoutOfType, typeIndex, type IrConstant, type IrField, type IrFunction, type IrModule, type IrStruct, type IrTypeDecl, type IrUnion, type Layout, type TypeRef } from '../../compiler/ir.js';
import type { EmitMeta } from '../emitter.js';
import { planCall } from './calls.js';
import { functionSection } from './functions.js';
import { floatConstantAsDouble } from '../float-constants.js';
import { appendSection, TopLevel } from './top-level.js';
import { callSite, keptCallbacks, optionBase, sliceBase, utf8Param } from './runtime.js';
import { docstring, pyName, pyString, snakeName } from './names.js';
import { PyTypes } from './types.js';
import { exceptionClasses, serviceClasses } from './services.js';

export interface PythonOptions {
  /** Module (file) name; default: the bindings' name. */
  readonly module?: string;
  /** The library's file name without `lib` and extension (default: the crate's library name). */
  readonly libraryName?: string;
  /** Check the API guard in `init_lib` (default true). */
  readonly checkApi?: boolean;
}

function constantValue(c: IrConstant): string {
  const v = c.value;
  switch (v.kind) {
    case 'int':
      return v.value;
    case 'float': {
      const x = floatConstantAsDouble(c) ?? NaN;
      if (Number.isNaN(x)) return 'float("nan")';
      if (!Number.isFinite(x)) return x > 0 ? 'float("inf")' : 'float("-inf")';
      // JavaScript's shortest round-trip text reads back as the same double in Python.
      const text = Object.is(x, -0) ? '-0' : String(x);
      return /[.e]/.test(text) ? text : `${text}.0`;
    }
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'char':
      return String(v.value);
    case 'string':
      return pyString(v.value);
  }
}

function constantType(c: IrConstant): string {
  const v = c.value;
  return v.kind === 'float' ? 'float' : v.kind === 'bool' ? 'bool' : v.kind === 'string' ? 'str' : 'int';
}

/**
 * The bytes an over-aligned struct or union needs after its fields for ctypes to give it Rust's
 * size: a struct ends where its last field does, a union where its widest member does.
 */
function paddingBytes(t: IrStruct | IrUnion, layoutOf: (ref: TypeRef) => Layout | undefined): number {
  const size = t.layout?.size ?? 0;
  const ends = t.fields.map((f) => (t.kind === 'struct' ? (f.offset ?? 0) : 0) + (layoutOf(f.type)?.size ?? 0));
  return size - Math.max(0, ...ends);
}

function typeSection(types: readonly IrTypeDecl[], py: PyTypes, services: ReadonlySet<string>, layoutOf: (ref: TypeRef) => Layout | undefined): string[] {
  const out = new TopLevel();
  // Every struct and union class first, so pointers may refer to any of them.
  for (const t of types) {
    if ((t.kind !== 'struct' && t.kind !== 'union') || isTransparent(t)) continue;
    const body = docstring(t.docs, '    ');
    if (t.packed !== undefined) body.push(`    _pack_ = ${t.packed}`);
    out.definition(`class ${pyName(t.name)}(${baseClass(t, py)}):`, ...(body.length > 0 ? body : ['    pass']));
  }
  // The IR's order declares every type complete before anything uses it by value (fields,
  // arrays), and enums and aliases before signatures name them; a CFUNCTYPE may name a struct
  // whose _fields_ come later (ctypes only needs it complete at call time).
  for (const t of types) {
    switch (t.kind) {
      case 'enum': {
        const variants = t.variants.map((v) => `    ${pyName(v.name)} = ${v.value}`);
        out.definition(`class ${pyName(t.name)}(enum.IntEnum):`, ...docstring(t.docs, '    '), ...(variants.length > 0 ? variants : ['    pass']));
        break;
      }
      case 'struct':
      case 'union': {
        if (isTransparent(t)) {
          // `repr(transparent)` has its field's ABI: Python sees the field's type, as C does.
          out.statement(...docComment(t.docs), `${pyName(t.name)} = ${py.of((t.fields[0] as IrField).type)}`);
          break;
        }
        const fields = t.fields.map((f) => `(${pyString(f.name)}, ${py.of(f.type)})`);
        // `repr(align(N))`: ctypes before Python 3.13 cannot raise a struct's alignment; trailing
        // padding at least gives it the size Rust has.
        const padding = t.align !== undefined ? paddingBytes(t, layoutOf) : 0;
        if (padding > 0) fields.push(`("_interopc_padding", ctypes.c_uint8 * ${padding})`);
        out.statement(`${pyName(t.name)}._fields_ = [${fields.join(', ')}]`);
        break;
      }
      case 'alias':
        out.statement(...docComment(t.docs), `${pyName(t.name)} = ${py.of(t.target)}`);
        break;
      case 'opaque':
        // A service's class takes its handle type's name.
        if (!services.has(t.id)) out.statement(...docComment(t.docs), `${pyName(t.name)} = ctypes.c_void_p`);
        break;
    }
  }
  return out.lines;
}

const isTransparent = (t: IrTypeDecl): boolean => t.kind === 'struct' && t.transparent && t.fields.length === 1;

const docComment = (docs: readonly string[]): string[] => docs.map((d) => (d === '' ? '#' : `# ${d}`));

/** `ctypes.Structure`, or the slice/option base that gives a pattern struct its Python face. */
function baseClass(t: IrStruct | IrUnion, py: PyTypes): string {
  if (t.kind === 'union') return 'ctypes.Union';
  const p = t.pattern;
  if (p?.kind === 'slice') return `_Slice[${elementHint(p.element, py)}]`;
  if (p?.kind === 'option') return `_Option[${quoteClass(py.hint(p.value, 'result'), py, p.value)}]`;
  return 'ctypes.Structure';
}

/** What indexing a slice gives: the value ctypes reads (a string element reads as bytes). */
function elementHint(element: TypeRef, py: PyTypes): string {
  if (py.isString(element)) return 'Optional[bytes]';
  return quoteClass(py.hint(element, 'result'), py, element);
}

/**
 * A base-class subscript runs when the module loads: a class defined later, and names only type
 * checkers see (`_Pointer`, `ctypes.Array[…]`), are quoted there.
 */
function quoteClass(hint: string, py: PyTypes, t: TypeRef): string {
  const decl = py.decl(t);
  const later = decl && (decl.kind === 'struct' || decl.kind === 'union' || decl.kind === 'enum') && hint === pyName(decl.name);
  return later || /\b_Pointer\b|\b_CArgObject\b|\bctypes\.Array\b/.test(hint) ? JSON.stringify(hint) : hint;
}

/** What a pointer parameter takes, named once instead of spelled out in every signature (inside `if TYPE_CHECKING:`). */
const refAlias = [
  '    from typing_extensions import TypeAlias',
  '',
  '    _CT = TypeVar("_CT", bound=_CData)',
  '    _Ref: TypeAlias = Union[_CT, _Pointer[_CT], ctypes.Array[_CT], _CArgObject]',
  '    """What a pointer parameter to a `_CT` takes: a `_CT` (passed by reference), a pointer to or an',
  '    array of `_CT`, or `ctypes.byref(…)` of one."""',
];
const refNames = ['_CArgObject', '_CData', '_Pointer'];

/** ctypes names the module imports for type checking only. */
const typeCheckingCtypes = ['_CArgObject', '_Pointer'];

/** The `typing` names the module uses (pyright strict reports unused imports). */
const typingNames = ['TYPE_CHECKING', 'Any', 'Callable', 'Dict', 'Generic', 'Iterator', 'List', 'Optional', 'Sequence', 'Tuple', 'Type', 'TypeVar', 'Union', 'overload'];

function usedTypingNames(body: string): string[] {
  // `ctypes.Union` is not typing's `Union`.
  return typingNames.filter((n) => new RegExp(`(?<![\\w.])${n}\\b`).test(body));
}

export function emitModule(ir: IrModule, functions: readonly IrFunction[], options: PythonOptions, meta: EmitMeta): string {
  const py = new PyTypes(new Map(ir.types.map((t) => [t.id, t])));
  const guard = ir.apiGuard?.function;
  const plans = new Map(functions.map((f) => [f.name, planCall(f, py, { fixed: [], out: false, keep: '_kept', binding: `_c_${snakeName(f.name)}` })]));
  const structs = ir.types.filter((t): t is IrStruct => t.kind === 'struct');
  const body: string[] = [];
  const section = functionSection(ir, functions, plans, py);
  const services = serviceClasses(ir, py, new Set(functions.map((f) => f.name)));
  const uses = (pattern: RegExp): boolean => [...section, ...services].some((l) => pattern.test(l));
  const typeVars: string[] = [];
  if (structs.some((t) => t.pattern)) typeVars.push('_T = TypeVar("_T")');
  if (structs.some((t) => t.pattern?.kind === 'slice')) typeVars.push('_SliceT = TypeVar("_SliceT", bound="_Slice[Any]")');
  if (structs.some((t) => t.pattern?.kind === 'option')) typeVars.push('_OptionT = TypeVar("_OptionT", bound="_Option[Any]")');
  if (typeVars.length > 0) body.push('', ...typeVars);
  if (structs.some((t) => t.pattern?.kind === 'slice')) body.push('', '', ...sliceBase);
  if (structs.some((t) => t.pattern?.kind === 'option')) body.push('', '', ...optionBase);
  // The module's own `_kept`, not a service's `self._kept`.
  if (uses(/(^|[^.\w])_kept\b/)) body.push('', '', ...keptCallbacks);
  if (uses(/\b_site\(/)) body.push('', '', ...callSite);
  if (section.some((l) => l.includes('_Utf8'))) body.push('', '', ...utf8Param);
  if (ir.constants.length > 0) body.push('', '');
  for (const c of ir.constants) body.push(...docComment(c.docs), `${pyName(c.name)}: ${constantType(c)} = ${constantValue(c)}`);
  const declared = declaredLayout(typeIndex(ir), ir.target.pointerWidth);
  appendSection(body, typeSection(ir.types, py, new Set(ir.services.map((s) => s.handle)), (ref) => layoutOfType(ref, ir.target.pointerWidth, declared)));
  appendSection(body, exceptionClasses(ir));
  appendSection(body, section);
  appendSection(body, services);
  body.push(
    '',
    '',
    'def _library_file(path: str) -> str:',
    '    if not os.path.isdir(path):',
    '        return path',
    '    for candidate in (f"lib{LIB_NAME}.so", f"{LIB_NAME}.dll", f"lib{LIB_NAME}.dylib"):',
    '        full = os.path.join(path, candidate)',
    '        if os.path.exists(full):',
    '            return full',
    '    raise FileNotFoundError(f"no {LIB_NAME} library (lib{LIB_NAME}.so, {LIB_NAME}.dll or lib{LIB_NAME}.dylib) in {path}")',
    '',
    '',
    `def init_lib(path: str, check_api: bool = ${options.checkApi === false ? 'False' : 'True'}) -> ctypes.CDLL:`,
    '    """Loads the library (a file, or a directory holding it) and binds every function.',
    '',
    '    The returned CDLL has every function with its exact C signature: the raw layer.',
    '    """',
    '    global _loaded',
    '    lib = ctypes.CDLL(_library_file(path))',
    '    module = sys.modules[__name__]',
    '    for symbol, name, argtypes, restype, binding_argtypes, binding_restype in _FUNCTIONS:',
    '        function = getattr(lib, symbol)',
    '        function.argtypes = argtypes',
    '        function.restype = restype',
    '        if binding_argtypes is not None:',
    '            # A second function object, so `lib.<symbol>` keeps the plain C behaviour.',
    '            function = ctypes.CFUNCTYPE(binding_restype, *binding_argtypes)((symbol, lib))',
    '        setattr(module, name, function)',
  );
  if (guard) {
    body.push(
      '    if check_api:',
      `        actual = int(getattr(lib, ${pyString(guard)})())`,
      '        if actual != API_HASH:',
      '            raise RuntimeError(',
      '                f"the library\'s API hash is {actual:#018x} but these bindings were generated for {API_HASH:#018x}: "',
      '                "regenerate the bindings or rebuild the library"',
      '            )',
    );
  }
  body.push('    _loaded = True', '    return lib', '');
  const text = body.join('\n');
  const buffers = ['ReadableBuffer', 'WriteableBuffer'].filter((b) => text.includes(b));
  // Pointer parameters are typed `_Ref[T]`, an alias only type checkers see (`_CArgObject` may not
  // appear outside annotations), so the module needs nothing of it at run time.
  const pointerParams = /\b_Ref\[/.test(text);
  const pointers = [...new Set([...typeCheckingCtypes.filter((name) => new RegExp(`\\b${name}\\b`).test(text)), ...(pointerParams ? refNames : [])])].sort();
  const typeChecking = [
    ...(buffers.length > 0 ? [`    from _typeshed import ${buffers.join(', ')}`] : []),
    // Private in typeshed, but the only names of what ctypes returns for a pointer and byref().
    ...(pointers.length > 0 ? [`    from ctypes import ${pointers.join(', ')}  # pyright: ignore[reportPrivateUsage]`] : []),
    ...(pointerParams ? refAlias : []),
  ];
  const typing = usedTypingNames(typeChecking.length > 0 ? `${text}\n${typeChecking.join('\n')} TYPE_CHECKING` : text);
  const head: string[] = [
    `"""Bindings for the Rust library \`${meta.name}\` (crate \`${meta.crateName}\`), generated by interopc ${meta.version} — do not edit.`,
    '',
    'Call `init_lib(path)` once, with the library file or the directory holding it, before anything else.',
    '"""',
    '',
    'from __future__ import annotations',
    '',
    'import ctypes',
    ...(/\benum\./.test(text) ? ['import enum'] : []),
    'import os',
    'import sys',
    ...(/\bthreading\./.test(text) ? ['import threading'] : []),
    ...(typing.length > 0 ? [`from typing import ${typing.join(', ')}`] : []),
    ...(typeChecking.length > 0 ? ['', 'if TYPE_CHECKING:', ...typeChecking] : []),
    '',
    `API_HASH = ${meta.apiHash}`,
    '"""Hash of the exported API these bindings were generated for (the library\'s guard returns it)."""',
    '',
    `LIB_NAME = ${pyString(options.libraryName ?? meta.name)}`,
    '',
    '_loaded = False',
  ];
  return [...head, text].join('\n');
}
