/**
 * Grammar layer 3: expressions — the constant subset of Rust (literals, paths, operators with Rust's
 * precedence, casts, calls, method calls, blocks with `let`, `if`). It only ever runs on token runs
 * the item grammar captured (entry `exprEntry`); anything outside it is a syntax error there, which
 * the caller turns into `{ kind: 'unparsed' }` — valid Rust is never reported.
 */
import type { IToken } from 'chevrotain';
import type { BinaryOp, Expr, GenericArg, LetStatement, Path, PathSegment, TypeNode } from './ast.js';
import type { Span } from '../source.js';
import { EOF } from './chevrotain.js';
import { TypeGrammar } from './grammar-types.js';
import { binary, literalExpr } from './token-exprs.js';
import { macroExpr } from './macro-exprs.js';
import * as T from './token-types.js';

const K = T.Kw;

/** Any syntax error makes the whole run `unparsed`, so a recovered rule's value only has to exist. */
const recover = { recoveryValueFunc: (): Expr => ({ kind: 'unparsed', span: { file: '', start: 0, end: 0 } }) };


export abstract class ExprGrammar extends TypeGrammar {
  public exprEntry = this.RULE('exprEntry', (): Expr => {
    const e = this.SUBRULE(this.expr);
    this.CONSUME(EOF);
    return e;
  }, recover);

  public expr = this.RULE('expr', (): Expr => this.SUBRULE(this.orExpr), recover);

