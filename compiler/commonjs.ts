/**
 * fp-ts and io-ts, loaded with `require`. Both packages are CommonJS. When an ES module imports
 * them, Node first scans each of their files for export names (cjs-module-lexer), which costs
 * ~35 ms of every run's start-up; `require` skips that scan. Types still come from the packages.
 */
import { createRequire } from 'node:module';
import type * as EitherModule from 'fp-ts/lib/Either.js';
import type * as IoTsModule from 'io-ts';

const require = createRequire(import.meta.url);

export const { isLeft, left, right } = require('fp-ts/lib/Either.js') as typeof EitherModule;
export const ioTs = require('io-ts') as typeof IoTsModule;
