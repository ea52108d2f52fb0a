/**
 * The few facts interopc reads from Cargo.toml: package name, `[lib] name`, and the features (for
 * default-feature cfgs). A small line-based reader: these keys are always simple TOML.
 */
export interface CargoManifest {
  readonly packageName: string;
  readonly libName: string;
  /** Feature name → features it enables. */
  readonly features: ReadonlyMap<string, readonly string[]>;
}

export function readCargoManifest(text: string): CargoManifest | undefined {
  let section = '';
  let packageName: string | undefined;
  let libName: string | undefined;
  const features = new Map<string, string[]>();
  const logical = text.replace(/\[([^\]\n]*)\n/g, '[$1 ');
  for (const raw of logical.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    // `[[bench]]` and the other arrays of tables are sections of their own: their `name` is no lib's.
    const header = /^(\[\[?)([^\]]+)\]\]?$/.exec(line);
    if (header) {
      const name = (header[2] ?? '').trim();
      section = header[1] === '[[' ? `[[${name}]]` : name;
      continue;
    }
    const kv = /^("?[\w-]+"?)\s*=\s*(.+)$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').replace(/"/g, '');
    const value = (kv[2] ?? '').trim();
    const str = /^"([^"]*)"/.exec(value)?.[1];
    if (section === 'package' && key === 'name' && str) packageName = str;
    if (section === 'lib' && key === 'name' && str) libName = str;
    if (section === 'features') features.set(key, [...value.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''));
  }
  if (!packageName) return undefined;
  return { packageName, libName: libName ?? packageName.replace(/-/g, '_'), features };
}

/** The features enabled by `requested` (default: the `default` feature), transitively. */
export function enabledFeatures(manifest: CargoManifest, requested: readonly string[] | undefined): string[] {
  const start = requested ?? manifest.features.get('default') ?? [];
  const out = new Set<string>();
  const visit = (f: string) => {
    if (out.has(f) || f.includes('/') || f.startsWith('dep:')) return;
    out.add(f);
    for (const g of manifest.features.get(f) ?? []) visit(g);
  };
  start.forEach(visit);
  return [...out].sort();
}
