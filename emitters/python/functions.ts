/**
 * The function section of the Python module: the table init_lib binds (every function's exact
 * argtypes and restype on the CDLL, plus the idiomatic binding), and the module's functions. A
 * function whose binding does everything is that ctypes object (no Python frame per call); the
 * others are typed wrappers around `_c_<name>`.
 */
import type { IrFunction, IrModule } from '../../compiler/ir.js';
import { type CallPlan, inlineCallbackName } from './calls.js';
import { TopLevel } from './top-level.js';
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
  const out = new TopLevel();
  for (const fn of functions) {
    fn.signature.params.forEach((p, i) => {
      if (p.type.kind === 'fnPointer') out.statement(`${inlineCallbackName(fn, i)} = ${py.of(p.type)}`);
    });
  }
  const serviceFunctions = new Set(ir.services.flatMap((s) => [...s.constructors.map((c) => c.function), ...s.methods.map((m) => m.function), s.destructor]));
  out.statement(
    '# Every function, bound by init_lib(): (symbol, module global, argtypes, restype) set on the CDLL',
    '# (the C API exactly), then the idiomatic binding\'s argtypes and restype where they differ.',
    '_FUNCTIONS: List[Tuple[str, str, List[Any], Any, Optional[List[Any]], Any]] = [',
    ...functions.map((fn) => {
      const plan = plans.get(fn.name) as CallPlan;
      return tableEntry(fn, plan, bindingName(fn, plan.direct && !serviceFunctions.has(fn.name)), py);
    }),
    ']',
  );
  if (functions.length > 0) out.definition('def _not_loaded(*_args: Any) -> Any:', '    raise RuntimeError("call init_lib(path) before calling into the library")');
  for (const fn of functions) {
    const plan = plans.get(fn.name) as CallPlan;
    if (serviceFunctions.has(fn.name)) {
      out.statement(`${bindingName(fn, false)}: Callable[..., Any] = _not_loaded`);
    } else if (plan.direct) {
      const hints = plan.params.map((p) => p.slice(p.indexOf(': ') + 2));
      out.statement(...docComment(fn.docs), `${bindingName(fn, true)}: Callable[[${hints.join(', ')}], ${plan.returns}] = _not_loaded`);
    } else {
      out.statement(`${bindingName(fn, false)}: Callable[..., Any] = _not_loaded`);
      out.definition(`def ${snakeName(fn.name)}(${plan.params.join(', ')}) -> ${plan.returns}:`, ...docstring(fn.docs, '    '), ...plan.body.map((l) => `    ${l}`));
    }
  }
  return out.lines;
}
