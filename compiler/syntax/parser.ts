/**
 * The Rust parser: the grammar layers (tokens → types → expressions → items) as one Chevrotain
 * `EmbeddedActionsParser`, built once per process because self-analysis is the expensive part of
 * start-up. It parses the *structure* interopc needs and skips everything else as balanced token
 * trees (function bodies, macro bodies, bounds it never interprets).
 */
import { ItemGrammar } from './grammar-items.js';

export class RustParser extends ItemGrammar {
  constructor() {
    super();
    this.performSelfAnalysis();
  }
}

let parser: RustParser | undefined;

/** The one parser instance. Files and expression runs take turns on it (never nested). */
export function getParser(): RustParser {
  return (parser ??= new RustParser());
}
