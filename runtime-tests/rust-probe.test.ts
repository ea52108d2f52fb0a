/**
 * (c) interopc's layouts and constant values against rustc's own: a probe built by cargo inside a
 * copy of the reference crate prints `size_of`, `align_of`, `offset_of!` and every constant.
 */
import test, { type ExecutionContext } from 'ava';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { caseCrate } from '../test/support/case-crate.js';
import { execa } from 'execa';
import { join } from 'node:path';
import { generateReference } from './support/generate.js';
import { referenceProject, repoRoot, targetDir } from './support/paths.js';
import { build } from '../compiler/api.js';
import { requireTools } from './support/runtimes.js';
import { generateProbeCrate, parseProbeOutput, type ProbeEntry } from './probe/generate-probe.js';
import { layoutOf, offsetOf, type IrConstant, type IrModule, type IrTypeDecl } from '../compiler/ir.js';

function expectedConstant(c: IrConstant): (actual: string) => boolean {
  switch (c.value.kind) {
    case 'int':
      return (a) => BigInt(a) === BigInt(c.value.value as string);
    case 'float': {
      const isF32 = c.type.kind === 'primitive' && c.type.name === 'f32';
      const text = c.value.value as string;
      const expected = text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
      return (a) => {
        const v = a === 'inf' ? Infinity : a === '-inf' ? -Infinity : Number(a);
        return isF32 ? Math.fround(v) === Math.fround(expected) : v === expected;
      };
    }
    case 'bool':
      return (a) => a === String(c.value.value);
    case 'char':
      return (a) => Number(a) === c.value.value;
    case 'string':
      return (a) => JSON.parse(a) === c.value.value;
  }
}

/** Where the declaration `target` sits inside `outer`, through struct and union fields (undefined when it does not). */
function offsetWithin(outer: string, target: string, byId: ReadonlyMap<string, IrTypeDecl>): number | undefined {
  const decl = byId.get(outer);
  if (decl?.kind !== 'struct' && decl?.kind !== 'union') return undefined;
  for (const f of decl.fields) {
    if (f.type.kind !== 'named') continue;
    if (f.type.id === target) return offsetOf(f);
    const inner = offsetWithin(f.type.id, target, byId);
    if (inner !== undefined) return offsetOf(f) + inner;
  }
  return undefined;
}

/** Builds a probe of `crateDir` (whose IR is `ir`), runs it with cargo and checks every line; returns the probes. */
async function checkAgainstRustc(t: ExecutionContext, crateDir: string, ir: IrModule, targetName: string): Promise<readonly ProbeEntry[]> {
  const probe = generateProbeCrate(crateDir, ir);
  const run = await execa('cargo', ['test', '--offline', '--lib', '-q', '--', '--nocapture', '--test-threads=1', '__interopc_probe'], {
    cwd: probe.dir,
    env: { CARGO_TARGET_DIR: join(targetDir, targetName) },
    reject: false,
  });
  t.is(run.exitCode, 0, run.stderr);
  const values = parseProbeOutput(run.stdout);
  t.is(values.size, probe.probes.length, 'every probe printed a line');
  const byId = new Map(ir.types.map((d) => [d.id, d]));
  const constants = new Map(ir.constants.map((c) => [c.name, c]));
  probe.probes.forEach((p, index) => {
    const line = values.get(index) ?? '';
    if (p.kind === 'layout') {
      const decl = byId.get(p.id);
      if (!decl || decl.kind === 'alias' || decl.kind === 'opaque') return t.fail(`no layout for ${p.id}`);
      const layout = layoutOf(decl);
      const offsets = decl.kind === 'enum' || p.fields.length === 0 ? [] : decl.fields.map(offsetOf);
      t.is(line, [layout.size, layout.align, ...offsets].join(' '), `layout of ${p.id}`);
    } else if (p.kind === 'variant') {
      const tag = byId.get(`${p.enumId}::Tag`);
      const data = byId.get(`${p.enumId}::${p.variant}`);
      const outer = byId.get(p.enumId);
      const value = tag?.kind === 'enum' ? tag.variants.find((v) => v.name === p.variant)?.value : undefined;
      const fields = data?.kind === 'struct' ? data.fields.slice(outer?.kind === 'union' ? 1 : 0) : [];
      const base = p.fields.length > 0 ? offsetWithin(p.enumId, `${p.enumId}::${p.variant}`, byId) : 0;
      t.deepEqual(fields.map((f) => f.rustName), p.fields, `fields of ${p.enumId}::${p.variant}`);
      t.is(line, [value, ...fields.map((f) => (base ?? NaN) + offsetOf(f))].join(' '), `tag and field offsets of ${p.enumId}::${p.variant}`);
    } else {
      const c = constants.get(p.name);
      t.true(c !== undefined && expectedConstant(c)(line), `constant ${p.name}: rustc says ${line}, IR says ${JSON.stringify(c?.value)}`);
    }
  });
  return probe.probes;
}

/** `Enum::Variant` of every variant probe. */
const variantsProbed = (probes: readonly ProbeEntry[]): string[] =>
  probes.flatMap((p) => (p.kind === 'variant' ? [`${p.enumId.replace(/.*::/, '')}::${p.variant}`] : []));

test('rustc agrees with every IR layout and constant value', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const generated = await generateReference();
  const probes = await checkAgainstRustc(t, referenceProject, generated.ir, 'probe');
  // Shape and Event: every variant, unit ones included, is probed.
  t.deepEqual(variantsProbed(probes), ['Shape::Circle', 'Shape::Rect', 'Shape::Empty', 'Event::Key', 'Event::Scroll', 'Event::Quit']);
});

test('rustc agrees with the IR layouts and constants of every golden case', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const casesDir = join(repoRoot, 'fixtures/cases');
  const skipped: string[] = [];
  const probed = new Map<string, readonly ProbeEntry[]>();
  for (const name of readdirSync(casesDir).sort()) {
    const crate = caseCrate(join(casesDir, name));
    const source = readFileSync(join(crate, 'src/lib.rs'), 'utf8');
    // Interoptopus' own crate is not a dependency of this repository.
    if (source.includes('interoptopus')) {
      skipped.push(name);
      continue;
    }
    if (/\binteropc(_macros)?::/.test(source)) {
      const dependencies = `\n[dependencies]\ninteropc = { path = "${join(repoRoot, 'crates/interopc')}" }\ninteropc-macros = { path = "${join(repoRoot, 'crates/interopc-macros')}" }\n`;
      appendFileSync(join(crate, 'Cargo.toml'), dependencies);
    }
    const result = await build({ crateDir: crate, targets: ['c'] });
    if (!result.ir) {
      t.fail(`${name}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
      continue;
    }
    probed.set(name, await checkAgainstRustc(t, crate, result.ir, 'probe'));
  }
  t.deepEqual(skipped, ['interoptopus-inventory', 'patterns']);
  t.true(probed.size >= 19, `${probed.size} cases probed`);
  // The cases whose layouts are the hardest to get right were all measured.
  for (const name of ['packed-aligned', 'unions', 'generics', 'std-wrappers', 'pointer-cycles', 'data-enums']) t.true((probed.get(name)?.length ?? 0) > 0, name);
  t.deepEqual(variantsProbed(probed.get('data-enums') ?? []), ['Shape::Circle', 'Shape::Rect', 'Shape::Empty', 'Packet::Byte', 'Packet::Word', 'Packet::Nothing', 'Event::Key', 'Event::Scroll', 'Event::Quit']);
});
