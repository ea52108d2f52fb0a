import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleFiles } from './write-files.js';

test('staleFiles: a file is fresh only when its bytes are exactly the UTF-8 of the contents', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'interopc-stale-'));
  writeFileSync(join(dir, 'same.h'), 'int x;\n');
  writeFileSync(join(dir, 'same-size.h'), 'int y;\n');
  writeFileSync(join(dir, 'longer.h'), 'int x;\n// more\n');
  // "é" is two bytes in UTF-8: the same number of characters as "ee" in a different number of bytes.
  writeFileSync(join(dir, 'accent.h'), '/* café */\n');
  writeFileSync(join(dir, 'latin1.h'), Buffer.from('/* café */\n', 'latin1'));
  const files = [
    { path: 'same.h', contents: 'int x;\n' },
    { path: 'same-size.h', contents: 'int x;\n' },
    { path: 'longer.h', contents: 'int x;\n' },
    { path: 'missing.h', contents: 'int x;\n' },
    { path: 'accent.h', contents: '/* café */\n' },
    { path: 'latin1.h', contents: '/* café */\n' },
  ];
  t.deepEqual(staleFiles(dir, files), ['same-size.h', 'longer.h', 'missing.h', 'latin1.h'].map((f) => join(dir, f)));
});
