/**
 * The Rust grammar (Chevrotain CstParser, rules as class fields). It parses the *structure* interopc
 * needs — items, attributes, generics, types — and skips everything else as balanced token trees
 * (function bodies, macro bodies, bounds it never interprets). Expressions have their own entry rule
 * (`exprEntry`), run by a second, non-recovering instance over token runs the item grammar captured.
 * The CST never leaves `compiler/syntax`: `cst-to-ast.ts` turns it into the AST.
 */
import type { IToken, TokenType } from 'chevrotain';
import { CstParser, EOF } from './chevrotain.js';
import * as T from './lexer.js';
import { rustErrorMessages } from './parser-messages.js';

const K = T.Kw;

/** Tokens that may start an item (after attributes and visibility). */
const itemStarters = new Set<TokenType>([
  T.Pound, T.OuterDoc, T.OuterBlockDoc, K.pub, K.mod, K.use, K.struct, K.enum, K.type, K.static, K.const,
  K.async, K.unsafe, K.extern, K.fn, K.impl, K.trait, T.Semi,
]);

export class RustParser extends CstParser {
  constructor(recovery: boolean) {
    super(T.allTokens, {
      recoveryEnabled: recovery,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 2,
      errorMessageProvider: rustErrorMessages,
    });
    this.performSelfAnalysis();
  }

  /** True when `a` ends right where `b` starts (for two-character operators lexed as two tokens). */
  private adjacent(i: number): boolean {
    const a = this.LA(i);
    const b = this.LA(i + 1);
    return a.endOffset !== undefined && b.startOffset === a.endOffset + 1;
  }

  private startsItem(): boolean {
    const t = this.LA(1);
    if (itemStarters.has(t.tokenType)) return true;
    if (t.tokenType === T.Ident) {
      const next = this.LA(2).tokenType;
      if (next === T.Bang || next === T.PathSep) return true;
      if (t.image === 'union' && next === T.Ident) return true;
    }
    return t.tokenType === T.PathSep;
  }

