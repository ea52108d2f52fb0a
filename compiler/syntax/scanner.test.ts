import test from 'ava';
import { newNames, scan } from './scanner.js';

const tokens = (text: string): string[] => scan(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

test('numbers: floats, ranges, method calls on integers, radixes and suffixes', (t) => {
  t.deepEqual(tokens('1.5 1..2 1.max 1. 2e10 3E-_4f32 0x1f32 0b1010u8 1_000usize 7f64 0o17'), [
    'FloatLit:1.5', 'IntLit:1', 'DotDot:..', 'IntLit:2', 'IntLit:1', 'Dot:.', 'Ident:max', 'FloatLit:1.', 'FloatLit:2e10',
    'FloatLit:3E-_4f32', 'IntLit:0x1f32', 'IntLit:0b1010u8', 'IntLit:1_000usize', 'FloatLit:7f64', 'IntLit:0o17',
  ]);
});

test("quotes: chars, lifetimes, byte and raw strings, raw identifiers", (t) => {
  t.deepEqual(tokens(`'a' '\\n' '\\u{1F600}' 'static b'x' b"y" br#"z"# c"w" r"v" r#type 'ab'`), [
    "CharLit:'a'", "CharLit:'\\n'", "CharLit:'\\u{1F600}'", "Lifetime:'static", "CharLit:b'x'", 'StringLit:b"y"',
    'RawStringLit:br#"z"#', 'StringLit:c"w"', 'RawStringLit:r"v"', 'Ident:r#type', "Lifetime:'a", 'Ident:b',
  ]);
  // The trailing quote of `'ab'` starts nothing: one problem, at its offset.
  t.deepEqual(scan("'ab'").problems, [{ kind: 'unknownCharacter', start: 3, text: "'" }]);
});

test('comments: doc forms become tokens, plain ones vanish, nesting counts', (t) => {
  t.deepEqual(tokens('/// o\n//! i\n//// plain\n/** ob */ /*! ib */ /*** plain */ /**/ /* a /* nested */ b */ x'), [
    'OuterDoc:/// o', 'InnerDoc://! i', 'OuterBlockDoc:/** ob */', 'InnerBlockDoc:/*! ib */', 'Ident:x',
  ]);
});

test('punctuation joins only the multi-character tokens Rust types need', (t) => {
  t.deepEqual(tokens(':: -> => == != ..= ... .. >> <= &&'), [
    'PathSep:::', 'Arrow:->', 'FatArrow:=>', 'EqEq:==', 'Ne:!=', 'DotDotEq:..=', 'DotDotDot:...', 'DotDot:..', 'Gt:>', 'Gt:>', 'Lt:<', 'Eq:=', 'Amp:&', 'Amp:&',
  ]);
});

test('problems: unknown characters grouped per run, unterminated strings and comments', (t) => {
  t.deepEqual(scan('a ``` b € "open').problems, [
    { kind: 'unknownCharacter', start: 2, text: '```' },
    { kind: 'unterminatedString', start: 10 },
  ]);
  t.deepEqual(scan('x /** never closed').problems, [{ kind: 'unterminatedBlockComment', start: 2, doc: true }]);
  t.deepEqual(scan('x /* a /* b */').problems, [{ kind: 'unterminatedBlockComment', start: 2, doc: false }]);
  t.deepEqual(tokens('x /* a /* b */'), ['Ident:x']);
});

test('delimiters pair like a balanced skip: a mismatch leaves the groups open at it unpaired', (t) => {
  const pairs = (text: string): number[] => [...scan(text).closers];
  // ( [ ] { } )
  t.deepEqual(pairs('( [ ] { } )'), [5, 2, -1, 4, -1, -1]);
  // { ( } ): the `}` closes nothing, so neither `{` nor `(` is paired; `)` then closes nothing either.
  t.deepEqual(pairs('{ ( } )'), [-1, -1, -1, -1]);
  // Unclosed at the end of input.
  t.deepEqual(pairs('f ( x'), [-1, -1, -1]);
});

test('chunks end after an item closed outside every delimiter, before a token that starts an item', (t) => {
  /** The text of each chunk when every chunk may end after `budget` tokens. */
  const chunks = (text: string, budget: number): string[] => {
    const out: string[] = [];
    for (let from = 0; from < text.length; ) {
      const end = scan(text, from, budget).end;
      out.push(text.slice(from, end).trim());
      from = end;
    }
    return out;
  };
  t.deepEqual(chunks('const A: u8 = 1; pub fn f() {} /// doc\nstruct S; #[repr(C)] enum E { X }', 1), [
    'const A: u8 = 1;', 'pub fn f() {}', '/// doc\nstruct S;', '#[repr(C)] enum E { X }',
  ]);
  // Not after a `}` inside an item (an `else` follows, or the `;` of a `use`), nor inside delimiters,
  // nor before an identifier (`union`, a macro call): those join the chunk.
  t.deepEqual(chunks('const A: u8 = if X { 1 } else { 2 }; use a::{b}; mod m { fn f() {} fn g() {} } union U { x: u8 } m! {}', 1), [
    'const A: u8 = if X { 1 } else { 2 };', 'use a::{b};', 'mod m { fn f() {} fn g() {} } union U { x: u8 } m! {}',
  ]);
  // The budget: no chunk ends before that many tokens.
  t.deepEqual(chunks('const A: u8 = 1; const B: u8 = 2; const C: u8 = 3;', 8), ['const A: u8 = 1; const B: u8 = 2;', 'const C: u8 = 3;']);
  t.is(scan('const A: u8 = 1; const B: u8 = 2;').end, 'const A: u8 = 1; const B: u8 = 2;'.length);
});

test('identifiers are recorded once per distinct name, across the chunks of one file; keywords are not', (t) => {
  const names = newNames();
  const keywords = names.size;
  const text = 'struct A { a: u32, b: u32 }\nfn f(a: A) -> u32 { a.a }';
  const first = scan(text, 0, 1, names); // stops after the struct
  t.true(first.end > 0 && first.end < text.length);
  scan(text, first.end, Infinity, names);
  t.deepEqual([...names.keys()].slice(keywords), ['A', 'a', 'u32', 'b', 'f']);
  t.true([...names].slice(keywords).every(([key, value]) => key === value));
});
