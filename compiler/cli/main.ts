/**
 * `interopc` on the command line: parses arguments, calls `build()`, prints diagnostics (pretty on
 * a TTY, plain otherwise) and writes files atomically. Returns the exit code; never throws a stack
 * trace at the user (an internal error is one line, with the trace only under INTEROPC_DEBUG=1).
 */
import type { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from '../api.js';
import { parseArgs, usage, type BuildArgs } from './args.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { staleFiles, writeFilesAtomically } from './write-files.js';
import { interopcVersion } from '../version.js';
import { irToJson } from '../ir.js';
import { formatReport } from '../report.js';
import { hashInGuardFile } from '../api-guard-file.js';

export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr.write(`interopc: ${args.error}\n${usage}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`interopc ${interopcVersion()}\n`);
    return 0;
  }
  try {
    return await runBuild(args, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`interopc: internal error: ${message} (this is a bug in interopc)\n`);
    if (process.env['INTEROPC_DEBUG'] === '1' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

async function runBuild(args: BuildArgs, io: Io): Promise<number> {
  const result = await build({
    crateDir: args.crateDir,
    ...(args.targets ? { targets: args.targets } : {}),
    ...(args.configFile ? { configFile: args.configFile } : {}),
    ...(args.features ? { features: args.features } : {}),
    ...(args.outDir ? { config: { outDir: resolve(args.outDir) } } : {}),
    cfg: args.cfg,
    keepStages: args.dumpIr !== undefined,
  });
  if (process.env['INTEROPC_TIMINGS'] === '1') {
    io.stderr.write(Object.entries(result.timings).map(([k, v]) => `${k.padEnd(20)} ${v.toFixed(1).padStart(8)} ms`).join('\n') + '\n');
  }
  const color = !args.plain && (io.stderr as { isTTY?: boolean }).isTTY === true;
  if (result.diagnostics.length > 0) io.stderr.write(renderDiagnostics(result.diagnostics, result.sources, { color }) + '\n');
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const configError = result.diagnostics.some((d) => d.code === 'IC4001' || d.code === 'IC4003' || d.code === 'IC4002');
  if (args.report) io.stdout.write(formatReport(result.report));
  if (args.dumpIr !== undefined) {
    const name = args.dumpIr === true ? 'order-declarations' : args.dumpIr;
    const stage = result.stages[name];
    if (stage === undefined) {
      io.stderr.write(`interopc: the pipeline stopped before \`${name}\`\n`);
      return configError ? 2 : 1;
    }
    io.stdout.write(irToJson({ irVersion: 1, pass: name, ...(stage as object) }) + '\n');
    return errors > 0 ? 1 : 0;
  }
  if (!result.ok) {
    io.stderr.write(`error: ${errors} error${errors === 1 ? '' : 's'}; no files written\n`);
    return configError ? 2 : 1;
  }
  const shown = (p: string): string => relative(process.cwd(), p) || p;
  if (args.check) {
    const stale = [...staleFiles(result.outDir, result.files), ...staleFiles(result.crateDir, result.crateFiles)];
    for (const f of stale) io.stderr.write(`stale: ${shown(f)}\n`);
    for (const guard of result.crateFiles) {
      if (!stale.includes(join(result.crateDir, guard.path))) continue;
      const onDisk = readIfExists(join(result.crateDir, guard.path));
      io.stderr.write(
        `error[IC4007]: the API guard file \`${guard.path}\` holds ${onDisk === undefined ? 'nothing (it is missing)' : (hashInGuardFile(onDisk) ?? 'no hash')}, but the API now hashes to ${result.apiHash}; run \`interopc build\`, then rebuild the library\n`,
      );
    }
    if (stale.length > 0) {
      io.stderr.write('error[IC4004]: generated files are out of date; run `interopc build` to regenerate them\n');
      return 1;
    }
    return 0;
  }
  // A file that already holds what would be written is left alone, its modification time with it:
  // build systems then rebuild nothing that includes it (the guard file would make cargo rebuild).
  for (const [dir, files] of [[result.outDir, result.files], [result.crateDir, result.crateFiles]] as const) {
    const stale = new Set(staleFiles(dir, files));
    for (const path of files.map((f) => join(dir, f.path))) if (!stale.has(path)) io.stdout.write(`unchanged ${shown(path)}\n`);
    const changed = files.filter((f) => stale.has(join(dir, f.path)));
    for (const f of writeFilesAtomically(dir, changed)) io.stdout.write(`wrote ${shown(f)}\n`);
  }
  return 0;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
