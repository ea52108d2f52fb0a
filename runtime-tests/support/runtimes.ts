/**
 * Runtime availability. A test whose runtime is missing is skipped with the reason, except under
 * `INTEROPC_REQUIRE_RUNTIMES=1` (CI), where a missing runtime fails the test instead.
 */
import { execaSync } from 'execa';
import type { ExecutionContext } from 'ava';

const found = new Map<string, boolean>();

export function hasTool(name: string): boolean {
  let ok = found.get(name);
  if (ok === undefined) {
    ok = execaSync('sh', ['-c', `command -v ${name}`], { reject: false }).exitCode === 0;
    found.set(name, ok);
  }
  return ok;
}

export const runtimesRequired = (): boolean => process.env['INTEROPC_REQUIRE_RUNTIMES'] === '1';

/**
 * True when every tool is present. Otherwise the test fails (CI) or is marked as skipped-with-reason
 * by passing with a log line: ava cannot skip from inside a running test.
 */
export function requireTools(t: ExecutionContext, ...names: string[]): boolean {
  const missing = names.filter((n) => !hasTool(n));
  if (missing.length === 0) return true;
  const reason = `skipped: ${missing.join(', ')} not installed`;
  if (runtimesRequired()) t.fail(`${reason} (INTEROPC_REQUIRE_RUNTIMES=1 requires every runtime)`);
  else {
    t.log(reason);
    t.pass(reason);
  }
  return false;
}
