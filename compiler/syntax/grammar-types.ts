/**
 * Grammar layer 2: paths, types, generic arguments and parameters, bounds and where clauses.
 * Bounds are kept as text: interopc never interprets them.
 */
import type { IToken } from 'chevrotain';
import type { FnPointerParam, GenericArg, GenericParam, Path, PathSegment, TypeNode } from './ast.js';
import type { Span } from '../source.js';
import { TokenGrammar, type TokenRun } from './grammar-tokens.js';
import { abiOfToken, boundsText, fnPointerTypeNode, plainTypeNode } from './token-exprs.js';
import * as T from './token-types.js';

const K = T.Kw;

type Mutable<N> = { -readonly [K in keyof N]: N[K] };

export abstract class TypeGrammar extends TokenGrammar {
  /** Placeholder for a type that recovery dropped. */
  protected missingType = (): TypeNode => ({ kind: 'infer', span: this.spanFrom(this.here()) });

  /** A path segment name: identifier or one of the path keywords. */
  public pathIdent = this.RULE('pathIdent', (): IToken =>
    this.OR(
      (this.pathIdentAlternatives ??= [
        { ALT: () => this.CONSUME(T.Ident) },
        { ALT: () => this.CONSUME(K.self) },
        { ALT: () => this.CONSUME(K.super) },
        { ALT: () => this.CONSUME(K.crate) },
        { ALT: () => this.CONSUME(K.SelfType) },
      ]),
    ),
  );

  private pathIdentAlternatives?: Parameters<typeof this.OR<IToken>>[0];

