/**
 * `npm run bench`: C header generation time, CPU time and peak memory for a synthetic 90 000-line
 * crate and for the reference project, interopc beside cbindgen (when installed) in one run. Each
 * tool runs as a fresh process, startup included, several times; the table shows the median and
 * the minimum.
 */
import { execa } from 'execa';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, referenceProject } from '../runtime-tests/support/paths.js';
import { buildReferenceLibrary } from '../runtime-tests/support/cargo.js';
import { build } from '../compiler/api.js';
import { writeSyntheticCrate } from './synthetic-crate.js';
import { measure, median, sideBySide } from './measure.js';
import { typescriptCallCost } from './typescript/run.js';
import { tempDir } from '../runtime-tests/support/temp.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

/**
 * cbindgen from `cargo install` first: Debian bookworm's package (0.24) predates edition 2024 and
 * fails on `#[unsafe(no_mangle)]`, which the synthetic crate uses.
 */
async function findCbindgen(): Promise<string | undefined> {
  const cargoBin = join(homedir(), '.cargo/bin/cbindgen');
  if (existsSync(cargoBin)) return cargoBin;
  const onPath = await execa('sh', ['-c', 'command -v cbindgen'], { reject: false });
  return onPath.exitCode === 0 ? onPath.stdout.trim() : undefined;
}

interface Row {
  tool: string;
  input: string;
  lines: number;
  median: number;
  min: number;
  /** Median CPU time (user + system, all threads) per run. */
  cpu: number;
  peak: number;
  /** interopc's own timings (`INTEROPC_TIMINGS=1`), ms per phase of every run. */
  phases: Map<string, number[]>;
  /** Wall time of every run, in the order taken. */
  times: readonly number[];
}

interface Contender {
  readonly tool: string;
  readonly command: string;
  readonly args: string[];
  readonly env?: Record<string, string>;
}

/** The `phase   12.3 ms` lines `INTEROPC_TIMINGS=1` prints, added to `into`. */
function collectPhases(stderr: string, into: Map<string, number[]>): void {
  for (const line of stderr.split('\n')) {
    const m = /^(\S+)\s+([\d.]+) ms$/.exec(line.trim());
    if (m) into.set(m[1] as string, [...(into.get(m[1] as string) ?? []), Number(m[2])]);
  }
}

/**
 * Every contender runs `RUNS` times, in turns (interopc, cbindgen, cbindgen, interopc, …), so that
 * drift in the machine's speed during the run hits both alike. One unmeasured run of each comes
 * first (like hyperfine's `--warmup`): the files are then in the page cache for both, and
 * interopc's code cache exists (compiler/cli/launch.ts), as it does for every run after a user's
 * first.
 */
async function benchInTurns(input: string, lines: number, contenders: readonly Contender[]): Promise<Row[]> {
  const times = contenders.map((): number[] => []);
  const cpu = contenders.map((): number[] => []);
  const peaks = contenders.map(() => 0);
  const phases = contenders.map(() => new Map<string, number[]>());
  for (const c of contenders) await measure(c.command, c.args, repoRoot, c.env);
  for (let i = 0; i < RUNS; i++) {
    // Who goes first alternates, so that neither tool always runs right after the other.
    const order = [...contenders.entries()];
    if (i % 2 === 1) order.reverse();
    for (const [k, c] of order) {
      const m = await measure(c.command, c.args, repoRoot, c.env);
      if (!m.ok) throw new Error(`${c.tool} failed on ${input}:\n${m.stderr}`);
      times[k]?.push(m.ms);
      cpu[k]?.push(m.cpuMs);
      peaks[k] = Math.max(peaks[k] ?? 0, m.peakMiB);
      collectPhases(m.stderr, phases[k] as Map<string, number[]>);
    }
  }
  return contenders.map((c, k) => ({
    tool: c.tool, input, lines, median: median(times[k] ?? []), min: Math.min(...(times[k] ?? [])), cpu: median(cpu[k] ?? []), peak: peaks[k] ?? 0, phases: phases[k] as Map<string, number[]>, times: times[k] ?? [],
  }));
}

