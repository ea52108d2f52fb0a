/**
 * Chevrotain's runtime for the single-file build of the CLI (`tools/bundle.ts`), which puts this
 * module in place of `chevrotain.ts`: a bundler includes a static import, while `chevrotain.ts`
 * loads the package's own single-file build at run time (with a top-level await that a CommonJS
 * bundle cannot hold). Both export the same names; a test compares them.
 */
export { createToken, EmbeddedActionsParser, EOF, getLookaheadPaths, Lexer, LLkLookaheadStrategy, serializeGrammar, tokenLabel } from 'chevrotain';
