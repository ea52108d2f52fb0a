import type { CodeInfo } from '../catalog.js';

/** IC40xx: configuration, CLI and emitters. */
export const emitCodes = {
  IC4001: { severity: 'error', title: 'invalid configuration' },
  IC4002: { severity: 'error', title: 'unknown target' },
  IC4003: { severity: 'error', title: 'crate not found' },
  IC4004: { severity: 'error', title: 'generated file is stale' },
  IC4005: { severity: 'warning', title: 'item cannot be expressed in this target' },
  IC4007: { severity: 'error', title: 'API guard file is stale' },
  IC4006: { severity: 'error', title: 'name collides in this target' },
} as const satisfies Record<string, CodeInfo>;
