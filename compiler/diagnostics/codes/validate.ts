import type { CodeInfo } from '../catalog.js';

/** IC22xx: monomorphization and FFI safety; IC23xx: layout; IC24xx: names. */
export const validateCodes = {
  IC2201: { severity: 'error', title: 'type without a C layout crosses the boundary by value' },
  IC2202: { severity: 'error', title: 'Rust standard-library type in an FFI signature' },
  IC2203: { severity: 'error', title: 'type has no C equivalent' },
  IC2204: { severity: 'error', title: 'zero-sized type passed by value' },
  IC2205: { severity: 'error', title: 'enum with data variants needs #[repr(C)] or #[repr(u8)]' },
  IC2206: { severity: 'error', title: 'generic instantiation too deep' },
  IC2207: { severity: 'error', title: 'wrong number of generic arguments' },
  IC2208: { severity: 'error', title: 'enum without variants' },
  IC2209: { severity: 'warning', title: 'function uses a non-C ABI and is not exported' },
  IC2210: { severity: 'error', title: 'invalid repr' },
  IC2211: { severity: 'error', title: 'error enum lacks a required variant' },
  IC2212: { severity: 'error', title: 'service without an error enum' },
  IC2213: { severity: 'error', title: 'service constructor takes self' },
  IC2214: { severity: 'error', title: 'unknown panic policy' },
  IC2215: { severity: 'error', title: 'service without a constructor' },
  IC2216: { severity: 'error', title: 'invalid API guard' },
  IC2301: { severity: 'error', title: 'infinitely sized type' },
  IC2302: { severity: 'error', title: 'array too large' },
  IC2401: { severity: 'error', title: 'two items have the same emitted name' },
  IC2402: { severity: 'error', title: 'rename rule matches nothing' },
} as const satisfies Record<string, CodeInfo>;
