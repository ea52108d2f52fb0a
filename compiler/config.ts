/**
 * `interopc.json`, validated with io-ts. io-ts accepts unknown keys, so a strict walk first rejects
 * them by JSON path ("unknown key `c.prefx`"); type errors name the key, the expected and the actual.
 * The schema is built when a file is first validated: io-ts is not loaded by builds without one.
 */
import type { Context, Decoder, TypeOf } from 'io-ts';
import type { Either } from 'fp-ts/lib/Either.js';
import { loadIoTs } from './commonjs.js';
import { isLeft, left, right } from './either.js';
import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';

function buildSchema() {
  const t = loadIoTs();
  const Target = t.keyof({ c: null, csharp: null, python: null, typescript: null });
  const sections = {
    c: t.partial({ prefix: t.string }),
    csharp: t.partial({
      namespace: t.string,
      className: t.string,
      flavor: t.keyof({ dotnet: null, unity: null }),
      libraryName: t.string,
      rawVisibility: t.keyof({ public: null, internal: null }),
      spans: t.boolean,
      checkApi: t.boolean,
    }),
    python: t.partial({ module: t.string, libraryName: t.string, checkApi: t.boolean }),
    typescript: t.partial({ module: t.string, libraryName: t.string, libraryPath: t.string, libraryEnv: t.string, checkApi: t.boolean }),
  };
  const config = t.partial({
    name: t.string,
    outDir: t.string,
    targets: t.array(Target),
    cfg: t.array(t.string),
    features: t.array(t.string),
    rename: t.record(t.string, t.string),
    include: t.array(t.string),
    ...sections,
  });
  /** Keys allowed at each object path; `*` marks records whose keys are free. */
  const allowedKeys: Record<string, readonly string[] | '*'> = {
    '': Object.keys(config.props),
    rename: '*',
    ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, Object.keys(v.props)])),
  };
  return { config, allowedKeys, KeyofType: t.KeyofType };
}

type Schema = ReturnType<typeof buildSchema>;

let built: Schema | undefined;
const schema = (): Schema => (built ??= buildSchema());

export type InteropcConfig = TypeOf<Schema['config']>;

function unknownKeys(value: unknown, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const allowed = schema().allowedKeys[path];
  if (allowed === undefined || allowed === '*') return;
  for (const [key, inner] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (!allowed.includes(key)) out.push(keyPath);
    else unknownKeys(inner, keyPath, out);
  }
}

function pathOf(context: Context): string {
  return context
    .slice(1)
    .map((c) => (/^\d+$/.test(c.key) ? `[${c.key}]` : `.${c.key}`))
    .join('')
    .replace(/^\./, '');
}

function expectedOf(type: Decoder<unknown, unknown>): string {
  if (type instanceof schema().KeyofType) return `one of ${Object.keys(type.keys).map((k) => JSON.stringify(k)).join(', ')}`;
  return type.name;
}

/** Parses and validates the text of a config file. */
export function parseConfig(text: string, fileName: string): Either<Diagnostic[], InteropcConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : undefined;
    const where = offset !== undefined ? ` at ${lineCol(text, offset)}` : '';
    return left([diagnostic('IC4001', `${fileName}: invalid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`)]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return left([diagnostic('IC4001', `${fileName}: the configuration must be a JSON object`)]);
  const unknown: string[] = [];
  unknownKeys(json, '', unknown);
  const errors = unknown.map((k) => diagnostic('IC4001', `${fileName}: unknown key \`${k}\``, undefined, { notes: [hintFor(k)] }));
  const decoded = schema().config.decode(json);
  if (isLeft(decoded)) {
    for (const e of decoded.left) {
      const last = e.context[e.context.length - 1];
      if (!last) continue;
      errors.push(diagnostic('IC4001', `${fileName}: \`${pathOf(e.context)}\` must be ${expectedOf(last.type)}, got ${JSON.stringify(e.value)}`));
    }
  }
  if (errors.length > 0) return left(errors);
  return isLeft(decoded) ? left(errors) : right(decoded.right);
}

function hintFor(key: string): string {
  const [section] = key.split('.');
  const allowed = schema().allowedKeys[key.includes('.') ? (section ?? '') : ''];
  return Array.isArray(allowed) ? `help: known keys here: ${allowed.join(', ')}` : 'help: check the spelling';
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** Section-wise merge: `override`'s sections replace keys of `base`'s. */
export function mergeConfig(base: InteropcConfig, override: Partial<InteropcConfig>): InteropcConfig {
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) {
    const b = (base as Record<string, unknown>)[k];
    merged[k] = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof b === 'object' && b !== null ? { ...b, ...v } : v;
  }
  return merged as InteropcConfig;
}

export const validConfig = (config: InteropcConfig): Either<Diagnostic[], InteropcConfig> => right(config);
