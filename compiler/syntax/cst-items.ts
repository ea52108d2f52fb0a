/**
 * CST → AST for items: the one place where the grammar's shape meets the AST's. Every item keeps
 * its attributes, docs, visibility and span; recovered (damaged) nodes convert to placeholders.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Attribute, Field, GenericParam, Generics, Item, Param, Receiver, StructShape, TypeNode, UseTree, Variant, Visibility,
} from './ast.js';
import { convertAttribute, docsOf } from './cst-attributes.js';
import { abiOf, boundsText, convertGenericArgs, convertPath, convertType, parseExpression } from './cst-types.js';
import { has, identText, node, nodes, nodeSpan, token, tokens, tokenSpan, tokensOfNode, toTokenTrees, type ConvertContext } from './cst-util.js';
import * as T from './lexer.js';
import type { Span } from '../source.js';

export interface ConvertedItems {
  readonly items: Item[];
  /** Spans of tokens that cannot start an item (one per run of stray tokens). */
  readonly strays: { readonly span: Span; readonly text: string }[];
}

export function convertItems(ctx: ConvertContext, n: CstNode | undefined, strays: { span: Span; text: string }[]): Item[] {
  if (!n) return [];
  const out: Item[] = [];
  // `item` and `stray` children interleave; only the first stray of a run is reported.
  const children = [...nodes(n, 'item'), ...nodes(n, 'stray')].sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0));
  let previousWasStray = false;
  for (const child of children) {
    if (child.name === 'stray') {
      if (!previousWasStray) {
        const first = tokensOfNode(ctx, child)[0];
        strays.push({ span: nodeSpan(ctx, child), text: first?.image ?? '' });
      }
      previousWasStray = true;
      continue;
    }
    previousWasStray = false;
    const item = convertItem(ctx, child, strays);
    if (item) out.push(item);
  }
  return out;
}

const outerAttrs = (ctx: ConvertContext, n: CstNode): Attribute[] => nodes(n, 'outerAttr').map((a) => convertAttribute(ctx, a, 'outer'));
export const innerAttrs = (ctx: ConvertContext, n: CstNode | undefined): Attribute[] =>
  n ? nodes(n, 'innerAttr').map((a) => convertAttribute(ctx, a, 'inner')) : [];

function convertVisibility(ctx: ConvertContext, n: CstNode | undefined): Visibility {
  if (!n) return { kind: 'inherited' };
  const span = nodeSpan(ctx, n);
  if (!has(n, 'LParen')) return { kind: 'pub', span };
  const path = node(n, 'typePath');
  const scope = has(n, 'Kw_crate') ? 'crate' : has(n, 'Kw_self') ? 'self' : has(n, 'Kw_super') ? 'super' : path ? `in ${convertPath(ctx, path).segments.map((s) => s.name).join('::')}` : 'crate';
  return { kind: 'restricted', scope, span };
}

