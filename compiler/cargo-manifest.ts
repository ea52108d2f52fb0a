/**
 * The few facts interopc reads from Cargo.toml: package name, `[lib] name`, the features (for
 * default-feature cfgs) and the `[package]` fields cargo passes to `env!`. A small line-based
 * reader: these keys are almost always simple TOML (a field inherited from a workspace is left out).
 */
export interface CargoManifest {
  readonly packageName: string;
  readonly libName: string;
  /** Feature name → features it enables. */
  readonly features: ReadonlyMap<string, readonly string[]>;
  /** `[package]` keys with a string value (`version`, `description`…), and `authors` joined by `:` as cargo does. */
  readonly package: ReadonlyMap<string, string>;
  /** `[package]` keys taken from the workspace (`version.workspace = true`): their values are not known here. */
  readonly inherited: ReadonlySet<string>;
}

export function readCargoManifest(text: string): CargoManifest | undefined {
  let section = '';
  let packageName: string | undefined;
  let libName: string | undefined;
  const features = new Map<string, string[]>();
  const pkg = new Map<string, string>();
  const inherited = new Set<string>();
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
    const fromWorkspace = /^([\w-]+)\.workspace\s*=\s*true$/.exec(line);
    if (section === 'package' && fromWorkspace) inherited.add(fromWorkspace[1] ?? '');
    const kv = /^("?[\w-]+"?)\s*=\s*(.+)$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').replace(/"/g, '');
    const value = (kv[2] ?? '').trim();
    const str = /^"([^"]*)"/.exec(value)?.[1];
    if (section === 'package' && key === 'name' && str) packageName = str;
    if (section === 'package' && str !== undefined) pkg.set(key, str);
    if (section === 'package' && key === 'authors' && value.startsWith('[')) pkg.set(key, [...value.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '').join(':'));
    if (section === 'lib' && key === 'name' && str) libName = str;
    if (section === 'features') features.set(key, [...value.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''));
  }
  if (!packageName) return undefined;
  return { packageName, libName: libName ?? packageName.replace(/-/g, '_'), features, package: pkg, inherited };
}

/**
 * The variables cargo sets for the crate's compilation that `env!` can read (cargo's reference,
 * "Environment variables Cargo sets for crates"), from what the manifest states.
 */
export function cargoEnvironment(manifest: CargoManifest, crateDir: string): Map<string, string> {
  const env = new Map<string, string>([
    ['CARGO_PKG_NAME', manifest.packageName],
    ['CARGO_CRATE_NAME', manifest.packageName.replace(/-/g, '_')],
    ['CARGO_MANIFEST_DIR', crateDir],
  ]);
  // A key the manifest leaves out is empty for cargo; one inherited from the workspace is unknown here.
  const field = (key: string, variable: string): void => {
    if (!manifest.inherited.has(key)) env.set(variable, manifest.package.get(key) ?? '');
  };
  field('authors', 'CARGO_PKG_AUTHORS');
  field('description', 'CARGO_PKG_DESCRIPTION');
  field('homepage', 'CARGO_PKG_HOMEPAGE');
  field('repository', 'CARGO_PKG_REPOSITORY');
  field('license', 'CARGO_PKG_LICENSE');
  field('license-file', 'CARGO_PKG_LICENSE_FILE');
  field('rust-version', 'CARGO_PKG_RUST_VERSION');
  // Without a version key cargo uses 0.0.0.
  const version = manifest.inherited.has('version') ? undefined : (manifest.package.get('version') ?? '0.0.0');
  const parts = version === undefined ? undefined : /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(version);
  if (version !== undefined && parts) {
    env.set('CARGO_PKG_VERSION', version);
    env.set('CARGO_PKG_VERSION_MAJOR', parts[1] ?? '');
    env.set('CARGO_PKG_VERSION_MINOR', parts[2] ?? '');
    env.set('CARGO_PKG_VERSION_PATCH', parts[3] ?? '');
    env.set('CARGO_PKG_VERSION_PRE', parts[4] ?? '');
  }
  return env;
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
