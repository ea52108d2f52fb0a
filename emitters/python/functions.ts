/**
 * The function section of the Python module: the table init_lib binds (every function's exact
 * argtypes and restype on the CDLL, plus the idiomatic binding), and the module's functions. A
 * function whose binding does everything is that ctypes object (no Python frame per call); the
 * others are typed wrappers around `_c_<name>`.
 */
import type { IrFunction, IrModule } from '../../compiler/ir.js';
import { type CallPlan, inlineCallbackName } from './calls.js';
import { docstring, pyString, snakeName } from './names.js';
import type { PyTypes } from './types.js';

/** The global a function's idiomatic binding is stored in. */
export const bindingName = (fn: IrFunction, direct: boolean): string => (direct ? snakeName(fn.name) : `_c_${snakeName(fn.name)}`);

const docComment = (docs: readonly string[]): string[] => docs.map((d) => (d === '' ? '#' : `# ${d}`));

/** `(symbol, global, argtypes, restype, binding argtypes, binding restype)`. */
function tableEntry(fn: IrFunction, plan: CallPlan, global: string, py: PyTypes): string {
  const b = plan.binding;
  const bindingTypes = b.converted ? `[${b.argtypes.join(', ')}], ${b.restype}` : 'None, None';
  return `    (${pyString(fn.name)}, ${pyString(global)}, [${plan.rawArgtypes.join(', ')}], ${py.of(fn.signature.returns)}, ${bindingTypes}),`;
}

export function functionSection(ir: IrModule, functions: readonly IrFunction[], plans: ReadonlyMap<string, CallPlan>, py: PyTypes): string[] {
  const lines: string[] = [];
  for (const fn of functions) {
    fn.signature.params.forEach((p, i) => {
      if (p.type.kind === 'fnPointer') lines.push('', `${inlineCallbackName(fn, i)} = ${py.of(p.type)}`);
    });
  }
  lines.push(
    '',
    '',
    '# Every function, bound by init_lib(): (symbol, module global, argtypes, restype) set on the CDLL',
    '# (the C API exactly), then the idiomatic binding\'s argtypes and restype where they differ.',
    '_FUNCTIONS: List[Tuple[str, str, List[Any], Any, Optional[List[Any]], Any]] = [',
  );
  const serviceFunctions = new Set(ir.services.flatMap((s) => [...s.constructors.map((c) => c.function), ...s.methods.map((m) => m.function), s.destructor]));
  for (const fn of functions) {
    const plan = plans.get(fn.name) as CallPlan;
    const direct = plan.direct && !serviceFunctions.has(fn.name);
    lines.push(tableEntry(fn, plan, bindingName(fn, direct), py));
  }
  lines.push(']');
  if (functions.length > 0) lines.push('', '', 'def _not_loaded(*_args: Any) -> Any:', '    raise RuntimeError("call init_lib(path) before calling into the library")');
  for (const fn of functions) {
    const plan = plans.get(fn.name) as CallPlan;
    if (serviceFunctions.has(fn.name)) {
      lines.push('', `${bindingName(fn, false)}: Callable[..., Any] = _not_loaded`);
    } else if (plan.direct) {
      const hints = plan.params.map((p) => p.slice(p.indexOf(': ') + 2));
      lines.push('', ...docComment(fn.docs), `${bindingName(fn, true)}: Callable[[${hints.join(', ')}], ${plan.returns}] = _not_loaded`);
    } else {
      lines.push(
        '',
        '',
        `${bindingName(fn, false)}: Callable[..., Any] = _not_loaded`,
        '',
        '',
        `def ${snakeName(fn.name)}(${plan.params.join(', ')}) -> ${plan.returns}:`,
        ...docstring(fn.docs, '    '),
        ...plan.body.map((l) => `    ${l}`),
      );
    }
  }
  return lines;
}
