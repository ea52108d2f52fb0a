/**
 * The Python classes over the raw layer: one exception class per error enum (raised for every
 * value but success), and one class per service with a classmethod per constructor, its methods,
 * `close()`, context-manager support and a `__del__` safety net. Destroying twice is impossible:
 * the destructor nulls the handle, and `close()` skips a null one.
 */
import type { IrEnum, IrModule } from '../../compiler/ir.js';
import { planCall } from './calls.js';
import { bindingName } from './functions.js';
import { docstring, pyName, snakeName } from './names.js';
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
    );
  }
  return lines;
}

export function serviceClasses(ir: IrModule, py: PyTypes, bound: ReadonlySet<string>): string[] {
  const functions = new Map(ir.functions.map((f) => [f.name, f]));
  const types = new Map(ir.types.map((t) => [t.id, t]));
  const lines: string[] = [];
  for (const s of ir.services) {
    const error = types.get(s.error);
    const destructor = functions.get(s.destructor);
    if (error?.kind !== 'enum' || !error.pattern || !destructor) continue;
    const cls = pyName(s.name);
    const body: string[] = [...docstring(s.docs, '    '), '', `    _destroy = ${JSON.stringify(bindingName(destructor, false))}`];
    for (const c of s.constructors) {
      const fn = functions.get(c.function);
      if (!fn || !bound.has(c.function)) continue;
      // What the call hands to Rust (slices, callbacks) lives as long as the new service.
      const plan = planCall(fn, py, { fixed: ['ctypes.byref(_handle)'], out: false, keep: '_keep', binding: bindingName(fn, false), keepSlices: true });
      const keeps = plan.keeps;
      body.push(
        '',
        '    @classmethod',
        `    def ${snakeName(c.name)}(${['cls', ...plan.params].join(', ')}) -> ${cls}:`,
        ...docstring(fn.docs, '        '),
        '        _handle = ctypes.c_void_p()',
        ...(keeps ? ['        _keep: Dict[str, Any] = {}'] : []),
        ...plan.body.map((l) => `        ${l}`),
        ...(keeps ? ['        _service = cls(_handle)', '        _service._kept.update(_keep)', '        return _service'] : ['        return cls(_handle)']),
      );
    }
    for (const m of s.methods) {
      const fn = functions.get(m.function);
      if (!fn || !bound.has(m.function)) continue;
      const plan = planCall(fn, py, { fixed: ['self._handle'], out: m.result === 'out', keep: 'self._kept', binding: bindingName(fn, false) });
      body.push(
        '',
        `    def ${snakeName(m.name)}(${['self', ...plan.params].join(', ')}) -> ${plan.returns}:`,
        ...docstring(fn.docs, '        '),
        ...plan.body.map((l) => `        ${l}`),
      );
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
  '    """Name of the destructor binding in this module, set by each service class."""',
  '',
  '    def __init__(self, handle: ctypes.c_void_p) -> None:',
  '        """Takes ownership of a handle from a constructor; use the classmethods instead."""',
  '        self._handle = handle',
  '        self._kept: Dict[str, Any] = {}',
  '        """Callbacks Rust may call while the service lives."""',
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
