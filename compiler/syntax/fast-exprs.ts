/**
 * The expression grammar (grammar-exprs.ts) without Chevrotain, for the runs the fast path and the
 * grammar capture: constant values, array lengths, discriminants, attribute values, `const fn`
 * bodies. A crate whose every run is read here never builds the Chevrotain parser, which costs more
 * than parsing a small crate does.
 *
 * It follows the grammar rule by rule — the same precedence levels, the same adjacency gates for
 * `||`, `&&`, `<<`, `>>`, `<=` and `>=`, the same nodes and spans — and leaves to the grammar
 * (returns undefined) what it does not read: `if`, field access, and whatever the fast path's type
 * reader (grammar-fast-types.ts) leaves in a cast, a `let` or turbofish arguments.
 *
 * Where the grammar meets a token its rule cannot take, so does this reader, at the same token: a
 * struct literal, an array, a tuple, a closure, `match`, or a run with tokens after a whole
 * expression. Any such syntax error makes the grammar's run `unparsed`, and this reader says so
 * without running it.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { BinaryOp, Expr, GenericArg, LetStatement, PathSegment, TypeNode } from './ast.js';
import type { Span } from '../source.js';
import { binary, identName, literalExpr, spanOfToken } from './token-exprs.js';
import { macroExpr } from './macro-exprs.js';
import { FastTypeReader } from './grammar-fast-types.js';
import { closersOfRun } from './scanner.js';
import * as T from './token-types.js';

const K = T.Kw;

const literals = new Set<TokenType>([T.IntLit, T.FloatLit, T.StringLit, T.RawStringLit, T.CharLit, K.true, K.false]);

const multiplicative = new Map<TokenType, BinaryOp>([[T.Star, '*'], [T.Slash, '/'], [T.Percent, '%']]);
const additive = new Map<TokenType, BinaryOp>([[T.Plus, '+'], [T.Minus, '-']]);

/** What the fast path's type reader read from token `at` on, and the index of the token after it. */
type Read<N> = { readonly node: N; readonly end: number } | undefined;

/** The fast path's type reader on a run's tokens. Nothing it reads may wait for the grammar. */
interface RunTypes {
  type(at: number): Read<TypeNode>;
  /** `<…>` at `at`. */
  genericArgs(at: number): Read<readonly GenericArg[]>;
}

type RunTypesClass = new (file: string, tokens: readonly IToken[], closers: Int32Array) => RunTypes;
let runTypesClass: RunTypesClass | undefined;

/**
 * Made on first use: `FastTypeReader`'s module imports this one (through deferred.ts), so a
 * subclass declared at the top level would be evaluated before its base class exists.
 */
function runTypes(file: string, tokens: readonly IToken[], closers: Int32Array): RunTypes {
  runTypesClass ??= class extends FastTypeReader implements RunTypes {
    constructor(file: string, tokens: readonly IToken[], closers: Int32Array) {
      super();
      this.begin(file, tokens, closers, []);
    }

    type(at: number): Read<TypeNode> {
      return this.readFrom(at, () => this.readType());
    }

    genericArgs(at: number): Read<readonly GenericArg[]> {
      return this.readFrom(at, () => this.readGenericArgs());
    }

    private readFrom<N>(at: number, read: () => N | undefined): Read<N> {
      this.at = at;
      this.deferred.length = 0;
      const node = read();
      return node !== undefined && this.deferred.length === 0 ? { node, end: this.at } : undefined;
    }
  };
  return new runTypesClass(file, tokens, closers);
}

/** Thrown where the grammar's rules would go on but this reader does not: the run is the grammar's. */
const unsupported = new (class Unsupported {})();
/** Thrown where the grammar's rule cannot take the next token either: a syntax error there. */
const mismatch = new (class Mismatch {})();

/**
 * The expression in `tokens` as the grammar builds it; `unparsed` (with `span`, the run's) where
 * the grammar has a syntax error; undefined where the grammar has to decide.
 */
export function fastExpression(tokens: readonly IToken[], file: string, span: Span): Expr | undefined {
  // Tokens the grammar invented while recovering have no offsets to build spans from.
  for (const t of tokens) if (t.isInsertedInRecovery || !Number.isFinite(t.startOffset)) return undefined;
  const reader = new ExprReader(tokens, file);
  try {
    const e = reader.expr();
    // The grammar's entry rule then expects the end of the run.
    return reader.at === tokens.length ? e : { kind: 'unparsed', span };
  } catch (e) {
    if (e === mismatch) return { kind: 'unparsed', span };
    if (e === unsupported) return undefined;
    throw e;
  }
}

