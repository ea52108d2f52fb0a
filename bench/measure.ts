/**
 * Runs a command as a child process and reports its wall time, the CPU time it used and its peak
 * resident memory. CPU time and memory come from `getrusage(RUSAGE_CHILDREN)` in a tiny python3
 * wrapper, which works for any child. CPU time counts every thread (user and system): a tool whose
 * helper threads work beside its main thread uses more CPU than wall time, and slows down more when
 * other work takes a core.
 */
import { execa } from 'execa';

export interface Measurement {
  readonly ms: number;
  /** User + system CPU time of the child and everything it waited for, all threads. */
  readonly cpuMs: number;
  readonly peakMiB: number;
  readonly ok: boolean;
  readonly stderr: string;
}

const WRAPPER = [
  'import resource, subprocess, sys, time',
  't = time.perf_counter()',
  'r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
  'ms = (time.perf_counter() - t) * 1000',
  'sys.stderr.write(r.stderr.decode(errors="replace")[-2000:])',
  'u = resource.getrusage(resource.RUSAGE_CHILDREN)',
  'print(r.returncode, ms, (u.ru_utime + u.ru_stime) * 1000, u.ru_maxrss)',
].join('\n');

export async function measure(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Measurement> {
  const run = await execa('python3', ['-c', WRAPPER, command, ...args], { cwd, env, reject: false });
  const [code, ms, cpuMs, rssKiB] = run.stdout.trim().split(/\s+/).map(Number);
  return { ms: ms ?? NaN, cpuMs: cpuMs ?? NaN, peakMiB: (rssKiB ?? 0) / 1024, ok: code === 0, stderr: run.stderr };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export interface SideBySide {
  /** The median of `a[i] / b[i]`: below 1 when `a` is faster. */
  readonly ratio: number;
  /** How many of the pairs `a` won. */
  readonly aFaster: number;
  readonly pairs: number;
}

/**
 * Two tools' times from runs taken in turns, compared run by run: run `i` of each was taken next to
 * the other, so a slow spell of the machine lands on both sides of one pair instead of on one
 * tool's median. Medians of all runs can disagree with most pairs when the machine's speed drifts.
 */
export function sideBySide(a: readonly number[], b: readonly number[]): SideBySide {
  const pairs = Math.min(a.length, b.length);
  const ratios: number[] = [];
  let aFaster = 0;
  for (let i = 0; i < pairs; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ratios.push(x / y);
    if (x < y) aFaster++;
  }
  return { ratio: median(ratios), aFaster, pairs };
}
