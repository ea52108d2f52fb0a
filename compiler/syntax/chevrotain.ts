/**
 * Chevrotain's runtime, loaded from the single-file build the package ships (`lib/chevrotain.mjs`).
 * The package's export map points at its unbundled sources, whose hundreds of module loads cost
 * ~240 ms of start-up; the bundle loads in ~25 ms. Types still come from the package itself.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

const entry = createRequire(import.meta.url).resolve('chevrotain');
const bundle = join(dirname(entry), '..', 'chevrotain.mjs');
const runtime = (existsSync(bundle) ? await import(pathToFileURL(bundle).href) : await import('chevrotain')) as typeof Chevrotain;

export const { createToken, EmbeddedActionsParser, EOF, getLookaheadPaths, Lexer, LLkLookaheadStrategy, serializeGrammar, tokenLabel } = runtime;
