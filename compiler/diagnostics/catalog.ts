/**
 * The one catalog of diagnostic codes. Codes are stable: never reuse or renumber one.
 * Ranges: IC1xxx syntax and module loading, IC2xxx resolution and validation, IC3xxx patterns,
 * IC4xxx emit and configuration. Each area keeps its codes in its own file under `codes/`.
 */
import { syntaxCodes } from './codes/syntax.js';
import { resolveCodes } from './codes/resolve.js';
import { constCodes } from './codes/consts.js';
import { validateCodes } from './codes/validate.js';
import { emitCodes } from './codes/emit.js';

export interface CodeInfo {
  readonly severity: 'error' | 'warning' | 'note';
  /** One line saying what the code means, for `--explain`-style listings and the docs. */
  readonly title: string;
}

export const catalog = {
  ...syntaxCodes,
  ...resolveCodes,
  ...constCodes,
  ...validateCodes,
  ...emitCodes,
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof catalog;
