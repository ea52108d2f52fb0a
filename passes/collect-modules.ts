/**
 * Pass `collect-modules`: parses the crate root and every file a `mod x;` or an item-level
 * `include!("file.rs")` pulls in.
 * Input: the crate name and root file. Output: `CrateAst` whose external `mod` items carry their
 * file's items. Invariants: every file is parsed once; a `mod` whose `#[cfg]` is false is not
 * followed; a missing file is IC1101 at its `mod` item. All files' syntax errors are reported.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import { finish, left, type CfgSet, type Pass, type PassContext } from '../compiler/pass.js';
import type { CrateAst, Item, Meta, ModItem } from '../compiler/syntax/ast.js';
import { parseFile } from '../compiler/syntax/parse.js';
import { evaluatePredicate, isCfgEnabled } from './support/cfg.js';
import { API_GUARD_FILE } from '../compiler/ir.js';

export interface CrateInput {
  readonly crateName: string;
  /** Crate-relative root file, e.g. "src/lib.rs". */
  readonly rootFile: string;
}

const dirname = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
const normalize = (p: string): string => {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
};

/** Directory in which `mod x;` declared in `file` (inside inline modules `inline`) looks for x. */
function childDirectory(file: string, isModRs: boolean, inline: readonly string[]): string {
  const dir = dirname(file);
  const base = isModRs ? dir : join(dir, file.slice(file.lastIndexOf('/') + 1).replace(/\.rs$/, ''));
  return inline.reduce(join, base);
}

/** `#[path = "…"]`, also from a `#[cfg_attr(pred, path = "…")]` whose predicate holds (modules are found before cfg_attr is applied). */
function pathAttribute(item: ModItem, cfg: CfgSet): string | undefined {
  for (const a of item.attrs) {
    const metas = a.path === 'path' ? [a.meta] : a.path === 'cfg_attr' && a.meta?.kind === 'list' ? activeCfgAttrs(a.meta.items, cfg) : [];
    for (const meta of metas) {
      if (meta?.kind === 'nameValue' && meta.path === 'path' && meta.value.kind === 'str') return meta.value.value;
    }
  }
  return undefined;
}

/** The attributes a `cfg_attr(pred, attrs…)` applies: none when `pred` is false. */
function activeCfgAttrs(items: readonly Meta[], cfg: CfgSet): readonly Meta[] {
  const [pred, ...attrs] = items;
  return pred !== undefined && evaluatePredicate(pred, cfg) ? attrs : [];
}

export const collectModules: Pass<CrateInput, CrateAst> = {
  name: 'collect-modules',
  run(input: CrateInput, ctx: PassContext): Either<Diagnostics, CrateAst> {
    const bag = new DiagnosticBag();
    const loaded = new Set<string>();

    /** `text`: the file's text when the caller already read it (looking for a module's file). */
    const load = (path: string, text = ctx.host.readFile(path)) => {
      if (text === undefined) return undefined;
      const file = { path, absolutePath: path, text };
      ctx.sources.add(file);
      loaded.add(path);
      const parsed = parseFile(file);
      bag.addAll(parsed.diagnostics);
      return parsed.ast;
    };

    /** `include!("file.rs");` at item level: the file's items take the macro's place. */
    const included = (item: Item, file: string): Item[] | undefined => {
      if (item.kind !== 'macroCall' || item.path.segments.map((s) => s.name).join('::').replace(/^(std|core)::/, '') !== 'include') return undefined;
      const literal = item.tokens[0];
      if (item.tokens.length !== 1 || literal?.kind !== 'token' || !literal.token.text.startsWith('"')) return undefined;
      const target = normalize(join(dirname(file), literal.token.text.slice(1, -1)));
      if (loaded.has(target)) {
        bag.report('IC1103', `file \`${target}\` is loaded twice`, item.span);
        return [];
      }
      const ast = load(target);
      if (!ast) {
        // interopc writes the API guard's file itself: before the first build it cannot exist yet.
        if (!target.endsWith(`/${API_GUARD_FILE}`) && target !== API_GUARD_FILE) bag.report('IC1101', `file not found for \`include!\`: \`${target}\``, item.span);
        return [];
      }
      return [...ast.items];
    };

    /** The items of `file` with `include!`s inlined and modules filled in (one loop: a module file has thousands of items). */
    const expand = (items: readonly Item[], file: string, isModRs: boolean, inline: readonly string[]): Item[] => {
      const out: Item[] = [];
      for (const item of items) {
        const inlined = included(item, file);
        if (inlined) for (const i of inlined) out.push(withModule(i, file, isModRs, inline));
        else out.push(withModule(item, file, isModRs, inline));
      }
      return out;
    };
    /** `item` itself, or for a module its items: inline ones expanded, a file's loaded and expanded. */
    const withModule = (item: Item, file: string, isModRs: boolean, inline: readonly string[]): Item => {
      if (item.kind !== 'mod') return item;
      if (!isCfgEnabled(item.attrs, ctx.cfg)) return item;
      if (!item.external) {
        const explicit = pathAttribute(item, ctx.cfg);
        const nested = explicit ? [...inline, explicit] : [...inline, item.name];
        return { ...item, items: expand(item.items ?? [], file, isModRs, nested) };
      }
      const explicit = pathAttribute(item, ctx.cfg);
      const dir = childDirectory(file, isModRs, inline);
      const candidates = explicit
        ? [normalize(inline.length > 0 ? join(dir, explicit) : join(dirname(file), explicit))]
        : [normalize(join(dir, `${item.name}.rs`)), normalize(join(dir, `${item.name}/mod.rs`))];
      let text: string | undefined;
      const found = candidates.find((c) => (text = ctx.host.readFile(c)) !== undefined);
      if (!found) {
        const conditional = item.attrs.some((a) => a.path === 'cfg_attr' && a.meta?.kind === 'list' && a.meta.items.slice(1).some((m) => m.kind === 'nameValue' && m.path === 'path'));
        bag.report('IC1101', `file not found for module \`${item.name}\``, item.span, {
          notes: [
            `looked for ${candidates.map((c) => `\`${c}\``).join(' and ')}`,
            conditional
              ? 'help: its `#[cfg_attr(…, path = …)]` apply under cfgs that are not set: set the one this build means with `--cfg` (a build script sets it for cargo)'
              : `help: create the file, or remove \`mod ${item.name};\``,
          ],
        });
        return item;
      }
      if (loaded.has(found)) {
        bag.report('IC1103', `module file \`${found}\` is loaded twice`, item.span);
        return item;
      }
      const ast = load(found, text);
      if (!ast) return item;
      const childIsModRs = found.endsWith('/mod.rs') || explicit !== undefined;
      return { ...item, file: found, innerAttrs: ast.innerAttrs, docs: [...item.docs, ...ast.docs], items: expand(ast.items, found, childIsModRs, []) };
    };

    const root = load(input.rootFile);
    if (!root) {
      bag.report('IC1101', `crate root \`${input.rootFile}\` not found`);
      return left(bag.all);
    }
    const crate: CrateAst = { name: input.crateName, rootFile: input.rootFile, root: { ...root, items: expand(root.items, input.rootFile, true, []) } };
    return finish(crate, bag.all, ctx);
  },
};
