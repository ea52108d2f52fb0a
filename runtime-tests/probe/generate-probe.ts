/**
 * The rustc layout probe: a copy of the crate under test with a `#[cfg(test)]` module inserted right
 * after each declaration interopc exported, printing rustc's own size, alignment, field offsets and
 * constant values. Inserted beside the item (same module), `offset_of!` reaches private fields.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IrModule } from '../../compiler/ir.js';

export interface ProbeCrate {
  readonly dir: string;
  /** Probe index → what it measures. */
  readonly probes: readonly ProbeEntry[];
}

export type ProbeEntry =
  | { readonly kind: 'layout'; readonly id: string; readonly fields: readonly string[] }
  | { readonly kind: 'constant'; readonly name: string };

interface Insertion {
  readonly file: string;
  readonly offset: number;
  readonly text: string;
}

function probeModule(index: number, body: string): string {
  return `\n#[cfg(test)]\n#[allow(unused_imports, non_snake_case)]\nmod __interopc_probe_${index} {\n    use super::*;\n    #[test]\n    fn probe() {\n        ${body}\n    }\n}\n`;
}

export function generateProbeCrate(crateDir: string, ir: IrModule): ProbeCrate {
  const dir = mkdtempSync(join(tmpdir(), 'interopc-probe-'));
  cpSync(crateDir, dir, { recursive: true, filter: (src) => !/[/\\](target|bindings)$/.test(src) });
  // A standalone crate: not part of the repository's workspace; relative path dependencies made absolute.
  const manifestPath = join(dir, 'Cargo.toml');
  const manifest = readFileSync(manifestPath, 'utf8').replace(/path\s*=\s*"([^"]+)"/g, (_m, p: string) => `path = "${resolve(crateDir, p)}"`);
  writeFileSync(manifestPath, `${manifest}\n[workspace]\n`);

  const probes: ProbeEntry[] = [];
  const insertions: Insertion[] = [];
  const ids = new Set(ir.types.map((d) => d.id));
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
    const body = `println!("INTEROPC_PROBE ${index} ${format}", core::mem::size_of::<${decl.rustType}>(), core::mem::align_of::<${decl.rustType}>()${offsets});`;
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
