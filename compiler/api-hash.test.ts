import test from 'ava';
import { apiHash, apiSurface, canonical, fnv1a64 } from './api-hash.js';
import { IR_VERSION, type IrModule } from './ir.js';

/** The reference definition, with BigInt arithmetic, to check the fast limb implementation. */
function reference(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash;
}

test('FNV-1a 64 published vectors', (t) => {
  t.is(fnv1a64(''), 0xcbf29ce484222325n);
  t.is(fnv1a64('a'), 0xaf63dc4c8601ec8cn);
  t.is(fnv1a64('foobar'), 0x85944171f73967e8n);
});

test('the limb implementation equals the BigInt definition on varied input', (t) => {
  for (const text of ['interopc', 'héllo wörld ✓', 'x'.repeat(1000), JSON.stringify({ a: [1, 2, 3], b: 'ü' })]) t.is(fnv1a64(text), reference(text));
});

const span = { file: 'src/lib.rs', start: 0, end: 1 };
const ir = (docs: string[], fieldType: 'u8' | 'u16'): IrModule => ({
  irVersion: IR_VERSION,
  crate: { name: 'x' },
  target: { triple: 'x86_64-unknown-linux-gnu', pointerWidth: 8 },
  types: [{ kind: 'struct', id: 'crate::S', name: 'S', rustType: 'crate::S', docs, span, nameSpan: span, shape: 'named', transparent: false, fields: [{ name: 'a', rustName: 'a', type: { kind: 'primitive', name: fieldType }, docs: [], isPublic: true, offset: 0 }], layout: { size: fieldType === 'u8' ? 1 : 2, align: fieldType === 'u8' ? 1 : 2 } }],
  functions: [{ name: 'f', rustPath: 'crate::f', signature: { params: [{ name: 's', type: { kind: 'named', id: 'crate::S' } }], returns: { kind: 'primitive', name: 'void' } }, docs: [], isUnsafe: false, span }],
  constants: [],
  services: [],
});

test('the API hash ignores docs and changes with the ABI', (t) => {
  t.regex(apiHash(ir([], 'u8')), /^0x[0-9a-f]{16}$/);
  t.is(apiHash(ir([], 'u8')), apiHash(ir(['documented'], 'u8')));
  t.not(apiHash(ir([], 'u8')), apiHash(ir([], 'u16')));
});

test('the one-pass writer hashes exactly the canonical JSON of the API surface (reference project)', async (t) => {
  const { build } = await import('./api.js');
  const { referenceProject } = await import('../runtime-tests/support/paths.js');
  const built = await build({ crateDir: referenceProject, targets: ['c'] });
  t.truthy(built.ir);
  for (const module of [built.ir as IrModule, ir(['doc'], 'u16')]) {
    const definition = '0x' + fnv1a64(canonical(apiSurface(module))).toString(16).padStart(16, '0');
    t.is(apiHash(module), definition);
  }
});

test('pattern annotations are idiomatic-only facts: the hash ignores them', (t) => {
  const plain = ir([], 'u8');
  const [struct] = plain.types;
  const annotated: IrModule = { ...plain, types: [{ ...(struct as Extract<IrModule['types'][number], { kind: 'struct' }>), pattern: { kind: 'option', value: { kind: 'primitive', name: 'u8' } } }] };
  t.is(apiHash(annotated), apiHash(plain));
});
