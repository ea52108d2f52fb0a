import type { CodeInfo } from '../catalog.js';

/** IC10xx: lexing and parsing; IC11xx: loading module files. */
export const syntaxCodes = {
  IC1001: { severity: 'error', title: 'unexpected token' },
  IC1002: { severity: 'error', title: 'unterminated literal or block comment' },
  IC1003: { severity: 'error', title: 'unknown character' },
  IC1004: { severity: 'error', title: 'unbalanced delimiter' },
  IC1005: { severity: 'error', title: 'invalid literal' },
  IC1101: { severity: 'error', title: 'module file not found' },
  IC1102: { severity: 'error', title: 'module file could not be read' },
  IC1103: { severity: 'error', title: 'module loaded twice' },
} as const satisfies Record<string, CodeInfo>;
