/**
 * V8 settings for one short batch run, applied by the `interopc` executable only (never by the
 * library: `build()` runs inside other people's processes). Both are read by V8 whenever it makes
 * the decision they steer, so setting them at start-up, before any of our code is hot, takes
 * effect (measured in docs/benchmarks.md; node's command line cannot be set from a shebang
 * portably).
 *
 * - `--heap-growing-percent`: the front end's AST is alive until names are resolved, so V8's default
 *   growth (at most 4× the live heap after a full collection) schedules a full mark-compact in the
 *   middle of a large build that frees almost nothing (85 of 90 MB were live) and costs ~200 ms.
 *   A larger step skips it; the heap's hard limit stays what it was.
 * - Smaller inlining budgets (`--max-inlined-bytecode-size*`, defaults 460 and 920): on two cores,
 *   TurboFan's background compilations competed with the main thread for over a second of CPU per
 *   large build, most of it spent on big inlined graphs (single functions took 50–125 ms to
 *   compile). With these budgets small helpers (the scanner's character tests) are still inlined,
 *   compilations take less than half the CPU, and a run this short never earns the rest back.
 * - `--no-allocation-site-pretenuring`: V8 watches where objects that survive are made, and moves
 *   such a place to old-space allocation after a few collections, deoptimizing the code that
 *   allocates there. The AST and the IR all survive, so a large build's hottest functions were
 *   deoptimized and compiled again while they ran. Without it scavenges copy a little more (GC
 *   170-187 against 148-178 ms), but builds take about 30-50 ms less.
 */
import { setFlagsFromString } from 'node:v8';

export const batchRunFlags = ['--heap-growing-percent=1000', '--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=200', '--no-allocation-site-pretenuring'] as const;

export function tuneV8ForBatchRun(): void {
  for (const flag of batchRunFlags) setFlagsFromString(flag);
}
