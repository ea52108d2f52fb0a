/** Exhaustiveness guard for `switch (node.kind)`: a missing case is a type error. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** A bug in interopc itself (never caused by user input). The CLI reports it as such. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InternalError(message);
}
