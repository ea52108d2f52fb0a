/**
 * A yardstick, not a compiler: how long plain JavaScript on this machine takes to do the synthetic
 * crate's job (`synthetic-crate.ts`) with nothing general about it. It reads only the four item
 * shapes that generator writes, with hard-coded offsets into their token sequences, and it checks
 * nothing. Its stages time what any implementation must do at least (scan every character, build
 * the declarations, lay them out, hash a canonical text, print 5 MB of C), so interopc's phases
 * can be read against them: `node dist/bench/floor.js [crate-dir]` (after `npm run build`), in a
 * fresh process, cold like a real run. It shares only the API hash's FNV-1a with the compiler; its
 * scanner and its C declarator printer are its own, fixed to the generator's few types, because
 * they stand for plain code, not for interopc's machinery.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { writeSyntheticCrate } from './synthetic-crate.js';
import { fnv1a64 } from '../compiler/api-hash.js';

const DOC = 1;
const IDENT = 2;
const OTHER = 3;

interface Tokens {
  readonly text: string;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);

/** Words and numbers, `///` lines, `::` and `->`, strings, single characters; plain comments dropped. */
function scan(text: string): Tokens {
  const n = text.length;
  const kinds = new Uint8Array(n >> 1);
  const starts = new Int32Array(n >> 1);
  const ends = new Int32Array(n >> 1);
  let count = 0;
  const push = (kind: number, start: number, end: number): void => {
    kinds[count] = kind;
    starts[count] = start;
    ends[count++] = end;
  };
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 47 && next === 47) {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? n : newline;
      if (text.charCodeAt(i + 2) === 47) push(DOC, i + 4, end);
      i = end;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      push(IDENT, i, j);
      i = j;
    } else if (c === 34) {
      const end = text.indexOf('"', i + 1) + 1;
      push(OTHER, i, end);
      i = end;
    } else {
      const two = (c === 58 && next === 58) || (c === 45 && next === 62);
      push(OTHER, i, i + (two ? 2 : 1));
      i += two ? 2 : 1;
    }
  }
  return { text, kinds, starts, ends, count };
}

type Type = { k: 'name'; n: string } | { k: 'ptr'; mut: boolean; to: Type } | { k: 'arr'; el: Type; len: number } | { k: 'fn'; ps: Type[]; ret: Type };
interface Field { name: string; type: Type; docs: string[]; offset: number }
interface Struct { name: string; fields: Field[]; docs: string[]; size: number; align: number }
interface Enum { name: string; variants: { name: string; value: number }[]; docs: string[] }
interface Const { name: string; value: number; docs: string[] }
interface Fn { name: string; params: { name: string; type: Type }[]; ret: Type; docs: string[] }

interface Crate { structs: Struct[]; enums: Enum[]; consts: Const[]; fns: Fn[] }

/** The generator's four item shapes, read at fixed token offsets. */
function read(t: Tokens, into: Crate): void {
  let i = 0;
  let docs: string[] = [];
  const text = (k: number): string => t.text.slice(t.starts[k] ?? 0, t.ends[k] ?? 0);
  const char = (k: number): number => t.text.charCodeAt(t.starts[k] ?? 0);
  const is = (k: number, word: string): boolean => (t.ends[k] ?? 0) - (t.starts[k] ?? 0) === word.length && t.text.startsWith(word, t.starts[k] ?? 0);
  const type = (): Type => {
    if (char(i) === 42) {
      const mut = is(i + 1, 'mut');
      i += 2;
      return { k: 'ptr', mut, to: type() };
    }
    if (char(i) === 91) {
      i++;
      const el = type();
      const len = Number(text(i + 1));
      i += 3;
      return { k: 'arr', el, len };
    }
    if (is(i, 'extern')) {
      i += 4;
      const ps: Type[] = [];
      while (char(i) !== 41) {
        ps.push(type());
        if (char(i) === 44) i++;
      }
      i += 2;
      return { k: 'fn', ps, ret: type() };
    }
    return { k: 'name', n: text(i++) };
  };
  const take = (): string[] => {
    const taken = docs;
    docs = [];
    return taken;
  };
  while (i < t.count) {
    if (t.kinds[i] === DOC) docs.push(text(i++));
    else if (char(i) === 35) {
      // `#[…]`, brackets balanced.
      let depth = 0;
      do {
        if (char(++i) === 91) depth++;
        else if (char(i) === 93) depth--;
      } while (depth > 0);
      i++;
    }
    else if (is(i, 'struct')) {
      const name = text(i + 1);
      const own = take();
      const fields: Field[] = [];
      for (i += 3; char(i) !== 125; ) {
        if (t.kinds[i] === DOC) docs.push(text(i++));
        else {
          const fieldName = text(i + 1);
          i += 3;
          fields.push({ name: fieldName, type: type(), docs: take(), offset: 0 });
          if (char(i) === 44) i++;
        }
      }
      i++;
      into.structs.push({ name, fields, docs: own, size: 0, align: 1 });
    } else if (is(i, 'enum')) {
      const variants: Enum['variants'] = [];
      const name = text(i + 1);
      for (i += 3; char(i) !== 125; i += char(i + 3) === 44 ? 4 : 3) variants.push({ name: text(i), value: Number(text(i + 2)) });
      i++;
      into.enums.push({ name, variants, docs: take() });
    } else if (is(i, 'const')) {
      into.consts.push({ name: text(i + 1), value: Number(text(i + 5)) * Number(text(i + 7)) + Number(text(i + 9)), docs: take() });
      i += 11;
    } else if (is(i, 'extern') && is(i + 2, 'fn')) {
      const name = text(i + 3);
      const params: Fn['params'] = [];
      for (i += 5; char(i) !== 41; ) {
        const paramName = text(i);
        i += 2;
        params.push({ name: paramName, type: type() });
        if (char(i) === 44) i++;
      }
      i += 2;
      const ret = type();
      let depth = 0;
      do {
        if (char(i) === 123) depth++;
        else if (char(i) === 125) depth--;
        i++;
      } while (depth > 0);
      into.fns.push({ name, params, ret, docs: take() });
    } else i++;
  }
}

