import test from 'ava';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { mergeConfig, parseConfig } from './config.js';

const errors = (text: string): string[] => {
  const r = parseConfig(text, 'interopc.json');
  return isLeft(r) ? r.left.map((d) => d.message) : [];
};

test('a full valid configuration parses', (t) => {
  const r = parseConfig(JSON.stringify({ name: 'x', outDir: 'out', targets: ['c'], cfg: ['unix'], features: ['a'], rename: { 'a::B': 'C' }, include: ['T'], c: { prefix: 'p_' }, csharp: { namespace: 'N', className: 'C', flavor: 'unity', libraryName: 'l', rawVisibility: 'internal', spans: false, checkApi: true }, python: { module: 'm', libraryName: 'l', checkApi: false }, typescript: { module: 'm' } }), 'interopc.json');
  t.true(isRight(r));
});

test('unknown keys are named by their path, wrong types by key, expected and actual', (t) => {
  t.deepEqual(errors('{ "nmae": "x", "c": { "prefx": "y" }, "rename": { "anything": "ok" } }'), ['interopc.json: unknown key `nmae`', 'interopc.json: unknown key `c.prefx`']);
  t.deepEqual(errors('{ "outDir": 3, "targets": ["c", "rust"] }').sort(), [
    'interopc.json: `outDir` must be string, got 3',
    'interopc.json: `targets[1]` must be one of "c", "csharp", "python", "typescript", got "rust"',
  ]);
  t.regex(errors('{ "name": "x",\n  oops }')[0] ?? '', /interopc\.json: invalid JSON at 2:3/);
  t.deepEqual(errors('[1]'), ['interopc.json: the configuration must be a JSON object']);
  t.deepEqual(errors('{ "csharp": { "rawVisibility": "private" } }'), ['interopc.json: `csharp.rawVisibility` must be one of "public", "internal", got "private"']);
});

test('merging replaces keys section by section', (t) => {
  t.deepEqual(mergeConfig({ name: 'a', c: { prefix: 'x' }, targets: ['c'] }, { c: { prefix: 'y' }, outDir: 'o' }), { name: 'a', c: { prefix: 'y' }, targets: ['c'], outDir: 'o' });
});

test('the typescript section takes the module, library location and API check options', (t) => {
  t.deepEqual(errors(JSON.stringify({ typescript: { module: 'm', libraryName: 'n', libraryPath: '../lib', libraryEnv: 'N_PATH', checkApi: false } })), []);
  t.deepEqual(errors('{ "typescript": { "libraryPth": "x", "checkApi": "no" } }').sort(), [
    'interopc.json: `typescript.checkApi` must be boolean, got "no"',
    'interopc.json: unknown key `typescript.libraryPth`',
  ]);
});