function convertItem(ctx: ConvertContext, n: CstNode, strays: { span: Span; text: string }[]): Item | undefined {
  const attrs = outerAttrs(ctx, n);
  const base = { attrs, docs: docsOf(attrs), vis: convertVisibility(ctx, node(n, 'visibility')), span: nodeSpan(ctx, n) };
  const [key, elements] = Object.entries(n.children).find(([k]) => k !== 'outerAttr' && k !== 'visibility') ?? [];
  const inner = elements?.[0] as CstNode | undefined;
  if (!key || !inner || key === 'Semi') return undefined;
  const nameToken = (c: CstNode) => token(c, 'Ident');
  const named = (c: CstNode) => {
    const t = nameToken(c);
    return { name: identText(t), nameSpan: nameSpanOf(ctx, t, nodeSpan(ctx, c)) };
  };
  switch (key) {
    case 'modItem': {
      const block = node(inner, 'itemBlock');
      const innerA = innerAttrs(ctx, block);
      return {
        kind: 'mod',
        ...base,
        ...named(inner),
        ...(block ? { items: convertItems(ctx, node(block, 'items'), strays) } : {}),
        external: !block,
        innerAttrs: innerA,
        docs: [...base.docs, ...docsOf(innerA)],
      };
    }
    case 'useItem': {
      const tree = node(inner, 'useTree');
      return { kind: 'use', ...base, global: has(inner, 'PathSep'), tree: tree ? convertUseTree(ctx, tree, []) : { kind: 'path', path: [], span: base.span } };
    }
    case 'structItem': {
      const tuple = node(inner, 'tupleFields');
      const namedFields = node(inner, 'namedFields');
      const shape: StructShape = tuple ? 'tuple' : namedFields ? 'named' : 'unit';
      const fields = tuple ? convertTupleFields(ctx, tuple) : namedFields ? convertNamedFields(ctx, namedFields) : [];
      return { kind: 'struct', ...base, ...named(inner), generics: convertGenerics(ctx, inner), shape, fields };
    }
    case 'unionItem': {
      const t = tokens(inner, 'Ident')[1];
      const fieldsNode = node(inner, 'namedFields');
      return {
        kind: 'union',
        ...base,
        name: identText(t),
        nameSpan: nameSpanOf(ctx, t, base.span),
        generics: convertGenerics(ctx, inner),
        fields: fieldsNode ? convertNamedFields(ctx, fieldsNode) : [],
      };
    }
    case 'enumItem':
      return { kind: 'enum', ...base, ...named(inner), generics: convertGenerics(ctx, inner), variants: nodes(inner, 'variant').map((v) => convertVariant(ctx, v)) };
    case 'typeAliasItem': {
      const type = node(inner, 'type');
      return { kind: 'typeAlias', ...base, ...named(inner), generics: convertGenerics(ctx, inner), ...(type ? { type: convertType(ctx, type) } : {}) };
    }
    case 'staticItem': {
      const run = node(inner, 'runUntilSemi');
      return {
        kind: 'static',
        ...base,
        ...named(inner),
        mutable: has(inner, 'Kw_mut'),
        type: typeOr(ctx, node(inner, 'type'), base.span),
        ...(run ? { value: parseExpression(ctx, tokensOfNode(ctx, run), nodeSpan(ctx, run)) } : {}),
      };
    }
    case 'qualifiedItem':
      return convertQualified(ctx, inner, base, strays);
    case 'macroItem': {
      const path = node(inner, 'typePath');
      const group = node(inner, 'delimGroup');
      const groupTokens = group ? tokensOfNode(ctx, group) : [];
      const trees = toTokenTrees(ctx, groupTokens);
      const only = trees[0];
      const name = token(inner, 'Ident');
      return {
        kind: 'macroCall',
        ...base,
        path: path ? convertPath(ctx, path) : { global: false, segments: [], span: base.span },
        ...(name ? { name: identText(name) } : {}),
        delimiter: only?.kind === 'group' ? only.delimiter : '(',
        tokens: only?.kind === 'group' ? only.trees : trees,
      };
    }
    default:
      return undefined;
  }
}

/** Span of an item's name token, or `fallback` when recovery dropped it. */
function nameSpanOf(ctx: ConvertContext, t: IToken | undefined, fallback: Span): Span {
  return t ? tokenSpan(ctx, t) : fallback;
}

const typeOr = (ctx: ConvertContext, n: CstNode | undefined, span: Span): TypeNode => (n ? convertType(ctx, n) : { kind: 'infer', span });

type ItemBaseFields = { attrs: Attribute[]; docs: string[]; vis: Visibility; span: Span };

