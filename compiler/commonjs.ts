/**
 * io-ts, loaded with `require` when a configuration file is validated (most builds have none).
 * It is CommonJS: an ES module import would first scan its files for export names
 * (cjs-module-lexer), and loading it at all costs start-up time a build without `interopc.json`
 * does not need. Types still come from the package.
 */
import { createRequire } from 'node:module';
import type * as IoTsModule from 'io-ts';

const require = createRequire(import.meta.url);

let ioTs: typeof IoTsModule | undefined;

export const loadIoTs = (): typeof IoTsModule => (ioTs ??= require('io-ts') as typeof IoTsModule);
