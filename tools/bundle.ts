/**
 * Builds `dist/bundle/interopc.cjs`: the compiler and the CLI as one CommonJS script, which the
 * `interopc` executable loads through V8's code cache (`compiler/cli/launch.ts`). One script instead
 * of ~80 ES modules saves the module loader's work per file, and only a classic script can be
 * compiled with `vm.Script` and its `cachedData`; ES modules have no code cache in Node 20.
 *
 * Run after `tsc` (`npm run build`), from the compiled JavaScript in `dist/`. Packages that only
 * other targets or configuration files need stay outside the bundle and are required when used.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `chevrotain.js` loads Chevrotain with a top-level await; the bundle imports it statically. */
const staticChevrotain: Plugin = {
  name: 'static-chevrotain',
  setup(b) {
    b.onResolve({ filter: /\/chevrotain\.js$/ }, (args) => (args.importer.startsWith(join(dist, 'compiler/syntax')) ? { path: join(dist, 'compiler/syntax/chevrotain-static.js') } : undefined));
  },
};

/**
 * A CommonJS single-file build of `entry` (a module under dist/) into dist/bundle/`outfile`. The
 * module's `import.meta.url` becomes `url`: an expression giving the URL the module would have, so
 * that the paths it resolves from there still work.
 */
const cjsBuild = (entry: string, outfile: string, url: string, more: BuildOptions = {}): Promise<unknown> =>
  build({
    entryPoints: [join(dist, entry)],
    outfile: join(dist, 'bundle', outfile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: `const __importMetaUrl = require('node:url').pathToFileURL(${url}).href;` },
    define: { 'import.meta.url': '__importMetaUrl' },
    logLevel: 'warning',
    ...more,
  });

rmSync(join(dist, 'bundle'), { recursive: true, force: true });
// The bundle sits two levels below the package root, like every module it replaces, so paths
// relative to `import.meta.url` (package.json) still resolve.
await cjsBuild('compiler/cli/main.js', 'interopc.cjs', '__filename', {
  // CommonJS packages, required when a build needs them (io-ts for interopc.json, Babel for TypeScript).
  external: ['fp-ts', 'io-ts', '@babel/*'],
  plugins: [staticChevrotain],
  minifyWhitespace: true,
});
// The launcher (code cache, V8 flags) as one CommonJS file too, which `bin/interopc.cjs` requires:
// node then starts without its ES module loader. It keeps the location of the module it replaces.
await cjsBuild('compiler/cli/launch.js', 'launch.cjs', "require('node:path').join(__dirname, '../compiler/cli/launch.js')");
// The bundle's content hash, which names its code cache (`compiler/cli/launch.ts`): computed here
// once, so that no run loads node's crypto module and hashes 900 kB to find its cache.
const bundle = join(dist, 'bundle/interopc.cjs');
writeFileSync(`${bundle}.sha256`, createHash('sha256').update(readFileSync(bundle, 'utf8')).digest('hex') + '\n');
