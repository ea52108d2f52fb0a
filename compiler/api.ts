/**
 * The programmatic API. `build(options)` runs the whole compiler on a crate directory and returns
 * the files it would write and every diagnostic; it never prints, exits or writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isLeft } from './either.js';
import type { BuildOptions, BuildResult } from './api-types.js';
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { SourceMap } from './source.js';
import { mergeConfig, parseConfig, type InteropcConfig } from './config.js';
import { enabledFeatures, cargoEnvironment, readCargoManifest } from './cargo-manifest.js';
import { addCfgString } from '../passes/support/cfg.js';
import type { CfgSet, PassContext } from './pass.js';
import { runPipeline } from './pipeline.js';
import { apiHash } from './api-hash.js';
import { apiGuardFile } from './api-guard-file.js';
import { emitTarget } from './targets.js';
import { interopcVersion } from './version.js';
import type { OutputFile, TargetName } from '../emitters/emitter.js';
import type { ReportEntry } from './hir.js';
import type { IrModule } from './ir.js';

export type { BuildOptions, BuildResult };

/** cfgs rustc sets for x86_64-unknown-linux-gnu. */
const targetCfg = ['unix', 'target_os="linux"', 'target_family="unix"', 'target_arch="x86_64"', 'target_pointer_width="64"', 'target_endian="little"', 'target_env="gnu"', 'panic="unwind"'];

export async function build(options: BuildOptions): Promise<BuildResult> {
  const crateDir = resolve(options.cwd ?? process.cwd(), options.crateDir);
  const sources = new SourceMap();
  const fail = (diagnostics: Diagnostic[], outDir = crateDir, report: readonly ReportEntry[] = []): BuildResult => ({
    ok: false, files: [], crateFiles: [], crateDir, outDir, diagnostics, sources, report, stages: {}, timings: {},
  });

  const manifestPath = join(crateDir, 'Cargo.toml');
  if (!existsSync(manifestPath)) return fail([diagnostic('IC4003', `no Cargo.toml in \`${crateDir}\``, undefined, { notes: ['help: pass the directory of the crate to generate bindings for'] })]);
  const manifest = readCargoManifest(readFileSync(manifestPath, 'utf8'));
  if (!manifest) return fail([diagnostic('IC4003', `\`${manifestPath}\` has no [package] name`)]);

  const configPath = options.configFile ? resolve(options.cwd ?? process.cwd(), options.configFile) : join(crateDir, 'interopc.json');
  let config: InteropcConfig = {};
  if (existsSync(configPath)) {
    const parsed = parseConfig(readFileSync(configPath, 'utf8'), options.configFile ?? 'interopc.json');
    if (isLeft(parsed)) return fail(parsed.left);
    config = parsed.right;
  } else if (options.configFile) return fail([diagnostic('IC4001', `config file \`${options.configFile}\` not found`)]);
  if (options.config) config = mergeConfig(config, options.config);
  const outDir = resolve(crateDir, config.outDir ?? 'bindings');

  const names = new Set<string>();
  const pairs = new Map<string, Set<string>>();
  for (const c of [...targetCfg, ...(config.cfg ?? []), ...(options.cfg ?? [])]) addCfgString(c, names, pairs);
  for (const f of enabledFeatures(manifest, options.features ?? config.features)) addCfgString(`feature="${f}"`, names, pairs);
  const cfg: CfgSet = { names, pairs };

  const warnings: Diagnostic[] = [];
  const ctx: PassContext = {
    sources,
    cfg,
    include: config.include ?? [],
    rename: config.rename ?? {},
    host: { readFile: (path) => readIfFile(join(crateDir, path)) },
    env: cargoEnvironment(manifest, crateDir),
    warn: (d) => warnings.push(d),
  };
  const result = runPipeline({ crateName: manifest.packageName, rootFile: 'src/lib.rs' }, ctx, options.keepStages ?? false);
  const hir = result.hir;
  if (!result.ir || hasErrors(result.diagnostics)) {
    const report = hir ? finalReport(hir.report, result.ir) : [];
    return { ...fail([...warnings, ...result.diagnostics], outDir, report), stages: result.stages, timings: result.timings };
  }

  const ir = result.ir;
  const timings: Record<string, number> = { ...result.timings };
  let start = performance.now();
  const hash = apiHash(ir, ir.apiGuard ? [ir.apiGuard.function] : []);
  const guardFile = apiGuardFile(ir, hash);
  timings['hash'] = performance.now() - start;
  start = performance.now();
  const meta = { version: interopcVersion(), crateName: manifest.packageName, name: config.name ?? manifest.libName, apiHash: hash };
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [...warnings];
  const targets: readonly TargetName[] = options.targets ?? config.targets ?? ['c'];
  for (const target of targets) {
    const emitted = await emitTarget(target, ir, config, meta);
    if ('code' in emitted) diagnostics.push(emitted);
    else {
      files.push(...emitted.files);
      diagnostics.push(...emitted.diagnostics);
    }
  }
  timings['emit'] = performance.now() - start;
  const ok = !hasErrors(diagnostics);
  const crateFiles = ok && guardFile ? [guardFile] : [];
  // The report is made when read: only `--report` and tests read it, and a large crate has an
  // entry per item.
  let report: readonly ReportEntry[] | undefined;
  return {
    ok, files: ok ? files : [], crateFiles, crateDir, outDir, diagnostics, sources, ir,
    get report(): readonly ReportEntry[] {
      return (report ??= hir ? finalReport(hir.report, ir) : []);
    },
    stages: result.stages, timings, apiHash: hash,
  };
}

function readIfFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Types the resolver listed as unused are exported when an IR declaration came from them. */
function finalReport(entries: readonly ReportEntry[], ir: IrModule | undefined): ReportEntry[] {
  if (!ir) return [...entries];
  const exportedDefs = new Set<string>();
  for (const t of ir.types) {
    const generic = t.id.indexOf('<');
    exportedDefs.add(generic < 0 ? t.id : t.id.slice(0, generic));
  }
  return entries.map((e) => (e.status === 'skipped' && exportedDefs.has(e.item) ? { item: e.item, itemKind: e.itemKind, status: 'exported', span: e.span } : e));
}
