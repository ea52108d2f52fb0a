/**
 * The Python classes over the raw layer: one exception class per error enum (raised for every
 * value but success), and one class per service with a classmethod per constructor, its methods,
 * `close()`, context-manager support and a `__del__` safety net. Destroying twice is impossible:
 * the destructor nulls the handle, and `close()` skips a null one.
 */
import type { IrEnum, IrFunction, IrModule, IrService, TypeRef } from '../../compiler/ir.js';
import { docstring, pyName } from './names.js';
import type { PyTypes } from './types.js';

/** `FFIError` → `FFIErrorException`. */
export const exceptionName = (e: IrEnum): string => `${pyName(e.name)}Exception`;

export function exceptionClasses(ir: IrModule): string[] {
  const lines: string[] = [];
  for (const t of ir.types) {
    if (t.kind !== 'enum' || !t.pattern) continue;
    const name = exceptionName(t);
    const enumName = pyName(t.name);
    lines.push(
      '',
      '',
      `class ${name}(Exception):`,
      `    """Raised when a function returns a \`${t.name}\` other than \`${t.pattern.success}\`."""`,
      '',
      `    def __init__(self, code: ${enumName}) -> None:`,
      `        super().__init__(f"${t.name}.{code.name} ({int(code)})")`,
      '        self.code = code',

      '',
      '',
      `def _raise_${enumName}(result: Any, _func: Any, _args: Any) -> None:`,
      '    # errcheck of every function returning the enum: one comparison on success.',
      `    if result != ${t.variants.find((v) => v.name === t.pattern?.success)?.value ?? '0'}:`,
      `        raise ${name}(${enumName}(result))`,
    );
  }
  return lines;
}

function pyParams(fn: IrFunction, skip: number, dropLast: boolean): string[] {
  const params = fn.signature.params.slice(skip, dropLast ? -1 : undefined);
  return params.map((p, i) => pyName(p.name === '_' ? `arg${i}` : p.name));
}

export function serviceClasses(ir: IrModule, py: PyTypes, bound: ReadonlySet<string>): string[] {
  const functions = new Map(ir.functions.map((f) => [f.name, f]));
  const types = new Map(ir.types.map((t) => [t.id, t]));
  const lines: string[] = [];
  for (const s of ir.services) {
    const error = types.get(s.error);
    if (error?.kind !== 'enum' || !error.pattern) continue;
    const cls = pyName(s.name);
    const body: string[] = [...docstring(s.docs, '    '), '', `    _destroy = ${JSON.stringify(pyName(s.destructor))}`];
    for (const c of s.constructors) {
      const fn = functions.get(c.function);
      if (!fn || !bound.has(c.function)) continue;
      const params = pyParams(fn, 1, false);
      body.push(
        '',
        '    @classmethod',
        `    def ${pyName(c.name)}(cls${params.map((p) => `, ${p}: Any`).join('')}) -> ${cls}:`,
        ...docstring(fn.docs, '        '),
        '        handle = ctypes.c_void_p()',
        `        ${pyName(c.function)}(ctypes.byref(handle)${params.map((p) => `, ${p}`).join('')})`,
        '        return cls(handle)',
      );
    }
    for (const m of s.methods) {
      const fn = functions.get(m.function);
      if (!fn || !bound.has(m.function)) continue;
      const params = pyParams(fn, 1, m.result === 'out');
      const args = params.map((p) => `, ${p}`).join('');
      const signature = `    def ${pyName(m.name)}(self${params.map((p) => `, ${p}: Any`).join('')})`;
      body.push('');
      if (m.result === 'error') {
        body.push(`${signature} -> None:`, ...docstring(fn.docs, '        '), `        ${pyName(fn.name)}(self._handle${args})`);
      } else if (m.result === 'out') {
        const out = fn.signature.params[fn.signature.params.length - 1]?.type;
        const pointee: TypeRef | undefined = out?.kind === 'pointer' ? out.pointee : undefined;
        body.push(
          `${signature} -> Any:`,
          ...docstring(fn.docs, '        '),
          `        out = ${pointee ? py.of(pointee) : 'ctypes.c_void_p'}()`,
          `        ${pyName(fn.name)}(self._handle${args}, ctypes.byref(out))`,
          '        return getattr(out, "value", out)',
        );
      } else {
        body.push(`${signature} -> Any:`, ...docstring(fn.docs, '        '), `        return ${pyName(fn.name)}(self._handle${args})`);
      }
    }
    lines.push('', '', `class ${cls}(_Service):`, ...body);
  }
  return lines.length > 0 ? [...serviceBase, ...lines] : [];
}

/** What every service class shares: one handle, destroyed once, by `close`, `with` or `__del__`. */
const serviceBase = [
  '',
  '',
  '_S = TypeVar("_S", bound="_Service")',
  '',
  '',
  'class _Service:',
  '    """Base of the service classes: owns one handle and destroys it once."""',
  '',
  '    _destroy = ""',
  '    """Name of the destructor function in this module, set by each service class."""',
  '',
  '    def __init__(self, handle: ctypes.c_void_p) -> None:',
  '        """Takes ownership of a handle from a constructor; use the classmethods instead."""',
  '        self._handle = handle',
  '',
  '    def close(self) -> None:',
  '        """Destroys the Rust value (once: the destructor nulls the handle)."""',
  '        if self._handle.value:',
  '            getattr(sys.modules[__name__], self._destroy)(ctypes.byref(self._handle))',
  '',
  '    def __enter__(self: _S) -> _S:',
  '        return self',
  '',
  '    def __exit__(self, *_exc: object) -> None:',
  '        self.close()',
  '',
  '    def __del__(self) -> None:',
  '        # The safety net for a service nobody closed; never after init_lib failed.',
  '        if getattr(self, "_handle", None) is not None and _loaded:',
  '            self.close()',
];
