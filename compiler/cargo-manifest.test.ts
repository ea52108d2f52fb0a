import test from 'ava';
import { readCargoManifest } from './cargo-manifest.js';

test('package and lib names, features; arrays of tables ([[bench]]) do not count as [lib]', (t) => {
  const manifest = readCargoManifest(`[package]
name = "my-crate" # a comment
version = "0.1.0"

[lib]
crate-type = ["cdylib"]

[[bench]]
name = "mod"
path = "benches/mod.rs"

[features]
default = ["std"]
std = []
extra = [
  "std",
]
`);
  t.is(manifest?.packageName, 'my-crate');
  t.is(manifest?.libName, 'my_crate');
  t.deepEqual(Object.fromEntries(manifest?.features ?? []), { default: ['std'], std: [], extra: ['std'] });
  t.is(readCargoManifest('[lib]\nname = "renamed"\n[package]\nname = "p"\n')?.libName, 'renamed');
  t.is(readCargoManifest('[lib]\nname = "x"\n'), undefined, 'no [package]: not a crate manifest');
});