function convertQualified(ctx: ConvertContext, n: CstNode, base: ItemBaseFields, strays: { span: Span; text: string }[]): Item | undefined {
  const qualifiers = nodes(n, 'qualifier');
  const isConst = qualifiers.some((q) => has(q, 'Kw_const'));
  const isUnsafe = qualifiers.some((q) => has(q, 'Kw_unsafe'));
  const isAsync = qualifiers.some((q) => has(q, 'Kw_async'));
  const externQualifier = qualifiers.find((q) => has(q, 'Kw_extern'));
  const abi = externQualifier ? abiOf(ctx, externQualifier) : undefined;
  const fn = node(n, 'fnRest');
  if (fn) {
    const nameTok = token(fn, 'Ident');
    const params: Param[] = [];
    let receiver: Receiver | undefined;
    let variadic = false;
    for (const p of nodes(fn, 'fnParam')) {
      const r = node(p, 'receiver');
      if (r) {
        receiver = convertReceiver(ctx, r);
        continue;
      }
      if (has(p, 'DotDotDot')) {
        variadic = true;
        continue;
      }
      const pattern = node(p, 'pattern');
      const patternTokens = pattern ? tokensOfNode(ctx, pattern) : [];
      const names = patternTokens.filter((t) => t.tokenType === T.Ident);
      const simple = patternTokens.length === 1 || (patternTokens.length === 2 && patternTokens[0]?.tokenType === T.Kw.mut);
      const attrs = outerAttrs(ctx, p);
      params.push({ name: simple ? identText(names[0]) : '_', type: typeOr(ctx, node(p, 'type'), nodeSpan(ctx, p)), attrs, span: nodeSpan(ctx, p) });
    }
    const ret = node(fn, 'type');
    const body = node(fn, 'braceGroup');
    const constBody = isConst && body ? parseExpression(ctx, tokensOfNode(ctx, body), nodeSpan(ctx, body)) : undefined;
    return {
      kind: 'fn',
      ...base,
      name: identText(nameTok),
      nameSpan: nameSpanOf(ctx, nameTok, base.span),
      generics: convertGenerics(ctx, fn),
      isConst,
      isAsync,
      isUnsafe,
      ...(abi !== undefined ? { abi } : {}),
      ...(receiver ? { receiver } : {}),
      params,
      variadic,
      ...(ret ? { returns: convertType(ctx, ret) } : {}),
      hasBody: body !== undefined,
      ...(constBody && constBody.kind !== 'unparsed' ? { constBody } : {}),
    };
  }
  const impl = node(n, 'implRest');
  if (impl) {
    const types = nodes(impl, 'type');
    const block = node(impl, 'itemBlock');
    const selfNode = types.length > 1 ? types[1] : types[0];
    const traitNode = types.length > 1 ? types[0] : undefined;
    const traitType = traitNode ? convertType(ctx, traitNode) : undefined;
    return {
      kind: 'impl',
      ...base,
      generics: convertGenerics(ctx, impl),
      isUnsafe,
      ...(traitType && traitType.kind === 'path' ? { trait: { path: traitType.path, negative: has(impl, 'Bang') } } : {}),
      selfType: typeOr(ctx, selfNode, base.span),
      items: block ? convertItems(ctx, node(block, 'items'), strays) : [],
      innerAttrs: innerAttrs(ctx, block),
    };
  }
  const trait = node(n, 'traitRest');
  if (trait) {
    const nameTok = token(trait, 'Ident');
    const block = node(trait, 'itemBlock');
    return {
      kind: 'trait',
      ...base,
      name: identText(nameTok),
      nameSpan: nameSpanOf(ctx, nameTok, base.span),
      generics: convertGenerics(ctx, trait),
      isUnsafe,
      items: block ? convertItems(ctx, node(block, 'items'), strays) : [],
    };
  }
  const block = node(n, 'itemBlock');
  if (block) {
    return { kind: 'externBlock', ...base, abi: abi ?? 'C', isUnsafe, items: convertItems(ctx, node(block, 'items'), strays) };
  }
  const crate = node(n, 'externCrateRest');
  if (crate) {
    const ident = node(crate, 'pathIdent');
    const first = ident ? (Object.values(ident.children)[0]?.[0] as { image: string } | undefined) : undefined;
    const rename = token(crate, 'Ident');
    return { kind: 'externCrate', ...base, name: first?.image ?? '<missing>', ...(rename ? { rename: identText(rename) } : {}) };
  }
  const constRest = node(n, 'constRest');
  if (constRest) {
    const nameTok = token(constRest, 'Ident');
    const run = node(constRest, 'runUntilSemi');
    return {
      kind: 'const',
      ...base,
      name: identText(nameTok),
      nameSpan: nameSpanOf(ctx, nameTok, base.span),
      type: typeOr(ctx, node(constRest, 'type'), base.span),
      ...(run ? { value: parseExpression(ctx, tokensOfNode(ctx, run), nodeSpan(ctx, run)) } : {}),
    };
  }
  return undefined;
}

function convertReceiver(ctx: ConvertContext, n: CstNode): Receiver {
  const span = nodeSpan(ctx, n);
  const type = node(n, 'type');
  if (type) return { kind: 'typed', type: convertType(ctx, type), span };
  if (has(n, 'Amp')) return { kind: has(n, 'Kw_mut') ? 'refMut' : 'ref', span };
  return { kind: 'value', span };
}