const primitives: Record<string, readonly [string, number]> = { u8: ['uint8_t', 1], u32: ['uint32_t', 4], f64: ['double', 8] };

function layout(crate: Crate): void {
  const sizeOf = (t: Type): [number, number] => (t.k === 'name' ? [primitives[t.n]?.[1] ?? 1, primitives[t.n]?.[1] ?? 1] : t.k === 'arr' ? [sizeOf(t.el)[0] * t.len, sizeOf(t.el)[1]] : [8, 8]);
  for (const s of crate.structs) {
    let offset = 0;
    for (const f of s.fields) {
      const [size, align] = sizeOf(f.type);
      offset = Math.ceil(offset / align) * align;
      f.offset = offset;
      offset += size;
      s.align = Math.max(s.align, align);
    }
    s.size = Math.ceil(offset / s.align) * s.align;
  }
}

/** The API hash's FNV-1a 64 over a canonical text of every declaration, sorted by name. */
function hash(crate: Crate): string {
  const byName = <T extends { name: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
  const parts: string[] = [];
  for (const c of byName(crate.consts)) parts.push(`{"name":"${c.name}","type":"u32","value":{"kind":"int","value":"${c.value}"}}`);
  for (const f of byName(crate.fns)) parts.push(`{"name":"${f.name}","params":[${f.params.map((p) => `"${p.type.k}"`).join(',')}]}`);
  for (const s of byName(crate.structs)) parts.push(`{"fields":[${s.fields.map((f) => `{"name":"${f.name}","offset":${f.offset}}`).join(',')}],"layout":{"align":${s.align},"size":${s.size}},"name":"${s.name}"}`);
  for (const e of byName(crate.enums)) parts.push(`{"name":"${e.name}","variants":[${e.variants.map((v) => `{"name":"${v.name}","value":${v.value}}`).join(',')}]}`);
  return `0x${fnv1a64(parts.join(',')).toString(16).padStart(16, '0')}`;
}

function header(crate: Crate, apiHash: string): string {
  const declare = (t: Type, name: string, constant = false): string =>
    t.k === 'name'
      ? `${constant ? 'const ' : ''}${primitives[t.n]?.[0] ?? t.n}${name === '' ? '' : ' '}${name}`
      : t.k === 'ptr'
        ? declare(t.to, `*${name}`, !t.mut)
        : t.k === 'arr'
          ? declare(t.el, `${name}[${t.len}]`)
          : declare(t.ret, `(*${name})(${t.ps.map((p) => declare(p, '')).join(', ')})`);
  const out: string[] = [`/* API hash: ${apiHash} */`];
  const doc = (docs: readonly string[], indent: string): void => {
    if (docs.length === 0) return;
    out.push(`${indent}/**`);
    for (const l of docs) out.push(`${indent} * ${l}`);
    out.push(`${indent} */`);
  };
  for (const c of crate.consts) {
    doc(c.docs, '');
    out.push(`#define ${c.name} ${c.value}`);
  }
  for (const s of crate.structs) {
    doc(s.docs, '');
    out.push(`typedef struct ${s.name} {`);
    for (const f of s.fields) {
      doc(f.docs, '    ');
      out.push(`    ${declare(f.type, f.name)};`);
    }
    out.push(`} ${s.name};`, '');
  }
  for (const e of crate.enums) {
    doc(e.docs, '');
    out.push(`typedef uint8_t ${e.name};`, 'enum {', e.variants.map((v) => `    ${e.name}_${v.name} = ${v.value}`).join(',\n'), '};', '');
  }
  for (const s of crate.structs) {
    out.push(`typedef char interopc_check_${s.name}_size[(sizeof(${s.name}) == ${s.size}) ? 1 : -1];`);
    for (const f of s.fields) out.push(`typedef char interopc_check_${s.name}_offset_${f.name}[(offsetof(${s.name}, ${f.name}) == ${f.offset}) ? 1 : -1];`);
  }
  for (const f of crate.fns) {
    doc(f.docs, '');
    out.push(`${declare(f.ret, `${f.name}(${f.params.map((p) => declare(p.type, p.name)).join(', ')})`)};`, '');
  }
  return out.join('\n');
}

const crateDir = process.argv[2] ?? join(tmpdir(), 'interopc-floor-crate');
if (!existsSync(crateDir)) writeSyntheticCrate(crateDir);
const dir = join(crateDir, 'src');
const start = performance.now();
const crate: Crate = { structs: [], enums: [], consts: [], fns: [] };
for (const f of readdirSync(dir).filter((name) => name !== 'lib.rs').sort()) read(scan(readFileSync(join(dir, f), 'utf8')), crate);
const parsed = performance.now();
layout(crate);
const laidOut = performance.now();
const apiHash = hash(crate);
const hashed = performance.now();
const out = join(tmpdir(), 'interopc-floor.h');
writeFileSync(out, header(crate, apiHash));
const written = performance.now();
const ms = (a: number, b: number): string => (b - a).toFixed(0);
console.log(`read ${ms(start, parsed)} ms, layout ${ms(parsed, laidOut)}, hash ${ms(laidOut, hashed)}, print and write ${ms(hashed, written)}; total ${ms(start, written)} ms`);
console.log(`${crate.structs.length} structs, ${crate.enums.length} enums, ${crate.consts.length} constants, ${crate.fns.length} functions → ${out}`);
