/** interopc's version, read once from package.json. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function interopcVersion(): string {
  if (cached) return cached;
  const url = new URL('../../package.json', import.meta.url);
  cached = (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  return cached;
}
