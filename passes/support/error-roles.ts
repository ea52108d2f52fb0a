/**
 * The error-enum contract (contracts.md §5): which variants have the success, null and panic roles.
 */
import type { IrErrorPattern } from '../../compiler/ir.js';

/** Variant names an error enum needs, by role; the first name listed is the one suggested. */
export const errorRoles = { success: ['Ok', 'Success'], null: ['Null'], panic: ['Panic'] } as const;

/** The error pattern of an enum with these variants, or undefined when a role has no variant. */
export function errorPattern(variants: readonly string[]): IrErrorPattern | undefined {
  const find = (names: readonly string[]): string | undefined => variants.find((v) => names.includes(v));
  const success = find(errorRoles.success);
  const nullValue = find(errorRoles.null);
  const panic = find(errorRoles.panic);
  return success && nullValue && panic ? { kind: 'error', success, null: nullValue, panic } : undefined;
}

/** The roles an error enum with these variants lacks, as the variant names to add. */
export function missingErrorVariants(variants: readonly string[]): string[] {
  return Object.values(errorRoles).flatMap((names) => (variants.some((v) => (names as readonly string[]).includes(v)) ? [] : [names[0]]));
}
