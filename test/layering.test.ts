/**
 * The architecture's dependency rules (design.md): passes see only the AST/HIR/IR types,
 * diagnostics and the pass kit; emitters see only the IR and diagnostics; only the pipeline and the
 * target registry import emitters; the compiler never imports tests, runtime tests, benchmarks or build tools.
 */
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { repoRoot } from '../runtime-tests/support/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Repository-relative paths of the modules a file imports (relative imports only). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => relative(repoRoot, resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))));
}

function violations(folder: string, allowed: (target: string, file: string) => boolean): string[] {
  return sources(join(repoRoot, folder)).flatMap((file) =>
    imports(file)
      .filter((target) => !allowed(target, relative(repoRoot, file)))
      .map((target) => `${relative(repoRoot, file)} imports ${target}`),
  );
}

const passAllowed = /^(passes\/|compiler\/(source|assert|hir|ir|pass)\.ts$|compiler\/diagnostics\/|compiler\/syntax\/ast\.ts$)/;

test('passes import only AST/HIR/IR types, diagnostics and the pass kit (collect-modules may parse)', (t) => {
  t.deepEqual(violations('passes', (target, file) => passAllowed.test(target) || (file === 'passes/collect-modules.ts' && target === 'compiler/syntax/parse.ts')), []);
});

test('emitters import only the IR, diagnostics and other emitter files', (t) => {
  t.deepEqual(violations('emitters', (target) => /^(emitters\/|compiler\/(ir|assert)\.ts$|compiler\/diagnostics\/)/.test(target)), []);
});

test('only the pipeline and the target registry import emitter implementations; the compiler never imports tests or tools', (t) => {
  const found = violations('compiler', (target, file) => {
    if (/^(runtime-tests|bench|test|tools)\//.test(target)) return false;
    if (/^emitters\/(?!emitter\.ts$)/.test(target)) return file === 'compiler/targets.ts' || file === 'compiler/pipeline.ts';
    return true;
  });
  t.deepEqual(found, []);
});

test('the parser and scanner stay inside compiler/syntax (others see the AST through parse.ts)', (t) => {
  const outside = ['compiler', 'passes', 'emitters'].flatMap((folder) =>
    violations(folder, (target, file) => file.startsWith('compiler/syntax/') || !/^compiler\/syntax\/(parser|grammar-|scanner|token-|attributes)/.test(target)),
  );
  t.deepEqual(outside, []);
});
