/**
 * The Rust parser: the grammar layers (tokens → types → expressions → items) as one Chevrotain
 * `EmbeddedActionsParser`, built once per process because self-analysis is the expensive part of
 * start-up. It parses the *structure* interopc needs and skips everything else as balanced token
 * trees (function bodies, macro bodies, bounds it never interprets).
 */
import type { TokenType } from 'chevrotain';
import { ItemGrammar } from './grammar-items.js';
import { PrecomputedLookahead } from './lookahead.js';
import { lookaheadPaths } from './lookahead-paths.js';
import * as T from './token-types.js';

export class RustParser extends ItemGrammar {
  /**
   * `lookahead`: the stored lookahead paths by default (see lookahead.ts). `fastItems`: whether
   * regular items take the fast path (grammar-fast.ts); tests turn it off to compare.
   */
  constructor(readonly lookahead = new PrecomputedLookahead(T.allTokens as TokenType[], lookaheadPaths), fastItems = true) {
    super(lookahead);
    this.fastItems = fastItems;
    this.performSelfAnalysis();
  }
}

let parser: RustParser | undefined;

/** The one parser instance, built on first need. Files and expression runs take turns on it (never nested). */
export function getParser(): RustParser {
  return (parser ??= new RustParser());
}

/** Whether `getParser` has built the parser (a file the fast path reads whole never needs it). */
export const parserBuilt = (): boolean => parser !== undefined;