async function main(): Promise<void> {
  // `BENCH_ONLY=c|python|csharp|typescript npm run bench`: one table only.
  const only = process.env['BENCH_ONLY'];
  const work = tempDir('interopc-bench-');
  if (only === 'python') return pythonCallCost(work);
  if (only === 'csharp') return csharpCallCost(work);
  if (only === 'typescript') return typescriptCallCost();
  const synthetic = join(work, 'synthetic');
  const syntheticLines = writeSyntheticCrate(synthetic);
  const referenceLines = Number((await execa('sh', ['-c', `cat ${referenceProject}/src/*.rs | wc -l`])).stdout.trim());
  const cbindgen = await findCbindgen();
  const interopc = join(repoRoot, 'bin/interopc.cjs');
  const rows: Row[] = [];
  for (const [name, dir, lines] of [['synthetic', synthetic, syntheticLines], ['reference-project', referenceProject, referenceLines]] as const) {
    const out = join(work, `out-${name}`);
    const contenders: Contender[] = [{ tool: 'interopc', command: process.execPath, args: [interopc, 'build', dir, '--target', 'c', '--out-dir', out], env: { INTEROPC_TIMINGS: '1' } }];
    if (cbindgen) contenders.push({ tool: 'cbindgen', command: cbindgen, args: ['--lang', 'c', '--crate', name === 'synthetic' ? 'synthetic' : 'reference-project', '-o', join(out, 'cbindgen.h'), dir] });
    rows.push(...(await benchInTurns(name, lines, contenders)));
  }
  if (only !== 'c') {
    await pythonCallCost(work);
    await csharpCallCost(work);
    await typescriptCallCost();
  }
  const node = (await execa(process.execPath, ['--version'])).stdout;
  const cbVersion = cbindgen ? (await execa(cbindgen, ['--version'])).stdout : 'not installed (cargo install cbindgen --locked)';
  console.log(`\nC header generation, ${RUNS} runs each taken in turns, fresh process per run (startup included)`);
  console.log(`machine: ${(await execa('nproc')).stdout} cores; node ${node}; ${cbVersion}\n`);
  console.log('| tool | input | lines | median ms | min ms | CPU ms (median) | peak MiB |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.tool} | ${r.input} | ${r.lines} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.peak.toFixed(0)} |`);
  printSideBySide(rows);
  const phased = rows.find((r) => r.tool === 'interopc' && r.input === 'synthetic');
  if (phased && phased.phases.size > 0) printPhases(phased);
}

/** interopc against cbindgen run by run (see `sideBySide`), for each input both ran on. */
function printSideBySide(rows: readonly Row[]): void {
  const pairs = rows.flatMap((r) => {
    const other = r.tool === 'interopc' ? rows.find((o) => o.tool === 'cbindgen' && o.input === r.input) : undefined;
    return other ? [{ input: r.input, s: sideBySide(r.times, other.times) }] : [];
  });
  if (pairs.length === 0) return;
  console.log('\n| input | interopc ÷ cbindgen, median of the runs taken side by side | runs interopc was faster |');
  console.log('|---|---:|---:|');
  for (const { input, s } of pairs) console.log(`| ${input} | ${s.ratio.toFixed(2)} | ${s.aFaster} of ${s.pairs} |`);
}

/** Where interopc's time goes on one input: the median of each phase, and what is outside them. */
function printPhases(row: Row): void {
  console.log(`\ninteropc on ${row.input}: median ms per phase (INTEROPC_TIMINGS=1), ${RUNS} runs\n`);
  console.log('| phase | median ms |');
  console.log('|---|---:|');
  let inPhases = 0;
  for (const [phase, ms] of row.phases) {
    const m = median(ms);
    inPhases += m;
    if (m >= 1) console.log(`| ${phase} | ${m.toFixed(0)} |`);
  }
  console.log(`| start-up, reading the config, writing the file | ${Math.max(0, row.median - inPhases).toFixed(0)} |`);
}

/**
 * ns per call through the generated Python module beside a hand-written ctypes binding of the same
 * functions (bench/python/calls.py), in one run: the issue 5 comparison.
 */
async function pythonCallCost(work: string): Promise<void> {
  const python = await execa('sh', ['-c', 'command -v python3'], { reject: false });
  if (python.exitCode !== 0) return console.log('\n(python3 not installed: no Python call-cost table)');
  const library = await buildReferenceLibrary();
  const result = await build({ crateDir: referenceProject, targets: ['python'] });
  const dir = join(work, 'python');
  mkdirSync(dir, { recursive: true });
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  const run = await execa('python3', [join(repoRoot, 'bench/python/calls.py'), dir, dirname(library)]);
  const { number, rounds, rows } = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { number: number; rounds: number; rows: Record<string, [number, number]> };
  console.log(`\nPython: ns per call (best of ${rounds} alternating rounds × ${number} calls, a lambda around each call in both columns)\n`);
  console.log('| call | generated module | hand-written ctypes | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, [generated, handwritten]] of Object.entries(rows)) console.log(`| ${name} | ${generated} | ${handwritten} | ${(generated / handwritten).toFixed(2)} |`);
}

/**
 * ns per call through the generated C# file beside a hand-written `DllImport` of the same functions
 * (bench/csharp/Calls.cs), in one mono run: the issue 4 comparison.
 */
async function csharpCallCost(work: string): Promise<void> {
  const tools = await execa('sh', ['-c', 'command -v mcs && command -v mono'], { reject: false });
  if (tools.exitCode !== 0) return console.log('\n(mcs or mono not installed: no C# call-cost table)');
  const library = await buildReferenceLibrary();
  const result = await build({ crateDir: referenceProject, targets: ['csharp'] });
  const dir = join(work, 'csharp');
  mkdirSync(dir, { recursive: true });
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  const calls = join(repoRoot, 'bench/csharp/Calls.cs');
  await execa('mcs', ['-unsafe', '-optimize+', '-langversion:latest', '-nologo', '-out:calls.exe', ...result.files.map((f) => f.path), calls], { cwd: dir });
  const run = await execa('mono', ['calls.exe'], { cwd: dir, env: { LD_LIBRARY_PATH: dirname(library) } });
  const rows = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, [number, number]>;
  const mono = (await execa('mono', ['--version'])).stdout.split('\n')[0] ?? 'mono';
  console.log(`\nC#: ns per call (best of 15 rounds × 100 000 calls, sides alternating; ${mono})\n`);
  console.log('| call | generated bindings | hand-written DllImport | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, [generated, handwritten]] of Object.entries(rows)) console.log(`| ${name} | ${generated} | ${handwritten} | ${(generated / handwritten).toFixed(2)} |`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
