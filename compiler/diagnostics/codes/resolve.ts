import type { CodeInfo } from '../catalog.js';

/** IC20xx: names, imports, cfg and export roots. */
export const resolveCodes = {
  IC2001: { severity: 'error', title: 'unknown type' },
  IC2002: { severity: 'error', title: 'unresolved import' },
  IC2003: { severity: 'error', title: 'name defined twice in one module' },
  IC2004: { severity: 'error', title: 'generic function cannot be exported' },
  IC2005: { severity: 'error', title: 'exported function is not extern "C"' },
  IC2006: { severity: 'warning', title: 'unknown cfg predicate' },
  IC2007: { severity: 'error', title: 'unknown constant or function in expression' },
  IC2008: { severity: 'error', title: 'item in `include` not found' },
  IC2009: { severity: 'error', title: 'ambiguous name from glob imports' },
  IC2010: { severity: 'error', title: 'exported item needs an item that is not exported' },
  IC2011: { severity: 'error', title: 'inventory registers an unknown item' },
} as const satisfies Record<string, CodeInfo>;
