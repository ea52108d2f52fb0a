/**
 * The Python module, raw layer: ctypes declarations of every type, constants with their values,
 * and `init_lib(path)`, which binds every function once with exact `argtypes`/`restype` and puts
 * the ctypes function itself in the module (a call costs what a hand-written ctypes call costs).
 */
import type { IrConstant, IrField, IrFunction, IrModule, IrTypeDecl } from '../../compiler/ir.js';
import type { EmitMeta } from '../emitter.js';
import { docstring, pyName, pyString } from './names.js';
import { PyTypes } from './types.js';
import { exceptionClasses, serviceClasses } from './services.js';

export interface PythonOptions {
  /** Module (file) name; default: the bindings' name. */
  readonly module?: string;
  /** Check the API guard in `init_lib` (default true). */
  readonly checkApi?: boolean;
}

function constantValue(c: IrConstant): string {
  const v = c.value;
  switch (v.kind) {
    case 'int':
      return v.value;
    case 'float':
      return v.value === 'inf' ? 'float("inf")' : v.value === '-inf' ? 'float("-inf")' : v.value === 'NaN' ? 'float("nan")' : v.value.includes('.') || v.value.includes('e') ? v.value : `${v.value}.0`;
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

function typeSection(types: readonly IrTypeDecl[], py: PyTypes, services: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  // Every struct and union class first, so pointers may refer to any of them.
  for (const t of types) {
    if ((t.kind !== 'struct' && t.kind !== 'union') || isTransparent(t)) continue;
    lines.push('', '', `class ${pyName(t.name)}(ctypes.${t.kind === 'struct' ? 'Structure' : 'Union'}):`);
    const body = docstring(t.docs, '    ');
    if (t.packed !== undefined) body.push(`    _pack_ = ${t.packed}`);
    lines.push(...(body.length > 0 ? body : ['    pass']));
  }
  // The IR's order declares every type complete before anything uses it by value (fields,
  // arrays), and enums and aliases before signatures name them; a CFUNCTYPE may name a struct
  // whose _fields_ come later (ctypes only needs it complete at call time).
  for (const t of types) {
    switch (t.kind) {
      case 'enum': {
        lines.push('', '', `class ${pyName(t.name)}(enum.IntEnum):`);
        lines.push(...docstring(t.docs, '    '));
        for (const v of t.variants) lines.push(`    ${pyName(v.name)} = ${v.value}`);
        if (t.variants.length === 0) lines.push('    pass');
        break;
      }
      case 'struct':
      case 'union': {
        if (isTransparent(t)) {
          // `repr(transparent)` has its field's ABI: Python sees the field's type, as C does.
          lines.push('', ...docComment(t.docs), `${pyName(t.name)} = ${py.of((t.fields[0] as IrField).type)}`);
          break;
        }
        const fields = `[${t.fields.map((f) => `(${pyString(f.name)}, ${py.of(f.type)})`).join(', ')}]`;
        // `repr(align(N))`: ctypes before Python 3.13 cannot raise a struct's alignment; trailing
        // padding at least gives it the size Rust has.
        const value = t.align !== undefined && t.layout ? `_padded(${fields}, ${t.layout.size})` : fields;
        lines.push('', `${pyName(t.name)}._fields_ = ${value}`);
        break;
      }
      case 'alias':
        lines.push('', ...docComment(t.docs), `${pyName(t.name)} = ${py.of(t.target)}`);
        break;
      case 'opaque':
        // A service's class takes its handle type's name.
        if (!services.has(t.id)) lines.push('', ...docComment(t.docs), `${pyName(t.name)} = ctypes.c_void_p`);
        break;
    }
  }
  return lines;
}

const isTransparent = (t: IrTypeDecl): boolean => t.kind === 'struct' && t.transparent && t.fields.length === 1;

const docComment = (docs: readonly string[]): string[] => docs.map((d) => (d === '' ? '#' : `# ${d}`));

function functionSection(functions: readonly IrFunction[], py: PyTypes): string[] {
  const lines: string[] = [
    '',
    '',
    '# (symbol, Python name, argtypes, restype, errcheck) of every function, bound by init_lib(). An',
    '# errcheck turns an error code into an exception or a string result into `str`.',
    '_FUNCTIONS: List[Tuple[str, str, List[Any], Any, Any]] = [',
  ];
  for (const f of functions) {
    const returns = f.signature.returns;
    const error = py.errorEnum(returns);
    const errcheck = error ? `_raise_${error}` : py.isString(returns) ? '_to_str' : 'None';
    lines.push(`    (${pyString(f.name)}, ${pyString(pyName(f.name))}, [${f.signature.params.map((p) => py.param(p.type)).join(', ')}], ${py.of(returns)}, ${errcheck}),`);
  }
  lines.push(']', '', '', 'def _not_loaded(*_args: Any) -> Any:', '    raise RuntimeError("call init_lib(path) before calling into the library")', '');
  for (const f of functions) {
    lines.push('', ...docComment(f.docs), `${pyName(f.name)}: Callable[..., Any] = _not_loaded`);
  }
  return lines;
}

export function emitModule(ir: IrModule, functions: readonly IrFunction[], options: PythonOptions, meta: EmitMeta): string {
  const py = new PyTypes(new Map(ir.types.map((t) => [t.id, t])));
  const guard = ir.apiGuard?.function;
  const lines: string[] = [
    `"""Bindings for the Rust library \`${meta.name}\` (crate \`${meta.crateName}\`), generated by interopc ${meta.version} — do not edit.`,
    '',
    'Call `init_lib(path)` once, with the library file or the directory holding it, before anything else.',
    '"""',
    '',
    'from __future__ import annotations',
    '',
    'import ctypes',
    'import enum',
    'import os',
    'import sys',
    'from typing import Any, Callable, List, Tuple, TypeVar',
    '',
    `API_HASH = ${meta.apiHash}`,
    '"""Hash of the exported API these bindings were generated for (the library\'s guard returns it)."""',
    '',
    `LIB_NAME = ${pyString(meta.name)}`,
    '',
    '_loaded = False',
    '',
    '',
    'def _padded(fields: List[Tuple[str, Any]], size: int) -> List[Tuple[str, Any]]:',
    '    """`fields` and trailing bytes up to `size` (for structs Rust aligns beyond their fields)."""',
    '',
    '    class Natural(ctypes.Structure):',
    '        _fields_ = fields',
    '',
    '    missing = size - ctypes.sizeof(Natural)',
    '    return fields + [("_interopc_padding", ctypes.c_uint8 * missing)] if missing > 0 else fields',
    '',
    '',
    'class _Utf8(ctypes.c_char_p):',
    '    """A `const char*` parameter that also takes `str`, passed as UTF-8."""',
    '',
    '    @classmethod',
    '    def from_param(cls, obj: Any) -> Any:',
    '        # bytes and None first: the common case pays one type check, not a super() call.',
    '        if obj is None or obj.__class__ is bytes:',
    '            return obj',
    '        if isinstance(obj, str):',
    '            return obj.encode("utf-8")',
    '        return super().from_param(obj)',
    '',
    '',
    'def _to_str(result: Any, _func: Any, _args: Any) -> Any:',
    '    return None if result is None else bytes(result).decode("utf-8")',
  ];
  if (ir.constants.length > 0) lines.push('', '');
  for (const c of ir.constants) lines.push(...docComment(c.docs), `${pyName(c.name)}: ${constantType(c)} = ${constantValue(c)}`);
  lines.push(...typeSection(ir.types, py, new Set(ir.services.map((s) => s.handle))));
  lines.push(...exceptionClasses(ir));
  lines.push(...functionSection(functions, py));
  lines.push(...serviceClasses(ir, py, new Set(functions.map((f) => f.name))));
  lines.push(
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
    '    """Loads the library (a file, or a directory holding it) and binds every function."""',
    '    global _loaded',
    '    lib = ctypes.CDLL(_library_file(path))',
    '    module = sys.modules[__name__]',
    '    for symbol, name, argtypes, restype, errcheck in _FUNCTIONS:',
    '        raw = getattr(lib, symbol)',
    '        raw.argtypes = argtypes',
    '        raw.restype = restype',
    '        function = raw',
    '        if errcheck is not None:',
    '            # A second function object, so `lib.<symbol>` keeps the plain C behaviour.',
    '            function = ctypes.CFUNCTYPE(restype, *argtypes)((symbol, lib))',
    '            function.errcheck = errcheck',
    '        setattr(module, name, function)',
  );
  if (guard) {
    lines.push(
      '    if check_api:',
      `        actual = int(getattr(lib, ${pyString(guard)})())`,
      '        if actual != API_HASH:',
      '            raise RuntimeError(',
      '                f"the library\'s API hash is {actual:#018x} but these bindings were generated for {API_HASH:#018x}: "',
      '                "regenerate the bindings or rebuild the library"',
      '            )',
    );
  }
  lines.push('    _loaded = True', '    return lib', '');
  return lines.join('\n');
}
