/**
 * The rustc layout probe: a copy of the crate under test with a `#[cfg(test)]` module inserted right
 * after each declaration interopc exported, printing rustc's own size, alignment, field offsets and
 * constant values. Inserted beside the item (same module), `offset_of!` reaches private fields.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IrModule, IrTypeDecl, TypeRef } from '../../compiler/ir.js';
import { tempDir } from '../support/temp.js';

export interface ProbeCrate {
  readonly dir: string;
  /** Probe index → what it measures. */
  readonly probes: readonly ProbeEntry[];
}

export type ProbeEntry =
  | { readonly kind: 'layout'; readonly id: string; readonly fields: readonly string[] }
  | { readonly kind: 'constant'; readonly name: string }
  /** One variant of a data enum: its tag value, then the offset of each field (in IR order) from the enum's start. */
  | { readonly kind: 'variant'; readonly enumId: string; readonly variant: string; readonly fields: readonly string[] };

interface Insertion {
  readonly file: string;
  readonly offset: number;
  readonly text: string;
}

function probeModule(index: number, body: string): string {
  return `\n#[cfg(test)]\n#[allow(unused_imports, non_snake_case)]\nmod __interopc_probe_${index} {\n    use super::*;\n    #[test]\n    fn probe() {\n        ${body}\n    }\n}\n`;
}

/** Fields whose all-zero value is valid in Rust, so a probe can build the variant with `zeroed()`. */
function zeroable(t: TypeRef): boolean {
  if (t.kind === 'primitive') return true;
  if (t.kind === 'pointer') return t.nullable;
  return t.kind === 'array' && zeroable(t.element);
}

/**
 * Probe code for each variant of the data enum `decl` (RFC 2195 layouts, lowered by interopc into
 * a tag enum and one struct per variant): it builds the variant with zeroed fields and prints the
 * tag rustc stored and where rustc put each field. Probe indexes start at `firstIndex`. The variants with data are the `<id>::<Variant>`
 * structs (their synthesized `tag` field left out); the others are unit variants.
 */
function variantProbes(decl: IrTypeDecl, byId: ReadonlyMap<string, IrTypeDecl>, firstIndex: number): { entries: ProbeEntry[]; body: string } {
  const tag = byId.get(`${decl.id}::Tag`);
  if (tag?.kind !== 'enum') return { entries: [], body: '' };
  const rustPath = decl.rustType.replace(/<.*>$/, '');
  const tagType = tag.repr === 'c_int' ? 'core::ffi::c_int' : tag.repr;
  const entries: ProbeEntry[] = [];
  const lines: string[] = [];
  for (const variant of tag.variants) {
    const data = byId.get(`${decl.id}::${variant.name}`);
    // In the `repr(Int)` form (the enum is a union) every variant struct starts with the tag.
    const fields = data?.kind === 'struct' ? data.fields.slice(decl.kind === 'union' ? 1 : 0) : [];
    if (!fields.every((f) => zeroable(f.type))) continue;
    const tuple = fields.length > 0 && fields.every((f) => /^\d+$/.test(f.rustName));
    const zero = 'unsafe { core::mem::zeroed() }';
    const value = fields.length === 0 ? '' : tuple ? `(${fields.map(() => zero).join(', ')})` : ` { ${fields.map((f) => `${f.rustName}: ${zero}`).join(', ')} }`;
    const pattern = fields.length === 0 ? '' : tuple ? `(${fields.map((_, i) => `f${i}`).join(', ')})` : ` { ${fields.map((f, i) => `${f.rustName}: f${i}`).join(', ')} }`;
    const offsets = fields.map((_, i) => `f${i} as *const _ as usize - base`).join(', ');
    const index = firstIndex + entries.length;
    entries.push({ kind: 'variant', enumId: decl.id, variant: variant.name, fields: fields.map((f) => f.rustName) });
    lines.push(
      `{ let v: ${decl.rustType} = ${rustPath}::${variant.name}${value}; let base = core::ptr::addr_of!(v) as usize;`,
      `  let tag = unsafe { *(base as *const ${tagType}) };`,
      `  let offsets: [usize; ${fields.length}] = match &v { ${rustPath}::${variant.name}${pattern} => [${offsets}], #[allow(unreachable_patterns)] _ => unreachable!() };`,
      `  println!("INTEROPC_PROBE ${index} {}{}", tag, offsets.iter().map(|o| format!(" {o}")).collect::<String>()); }`,
    );
  }
  return { entries, body: lines.join('\n        ') };
}

