/**
 * A synthetic FFI crate for the generation benchmark: 5 000 each of documented `#[repr(C)]` structs
 * (array and pointer fields), enums, constants and exported functions taking callbacks, spread over
 * ten module files. Valid Rust that both interopc and cbindgen read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = 10;

/** 18 lines: 5 000 groups make the 90 000-line crate. */
function group(i: number): string {
  return `/// Struct number ${i}: an array field and a pointer field.
#[repr(C)]
pub struct Struct${i} {
    /// Bytes of item ${i}.
    pub bytes: [u8; 8],
    pub counter: *const u32,
    pub weight: f64,
}
/// Enum number ${i}.
#[repr(u8)]
pub enum Enum${i} { First = 0, Second = 1, Third = 4 }
/// Constant number ${i}.
pub const CONST_${i}: u32 = ${i} * 2 + 1;
/// Function number ${i}: calls \`cb\` with the weight.
/// The enum is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn function_${i}(s: Struct${i}, e: Enum${i}, cb: extern "C" fn(u32) -> u32) -> u32 { let _ = e; cb(s.weight as u32) }

`;
}

/** Writes the crate into `dir`; returns its total line count. */
export function writeSyntheticCrate(dir: string, items = 5000): number {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "synthetic"\nversion = "0.1.0"\nedition = "2024"\n\n[lib]\ncrate-type = ["cdylib"]\n');
  const perModule = Math.ceil(items / MODULES);
  let lines = 0;
  const root: string[] = ['//! Synthetic crate for `npm run bench`.'];
  for (let m = 0; m < MODULES; m++) {
    root.push(`pub mod module_${m};`, `pub use module_${m}::*;`);
    const parts: string[] = [];
    for (let i = m * perModule; i < Math.min(items, (m + 1) * perModule); i++) parts.push(group(i));
    const text = parts.join('');
    writeFileSync(join(dir, 'src', `module_${m}.rs`), text);
    lines += text.split('\n').length - 1;
  }
  const rootText = root.join('\n') + '\n';
  writeFileSync(join(dir, 'src', 'lib.rs'), rootText);
  return lines + root.length;
}
