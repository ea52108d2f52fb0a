/**
 * The IR is pinned: `schema/ir.schema.json` describes `--dump-ir`, checked here against real dumps
 * (the reference project and the pattern and service cases), and the reference project's dump is a
 * golden file, so any change to the IR's shape or content is a reviewed diff.
 */
import test from 'ava';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from '../compiler/api.js';
import { irToJson, type IrModule } from '../compiler/ir.js';
import { referenceProject, repoRoot } from '../runtime-tests/support/paths.js';
import { caseCrate } from './support/case-crate.js';

// ajv ships CommonJS; its 2020-12 entry is what the schema declares.
const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020').default as new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema/ir.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** What `interopc build --dump-ir` prints for the final pass, parsed back. */
async function dump(crateDir: string): Promise<Record<string, unknown>> {
  const r = await build({ crateDir, targets: ['c'] });
  if (!r.ir) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return JSON.parse(irToJson(Object.assign({ irVersion: 1, pass: 'order-declarations' }, r.ir as IrModule))) as Record<string, unknown>;
}

test('the reference project, pattern and service dumps satisfy the IR schema', async (t) => {
  for (const dir of [referenceProject, caseCrate(join(repoRoot, 'fixtures/cases/patterns')), caseCrate(join(repoRoot, 'fixtures/cases/services'))]) {
    const ir = await dump(dir);
    t.true(validate(ir), JSON.stringify(validate.errors, null, 2));
  }
});

test('the schema rejects what the IR never holds', async (t) => {
  const ir = await dump(referenceProject);
  const types = ir['types'] as Record<string, unknown>[];
  const broken = [
    { ...ir, irVersion: 2 },
    { ...ir, surprise: true },
    { ...ir, types: [{ ...types[0], kind: 'class' }, ...types.slice(1)] },
    { ...ir, functions: [{ name: 'f' }] },
    { ...ir, services: [{ ...(ir['services'] as object[])[0], methods: [{ function: 'f', name: 'f', mutable: false, result: 'maybe', onPanic: 'abort' }] }] },
  ];
  for (const b of broken) t.false(validate(b), JSON.stringify(b).slice(0, 80));
});

test('the reference project IR matches its golden dump', async (t) => {
  const text = irToJson(await dump(referenceProject)) + '\n';
  const golden = join(referenceProject, 'expected/ir.json');
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, text);
    t.log(`rewrote ${golden}: review the diff before committing`);
  }
  t.is(text, readFileSync(golden, 'utf8'));
});
