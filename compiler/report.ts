/** `--report`: one line per item the front end saw, exported or skipped with the reason. */
import type { ReportEntry } from './hir.js';
import { compareCodeUnits } from './source.js';

export function formatReport(entries: readonly ReportEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareCodeUnits(a.span.file, b.span.file) || a.span.start - b.span.start);
  return sorted.map((e) => (e.status === 'exported' ? `exported ${e.itemKind} ${e.item}` : `skipped  ${e.itemKind} ${e.item}  ${e.reason ?? ''}`)).join('\n') + (sorted.length > 0 ? '\n' : '');
}
