/**
 * Command-line arguments of `interopc build`, parsed by hand (the grammar is small) and validated
 * at the edge: an unknown flag, a missing value or an unknown target is a usage error (exit 2).
 */
import { passNames } from '../pipeline.js';
import type { TargetName } from '../../emitters/emitter.js';

export interface BuildArgs {
  readonly command: 'build';
  readonly crateDir: string;
  readonly targets?: TargetName[];
  readonly outDir?: string;
  readonly configFile?: string;
  readonly check: boolean;
  readonly report: boolean;
  /** `true` for the last pass, or a pass name. */
  readonly dumpIr?: string | true;
  readonly plain: boolean;
  readonly cfg: string[];
  readonly features?: string[];
}

export type Args = BuildArgs | { readonly command: 'help' } | { readonly command: 'version' };

export const usage = `usage: interopc build [crate-dir] [--target c|csharp|python|typescript]... [--out-dir DIR]
                      [--config FILE] [--check] [--report] [--dump-ir[=PASS]] [--plain]
                      [--cfg KEY[=VALUE]]... [--features a,b]
       interopc --help | --version

exit codes: 0 ok, 1 errors in the crate or stale files (--check), 2 usage or configuration error`;

const targets = new Set<string>(['c', 'csharp', 'python', 'typescript']);

export function parseArgs(argv: readonly string[]): Args | { readonly error: string } {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-V') return { command: 'version' };
  if (argv[0] !== 'build') return { error: `unknown command \`${argv[0]}\`` };
  let crateDir: string | undefined;
  const chosen: TargetName[] = [];
  const cfg: string[] = [];
  let outDir: string | undefined;
  let configFile: string | undefined;
  let features: string[] | undefined;
  let dumpIr: string | true | undefined;
  let check = false;
  let report = false;
  let plain = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--target': {
        const v = value();
        if (!v) return { error: '--target needs a value' };
        for (const t of v.split(',')) {
          if (!targets.has(t)) return { error: `unknown target \`${t}\` (expected c, csharp, python or typescript)` };
          chosen.push(t as TargetName);
        }
        break;
      }
      case '--out-dir':
        outDir = value();
        if (!outDir) return { error: '--out-dir needs a value' };
        break;
      case '--config':
        configFile = value();
        if (!configFile) return { error: '--config needs a value' };
        break;
      case '--cfg': {
        const v = value();
        if (!v) return { error: '--cfg needs a value' };
        cfg.push(v);
        break;
      }
      case '--features': {
        const v = value();
        if (v === undefined) return { error: '--features needs a value' };
        features = v.split(',').filter((f) => f !== '');
        break;
      }
      case '--dump-ir':
        if (inline !== undefined && !(passNames as readonly string[]).includes(inline)) return { error: `unknown pass \`${inline}\` (passes: ${passNames.join(', ')})` };
        dumpIr = inline ?? true;
        break;
      case '--check':
        check = true;
        break;
      case '--report':
        report = true;
        break;
      case '--plain':
        plain = true;
        break;
      default:
        if (arg.startsWith('-')) return { error: `unknown option \`${arg}\`` };
        if (crateDir !== undefined) return { error: `unexpected argument \`${arg}\`` };
        crateDir = arg;
    }
  }
  return {
    command: 'build',
    crateDir: crateDir ?? '.',
    ...(chosen.length > 0 ? { targets: chosen } : {}),
    ...(outDir ? { outDir } : {}),
    ...(configFile ? { configFile } : {}),
    ...(features ? { features } : {}),
    ...(dumpIr !== undefined ? { dumpIr } : {}),
    check,
    report,
    plain,
    cfg,
  };
}