class ExprReader {
  at = 0;
  private closersOfRun?: Int32Array;
  private typeReader?: RunTypes;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly file: string,
  ) {}

  private type(i: number): TokenType | undefined {
    return this.tokens[i]?.tokenType;
  }

  /** Token `i` ends right where token `i + 1` starts (the grammar's `adjacent`). */
  private adjacent(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return a !== undefined && b !== undefined && a.endOffset !== undefined && b.startOffset === a.endOffset + 1;
  }

  /** Two tokens of `type`, written as one operator. */
  private doubled(type: TokenType): boolean {
    return this.type(this.at) === type && this.type(this.at + 1) === type && this.adjacent(this.at);
  }

  /** The run's paired delimiters (`scan`'s `closers`), found when a macro or a type needs them. */
  private get closers(): Int32Array {
    return (this.closersOfRun ??= closersOfRun(this.tokens));
  }

  /** What the fast path's type reader reads at the current token; any other type is the grammar's. */
  private read<N>(read: (types: RunTypes) => Read<N>): N {
    const done = read((this.typeReader ??= runTypes(this.file, this.tokens, this.closers)));
    if (!done) throw unsupported;
    this.at = done.end;
    return done.node;
  }

  /** The next token, which the grammar's rule requires to be of `type`. */
  private expect(type: TokenType): IToken {
    const t = this.tokens[this.at];
    if (t?.tokenType !== type) throw mismatch;
    this.at++;
    return t;
  }

  /** From offset `start` to the end of the last token read (the grammar's `spanFrom`). */
  private spanFrom(start: number): Span {
    const last = this.tokens[this.at - 1];
    const end = last?.endOffset !== undefined ? last.endOffset + 1 : start;
    return { file: this.file, start, end: end > start ? end : start };
  }

  expr(): Expr {
    return this.doubledOperators(T.Pipe, '||', () => this.andExpr());
  }

  private andExpr(): Expr {
    return this.doubledOperators(T.Amp, '&&', () => this.cmpExpr());
  }

  /** `operand (op operand)*`, folded to the left, where `op` is two adjacent `type` tokens (`||`, `&&`). */
  private doubledOperators(type: TokenType, op: BinaryOp, operand: () => Expr): Expr {
    let acc = operand();
    while (this.doubled(type)) {
      this.at += 2;
      acc = binary(op, acc, operand());
    }
    return acc;
  }

  /** At most one comparison: the grammar's `cmpExpr` does not chain. */
  private cmpExpr(): Expr {
    const left = this.bitOrExpr();
    const type = this.type(this.at);
    let op: BinaryOp;
    if (type === T.EqEq) op = '==';
    else if (type === T.Ne) op = '!=';
    else if (type === T.Lt || type === T.Gt) {
      const orEqual = this.type(this.at + 1) === T.Eq && this.adjacent(this.at);
      op = type === T.Lt ? (orEqual ? '<=' : '<') : orEqual ? '>=' : '>';
      if (orEqual) this.at++;
    } else return left;
    this.at++;
    return binary(op, left, this.bitOrExpr());
  }

  private bitOrExpr(): Expr {
    return this.loneOperators(T.Pipe, '|', () => this.bitXorExpr());
  }

  private bitXorExpr(): Expr {
    let acc = this.bitAndExpr();
    while (this.type(this.at) === T.Caret) {
      this.at++;
      acc = binary('^', acc, this.bitAndExpr());
    }
    return acc;
  }

  private bitAndExpr(): Expr {
    return this.loneOperators(T.Amp, '&', () => this.shiftExpr());
  }

  /** `operand (op operand)*`, folded to the left, where `op` is `type` not written doubled (`|` but not `||`). */
  private loneOperators(type: TokenType, op: BinaryOp, operand: () => Expr): Expr {
    let acc = operand();
    while (this.type(this.at) === type && !this.doubled(type)) {
      this.at++;
      acc = binary(op, acc, operand());
    }
    return acc;
  }

  private shiftExpr(): Expr {
    let acc = this.addExpr();
    for (;;) {
      const op = this.doubled(T.Lt) ? '<<' : this.doubled(T.Gt) ? '>>' : undefined;
      if (!op) return acc;
      this.at += 2;
      acc = binary(op, acc, this.addExpr());
    }
  }

  private addExpr(): Expr {
    return this.operators(additive, () => this.mulExpr());
  }

  private mulExpr(): Expr {
    return this.operators(multiplicative, () => this.castExpr());
  }

  /** `operand (op operand)*`, folded to the left, for the one-token operators of `ops`. */
  private operators(ops: ReadonlyMap<TokenType, BinaryOp>, operand: () => Expr): Expr {
    let acc = operand();
    for (let op = ops.get(this.type(this.at) as TokenType); op; op = ops.get(this.type(this.at) as TokenType)) {
      this.at++;
      acc = binary(op, acc, operand());
    }
    return acc;
  }

  private castExpr(): Expr {
    let acc = this.unaryExpr();
    while (this.type(this.at) === K.as) {
      this.at++;
      const type = this.read((types) => types.type(this.at));
      acc = { kind: 'cast', expr: acc, type, span: { file: this.file, start: acc.span.start, end: type.span.end } };
    }
    return acc;
  }

  private unaryExpr(): Expr {
    const t = this.tokens[this.at];
    if (!t) throw mismatch;
    const type = t.tokenType;
    if (type !== T.Minus && type !== T.Bang && type !== T.Amp) return this.postfixExpr();
    this.at++;
    const mutable = type === T.Amp && this.type(this.at) === K.mut;
    if (mutable) this.at++;
    const operand = this.unaryExpr();
    const span = this.spanFrom(t.startOffset);
    if (type === T.Amp) return { kind: 'reference', mutable, expr: operand, span };
    return { kind: 'unary', op: type === T.Minus ? '-' : '!', operand, span };
  }

  /**
   * Calls and method calls. Field access is the grammar's: it makes the expression `unparsed`
   * there, with a span of its own.
   */
  private postfixExpr(): Expr {
    let acc = this.primaryExpr();
    for (;;) {
      const type = this.type(this.at);
      if (type === T.LParen) {
        const args = this.callArgs();
        acc = { kind: 'call', callee: acc, args, span: this.spanFrom(acc.span.start) };
      } else if (type === T.Dot) {
        this.at++;
        const member = this.tokens[this.at];
        if (member?.tokenType !== T.Ident && member?.tokenType !== T.IntLit) throw mismatch;
        this.at++;
        if (member.tokenType !== T.Ident || this.type(this.at) !== T.LParen) throw unsupported;
        const args = this.callArgs();
        acc = { kind: 'methodCall', receiver: acc, method: identName(member), args, span: this.spanFrom(acc.span.start) };
      } else return acc;
    }
  }

  /** `(a, b)`; as the grammar's `MANY_SEP` of optional expressions reads it, `(a,)` and `(,)` too. */
  private callArgs(): Expr[] {
    this.at++;
    const args: Expr[] = [];
    for (;;) {
      const type = this.type(this.at);
      if (type !== T.Comma && type !== T.RParen) args.push(this.expr());
      if (this.type(this.at) === T.Comma) this.at++;
      else break;
    }
    this.expect(T.RParen);
    return args;
  }

  private primaryExpr(): Expr {
    const t = this.tokens[this.at];
    if (!t) throw mismatch;
    const type = t.tokenType;
    if (literals.has(type)) {
      this.at++;
      const span = spanOfToken(t, this.file);
      return literalExpr(t, span) ?? { kind: 'unparsed', span };
    }
    if (type === T.LParen) {
      this.at++;
      const inner = this.expr();
      this.expect(T.RParen);
      return { kind: 'paren', expr: inner, span: this.spanFrom(t.startOffset) };
    }
    if (type === T.LBrace) return this.blockExpr(t);
    if (type === T.PathSep || T.pathSegmentNames.has(type)) return this.pathExpr(t);
    if (type === K.if) throw unsupported;
    throw mismatch;
  }

  private blockExpr(open: IToken): Expr {
    this.at++;
    const statements: LetStatement[] = [];
    while (this.type(this.at) === K.let) statements.push(this.letStatement());
    const tail = this.type(this.at) === T.RBrace ? undefined : this.expr();
    this.expect(T.RBrace);
    const span = this.spanFrom(open.startOffset);
    return tail ? { kind: 'block', statements, tail, span } : { kind: 'block', statements, span };
  }

  private letStatement(): LetStatement {
    const start = (this.tokens[this.at] as IToken).startOffset;
    this.at++;
    if (this.type(this.at) === K.mut) this.at++;
    const name = identName(this.expect(T.Ident));
    let type: TypeNode | undefined;
    if (this.type(this.at) === T.Colon) {
      this.at++;
      type = this.read((types) => types.type(this.at));
    }
    this.expect(T.Eq);
    const value = this.expr();
    this.expect(T.Semi);
    const span = this.spanFrom(start);
    return type ? { kind: 'let', name, type, value, span } : { kind: 'let', name, value, span };
  }

  /** `a::b::<T>::C`, then a macro call's group (`name!(…)`) if a `!` follows. */
  private pathExpr(first: IToken): Expr {
    const global = first.tokenType === T.PathSep;
    if (global) this.at++;
    const segments: PathSegment[] = [this.pathSegment()];
    while (this.type(this.at) === T.PathSep) {
      this.at++;
      if (this.type(this.at) !== T.Lt) {
        segments.push(this.pathSegment());
        continue;
      }
      // Turbofish arguments attach to the segment before them.
      const last = segments.pop() as PathSegment;
      segments.push({ ...last, generics: this.read((types) => types.genericArgs(this.at)) });
    }
    if (this.type(this.at) !== T.Bang) {
      const span = this.spanFrom(first.startOffset);
      return { kind: 'path', path: { global, segments, span }, span };
    }
    const path = { global, segments, span: this.spanFrom(first.startOffset) };
    this.at++;
    // The grammar's `delimGroup` starts with an opener, or fails there; an unpaired one is its to report.
    const open = this.at;
    if (!T.isOpener(this.type(open))) throw mismatch;
    const close = this.closers[open] ?? -1;
    if (close < 0) throw unsupported;
    this.at = close + 1;
    return macroExpr(this.file, path, this.tokens.slice(open + 1, close), this.spanFrom(first.startOffset));
  }

  private pathSegment(): PathSegment {
    const t = this.tokens[this.at];
    if (!t || !T.pathSegmentNames.has(t.tokenType)) throw mismatch;
    this.at++;
    return { name: identName(t), span: spanOfToken(t, this.file) };
  }
}