  public typePath = this.RULE('typePath', (): Path => {
    const start = this.here();
    let global = false;
    const segments: PathSegment[] = [];
    this.OPTION(() => {
      this.CONSUME(T.PathSep);
      global = true;
    });
    segments.push(this.SUBRULE(this.pathSegment));
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.PathSep && this.LA(2).tokenType !== T.Star && this.LA(2).tokenType !== T.LBrace,
      DEF: () => {
        this.CONSUME2(T.PathSep);
        segments.push(this.SUBRULE2(this.pathSegment));
      },
    });
    return this.ACTION(() => ({ global, segments: segments.filter(Boolean), span: this.spanFrom(start) }));
  });

  public pathSegment = this.RULE('pathSegment', (): PathSegment => {
    const start = this.here();
    const ident = this.SUBRULE(this.pathIdent);
    let generics: GenericArg[] | undefined;
    // LL(k) for OPTION only looks at the first token, and `a::B` must not start a turbofish `a::<T>`.
    const startsArgs = (): boolean => {
      const t = this.LA(1).tokenType;
      return t === T.Lt || t === T.LParen || (t === T.PathSep && this.LA(2).tokenType === T.Lt);
    };
    this.OPTION({
      GATE: startsArgs,
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.OPTION2(() => this.CONSUME(T.PathSep));
              generics = this.SUBRULE(this.genericArgs);
            },
          },
          { GATE: () => this.LA(1).tokenType === T.LParen, ALT: () => (generics = this.SUBRULE(this.fnSugar)) },
        ]);
      },
    });
    return this.ACTION(() => {
      const span = this.spanFrom(start);
      const name = this.identText(ident);
      return generics ? { name, generics, span } : { name, span };
    });
  });

  /** `Fn(A, B) -> C` in bounds: the argument types as generics, the result as an `Output` binding. */
  public fnSugar = this.RULE('fnSugar', (): GenericArg[] => {
    const args: GenericArg[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION(() => {
          const start = this.here();
          const type = this.SUBRULE(this.type);
          this.ACTION(() => args.push({ kind: 'type', type, span: this.spanFrom(start) }));
        }),
    });
    this.CONSUME(T.RParen);
    this.OPTION2({
      GATE: () => this.LA(1).tokenType === T.Arrow,
      DEF: () => {
        this.CONSUME(T.Arrow);
        const start = this.here();
        const type = this.SUBRULE2(this.type);
        this.ACTION(() => args.push({ kind: 'binding', name: 'Output', type, span: this.spanFrom(start) }));
      },
    });
    return args;
  });

  public genericArgs = this.RULE('genericArgs', (): GenericArg[] => {
    const args: GenericArg[] = [];
    this.CONSUME(T.Lt);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION(() => {
          const arg = this.SUBRULE(this.genericArg);
          if (arg) args.push(arg);
        }),
    });
    this.CONSUME(T.Gt);
    return args;
  });

  public genericArg = this.RULE('genericArg', (): GenericArg => {
    const start = this.here();
    return this.OR([
      { ALT: () => {
        const t = this.CONSUME(T.Lifetime);
        return this.ACTION((): GenericArg => ({ kind: 'lifetime', name: t.image, span: this.spanFrom(start) }));
      } },
      { ALT: () => {
        const run = this.SUBRULE(this.braceRun);
        return this.ACTION(() => this.constArg(run.from, run.to, this.spanFrom(start)));
      } },
      { ALT: () => {
        const from = this.position() + 1;
        this.SUBRULE(this.literalArg);
        return this.ACTION(() => this.constArg(from, this.position() + 1, this.spanFrom(start)));
      } },
      {
        GATE: () => this.LA(2).tokenType === T.Eq || (this.LA(2).tokenType === T.Colon && this.LA(3).tokenType !== T.Colon),
        ALT: () => {
          const name = this.CONSUME(T.Ident);
          return this.OR2([
            { ALT: () => {
              this.CONSUME(T.Eq);
              const type = this.SUBRULE(this.type);
              return this.ACTION((): GenericArg => ({ kind: 'binding', name: this.identText(name), type, span: this.spanFrom(start) }));
            } },
            { ALT: () => {
              this.CONSUME(T.Colon);
              this.SUBRULE(this.bounds);
              return this.ACTION((): GenericArg => {
                const span = this.spanFrom(start);
                return { kind: 'binding', name: this.identText(name), type: { kind: 'traitObject', syntax: 'impl', bounds: '', span }, span };
              });
            } },
          ]);
        },
      },
      { ALT: () => {
        const type = this.SUBRULE2(this.type);
        return this.ACTION((): GenericArg => ({ kind: 'type', type, span: this.spanFrom(start) }));
      } },
    ]);
  });

  /** A const generic argument over tokens [from, to); its value may be built after the file. */
  private constArg(from: number, to: number, span: Span): GenericArg {
    const arg: Mutable<Extract<GenericArg, { kind: 'const' }>> = { kind: 'const', value: { kind: 'unparsed', span }, span };
    this.expression(this.input.slice(from, to), span, (e) => (arg.value = e));
    return arg;
  }

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
  // Generic parameters, bounds, where clauses

  public genericParams = this.RULE('genericParams', (): GenericParam[] => {
    const params: GenericParam[] = [];
    this.CONSUME(T.Lt);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION(() => {
          const p = this.SUBRULE(this.genericParam);
          if (p) params.push(p);
        }),
    });
    this.CONSUME(T.Gt);
    return params;
  });

  public genericParam = this.RULE('genericParam', (): GenericParam => {
    const start = this.here();
    this.MANY(() => this.SUBRULE(this.outerAttr));
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.Lifetime);
          this.OPTION(() => {
            this.CONSUME(T.Colon);
            this.OPTION4(() => this.SUBRULE(this.bounds));
          });
          return this.ACTION((): GenericParam => ({ kind: 'lifetime', name: t.image, span: this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.const);
          const name = this.CONSUME(T.Ident);
          this.CONSUME2(T.Colon);
          const type = this.SUBRULE(this.type);
          let def: GenericArg | undefined;
          this.OPTION2(() => {
            this.CONSUME(T.Eq);
            def = this.SUBRULE(this.genericArg);
          });
          return this.ACTION((): GenericParam => {
            const param: Mutable<Extract<GenericParam, { kind: 'const' }>> = { kind: 'const', name: this.identText(name), type, span: this.spanFrom(start) };
            // A default is kept only when it is a constant; building it may finish after the file.
            const value = def?.kind === 'const' ? def : undefined;
            if (value) this.deferred.push(() => (param.default = value.value));
            return param;
          });
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME2(T.Ident);
          let bounds = '';
          let def: TypeNode | undefined;
          this.OPTION3(() => {
            this.CONSUME3(T.Colon);
            this.OPTION5(() => (bounds = this.SUBRULE2(this.bounds)));
          });
          this.OPTION6(() => {
            this.CONSUME2(T.Eq);
            def = this.SUBRULE2(this.type);
          });
          return this.ACTION((): GenericParam => {
            const span = this.spanFrom(start);
            return def ? { kind: 'type', name: this.identText(name), bounds, default: def, span } : { kind: 'type', name: this.identText(name), bounds, span };
          });
        },
      },
    ]);
  });

  /** Bounds as text. */
  public bounds = this.RULE('bounds', (): string => {
    const from = this.position() + 1;
    this.SUBRULE(this.bound);
    this.MANY(() => {
      this.CONSUME(T.Plus);
      this.OPTION(() => this.SUBRULE2(this.bound));
    });
    return this.ACTION(() => boundsText(this.input.slice(from, this.position() + 1)));
  });

  public bound = this.RULE('bound', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Lifetime) },
      {
        // `impl Trait + use<'a, T>`: precise capturing (Rust 1.82).
        ALT: () => {
          this.CONSUME(K.use);
          this.SUBRULE(this.genericArgs);
        },
      },
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

  /** The where clause as text, `where` included. */
  public whereClause = this.RULE('whereClause', (): string => {
    const from = this.position() + 1;
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
    return this.ACTION(() => boundsText(this.input.slice(from, this.position() + 1)));
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

  /**
   * Most types are a bare name (`u32`, `MyStruct`): that case skips the four nested rules of a
   * general path. The alternative arrays are built once (Chevrotain's recommended caching): the
   * closures in them use only `this`.
   */
  private typeAlternatives?: Parameters<typeof this.OR<TypeNode>>[0];

  public type = this.RULE(
    'type',
    (): TypeNode =>
      this.OR(
        (this.typeAlternatives ??= {
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.isPlainTypeName(),
              ALT: () => {
                const t = this.CONSUME2(T.Ident);
                return this.ACTION(() => this.plainType(t));
              },
            },
            { ALT: () => this.SUBRULE(this.refType) },
            { ALT: () => this.SUBRULE(this.ptrType) },
            { ALT: () => this.SUBRULE(this.bracketType) },
            { ALT: () => this.SUBRULE(this.parenType) },
            {
              ALT: () => {
                const t = this.CONSUME(T.Bang);
                return this.ACTION((): TypeNode => ({ kind: 'never', span: this.tokenSpan(t) }));
              },
            },
            { ALT: () => this.SUBRULE(this.fnPtrType) },
            { ALT: () => this.SUBRULE(this.traitType) },
            { ALT: () => this.SUBRULE(this.qualifiedPathType) },
            { ALT: () => this.SUBRULE(this.pathType) },
          ],
        }),
      ),
    { recoveryValueFunc: () => this.missingType() },
  );

  /** An identifier that is a whole type: not followed by generics, `::`, `!` or `(`. */
  private isPlainTypeName(): boolean {
    if (this.LA(1).tokenType !== T.Ident) return false;
    const next = this.LA(2).tokenType;
    return next !== T.Lt && next !== T.PathSep && next !== T.Bang && next !== T.LParen;
  }

  /** What `pathType` builds for a one-identifier path. */
  private plainType(t: IToken): TypeNode {
    return plainTypeNode(t, this.identText(t), this.tokenSpan(t));
  }

  public refType = this.RULE('refType', (): TypeNode => {
    const start = this.here();
    let mutable = false;
    let lifetime: IToken | undefined;
    this.CONSUME(T.Amp);
    this.OPTION(() => (lifetime = this.CONSUME(T.Lifetime)));
    this.OPTION2(() => {
      this.CONSUME(K.mut);
      mutable = true;
    });
    const referent = this.SUBRULE(this.type);
    return this.ACTION((): TypeNode => {
      const span = this.spanFrom(start);
      return lifetime && !lifetime.isInsertedInRecovery ? { kind: 'reference', mutable, lifetime: lifetime.image, referent, span } : { kind: 'reference', mutable, referent, span };
    });
  });

  private pointerQualifiers?: Parameters<typeof this.OR<IToken>>[0];

  public ptrType = this.RULE('ptrType', (): TypeNode => {
    const start = this.here();
    this.CONSUME(T.Star);
    const qualifier = this.OR((this.pointerQualifiers ??= [{ ALT: () => this.CONSUME(K.const) }, { ALT: () => this.CONSUME(K.mut) }]));
    const pointee = this.SUBRULE(this.type);
    return this.ACTION((): TypeNode => ({ kind: 'pointer', mutable: qualifier.tokenType === K.mut, pointee, span: this.spanFrom(start) }));
  });

  /** `[T]` or `[T; N]` */
  public bracketType = this.RULE('bracketType', (): TypeNode => {
    const start = this.here();
    this.CONSUME(T.LBracket);
    const element = this.SUBRULE(this.type);
    let run: TokenRun | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Semi);
      run = this.SUBRULE(this.runUntilBracket);
    });
    this.CONSUME(T.RBracket);
    return this.ACTION((): TypeNode => {
      const span = this.spanFrom(start);
      if (!run) return { kind: 'slice', element, span };
      const array: Mutable<Extract<TypeNode, { kind: 'array' }>> = { kind: 'array', element, length: { kind: 'unparsed', span: run.span }, span };
      this.runExpression(run, (e) => (array.length = e));
      return array;
    });
  });

  /** `()`, `(T)`, `(A, B)`; a parenthesized type `(T)` is just `T`. */
  public parenType = this.RULE('parenType', (): TypeNode => {
    const start = this.here();
    const elements: TypeNode[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION(() => {
          const t = this.SUBRULE(this.type);
          elements.push(t);
        }),
    });
    this.CONSUME(T.RParen);
    return this.ACTION((): TypeNode => {
      const only = elements[0];
      // `(T,)` is a one-element tuple: the comma before `)` says so.
      if (elements.length === 1 && only && this.LA(-1).tokenType !== T.Comma) return only;
      return { kind: 'tuple', elements, span: this.spanFrom(start) };
    });
  });

  public fnPtrType = this.RULE('fnPtrType', (): TypeNode => {
    const start = this.here();
    let unsafe = false;
    let abi: string | undefined;
    let returns: TypeNode | undefined;
    let variadic = false;
    const params: FnPointerParam[] = [];
    this.OPTION(() => this.SUBRULE(this.forLifetimes));
    this.OPTION2(() => {
      this.CONSUME(K.unsafe);
      unsafe = true;
    });
    this.OPTION3(() => {
      this.CONSUME(K.extern);
      abi = 'C';
      this.OPTION4(() => (abi = this.SUBRULE(this.abiString)));
    });
    this.CONSUME(K.fn);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OPTION5(() => {
          const p = this.SUBRULE(this.fnPtrParam);
          this.ACTION(() => {
            if (p === 'variadic') variadic = true;
            else if (p) params.push(p);
          });
        }),
    });
    this.CONSUME(T.RParen);
    this.OPTION6(() => {
      this.CONSUME(T.Arrow);
      returns = this.SUBRULE(this.type);
    });
    return this.ACTION(() => fnPointerTypeNode(abi, unsafe, params, returns, variadic, this.spanFrom(start)));
  });

  public abiString = this.RULE('abiString', (): string => {
    const t = this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.RawStringLit) }]);
    return this.ACTION(() => abiOfToken(t));
  });

  public fnPtrParam = this.RULE('fnPtrParam', (): FnPointerParam | 'variadic' => {
    const start = this.here();
    this.MANY(() => this.SUBRULE(this.outerAttr));
    return this.OR([
      { ALT: () => (this.CONSUME(T.DotDotDot), 'variadic' as const) },
      {
        ALT: () => {
          let name: IToken | undefined;
          this.OPTION({
            GATE: () => this.LA(2).tokenType === T.Colon,
            DEF: () => {
              name = this.CONSUME(T.Ident);
              this.CONSUME(T.Colon);
            },
          });
          const type = this.SUBRULE(this.type);
          return this.ACTION((): FnPointerParam => {
            const span = this.spanFrom(start);
            return name && !name.isInsertedInRecovery ? { name: this.identText(name), type, span } : { type, span };
          });
        },
      },
    ]);
  });

  public traitType = this.RULE('traitType', (): TypeNode => {
    const start = this.here();
    const keyword = this.OR([{ ALT: () => this.CONSUME(K.dyn) }, { ALT: () => this.CONSUME(K.impl) }]);
    const bounds = this.SUBRULE(this.bounds);
    return this.ACTION((): TypeNode => ({ kind: 'traitObject', syntax: keyword.tokenType === K.dyn ? 'dyn' : 'impl', bounds: bounds ?? '', span: this.spanFrom(start) }));
  });

  /** `<T as Trait>::Assoc` — kept only so it parses; it has no C meaning. */
  public qualifiedPathType = this.RULE('qualifiedPathType', (): TypeNode => {
    const start = this.here();
    const segments: PathSegment[] = [];
    this.CONSUME(T.Lt);
    this.SUBRULE(this.type);
    this.OPTION(() => {
      this.CONSUME(K.as);
      this.SUBRULE(this.typePath);
    });
    this.CONSUME(T.Gt);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.PathSep);
      segments.push(this.SUBRULE(this.pathSegment));
    });
    return this.ACTION((): TypeNode => {
      const span = this.spanFrom(start);
      return { kind: 'path', path: { global: false, segments: [{ name: '<qualified>', span }, ...segments.filter(Boolean)], span }, span };
    });
  });

  /** A path type, or a type macro `ty!(…)`. */
  public pathType = this.RULE('pathType', (): TypeNode => {
    const start = this.here();
    let macro = false;
    const path = this.SUBRULE(this.typePath);
    this.OPTION(() => {
      this.CONSUME(T.Bang);
      this.SUBRULE(this.delimGroup);
      macro = true;
    });
    return this.ACTION((): TypeNode => {
      const span = this.spanFrom(start);
      const p: Path = path ?? { global: false, segments: [], span };
      if (macro) return { kind: 'macro', path: p, span };
      if (p.segments.length === 1 && p.segments[0]?.name === '_' && !p.global) return { kind: 'infer', span };
      return { kind: 'path', path: p, span };
    });
  });
}

