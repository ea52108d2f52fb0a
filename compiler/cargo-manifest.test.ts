import test from 'ava';
import { cargoEnvironment, readCargoManifest } from './cargo-manifest.js';

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

test('the variables cargo sets for env!: package fields, version parts, empty for a missing field, unknown when inherited', (t) => {
  const manifest = readCargoManifest(`[package]
name = "my-crate"
version = "1.20.3-beta.2+build.5"
authors = ["A <a@x>", "B"]
description = "Does things."
license.workspace = true
`);
  if (!manifest) return t.fail();
  const env = cargoEnvironment(manifest, '/src/my-crate');
  t.like(Object.fromEntries(env), {
    CARGO_PKG_NAME: 'my-crate',
    CARGO_CRATE_NAME: 'my_crate',
    CARGO_MANIFEST_DIR: '/src/my-crate',
    CARGO_PKG_VERSION: '1.20.3-beta.2+build.5',
    CARGO_PKG_VERSION_MAJOR: '1',
    CARGO_PKG_VERSION_MINOR: '20',
    CARGO_PKG_VERSION_PATCH: '3',
    CARGO_PKG_VERSION_PRE: 'beta.2',
    CARGO_PKG_AUTHORS: 'A <a@x>:B',
    CARGO_PKG_DESCRIPTION: 'Does things.',
    CARGO_PKG_HOMEPAGE: '',
  });
  t.false(env.has('CARGO_PKG_LICENSE'), 'inherited from the workspace: not known');
  const inherited = readCargoManifest('[package]\nname = "w"\nversion.workspace = true\n');
  t.false(inherited !== undefined && cargoEnvironment(inherited, '/w').has('CARGO_PKG_VERSION'));
  const unversioned = readCargoManifest('[package]\nname = "u"\n');
  t.is(unversioned && cargoEnvironment(unversioned, '/u').get('CARGO_PKG_VERSION'), '0.0.0');
});
