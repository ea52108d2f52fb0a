/**
 * Grammar layer 1: attributes, delimited groups and token runs. Groups are skipped, not parsed:
 * function bodies and macro arguments are only ever read back as token slices.
 */
import type { IToken } from 'chevrotain';
import type { Attribute, Expr } from './ast.js';
import type { Span } from '../source.js';
import { ParserBase } from './parser-base.js';
import { docAttribute } from './attributes.js';
import { attributeFrom } from './deferred.js';
import * as T from './token-types.js';

/** A run of tokens the grammar captured: [from, to) indices into the input, and its span. */
export interface TokenRun {
  readonly from: number;
  readonly to: number;
  readonly span: Span;
}

export abstract class TokenGrammar extends ParserBase {
  public innerAttr = this.RULE('innerAttr', (): Attribute =>
    this.OR(
      (this.innerAlternatives ??= [
        { ALT: () => this.docComment('inner', this.CONSUME(T.InnerDoc)) },
        { ALT: () => this.docComment('inner', this.CONSUME(T.InnerBlockDoc)) },
        {
          ALT: () => {
            const pound = this.CONSUME(T.Pound);
            this.CONSUME(T.Bang);
            const inside = this.SUBRULE(this.attrBody);
            return this.ACTION(() => this.attribute('inner', inside, pound.startOffset));
          },
        },
      ]),
    ),
  );

  public outerAttr = this.RULE('outerAttr', (): Attribute =>
    this.OR(
      (this.outerAlternatives ??= [
        { ALT: () => this.docComment('outer', this.CONSUME(T.OuterDoc)) },
        { ALT: () => this.docComment('outer', this.CONSUME(T.OuterBlockDoc)) },
        {
          ALT: () => {
            const pound = this.CONSUME(T.Pound);
            const inside = this.SUBRULE(this.attrBody);
            return this.ACTION(() => this.attribute('outer', inside, pound.startOffset));
          },
        },
      ]),
    ),
  );

  // Alternatives built once; their closures use only `this`.
  private innerAlternatives?: Parameters<typeof this.OR<Attribute>>[0];
  private outerAlternatives?: Parameters<typeof this.OR<Attribute>>[0];

  /** `[…]` of an attribute: the tokens between the brackets. */
  public attrBody = this.RULE('attrBody', (): IToken[] => {
    const from = this.position() + 2;
    this.SUBRULE(this.bracketGroup);
    return this.ACTION(() => this.input.slice(from, this.position()));
  });

  private docComment(style: 'outer' | 'inner', token: IToken): Attribute {
    return this.ACTION(() => docAttribute(style, token, this.tokenSpan(token)));
  }

  private attribute(style: 'outer' | 'inner', inside: IToken[], start: number): Attribute {
    return attributeFrom(this.filePath, this.deferred, style, inside ?? [], this.spanFrom(start));
  }

  // ------------------------------------------------------------------------------------------
  // Token trees and runs

  public tokenTree = this.RULE('tokenTree', () => {
    this.OR(
      (this.treeAlternatives ??= [
        { ALT: () => this.SUBRULE(this.delimGroup) },
        { ALT: () => this.CONSUME(T.NotDelim) },
        { ALT: () => this.CONSUME(T.OuterDoc) },
        { ALT: () => this.CONSUME(T.InnerDoc) },
        { ALT: () => this.CONSUME(T.OuterBlockDoc) },
        { ALT: () => this.CONSUME(T.InnerBlockDoc) },
      ]),
    );
  });

  public delimGroup = this.RULE('delimGroup', () => {
    this.OR(
      (this.groupAlternatives ??= [
        { ALT: () => this.SUBRULE(this.parenGroup) },
        { ALT: () => this.SUBRULE(this.bracketGroup) },
        { ALT: () => this.SUBRULE(this.braceGroup) },
      ]),
    );
  });

  private treeAlternatives?: Parameters<typeof this.OR<unknown>>[0];
  private groupAlternatives?: Parameters<typeof this.OR<unknown>>[0];

  public parenGroup = this.RULE('parenGroup', () => {
    const open = this.CONSUME(T.LParen);
    this.ACTION(() => this.skipGroupBody(open));
    this.CONSUME(T.RParen);
  });

  public bracketGroup = this.RULE('bracketGroup', () => {
    const open = this.CONSUME(T.LBracket);
    this.ACTION(() => this.skipGroupBody(open));
    this.CONSUME(T.RBracket);
  });

  public braceGroup = this.RULE('braceGroup', () => {
    const open = this.CONSUME(T.LBrace);
    this.ACTION(() => this.skipGroupBody(open));
    this.CONSUME(T.RBrace);
  });

  /** A delimited group as a token run (delimiters included). */
  public braceRun = this.RULE('braceRun', (): TokenRun => {
    const start = this.here();
    const from = this.position() + 1;
    this.SUBRULE(this.braceGroup);
    return this.ACTION(() => ({ from, to: this.position() + 1, span: this.spanFrom(start) }));
  });

  public runUntilSemi = this.RULE('runUntilSemi', (): TokenRun => {
    const start = this.here();
    const from = this.position() + 1;
    this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== T.Semi, DEF: () => this.SUBRULE(this.tokenTree) });
    return this.ACTION(() => ({ from, to: this.position() + 1, span: this.spanFrom(start) }));
  });

  public runUntilComma = this.RULE('runUntilComma', (): TokenRun => {
    const start = this.here();
    const from = this.position() + 1;
    this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== T.Comma, DEF: () => this.SUBRULE(this.tokenTree) });
    return this.ACTION(() => ({ from, to: this.position() + 1, span: this.spanFrom(start) }));
  });

  public runUntilBracket = this.RULE('runUntilBracket', (): TokenRun => {
    const start = this.here();
    const from = this.position() + 1;
    this.AT_LEAST_ONE(() => this.SUBRULE(this.tokenTree));
    return this.ACTION(() => ({ from, to: this.position() + 1, span: this.spanFrom(start) }));
  });

  /** Turns a captured run into an expression, now or after the file (see `expression`). */
  protected runExpression(run: TokenRun | undefined, apply: (e: Expr) => void): void {
    if (!run) return;
    this.expression(this.input.slice(run.from, run.to), run.span, apply);
  }
}
