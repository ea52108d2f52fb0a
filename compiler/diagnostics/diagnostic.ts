/**
 * Diagnostics: every problem interopc reports, with a stable code from the catalog. Rendering
 * (pretty with a code frame, or plain for golden files) lives in `render.ts`.
 */
import { compareCodeUnits, type Span } from '../source.js';
import { catalog, type DiagnosticCode } from './catalog.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Label {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Primary location; absent for problems with no source position (config, CLI). */
  readonly span?: Span;
  /** Secondary locations, e.g. the other definition of a duplicate name. */
  readonly labels?: readonly Label[];
  /** Extra lines: hints ("help: add #[repr(C)]") and context ("note: required by fn f"). */
  readonly notes?: readonly string[];
}

export type Diagnostics = readonly Diagnostic[];

export interface DiagnosticExtras {
  readonly labels?: readonly Label[];
  readonly notes?: readonly string[];
}

/** Builds a diagnostic with the severity the catalog gives its code. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  span?: Span,
  extras: DiagnosticExtras = {},
): Diagnostic {
  return {
    code,
    severity: catalog[code].severity,
    message,
    ...(span ? { span } : {}),
    ...(extras.labels && extras.labels.length > 0 ? { labels: extras.labels } : {}),
    ...(extras.notes && extras.notes.length > 0 ? { notes: extras.notes } : {}),
  };
}

export const hasErrors = (diagnostics: Diagnostics): boolean => diagnostics.some((d) => d.severity === 'error');

/** Stable order for output: by file, position, then code. */
export function sortDiagnostics(diagnostics: Diagnostics): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.span?.file ?? '', b.span?.file ?? '') ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      compareCodeUnits(a.code, b.code),
  );
}

/** Collects diagnostics while a pass walks its whole input. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  report(code: DiagnosticCode, message: string, span?: Span, extras?: DiagnosticExtras): void {
    this.items.push(diagnostic(code, message, span, extras));
  }
  addAll(ds: Diagnostics): void {
    for (const d of ds) this.items.push(d);
  }
  get all(): Diagnostics {
    return this.items;
  }
  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