  // ------------------------------------------------------------------------------------------
  // Files, items

  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.innerAttr));
    this.SUBRULE(this.items);
    this.CONSUME(EOF);
  });

  /** Items until a `}` or the end; tokens that cannot start an item are kept as `stray` (an error). */
  public items = this.RULE('items', () => {
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.startsItem(), ALT: () => this.SUBRULE(this.item) },
          { GATE: () => !this.startsItem() && this.LA(1).tokenType !== T.RBrace, ALT: () => this.SUBRULE(this.stray) },
        ],
      });
    });
  });

  public stray = this.RULE('stray', () => this.SUBRULE(this.tokenTree));

  public innerAttr = this.RULE('innerAttr', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.InnerDoc) },
      { ALT: () => this.CONSUME(T.InnerBlockDoc) },
      {
        ALT: () => {
          this.CONSUME(T.Pound);
          this.CONSUME(T.Bang);
          this.SUBRULE(this.attrBody);
        },
      },
    ]);
  });

  public outerAttr = this.RULE('outerAttr', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.OuterDoc) },
      { ALT: () => this.CONSUME(T.OuterBlockDoc) },
      {
        ALT: () => {
          this.CONSUME(T.Pound);
          this.SUBRULE(this.attrBody);
        },
      },
    ]);
  });

  public attrBody = this.RULE('attrBody', () => this.SUBRULE(this.bracketGroup));

  public item = this.RULE('item', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OPTION(() => this.SUBRULE(this.visibility));
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.modItem) },
        { ALT: () => this.SUBRULE(this.useItem) },
        { ALT: () => this.SUBRULE(this.structItem) },
        { ALT: () => this.SUBRULE(this.enumItem) },
        { ALT: () => this.SUBRULE(this.typeAliasItem) },
        { ALT: () => this.SUBRULE(this.staticItem) },
        { GATE: () => this.LA(1).image === 'union' && this.LA(2).tokenType === T.Ident, ALT: () => this.SUBRULE(this.unionItem) },
        { ALT: () => this.SUBRULE(this.qualifiedItem) },
        { ALT: () => this.SUBRULE(this.macroItem) },
        { ALT: () => this.CONSUME(T.Semi) },
      ],
    });
  });

  public visibility = this.RULE('visibility', () => {
    this.CONSUME(K.pub);
    this.OPTION({
      GATE: () => {
        const t = this.LA(2).tokenType;
        return t === K.crate || t === K.self || t === K.super || t === K.in;
      },
      DEF: () => {
        this.CONSUME(T.LParen);
        this.OR([
          { ALT: () => this.CONSUME(K.crate) },
          { ALT: () => this.CONSUME(K.self) },
          { ALT: () => this.CONSUME(K.super) },
          {
            ALT: () => {
              this.CONSUME(K.in);
              this.SUBRULE(this.typePath);
            },
          },
        ]);
        this.CONSUME(T.RParen);
      },
    });
  });

  public modItem = this.RULE('modItem', () => {
    this.CONSUME(K.mod);
    this.CONSUME(T.Ident);
    this.OR([
      { ALT: () => this.CONSUME(T.Semi) },
      { ALT: () => this.SUBRULE(this.itemBlock) },
    ]);
  });

  /** `{ #![inner] items }` for inline modules, impls, traits and extern blocks. */
  public itemBlock = this.RULE('itemBlock', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.innerAttr));
    this.SUBRULE(this.items);
    this.CONSUME(T.RBrace);
  });

  public useItem = this.RULE('useItem', () => {
    this.CONSUME(K.use);
    this.OPTION(() => this.CONSUME(T.PathSep));
    this.SUBRULE(this.useTree);
    this.CONSUME(T.Semi);
  });

  public useTree = this.RULE('useTree', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Star) },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.useTree)) });
          this.CONSUME(T.RBrace);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.pathIdent);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME2(T.PathSep);
                this.SUBRULE2(this.useTree);
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.as);
                this.CONSUME(T.Ident);
              },
            },
            { ALT: () => {} },
          ]);
        },
      },
    ]);
  });

  /** A path segment name: identifier or one of the path keywords. */
  public pathIdent = this.RULE('pathIdent', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Ident) },
      { ALT: () => this.CONSUME(K.self) },
      { ALT: () => this.CONSUME(K.super) },
      { ALT: () => this.CONSUME(K.crate) },
      { ALT: () => this.CONSUME(K.SelfType) },
    ]);
  });

  public structItem = this.RULE('structItem', () => {
    this.CONSUME(K.struct);
    this.CONSUME(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.tupleFields);
          this.OPTION2(() => this.SUBRULE(this.whereClause));
          this.CONSUME(T.Semi);
        },
      },
      {
        ALT: () => {
          this.OPTION3(() => this.SUBRULE2(this.whereClause));
          this.OR2([
            { ALT: () => this.SUBRULE(this.namedFields) },
            { ALT: () => this.CONSUME2(T.Semi) },
          ]);
        },
      },
    ]);
  });

  public unionItem = this.RULE('unionItem', () => {
    this.CONSUME(T.Ident); // `union`
    this.CONSUME2(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.OPTION2(() => this.SUBRULE(this.whereClause));
    this.SUBRULE(this.namedFields);
  });

  public namedFields = this.RULE('namedFields', () => {
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.namedField)) });
    this.CONSUME(T.RBrace);
  });

  public namedField = this.RULE('namedField', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OPTION(() => this.SUBRULE(this.visibility));
    this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.type);
  });

  public tupleFields = this.RULE('tupleFields', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.tupleField)) });
    this.CONSUME(T.RParen);
  });

  public tupleField = this.RULE('tupleField', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OPTION(() => this.SUBRULE(this.visibility));
    this.SUBRULE(this.type);
  });

  public enumItem = this.RULE('enumItem', () => {
    this.CONSUME(K.enum);
    this.CONSUME(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.OPTION2(() => this.SUBRULE(this.whereClause));
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION3(() => this.SUBRULE(this.variant)) });
    this.CONSUME(T.RBrace);
  });

  public variant = this.RULE('variant', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OPTION(() => this.SUBRULE(this.visibility));
    this.CONSUME(T.Ident);
    this.OPTION2(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.namedFields) },
        { ALT: () => this.SUBRULE(this.tupleFields) },
      ]);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Eq);
      this.SUBRULE(this.runUntilComma);
    });
  });

  public typeAliasItem = this.RULE('typeAliasItem', () => {
    this.CONSUME(K.type);
    this.CONSUME(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.bounds);
    });
    this.OPTION3(() => this.SUBRULE(this.whereClause));
    this.OPTION4(() => {
      this.CONSUME(T.Eq);
      this.SUBRULE(this.type);
    });
    this.CONSUME(T.Semi);
  });

  public staticItem = this.RULE('staticItem', () => {
    this.CONSUME(K.static);
    this.OPTION(() => this.CONSUME(K.mut));
    this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.type);
    this.OPTION2(() => {
      this.CONSUME(T.Eq);
      this.SUBRULE(this.runUntilSemi);
    });
    this.CONSUME(T.Semi);
  });

  /** Items that begin with qualifiers: `const`, `async`, `unsafe`, `extern "abi"`, then fn/impl/trait/… */
  public qualifiedItem = this.RULE('qualifiedItem', () => {
    this.MANY(() => this.SUBRULE(this.qualifier));
    this.OR([
      { ALT: () => this.SUBRULE(this.fnRest) },
      { ALT: () => this.SUBRULE(this.implRest) },
      { ALT: () => this.SUBRULE(this.traitRest) },
      { ALT: () => this.SUBRULE(this.itemBlock) },
      { ALT: () => this.SUBRULE(this.externCrateRest) },
      { ALT: () => this.SUBRULE(this.constRest) },
    ]);
  });

  public qualifier = this.RULE('qualifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.const) },
      { ALT: () => this.CONSUME(K.async) },
      { ALT: () => this.CONSUME(K.unsafe) },
      {
        ALT: () => {
          this.CONSUME(K.extern);
          this.OPTION(() => this.SUBRULE(this.abiString));
        },
      },
    ]);
  });

  public abiString = this.RULE('abiString', () => {
    this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.RawStringLit) }]);
  });

  public fnRest = this.RULE('fnRest', () => {
    this.CONSUME(K.fn);
    this.CONSUME(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION2(() => this.SUBRULE(this.fnParam)) });
    this.CONSUME(T.RParen);
    this.OPTION3(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE(this.type);
    });
    this.OPTION4(() => this.SUBRULE(this.whereClause));
    this.OR([
      { ALT: () => this.CONSUME(T.Semi) },
      { ALT: () => this.SUBRULE(this.braceGroup) },
    ]);
  });

  public fnParam = this.RULE('fnParam', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.isReceiver(), ALT: () => this.SUBRULE(this.receiver) },
        { ALT: () => this.CONSUME(T.DotDotDot) },
        {
          ALT: () => {
            this.SUBRULE(this.pattern);
            this.CONSUME(T.Colon);
            this.SUBRULE(this.type);
          },
        },
      ],
    });
  });

  private isReceiver(): boolean {
    const at = (i: number): TokenType => this.LA(i).tokenType;
    if (at(1) === K.self) return true;
    if (at(1) === K.mut && at(2) === K.self) return true;
    if (at(1) !== T.Amp) return false;
    let i = 2;
    if (at(i) === T.Lifetime) i++;
    if (at(i) === K.mut) i++;
    return at(i) === K.self;
  }

  public receiver = this.RULE('receiver', () => {
    this.OPTION(() => {
      this.CONSUME(T.Amp);
      this.OPTION2(() => this.CONSUME(T.Lifetime));
    });
    this.OPTION3(() => this.CONSUME(K.mut));
    this.CONSUME(K.self);
    this.OPTION4(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.type);
    });
  });

  /**
   * A parameter pattern (`x`, `mut x`, `_`, `(a, b)`, `&x`, `Wrapper(x)`), kept as tokens. Only
   * pattern tokens are accepted so a broken parameter list cannot swallow the items after it.
   */
  public pattern = this.RULE('pattern', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Ident) },
        { ALT: () => this.CONSUME(K.mut) },
        { ALT: () => this.CONSUME(T.Amp) },
        { ALT: () => this.CONSUME(T.PathSep) },
        { ALT: () => this.CONSUME(T.DotDot) },
        { ALT: () => this.SUBRULE(this.parenGroup) },
        { ALT: () => this.SUBRULE(this.bracketGroup) },
      ]);
    });
  });

  public implRest = this.RULE('implRest', () => {
    this.CONSUME(K.impl);
    this.OPTION({ GATE: () => this.LA(1).tokenType === T.Lt, DEF: () => this.SUBRULE(this.genericParams) });
    this.OPTION2(() => this.CONSUME(T.Bang));
    this.SUBRULE(this.type);
    this.OPTION3(() => {
      this.CONSUME(K.for);
      this.SUBRULE2(this.type);
    });
    this.OPTION4(() => this.SUBRULE(this.whereClause));
    this.SUBRULE(this.itemBlock);
  });

  public traitRest = this.RULE('traitRest', () => {
    this.CONSUME(K.trait);
    this.CONSUME(T.Ident);
    this.OPTION(() => this.SUBRULE(this.genericParams));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.OPTION3(() => this.SUBRULE(this.bounds));
    });
    this.OPTION4(() => this.SUBRULE(this.whereClause));
    this.SUBRULE(this.itemBlock);
  });

  public externCrateRest = this.RULE('externCrateRest', () => {
    this.CONSUME(K.crate);
    this.SUBRULE(this.pathIdent);
    this.OPTION(() => {
      this.CONSUME(K.as);
      this.CONSUME(T.Ident);
    });
    this.CONSUME(T.Semi);
  });

  /** `const NAME: T = expr;` (the `const` was consumed as a qualifier). */
  public constRest = this.RULE('constRest', () => {
    this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.type);
    this.OPTION(() => {
      this.CONSUME(T.Eq);
      this.SUBRULE(this.runUntilSemi);
    });
    this.CONSUME(T.Semi);
  });

  /** `name!(…);`, `name! { … }`, `macro_rules! name { … }` */
  public macroItem = this.RULE('macroItem', () => {
    this.SUBRULE(this.typePath);
    this.CONSUME(T.Bang);
    this.OPTION(() => this.CONSUME(T.Ident));
    this.SUBRULE(this.delimGroup);
    this.OPTION2(() => this.CONSUME(T.Semi));
  });

  // ------------------------------------------------------------------------------------------
  // Generics

  public genericParams = this.RULE('genericParams', () => {
    this.CONSUME(T.Lt);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.genericParam)) });
    this.CONSUME(T.Gt);
  });

  public genericParam = this.RULE('genericParam', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Lifetime);
          this.OPTION(() => {
            this.CONSUME(T.Colon);
            this.OPTION4(() => this.SUBRULE(this.bounds));
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.const);
          this.CONSUME(T.Ident);
          this.CONSUME2(T.Colon);
          this.SUBRULE(this.type);
          this.OPTION2(() => {
            this.CONSUME(T.Eq);
            this.SUBRULE(this.genericArg);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Ident);
          this.OPTION3(() => {
            this.CONSUME3(T.Colon);
            this.OPTION5(() => this.SUBRULE2(this.bounds));
          });
          this.OPTION6(() => {
            this.CONSUME2(T.Eq);
            this.SUBRULE2(this.type);
          });
        },
      },
    ]);
  });

  public bounds = this.RULE('bounds', () => {
    this.SUBRULE(this.bound);
    this.MANY(() => {
      this.CONSUME(T.Plus);
      this.OPTION(() => this.SUBRULE2(this.bound));
    });
  });

  public bound = this.RULE('bound', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Lifetime) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.bounds);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Question));
          this.OPTION2(() => this.CONSUME(T.Tilde));
          this.OPTION3(() => this.CONSUME(K.const));
          this.OPTION4(() => this.SUBRULE(this.forLifetimes));
          this.SUBRULE(this.typePath);
        },
      },
    ]);
  });

  public forLifetimes = this.RULE('forLifetimes', () => {
    this.CONSUME(K.for);
    this.SUBRULE(this.genericParams);
  });

  public whereClause = this.RULE('whereClause', () => {
    this.CONSUME(K.where);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION({
          GATE: () => {
            const t = this.LA(1).tokenType;
            return t !== T.LBrace && t !== T.Semi && t !== T.Eq;
          },
          DEF: () => this.SUBRULE(this.wherePredicate),
        }),
    });
  });

  public wherePredicate = this.RULE('wherePredicate', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Lifetime);
          this.CONSUME(T.Colon);
          this.OPTION(() => this.SUBRULE(this.bounds));
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.SUBRULE(this.forLifetimes));
          this.SUBRULE(this.type);
          this.CONSUME2(T.Colon);
          this.OPTION3(() => this.SUBRULE2(this.bounds));
        },
      },
    ]);
  });

  // ------------------------------------------------------------------------------------------
  // Types

  public type = this.RULE('type', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.refType) },
      { ALT: () => this.SUBRULE(this.ptrType) },
      { ALT: () => this.SUBRULE(this.bracketType) },
      { ALT: () => this.SUBRULE(this.parenType) },
      { ALT: () => this.CONSUME(T.Bang) },
      { ALT: () => this.SUBRULE(this.fnPtrType) },
      { ALT: () => this.SUBRULE(this.traitType) },
      { ALT: () => this.SUBRULE(this.qualifiedPathType) },
      { ALT: () => this.SUBRULE(this.pathType) },
    ]);
  });

  public refType = this.RULE('refType', () => {
    this.CONSUME(T.Amp);
    this.OPTION(() => this.CONSUME(T.Lifetime));
    this.OPTION2(() => this.CONSUME(K.mut));
    this.SUBRULE(this.type);
  });

  public ptrType = this.RULE('ptrType', () => {
    this.CONSUME(T.Star);
    this.OR([{ ALT: () => this.CONSUME(K.const) }, { ALT: () => this.CONSUME(K.mut) }]);
    this.SUBRULE(this.type);
  });

  /** `[T]` or `[T; N]` */
  public bracketType = this.RULE('bracketType', () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.type);
    this.OPTION(() => {
      this.CONSUME(T.Semi);
      this.SUBRULE(this.runUntilBracket);
    });
    this.CONSUME(T.RBracket);
  });

  /** `()`, `(T)`, `(A, B)` */
  public parenType = this.RULE('parenType', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.type)) });
    this.CONSUME(T.RParen);
  });

  public fnPtrType = this.RULE('fnPtrType', () => {
    this.OPTION(() => this.SUBRULE(this.forLifetimes));
    this.OPTION2(() => this.CONSUME(K.unsafe));
    this.OPTION3(() => {
      this.CONSUME(K.extern);
      this.OPTION4(() => this.SUBRULE(this.abiString));
    });
    this.CONSUME(K.fn);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION5(() => this.SUBRULE(this.fnPtrParam)) });
    this.CONSUME(T.RParen);
    this.OPTION6(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE(this.type);
    });
  });

  public fnPtrParam = this.RULE('fnPtrParam', () => {
    this.MANY(() => this.SUBRULE(this.outerAttr));
    this.OR([
      { ALT: () => this.CONSUME(T.DotDotDot) },
      {
        ALT: () => {
          this.OPTION({
            GATE: () => this.LA(2).tokenType === T.Colon,
            DEF: () => {
              this.CONSUME(T.Ident);
              this.CONSUME(T.Colon);
            },
          });
          this.SUBRULE(this.type);
        },
      },
    ]);
  });

  public traitType = this.RULE('traitType', () => {
    this.OR([{ ALT: () => this.CONSUME(K.dyn) }, { ALT: () => this.CONSUME(K.impl) }]);
    this.SUBRULE(this.bounds);
  });

  /** `<T as Trait>::Assoc` — kept only so it parses; it has no C meaning. */
  public qualifiedPathType = this.RULE('qualifiedPathType', () => {
    this.CONSUME(T.Lt);
    this.SUBRULE(this.type);
    this.OPTION(() => {
      this.CONSUME(K.as);
      this.SUBRULE(this.typePath);
    });
    this.CONSUME(T.Gt);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.PathSep);
      this.SUBRULE(this.pathSegment);
    });
  });

  /** A path type, or a type macro `ty!(…)`. */
  public pathType = this.RULE('pathType', () => {
    this.SUBRULE(this.typePath);
    this.OPTION(() => {
      this.CONSUME(T.Bang);
      this.SUBRULE(this.delimGroup);
    });
  });

  public typePath = this.RULE('typePath', () => {
    this.OPTION(() => this.CONSUME(T.PathSep));
    this.SUBRULE(this.pathSegment);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.PathSep && this.LA(2).tokenType !== T.Star && this.LA(2).tokenType !== T.LBrace,
      DEF: () => {
        this.CONSUME2(T.PathSep);
        this.SUBRULE2(this.pathSegment);
      },
    });
  });

  public pathSegment = this.RULE('pathSegment', () => {
    this.SUBRULE(this.pathIdent);
    // LL(k) for OPTION only looks at the first token, and `a::B` must not start a turbofish `a::<T>`.
    const startsArgs = (): boolean => {
      const t = this.LA(1).tokenType;
      return t === T.Lt || t === T.LParen || (t === T.PathSep && this.LA(2).tokenType === T.Lt);
    };
    this.OPTION({ GATE: startsArgs, DEF: () => {
      this.OR([
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.PathSep));
            this.SUBRULE(this.genericArgs);
          },
        },
        { GATE: () => this.LA(1).tokenType === T.LParen, ALT: () => this.SUBRULE(this.fnSugar) },
      ]);
    } });
  });

  /** `Fn(A, B) -> C` in bounds. */
  public fnSugar = this.RULE('fnSugar', () => {
    this.SUBRULE(this.parenType);
    this.OPTION({
      GATE: () => this.LA(1).tokenType === T.Arrow,
      DEF: () => {
        this.CONSUME(T.Arrow);
        this.SUBRULE(this.type);
      },
    });
  });

  public genericArgs = this.RULE('genericArgs', () => {
    this.CONSUME(T.Lt);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.genericArg)) });
    this.CONSUME(T.Gt);
  });

  public genericArg = this.RULE('genericArg', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Lifetime) },
      { ALT: () => this.SUBRULE(this.braceGroup) },
      { ALT: () => this.SUBRULE(this.literalArg) },
      {
        GATE: () => this.LA(2).tokenType === T.Eq || (this.LA(2).tokenType === T.Colon && this.LA(3).tokenType !== T.Colon),
        ALT: () => {
          this.CONSUME(T.Ident);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.Eq);
                this.SUBRULE(this.type);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.Colon);
                this.SUBRULE(this.bounds);
              },
            },
          ]);
        },
      },
      { ALT: () => this.SUBRULE2(this.type) },
    ]);
  });

  public literalArg = this.RULE('literalArg', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      { ALT: () => this.CONSUME(T.IntLit) },
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.CONSUME(K.true) },
      { ALT: () => this.CONSUME(K.false) },
      { ALT: () => this.CONSUME(T.CharLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
    ]);
  });

  // ------------------------------------------------------------------------------------------
  // Token trees and runs (kept verbatim; sliced from the token vector by cst-to-ast)

  public tokenTree = this.RULE('tokenTree', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.delimGroup) },
      { ALT: () => this.CONSUME(T.NotDelim) },
      { ALT: () => this.CONSUME(T.OuterDoc) },
      { ALT: () => this.CONSUME(T.InnerDoc) },
      { ALT: () => this.CONSUME(T.OuterBlockDoc) },
      { ALT: () => this.CONSUME(T.InnerBlockDoc) },
    ]);
  });

  public delimGroup = this.RULE('delimGroup', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.parenGroup) },
      { ALT: () => this.SUBRULE(this.bracketGroup) },
      { ALT: () => this.SUBRULE(this.braceGroup) },
    ]);
  });

  public parenGroup = this.RULE('parenGroup', () => {
    this.CONSUME(T.LParen);
    this.ACTION(() => this.skipBalanced());
    this.CONSUME(T.RParen);
  });

  public bracketGroup = this.RULE('bracketGroup', () => {
    this.CONSUME(T.LBracket);
    this.ACTION(() => this.skipBalanced());
    this.CONSUME(T.RBracket);
  });

  public braceGroup = this.RULE('braceGroup', () => {
    this.CONSUME(T.LBrace);
    this.ACTION(() => this.skipBalanced());
    this.CONSUME(T.RBrace);
  });

  /**
   * Skips the inside of a delimited group up to (not including) its closing delimiter. Groups are
   * only ever read back as token slices, so walking them token by token here instead of through
   * grammar rules keeps function bodies cheap. A mismatched closer stops the skip, so the grammar
   * reports it.
   */
  private skipBalanced(): void {
    const stack: TokenType[] = [];
    for (;;) {
      const type = this.LA(1).tokenType;
      if (type === EOF) return;
      if (type === T.LParen || type === T.LBracket || type === T.LBrace) stack.push(type === T.LParen ? T.RParen : type === T.LBracket ? T.RBracket : T.RBrace);
      else if (type === T.RParen || type === T.RBracket || type === T.RBrace) {
        if (stack.length === 0) return;
        if (stack[stack.length - 1] !== type) return;
        stack.pop();
      }
      this.SKIP_TOKEN();
    }
  }

  public runUntilSemi = this.RULE('runUntilSemi', () => {
    this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== T.Semi, DEF: () => this.SUBRULE(this.tokenTree) });
  });

  public runUntilComma = this.RULE('runUntilComma', () => {
    this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== T.Comma, DEF: () => this.SUBRULE(this.tokenTree) });
  });

  public runUntilBracket = this.RULE('runUntilBracket', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.tokenTree));
  });

  // ------------------------------------------------------------------------------------------
  // Expressions (entry: exprEntry / blockEntry; used on captured token runs)

  public exprEntry = this.RULE('exprEntry', () => {
    this.SUBRULE(this.expr);
    this.CONSUME(EOF);
  });

  public expr = this.RULE('expr', () => {
    this.SUBRULE(this.orExpr);
  });

  public orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Pipe && this.LA(2).tokenType === T.Pipe && this.adjacent(1),
      DEF: () => {
        this.CONSUME(T.Pipe, { LABEL: 'op' });
        this.CONSUME2(T.Pipe);
        this.SUBRULE2(this.andExpr, { LABEL: 'operand' });
      },
    });
  });

  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.cmpExpr, { LABEL: 'operand' });
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Amp && this.LA(2).tokenType === T.Amp && this.adjacent(1),
      DEF: () => {
        this.CONSUME(T.Amp, { LABEL: 'op' });
        this.CONSUME2(T.Amp);
        this.SUBRULE2(this.cmpExpr, { LABEL: 'operand' });
      },
    });
  });

  public cmpExpr = this.RULE('cmpExpr', () => {
    this.SUBRULE(this.bitOrExpr, { LABEL: 'operand' });
    this.OPTION(() => {
      this.SUBRULE(this.cmpOp, { LABEL: 'op' });
      this.SUBRULE2(this.bitOrExpr, { LABEL: 'operand' });
    });
  });

  public cmpOp = this.RULE('cmpOp', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.EqEq) },
      { ALT: () => this.CONSUME(T.Ne) },
      {
        ALT: () => {
          this.CONSUME(T.Lt);
          this.OPTION({ GATE: () => this.LA(1).tokenType === T.Eq && this.adjacent(0), DEF: () => this.CONSUME(T.Eq) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Gt);
          this.OPTION2({ GATE: () => this.LA(1).tokenType === T.Eq && this.adjacent(0), DEF: () => this.CONSUME2(T.Eq) });
        },
      },
    ]);
  });

  public bitOrExpr = this.RULE('bitOrExpr', () => {
    this.SUBRULE(this.bitXorExpr, { LABEL: 'operand' });
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Pipe && !(this.LA(2).tokenType === T.Pipe && this.adjacent(1)),
      DEF: () => {
        this.CONSUME(T.Pipe, { LABEL: 'op' });
        this.SUBRULE2(this.bitXorExpr, { LABEL: 'operand' });
      },
    });
  });

  public bitXorExpr = this.RULE('bitXorExpr', () => {
    this.SUBRULE(this.bitAndExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.Caret, { LABEL: 'op' });
      this.SUBRULE2(this.bitAndExpr, { LABEL: 'operand' });
    });
  });

  public bitAndExpr = this.RULE('bitAndExpr', () => {
    this.SUBRULE(this.shiftExpr, { LABEL: 'operand' });
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Amp && !(this.LA(2).tokenType === T.Amp && this.adjacent(1)),
      DEF: () => {
        this.CONSUME(T.Amp, { LABEL: 'op' });
        this.SUBRULE2(this.shiftExpr, { LABEL: 'operand' });
      },
    });
  });

  public shiftExpr = this.RULE('shiftExpr', () => {
    this.SUBRULE(this.addExpr, { LABEL: 'operand' });
    this.MANY({
      GATE: () => {
        const t = this.LA(1).tokenType;
        return (t === T.Lt || t === T.Gt) && this.LA(2).tokenType === t && this.adjacent(1);
      },
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Lt, { LABEL: 'op' });
              this.CONSUME2(T.Lt);
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Gt, { LABEL: 'op' });
              this.CONSUME2(T.Gt);
            },
          },
        ]);
        this.SUBRULE2(this.addExpr, { LABEL: 'operand' });
      },
    });
  });

  public addExpr = this.RULE('addExpr', () => {
    this.SUBRULE(this.mulExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) }]);
      this.SUBRULE2(this.mulExpr, { LABEL: 'operand' });
    });
  });

  public mulExpr = this.RULE('mulExpr', () => {
    this.SUBRULE(this.castExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Percent, { LABEL: 'op' }) },
      ]);
      this.SUBRULE2(this.castExpr, { LABEL: 'operand' });
    });
  });

  public castExpr = this.RULE('castExpr', () => {
    this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      this.CONSUME(K.as);
      this.SUBRULE(this.type);
    });
  });

  public unaryExpr = this.RULE('unaryExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.Bang, { LABEL: 'op' }) },
            {
              ALT: () => {
                this.CONSUME(T.Amp, { LABEL: 'op' });
                this.OPTION(() => this.CONSUME(K.mut));
              },
            },
          ]);
          this.SUBRULE(this.unaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpr) },
    ]);
  });

  public postfixExpr = this.RULE('postfixExpr', () => {
    this.SUBRULE(this.primaryExpr);
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  public postfixOp = this.RULE('postfixOp', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.callArgs) },
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.OR2([{ ALT: () => this.CONSUME(T.Ident) }, { ALT: () => this.CONSUME(T.IntLit) }]);
          this.OPTION(() => this.SUBRULE2(this.callArgs));
        },
      },
    ]);
  });

  public callArgs = this.RULE('callArgs', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => this.SUBRULE(this.expr)) });
    this.CONSUME(T.RParen);
  });

  public primaryExpr = this.RULE('primaryExpr', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntLit) },
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.RawStringLit) },
      { ALT: () => this.CONSUME(T.CharLit) },
      { ALT: () => this.CONSUME(K.true) },
      { ALT: () => this.CONSUME(K.false) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.blockExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.exprPath) },
    ]);
  });

  public parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expr);
    this.CONSUME(T.RParen);
  });

  public blockExpr = this.RULE('blockExpr', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.letStatement));
    this.OPTION(() => this.SUBRULE(this.expr));
    this.CONSUME(T.RBrace);
  });

  public letStatement = this.RULE('letStatement', () => {
    this.CONSUME(K.let);
    this.OPTION(() => this.CONSUME(K.mut));
    this.CONSUME(T.Ident);
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.type);
    });
    this.CONSUME(T.Eq);
    this.SUBRULE(this.expr);
    this.CONSUME(T.Semi);
  });

  public ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(K.if);
    this.SUBRULE(this.expr);
    this.SUBRULE(this.blockExpr);
    this.OPTION(() => {
      this.CONSUME(K.else);
      this.OR([{ ALT: () => this.SUBRULE2(this.ifExpr) }, { ALT: () => this.SUBRULE2(this.blockExpr) }]);
    });
  });

  /** `a::b::<T>::C`; turbofish arguments kept as genericArgs. */
  public exprPath = this.RULE('exprPath', () => {
    this.OPTION(() => this.CONSUME(T.PathSep));
    this.SUBRULE(this.pathIdent);
    this.MANY(() => {
      this.CONSUME2(T.PathSep);
      this.OR([{ ALT: () => this.SUBRULE(this.genericArgs) }, { ALT: () => this.SUBRULE2(this.pathIdent) }]);
    });
  });
}

let parser: RustParser | undefined;

/**
 * The one parser instance, built once: self-analysis is the expensive part of start-up. It parses
 * files with recovery on; expression runs reuse it (after the file's CST is complete), and any
 * recorded error there simply means "not an expression interopc understands".
 */
export function getItemParser(): RustParser {
  return (parser ??= new RustParser(true));
}

export const getExpressionParser = getItemParser;

export type { IToken };
