import type { CodeInfo } from '../catalog.js';

/** IC21xx: constant evaluation. */
export const constCodes = {
  IC2101: { severity: 'error', title: 'unsupported constant expression' },
  IC2102: { severity: 'error', title: 'constant value out of range for its type' },
  IC2103: { severity: 'error', title: 'division by zero in constant expression' },
  IC2104: { severity: 'error', title: 'enum discriminant overflows its repr' },
  IC2105: { severity: 'error', title: 'duplicate enum discriminant' },
  IC2106: { severity: 'error', title: 'cyclic constant definition' },
  IC2107: { severity: 'error', title: 'mismatched types in constant expression' },
} as const satisfies Record<string, CodeInfo>;
