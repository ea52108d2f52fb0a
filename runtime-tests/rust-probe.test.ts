/**
 * (c) interopc's layouts and constant values against rustc's own: a probe built by cargo inside a
 * copy of the reference crate prints `size_of`, `align_of`, `offset_of!` and every constant.
 */
import test from 'ava';
import { execa } from 'execa';
import { join } from 'node:path';
import { generateReference } from './support/generate.js';
import { referenceProject, targetDir } from './support/paths.js';
import { requireTools } from './support/runtimes.js';
import { generateProbeCrate, parseProbeOutput } from './probe/generate-probe.js';
import { layoutOf, offsetOf, type IrConstant } from '../compiler/ir.js';

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

test('rustc agrees with every IR layout and constant value', async (t) => {
  if (!requireTools(t, 'cargo')) return;
  const generated = await generateReference();
  const probe = generateProbeCrate(referenceProject, generated.ir);
  const run = await execa('cargo', ['test', '--offline', '--lib', '-q', '--', '--nocapture', '--test-threads=1', '__interopc_probe'], {
    cwd: probe.dir,
    env: { CARGO_TARGET_DIR: join(targetDir, 'probe') },
    reject: false,
  });
  t.is(run.exitCode, 0, run.stderr);
  const values = parseProbeOutput(run.stdout);
  t.is(values.size, probe.probes.length, 'every probe printed a line');
  const byId = new Map(generated.ir.types.map((d) => [d.id, d]));
  const constants = new Map(generated.ir.constants.map((c) => [c.name, c]));
  probe.probes.forEach((p, index) => {
    const line = values.get(index) ?? '';
    if (p.kind === 'layout') {
      const decl = byId.get(p.id);
      if (!decl || decl.kind === 'alias' || decl.kind === 'opaque') return t.fail(`no layout for ${p.id}`);
      const layout = layoutOf(decl);
      const offsets = decl.kind === 'enum' || p.fields.length === 0 ? [] : decl.fields.map(offsetOf);
      t.is(line, [layout.size, layout.align, ...offsets].join(' '), `layout of ${p.id}`);
    } else {
      const c = constants.get(p.name);
      t.true(c !== undefined && expectedConstant(c)(line), `constant ${p.name}: rustc says ${line}, IR says ${JSON.stringify(c?.value)}`);
    }
  });
});