export function generateProbeCrate(crateDir: string, ir: IrModule): ProbeCrate {
  const dir = tempDir('interopc-probe-');
  cpSync(crateDir, dir, { recursive: true, filter: (src) => !/[/\\](target|bindings)$/.test(src) });
  // A standalone crate: not part of the repository's workspace; relative path dependencies made absolute.
  const manifestPath = join(dir, 'Cargo.toml');
  const manifest = readFileSync(manifestPath, 'utf8').replace(/path\s*=\s*"([^"]+)"/g, (_m, p: string) => `path = "${resolve(crateDir, p)}"`);
  writeFileSync(manifestPath, `${manifest}\n[workspace]\n`);

  const probes: ProbeEntry[] = [];
  const insertions: Insertion[] = [];
  const ids = new Set(ir.types.map((d) => d.id));
  const byId = new Map(ir.types.map((d) => [d.id, d]));
  for (const decl of ir.types) {
    if (decl.kind === 'alias' || decl.kind === 'opaque') continue;
    // A data enum's tag, variant structs and union are made by interopc (their ids extend the
    // enum's): no Rust type to probe. The enum itself is probed by size; its `tag` and `body` are
    // no Rust fields.
    if (ids.has(decl.id.slice(0, decl.id.lastIndexOf('::')))) continue;
    const dataEnum = ids.has(`${decl.id}::Tag`);
    // Pattern types live in the support crate: their fields are private there (its own tests pin
    // the offsets), and their span is a use site, so they are probed by size from the crate root.
    const pattern = decl.kind === 'struct' && decl.pattern !== undefined;
    const fields = decl.kind === 'enum' || pattern || dataEnum ? [] : decl.fields.map((f) => f.rustName);
    const index = probes.length;
    probes.push({ kind: 'layout', id: decl.id, fields });
    const offsets = fields.map((f) => `, core::mem::offset_of!(${decl.rustType}, ${f})`).join('');
    const format = ['{}', '{}', ...fields.map(() => '{}')].join(' ');
    const size = `println!("INTEROPC_PROBE ${index} ${format}", core::mem::size_of::<${decl.rustType}>(), core::mem::align_of::<${decl.rustType}>()${offsets});`;
    // A data enum's lowered declarations are checked through its variants: tag values and field offsets.
    const variants = dataEnum ? variantProbes(decl, byId, probes.length) : undefined;
    for (const entry of variants?.entries ?? []) probes.push(entry);
    const body = variants ? `${size}\n        ${variants.body}` : size;
    const at = pattern ? { file: 'src/lib.rs', offset: readFileSync(join(dir, 'src/lib.rs'), 'utf8').length } : { file: decl.span.file, offset: decl.span.end };
    insertions.push({ ...at, text: probeModule(index, body) });
  }
  for (const c of ir.constants) {
    const index = probes.length;
    probes.push({ kind: 'constant', name: c.name });
    const value = c.value.kind === 'char' ? `(${c.rustPath} as u32)` : c.rustPath;
    insertions.push({ file: c.span.file, offset: c.span.end, text: probeModule(index, `println!("INTEROPC_PROBE ${index} {:?}", ${value});`) });
  }
  const byFile = new Map<string, Insertion[]>();
  for (const i of insertions) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  for (const [file, list] of byFile) {
    const path = join(dir, file);
    let text = readFileSync(path, 'utf8');
    // From the end backwards, so earlier offsets stay valid.
    for (const i of [...list].sort((a, b) => b.offset - a.offset)) text = text.slice(0, i.offset) + i.text + text.slice(i.offset);
    writeFileSync(path, text);
  }
  return { dir, probes };
}

/** `INTEROPC_PROBE <index> <values…>` lines → index → values. */
export function parseProbeOutput(stdout: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of stdout.split('\n')) {
    const m = /INTEROPC_PROBE (\d+) (.*)$/.exec(line); // `cargo test -q` prefixes progress dots
    if (m && m[1] !== undefined && m[2] !== undefined) out.set(Number(m[1]), m[2]);
  }
  return out;
}