  public orExpr = this.RULE('orExpr', (): Expr => {
    let acc = this.SUBRULE(this.andExpr);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Pipe && this.LA(2).tokenType === T.Pipe && this.adjacent(1),
      DEF: () => {
        this.CONSUME(T.Pipe);
        this.CONSUME2(T.Pipe);
        const right = this.SUBRULE2(this.andExpr);
        this.ACTION(() => (acc = binary('||', acc, right)));
      },
    });
    return acc;
  }, recover);

  public andExpr = this.RULE('andExpr', (): Expr => {
    let acc = this.SUBRULE(this.cmpExpr);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Amp && this.LA(2).tokenType === T.Amp && this.adjacent(1),
      DEF: () => {
        this.CONSUME(T.Amp);
        this.CONSUME2(T.Amp);
        const right = this.SUBRULE2(this.cmpExpr);
        this.ACTION(() => (acc = binary('&&', acc, right)));
      },
    });
    return acc;
  }, recover);

  public cmpExpr = this.RULE('cmpExpr', (): Expr => {
    let acc = this.SUBRULE(this.bitOrExpr);
    this.OPTION(() => {
      const op = this.SUBRULE(this.cmpOp);
      const right = this.SUBRULE2(this.bitOrExpr);
      this.ACTION(() => (acc = binary(op, acc, right)));
    });
    return acc;
  }, recover);

  public cmpOp = this.RULE('cmpOp', (): BinaryOp =>
    this.OR([
      { ALT: () => (this.CONSUME(T.EqEq), '==' as const) },
      { ALT: () => (this.CONSUME(T.Ne), '!=' as const) },
      {
        ALT: () => {
          let op: BinaryOp = '<';
          this.CONSUME(T.Lt);
          this.OPTION({ GATE: () => this.LA(1).tokenType === T.Eq && this.adjacent(0), DEF: () => ((op = '<='), this.CONSUME(T.Eq)) });
          return op;
        },
      },
      {
        ALT: () => {
          let op: BinaryOp = '>';
          this.CONSUME(T.Gt);
          this.OPTION2({ GATE: () => this.LA(1).tokenType === T.Eq && this.adjacent(0), DEF: () => ((op = '>='), this.CONSUME2(T.Eq)) });
          return op;
        },
      },
    ]),
  );

  public bitOrExpr = this.RULE('bitOrExpr', (): Expr => {
    let acc = this.SUBRULE(this.bitXorExpr);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Pipe && !(this.LA(2).tokenType === T.Pipe && this.adjacent(1)),
      DEF: () => {
        this.CONSUME(T.Pipe);
        const right = this.SUBRULE2(this.bitXorExpr);
        this.ACTION(() => (acc = binary('|', acc, right)));
      },
    });
    return acc;
  }, recover);

  public bitXorExpr = this.RULE('bitXorExpr', (): Expr => {
    let acc = this.SUBRULE(this.bitAndExpr);
    this.MANY(() => {
      this.CONSUME(T.Caret);
      const right = this.SUBRULE2(this.bitAndExpr);
      this.ACTION(() => (acc = binary('^', acc, right)));
    });
    return acc;
  }, recover);

  public bitAndExpr = this.RULE('bitAndExpr', (): Expr => {
    let acc = this.SUBRULE(this.shiftExpr);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Amp && !(this.LA(2).tokenType === T.Amp && this.adjacent(1)),
      DEF: () => {
        this.CONSUME(T.Amp);
        const right = this.SUBRULE2(this.shiftExpr);
        this.ACTION(() => (acc = binary('&', acc, right)));
      },
    });
    return acc;
  }, recover);

  public shiftExpr = this.RULE('shiftExpr', (): Expr => {
    let acc = this.SUBRULE(this.addExpr);
    this.MANY({
      GATE: () => {
        const t = this.LA(1).tokenType;
        return (t === T.Lt || t === T.Gt) && this.LA(2).tokenType === t && this.adjacent(1);
      },
      DEF: () => {
        const op = this.OR([
          { ALT: () => (this.CONSUME(T.Lt), this.CONSUME2(T.Lt), '<<' as const) },
          { ALT: () => (this.CONSUME(T.Gt), this.CONSUME2(T.Gt), '>>' as const) },
        ]);
        const right = this.SUBRULE2(this.addExpr);
        this.ACTION(() => (acc = binary(op, acc, right)));
      },
    });
    return acc;
  }, recover);

  public addExpr = this.RULE('addExpr', (): Expr => {
    let acc = this.SUBRULE(this.mulExpr);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => (this.CONSUME(T.Plus), '+' as const) }, { ALT: () => (this.CONSUME(T.Minus), '-' as const) }]);
      const right = this.SUBRULE2(this.mulExpr);
      this.ACTION(() => (acc = binary(op, acc, right)));
    });
    return acc;
  }, recover);

  public mulExpr = this.RULE('mulExpr', (): Expr => {
    let acc = this.SUBRULE(this.castExpr);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => (this.CONSUME(T.Star), '*' as const) },
        { ALT: () => (this.CONSUME(T.Slash), '/' as const) },
        { ALT: () => (this.CONSUME(T.Percent), '%' as const) },
      ]);
      const right = this.SUBRULE2(this.castExpr);
      this.ACTION(() => (acc = binary(op, acc, right)));
    });
    return acc;
  }, recover);

  public castExpr = this.RULE('castExpr', (): Expr => {
    let acc = this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      this.CONSUME(K.as);
      const type: TypeNode = this.SUBRULE(this.type);
      this.ACTION(() => (acc = { kind: 'cast', expr: acc, type, span: { file: this.filePath, start: acc.span.start, end: type.span.end } }));
    });
    return acc;
  }, recover);

  public unaryExpr = this.RULE('unaryExpr', (): Expr => {
    const start = this.here();
    return this.OR([
      {
        ALT: () => {
          let mutable = false;
          const op = this.OR2([
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Bang) },
            {
              ALT: () => {
                const amp = this.CONSUME(T.Amp);
                this.OPTION(() => ((mutable = true), this.CONSUME(K.mut)));
                return amp;
              },
            },
          ]);
          const operand = this.SUBRULE(this.unaryExpr);
          return this.ACTION((): Expr => {
            const span = this.spanFrom(start);
            if (op.tokenType === T.Amp) return { kind: 'reference', mutable, expr: operand, span };
            return { kind: 'unary', op: op.tokenType === T.Minus ? '-' : '!', operand, span };
          });
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpr) },
    ]);
  }, recover);

  public postfixExpr = this.RULE('postfixExpr', (): Expr => {
    let acc = this.SUBRULE(this.primaryExpr);
    let done = false;
    this.MANY(() => {
      const start = this.here();
      let args: Expr[] | undefined;
      let member: IToken | undefined;
      this.OR([
        { ALT: () => (args = this.SUBRULE(this.callArgs)) },
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            member = this.OR2([{ ALT: () => this.CONSUME(T.Ident) }, { ALT: () => this.CONSUME(T.IntLit) }]);
            this.OPTION(() => (args = this.SUBRULE2(this.callArgs)));
          },
        },
      ]);
      this.ACTION(() => {
        if (done) return;
        const span: Span = { file: this.filePath, start: acc.span.start, end: this.spanFrom(start).end };
        if (!member) acc = { kind: 'call', callee: acc, args: args ?? [], span };
        // Field access (`x.0`, `x.field`) is outside what constants need.
        else if (member.tokenType !== T.Ident || !args) {
          acc = { kind: 'unparsed', span };
          done = true;
        } else acc = { kind: 'methodCall', receiver: acc, method: this.identText(member), args, span };
      });
    });
    return acc;
  }, recover);

  public callArgs = this.RULE('callArgs', (): Expr[] => {
    const args: Expr[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.OPTION(() => args.push(this.SUBRULE(this.expr))) });
    this.CONSUME(T.RParen);
    return args;
  });

  public primaryExpr = this.RULE('primaryExpr', (): Expr => {
    const start = this.here();
    const literal = (t: IToken): Expr => this.ACTION(() => literalExpr(t, this.spanFrom(start)) ?? { kind: 'unparsed', span: this.spanFrom(start) });
    return this.OR([
      { ALT: () => literal(this.CONSUME(T.IntLit)) },
      { ALT: () => literal(this.CONSUME(T.FloatLit)) },
      { ALT: () => literal(this.CONSUME(T.StringLit)) },
      { ALT: () => literal(this.CONSUME(T.RawStringLit)) },
      { ALT: () => literal(this.CONSUME(T.CharLit)) },
      { ALT: () => literal(this.CONSUME(K.true)) },
      { ALT: () => literal(this.CONSUME(K.false)) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.expr);
          this.CONSUME(T.RParen);
          return this.ACTION((): Expr => ({ kind: 'paren', expr: inner, span: this.spanFrom(start) }));
        },
      },
      { ALT: () => this.SUBRULE(this.blockExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      {
        ALT: () => {
          const path = this.SUBRULE(this.exprPath);
          let inside: { from: number; to: number } | undefined;
          // `name!(…)`: the macros constants use whose value interopc can know.
          this.OPTION(() => {
            this.CONSUME(T.Bang);
            const from = this.position() + 2;
            this.SUBRULE(this.delimGroup);
            inside = { from, to: this.position() };
          });
          return this.ACTION((): Expr => {
            const span = this.spanFrom(start);
            return inside ? macroExpr(this.filePath, path, this.input.slice(inside.from, inside.to), span) : { kind: 'path', path, span };
          });
        },
      },
    ]);
  }, recover);

  public blockExpr = this.RULE('blockExpr', (): Expr => {
    const start = this.here();
    const statements: LetStatement[] = [];
    let tail: Expr | undefined;
    this.CONSUME(T.LBrace);
    this.MANY(() => statements.push(this.SUBRULE(this.letStatement)));
    this.OPTION(() => (tail = this.SUBRULE(this.expr)));
    this.CONSUME(T.RBrace);
    return this.ACTION((): Expr => {
      const span = this.spanFrom(start);
      return tail ? { kind: 'block', statements, tail, span } : { kind: 'block', statements, span };
    });
  }, recover);

  public letStatement = this.RULE('letStatement', (): LetStatement => {
    const start = this.here();
    let type: TypeNode | undefined;
    this.CONSUME(K.let);
    this.OPTION(() => this.CONSUME(K.mut));
    const name = this.CONSUME(T.Ident);
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      type = this.SUBRULE(this.type);
    });
    this.CONSUME(T.Eq);
    const value = this.SUBRULE(this.expr);
    this.CONSUME(T.Semi);
    return this.ACTION((): LetStatement => {
      const span = this.spanFrom(start);
      return type ? { kind: 'let', name: this.identText(name), type, value, span } : { kind: 'let', name: this.identText(name), value, span };
    });
  });

  public ifExpr = this.RULE('ifExpr', (): Expr => {
    const start = this.here();
    let otherwise: Expr | undefined;
    this.CONSUME(K.if);
    const condition = this.SUBRULE(this.expr);
    const then = this.SUBRULE(this.blockExpr);
    this.OPTION(() => {
      this.CONSUME(K.else);
      otherwise = this.OR([{ ALT: () => this.SUBRULE2(this.ifExpr) }, { ALT: () => this.SUBRULE2(this.blockExpr) }]);
    });
    return this.ACTION((): Expr => {
      const span = this.spanFrom(start);
      return otherwise ? { kind: 'if', condition, then, otherwise, span } : { kind: 'if', condition, then, span };
    });
  }, recover);

  /** `a::b::<T>::C`: turbofish arguments attach to the segment before them. */
  public exprPath = this.RULE('exprPath', (): Path => {
    const start = this.here();
    let global = false;
    const segments: PathSegment[] = [];
    const segment = (t: IToken): void => this.ACTION(() => void segments.push({ name: this.identText(t), span: this.tokenSpan(t) }));
    this.OPTION(() => ((global = true), this.CONSUME(T.PathSep)));
    segment(this.SUBRULE(this.pathIdent));
    this.MANY(() => {
      this.CONSUME2(T.PathSep);
      this.OR([
        {
          ALT: () => {
            const generics: GenericArg[] = this.SUBRULE(this.genericArgs);
            this.ACTION(() => {
              const last = segments.pop();
              if (last) segments.push({ ...last, generics });
            });
          },
        },
        { ALT: () => segment(this.SUBRULE2(this.pathIdent)) },
      ]);
    });
    return this.ACTION(() => ({ global, segments, span: this.spanFrom(start) }));
  });
}