function convertNamedFields(ctx: ConvertContext, n: CstNode): Field[] {
  return nodes(n, 'namedField').map((f) => {
    const attrs = outerAttrs(ctx, f);
    return {
      name: identText(token(f, 'Ident')),
      type: typeOr(ctx, node(f, 'type'), nodeSpan(ctx, f)),
      attrs,
      docs: docsOf(attrs),
      vis: convertVisibility(ctx, node(f, 'visibility')),
      span: nodeSpan(ctx, f),
    };
  });
}

function convertTupleFields(ctx: ConvertContext, n: CstNode): Field[] {
  return nodes(n, 'tupleField').map((f, index) => {
    const attrs = outerAttrs(ctx, f);
    return { name: String(index), type: typeOr(ctx, node(f, 'type'), nodeSpan(ctx, f)), attrs, docs: docsOf(attrs), vis: convertVisibility(ctx, node(f, 'visibility')), span: nodeSpan(ctx, f) };
  });
}

function convertVariant(ctx: ConvertContext, n: CstNode): Variant {
  const attrs = outerAttrs(ctx, n);
  const nameTok = token(n, 'Ident');
  const tuple = node(n, 'tupleFields');
  const namedFields = node(n, 'namedFields');
  const run = node(n, 'runUntilComma');
  return {
    name: identText(nameTok),
    nameSpan: nameSpanOf(ctx, nameTok, nodeSpan(ctx, n)),
    attrs,
    docs: docsOf(attrs),
    shape: tuple ? 'tuple' : namedFields ? 'named' : 'unit',
    fields: tuple ? convertTupleFields(ctx, tuple) : namedFields ? convertNamedFields(ctx, namedFields) : [],
    ...(run ? { discriminant: parseExpression(ctx, tokensOfNode(ctx, run), nodeSpan(ctx, run)) } : {}),
    span: nodeSpan(ctx, n),
  };
}

function convertGenerics(ctx: ConvertContext, n: CstNode): Generics {
  const list = node(n, 'genericParams');
  const where = node(n, 'whereClause');
  const params: GenericParam[] = list ? nodes(list, 'genericParam').map((p) => convertGenericParam(ctx, p)) : [];
  return where ? { params, whereClause: boundsText(ctx, where) } : { params };
}

function convertGenericParam(ctx: ConvertContext, n: CstNode): GenericParam {
  const span = nodeSpan(ctx, n);
  const lifetime = token(n, 'Lifetime');
  if (lifetime) return { kind: 'lifetime', name: lifetime.image, span };
  const name = identText(token(n, 'Ident'));
  if (has(n, 'Kw_const')) {
    const def = node(n, 'genericArg');
    const converted = def ? convertGenericArgs(ctx, { name: 'genericArgs', children: { genericArg: [def] } } as CstNode)[0] : undefined;
    return {
      kind: 'const',
      name,
      type: typeOr(ctx, node(n, 'type'), span),
      ...(converted && converted.kind === 'const' ? { default: converted.value } : {}),
      span,
    };
  }
  const def = node(n, 'type');
  return { kind: 'type', name, bounds: boundsText(ctx, node(n, 'bounds')), ...(def ? { default: convertType(ctx, def) } : {}), span };
}

function convertUseTree(ctx: ConvertContext, n: CstNode, prefix: string[]): UseTree {
  const span = nodeSpan(ctx, n);
  if (has(n, 'Star')) return { kind: 'glob', prefix, span };
  const ident = node(n, 'pathIdent');
  if (!ident) return { kind: 'group', prefix, trees: nodes(n, 'useTree').map((t) => convertUseTree(ctx, t, [])), span };
  const first = Object.values(ident.children)[0]?.[0] as { image: string } | undefined;
  const name = identText(first as Parameters<typeof identText>[0]);
  const next = node(n, 'useTree');
  if (next) {
    const sub = convertUseTree(ctx, next, [...prefix, name]);
    return sub;
  }
  const rename = token(n, 'Ident');
  return { kind: 'path', path: [...prefix, name], ...(rename ? { rename: identText(rename) } : {}), span };
}
