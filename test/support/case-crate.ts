/**
 * Turns a golden folder into a crate directory: `input.rs` becomes `src/lib.rs` (or a `src/` tree is
 * copied), with a minimal Cargo.toml named after the folder, unless the folder has its own.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from '../../runtime-tests/support/temp.js';

export function caseCrate(caseDir: string): string {
  const dir = tempDir(`interopc-case-${basename(caseDir)}-`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  if (existsSync(join(caseDir, 'src'))) cpSync(join(caseDir, 'src'), join(dir, 'src'), { recursive: true });
  if (existsSync(join(caseDir, 'input.rs'))) cpSync(join(caseDir, 'input.rs'), join(dir, 'src/lib.rs'));
  if (existsSync(join(caseDir, 'interopc.json'))) cpSync(join(caseDir, 'interopc.json'), join(dir, 'interopc.json'));
  if (existsSync(join(caseDir, 'Cargo.toml'))) cpSync(join(caseDir, 'Cargo.toml'), join(dir, 'Cargo.toml'));
  else writeFileSync(join(dir, 'Cargo.toml'), `[package]\nname = "${basename(caseDir)}"\nversion = "0.1.0"\nedition = "2024"\n\n[features]\ndefault = []\n`);
  return dir;
}
