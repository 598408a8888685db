// The engine: parses files on demand, keeps per-module models and per-function summaries, recognises
// tools and turns what the interpreter finds inside them into findings.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ProjectConfig } from '../config/types';
import type { Engine, EngineOptions } from '../engine';
import type { Category, FileResult, Finding, FixData, FlowStep, Severity, ToolRef, ToolSummary } from '../model/findings';
import type { Expr, FunctionDef, Language, Module, Span, Stmt } from '../model/ir';
import { type Grammar, grammarFor, initParsers, languageOf, type Node, parse, type Tree } from '../parse/parser';
import { assemblePieces, lowerPython, lowerPythonPiece, type Piece } from '../parse/python';
import { lowerTypeScript, lowerTypeScriptPiece, typeMembers } from '../parse/typescript';
import { formatMessage, getRule } from '../rules/catalog';
import { applySuppressions } from '../rules/suppress';
import { applyRuleConfig } from '../config/load';
import { type Catalog, loadCatalogData } from './data';
import { type Ctx, type Hit, Interp, type Summary, type TxnUse } from './interp';
import { discoverTools, humanInTheLoopLists, type ToolDef } from './tools';
import { isFile, PathAliases } from './path-aliases';
import { PieceGraph, type PieceDeps, pieceDeps } from './pieces';
import { ALL, CAT_BIT, EMPTY, Env, type FnRef, type Val } from './values';

/** Files without any of these words cannot declare a tool; they are parsed only when a tool imports them. */
const TOOL_MARKERS = /tool|Tool|TOOL|kernel_function|function_call|registerTool|setRequestHandler|functions\s*=|\.arguments\b/;
/** Parsed modules kept for cross-file lookups (least recently used first out), unless the options say otherwise. */
const MODULE_CACHE_MAX = 64;
const TREE_CACHE_MAX = 64;
/** Helper summaries and imported values kept (oldest out): memory stays flat over any tree size. */
const SUMMARY_CACHE_MAX = 4096;

interface Loaded {
  module: Module;
  text: string;
  lines: string[];
  env?: Map<string, Val>;
  /** Evaluates module-level expressions (decorators, callees) against the module's names. */
  evaluator?: Interp;
  /** For piecewise-lowered modules: the piece each function came from, and every piece in order. */
  serials?: Map<FunctionDef, number>;
  /** Every piece in order, with the names it defines and mentions (analysis/pieces.ts). */
  pieces?: PieceDeps[];
}

export async function createEngine(opts: EngineOptions = {}): Promise<Engine> {
  await initParsers();
  return new EngineImpl(opts);
}

class EngineImpl implements Engine, Ctx {
  readonly cat: Catalog = loadCatalogData();
  extraGuards = new Set<string>();
  extraLoggers = new Set<string>();
  extraApprovals = new Set<string>();
  private config: ProjectConfig;
  private readonly modules = new Map<string, Loaded>();
  private readonly aliases = new PathAliases();
  /** Per folder, the files that declare approvals (wiringApprovals), and the tools each registers. */
  private readonly wiringFiles = new Map<string, string[]>();
  private readonly wiringTools = new Map<string, { tools: ToolDef[]; hitl: { path: string; exported: string; keys: Set<string> }[] }>();
  private readonly summaries = new Map<string, Summary | null>();
  private readonly deps = new Map<string, Set<string>>();
  /** Tools that one file registers for functions another file defines (tools=[imported_fn]). */
  private readonly external = new Map<string, Map<string, ToolDef>>();
  private readonly readFileHook: (p: string) => string | undefined;
  private readonly roots: string[];
  private currentFile: string | undefined;
  private readonly incremental: boolean;
  private readonly moduleCacheMax: number;
  /** Bumped on every change; a file's tool results depend on the changes to other files and to config. */
  private version = 0;
  private readonly ownChanges = new Map<string, number>();
  /** Lowered top-level statements of edited documents, keyed by position and text. */
  private readonly pieces = new Map<string, Map<string, { piece: Piece; deps: PieceDeps }>>();
  private serial = 0;
  private readonly toolCache = new WeakMap<FunctionDef, { key: string; result: { findings: Finding[]; summary: ToolSummary } }>();
  private readonly trees = new Map<string, { tree: Tree; text: string; grammar: string }>();

  constructor(opts: EngineOptions) {
    this.config = opts.config ?? {};
    this.applyNames();
    this.readFileHook = opts.readFile ?? readDisk;
    this.roots = (opts.roots ?? []).map((r) => resolve(r));
    this.incremental = !!opts.incremental;
    this.moduleCacheMax = Math.max(1, opts.moduleCache ?? MODULE_CACHE_MAX);
  }

  setConfig(config: ProjectConfig): void {
    this.config = config;
    this.version++;
    this.applyNames();
    this.summaries.clear();
  }

  private applyNames(): void {
    this.extraGuards = new Set(this.config.guards ?? []);
    this.extraLoggers = new Set(this.config.loggers ?? []);
    this.extraApprovals = new Set(this.config.approvals ?? []);
  }

  invalidate(path: string): void {
    const p = resolve(path);
    this.version++;
    this.ownChanges.set(p, (this.ownChanges.get(p) ?? 0) + 1);
    this.modulePaths.clear();
    if (PathAliases.isConfig(p)) this.aliases.clear();
    this.drop(p);
  }

  private drop(p: string): void {
    this.modules.delete(p);
    this.refreshWiring(p);
    this.importedValues.clear();
    this.selfAttrs.clear();
    // summaries of any module may depend on this one; they are cheap to recompute
    this.summaries.clear();
  }

  dependentsOf(path: string): string[] {
    return [...(this.deps.get(resolve(path)) ?? [])];
  }

  // ---------------------------------------------------------------- modules

  private load(path: string, text?: string): Loaded | undefined {
    const p = resolve(path);
    const cached = this.modules.get(p);
    if (cached && (text === undefined || cached.text === text)) {
      // most recently used last
      this.modules.delete(p);
      this.modules.set(p, cached);
      return cached;
    }
    const src = text ?? this.readFileHook(p);
    if (src === undefined) return undefined;
    const grammar = grammarFor(p);
    const language = languageOf(p);
    if (!grammar || !language) return undefined;
    const clean = src.charCodeAt(0) === 0xfeff ? src.slice(1) : src;
    let module: Module;
    const lines = clean.split(/\r?\n/);
    let serials: Map<FunctionDef, number> | undefined;
    let pieces: PieceDeps[] | undefined;
    if (this.incremental) {
      ({ module, serials, pieces } = this.lowerByPieces(p, this.topStatements(p, grammar, clean, lines, language), language));
    } else {
      const tree = parse(grammar, clean);
      try {
        module = language === 'python' ? lowerPython(tree.rootNode, p, clean) : lowerTypeScript(tree.rootNode, p, language);
      } finally {
        tree.delete();
      }
    }
    const loaded: Loaded = { module, text: src, lines, serials, pieces };
    if (this.modules.size >= this.moduleCacheMax) {
      const first = this.modules.keys().next().value;
      if (first !== undefined) this.modules.delete(first);
    }
    this.modules.set(p, loaded);
    return loaded;
  }

  /** An editor's module, statement by statement: re-parsed incrementally, or only the one statement an edit is in. */
  private topStatements(path: string, grammar: Grammar, text: string, lines: string[], language: Language): TopStmt[] {
    const one = grammar === 'python' ? this.reparseStatement(path, text, lines) : undefined;
    if (one) return one;
    const root = this.parseIncremental(path, grammar, text).rootNode;
    return topOf(root, text, (n) => (language === 'python' ? lowerPythonPiece(n, lines) : lowerTypeScriptPiece(n, language)));
  }

  /**
   * Python's indentation makes tree-sitter re-parse the rest of the file after an edit at the end of a
   * block, and after any edit that leaves a syntax error (12-20 ms on 2,000 lines, against 0.2 ms
   * elsewhere): typing at the end of a line does both. An edit inside one top-level statement is re-parsed
   * alone when that statement still parses, on its own, as one statement of the same kind; the file's tree
   * only records the edit, and is re-parsed, incrementally, at the next edit that is not of this kind.
   * A syntax error being typed thus stays inside its statement: tree-sitter's recovery over the whole file
   * can swallow the statements after it, and their findings would flicker at each keystroke.
   */
  private reparseStatement(path: string, text: string, lines: string[]): TopStmt[] | undefined {
    const prev = this.trees.get(path);
    // The statements are as a parse of the whole file gave them only if it had no error: recovery can span several.
    if (!prev || prev.grammar !== 'python' || prev.tree.rootNode.hasError) return undefined;
    const edit = textEdit(prev.text, text);
    // The other statements keep their rows (and so their cached pieces) only if the edit keeps the line count.
    if (!edit || edit.oldEndPosition.row !== edit.newEndPosition.row) return undefined;
    const kids = prev.tree.rootNode.namedChildren;
    const i = kids.findIndex((c) => !!c && c.startIndex < edit.startIndex && edit.oldEndIndex <= c.endIndex);
    const old = kids[i];
    const after = kids[i + 1];
    // It and the next statement start lines: an indented line after it could belong to it once edited.
    if (!old || old.type === 'comment' || old.type === 'ERROR' || old.startPosition.column !== 0 || (after && after.startPosition.column !== 0)) return undefined;
    const { startIndex: start, startPosition: at } = old;
    const source = text.slice(start, old.endIndex + edit.newEndIndex - edit.oldEndIndex);
    const alone = parse('python', source);
    try {
      const stmts = alone.rootNode.namedChildren;
      const stmt = stmts[0];
      if (stmts.length !== 1 || !stmt || stmt.type !== old.type || stmt.startIndex !== 0 || stmt.endIndex !== source.length) return undefined;
      const piece = lowerPythonPiece(stmt, lines, at.row);
      prev.tree.edit(edit);
      prev.text = text;
      // The other statements are as they were: their pieces are cached, and their nodes never lowered.
      return topOf(prev.tree.rootNode, text, () => {
        throw new Error('a statement outside the edit changed');
      }).map((t) => (t.row === at.row && t.col === 0 ? { ...t, source, lower: () => piece } : t));
    } finally {
      alone.delete();
    }
  }

  /** Editors re-parse incrementally: the previous tree, edited with the changed range, is reused. */
  private parseIncremental(path: string, grammar: Grammar, text: string): Tree {
    const prev = this.trees.get(path);
    let tree: Tree;
    if (prev && prev.grammar === grammar) {
      const edit = textEdit(prev.text, text);
      if (edit) prev.tree.edit(edit);
      tree = parse(grammar, text, prev.tree);
      prev.tree.delete();
      this.trees.delete(path);
    } else {
      prev?.tree.delete();
      this.trees.delete(path);
      tree = parse(grammar, text);
    }
    this.trees.set(path, { tree, text, grammar });
    if (this.trees.size > TREE_CACHE_MAX) {
      const [oldest, entry] = this.trees.entries().next().value as [string, { tree: Tree }];
      entry.tree.delete();
      this.trees.delete(oldest);
    }
    return tree;
  }

  /** Re-lowers only the top-level statements whose text or position changed since the last call. */
  private lowerByPieces(p: string, tops: TopStmt[], language: Language) {
    const old = this.pieces.get(p) ?? new Map<string, { piece: Piece; deps: PieceDeps }>();
    const next = new Map<string, { piece: Piece; deps: PieceDeps }>();
    const used: { piece: Piece; deps: PieceDeps }[] = [];
    for (const t of tops) {
      const key = `${t.row}:${t.col}:${t.source}`;
      let entry = old.get(key) ?? next.get(key);
      if (!entry) {
        const piece = t.lower();
        entry = { piece, deps: pieceDeps(piece.stmts, piece.imports.length > 0, t.source, ++this.serial) };
      }
      next.set(key, entry);
      used.push(entry);
    }
    this.pieces.delete(p);
    this.pieces.set(p, next);
    if (this.pieces.size > TREE_CACHE_MAX) this.pieces.delete(this.pieces.keys().next().value as string);
    const module = assemblePieces(p, language, used.map((u) => u.piece));
    const serials = new Map<FunctionDef, number>();
    for (const u of used) for (const f of u.piece.functions) serials.set(f, u.deps.serial);
    return { module, serials, pieces: used.map((u) => u.deps) };
  }

  /** The cache entry of this very module (not a newer version of its file), if it is still cached. */
  private cachedOf(m: Module): Loaded | undefined {
    const l = this.modules.get(m.path);
    return l?.module === m ? l : undefined;
  }

  /** A module's source, cached or read again (the cache may have let it go while a tool's imports were loaded). */
  private sourceOf(m: Module): Loaded | undefined {
    return this.cachedOf(m) ?? this.load(m.path);
  }

  moduleEnv(m: Module): Map<string, Val> {
    const l = this.cachedOf(m);
    if (l?.env) return l.env;
    const env = new Map<string, Val>();
    const interp = new Interp(this, m, undefined, false);
    for (const b of m.imports) if (b.local) env.set(b.local, interp.importVal(b.module, b.name));
    for (const f of m.functions.values()) if (!f.parent && !f.className && f.name) env.set(f.name, { fn: { fn: f, module: m } });
    for (const c of m.classes) env.set(c.name, { q: `${m.path}:${c.name}` });
    if (l) l.env = env;
    let e = new Env(env, false);
    try {
      // Statements inside `if` / `try` (clients set up in a try, optional imports) leave their names in the env returned.
      const out = interp.run(m.body.filter((s) => s.kind !== 'funcdecl' && s.kind !== 'classdecl'), e);
      if (!out.dead) e = out;
    } catch {
      // a module body the interpreter cannot follow still has its imports and functions
    }
    for (const [k, v] of e.vars) env.set(k, v);
    return env;
  }

  evalModuleExpr(m: Module, e: Expr): Val {
    const l = this.cachedOf(m);
    let interp = l?.evaluator;
    if (!interp) {
      interp = new Interp(this, m, undefined, false, this.moduleEnv(m));
      if (l) l.evaluator = interp;
    }
    const scratch = new Env(new Map(), false);
    try {
      return interp.ev(e, scratch);
    } catch {
      return EMPTY;
    }
  }

  resolveFn(m: Module, v: Val): FnRef | undefined {
    if (v.fn) return v.fn;
    if (v.imp) return this.resolveImport(m, v.imp);
    return undefined;
  }

  classAttr(path: string, cls: string, name: string): Val | undefined {
    const l = this.modules.get(path) ?? this.load(path);
    return l ? this.selfAttr(l.module, cls, name) : undefined;
  }

  /**
   * The value a type annotation promises: `httpx.AsyncClient` → an instance of it, `RunContext[Deps]` →
   * a context whose `deps` is a `Deps` instance, `Optional[X]` / `X | None` → X.
   */
  annotationVal(m: Module, ann: string | undefined, depth = 0): Val | undefined {
    if (!ann || depth > 3) return undefined;
    let a = ann.replace(/\s+/g, '');
    const opt = /^(?:typing\.)?Optional\[(.+)\]$/.exec(a);
    if (opt) a = opt[1];
    a = a.replace(/\|None$/, '').replace(/^None\|/, '');
    const rc = /^(?:\w+\.)*RunContext\[(.+)\]$/.exec(a);
    if (rc) {
      const deps = this.annotationVal(m, rc[1]);
      return deps ? { props: new Map([['deps', deps]]) } : undefined;
    }
    // an inline object type: `({ files }: { files: FileService })`
    const inline = /^\s*\{([\s\S]*)\}\s*$/.exec(ann);
    if (inline && m.language !== 'python') return this.typedObject(m, typeMembers(inline[1]), depth);
    const name = /^[A-Za-z_$][\w.$]*/.exec(a)?.[0];
    if (!name || name !== a) return undefined;
    const [head, ...rest] = name.split('.');
    let base = this.moduleEnv(m).get(head);
    if (base?.imp && !base.fn) base = this.importedValue(m, base.imp) ?? base;
    const q = base?.q ? [base.q, ...rest].join('.') : undefined;
    if (q && !q.startsWith('builtins.')) return { q: `${q}()` };
    // a TypeScript interface or object type: an object whose properties are what their types say
    const t = rest.length ? undefined : this.typeProps(m, head);
    return t ? this.typedObject(t.module, t.props, depth) : undefined;
  }

  /** An object whose properties hold what their types (resolved in `m`) say. */
  private typedObject(m: Module, members: Map<string, string>, depth: number): Val {
    const props = new Map<string, Val>();
    for (const [k, pt] of members) props.set(k, this.annotationVal(m, pt, depth + 1) ?? EMPTY);
    return { props };
  }

  /** The properties of an interface or object type declared in `m` or imported into it by name. */
  private typeProps(m: Module, name: string): { module: Module; props: Map<string, string> } | undefined {
    const local = m.types?.get(name);
    if (local) return { module: m, props: local };
    const b = m.imports.find((x) => x.local === name);
    const file = b ? this.resolveModulePath(m, b.module) : undefined;
    const target = file ? this.load(file)?.module : undefined;
    const props = b && target?.types?.get(b.name);
    return props && target ? { module: target, props } : undefined;
  }

  methodOf(path: string, cls: string, method: string): FnRef | undefined {
    const l = this.modules.get(path) ?? this.load(path);
    const fn = l?.module.functions.get(`${cls}.${method}`);
    return fn && l ? { fn, module: l.module } : undefined;
  }

  private readonly importedValues = new Map<string, Val | null>();
  private readonly envInProgress = new Set<string>();

  importedValue(m: Module, imp: { module: string; name: string }): Val | undefined {
    if (imp.name === '*') return undefined;
    const key = `${m.path}|${imp.module}|${imp.name}`;
    if (this.importedValues.has(key)) return this.importedValues.get(key) ?? undefined;
    this.importedValues.set(key, null);
    const file = this.resolveModulePath(m, imp.module);
    if (!file || this.envInProgress.has(file)) return undefined;
    const target = this.load(file);
    if (!target) return undefined;
    this.envInProgress.add(file);
    let v: Val | undefined;
    try {
      const found = this.exportedValue(target.module, imp.name === 'default' ? 'default' : imp.name);
      v = found?.val;
      // passed on from another module (`from .payments import PaymentsClient` in a package's __init__)
      if (found && v?.imp && !v.fn) v = this.followImport(found.module, v);
    } finally {
      this.envInProgress.delete(file);
    }
    // An import still unresolved is kept only when it names the same thing from any module (not `.x`).
    if (v && !v.fn && !(v.imp && (v.imp.module.startsWith('.') || v.imp.name === '*'))) {
      if (this.importedValues.size > SUMMARY_CACHE_MAX) this.importedValues.clear();
      this.importedValues.set(key, v);
      return v;
    }
    return undefined;
  }

  moduleAt(path: string): Module | undefined {
    return this.load(path)?.module;
  }

  followImport(m: Module, v: Val): Val {
    let cur = v;
    let mod = m;
    // a few hops: `tools.ts` → `kit/index.ts` → `kit/ai.ts` → 'ai'
    for (let hop = 0; hop < 4 && cur.imp && !cur.fn && cur.imp.name !== '*'; hop++) {
      const file = this.resolveModulePath(mod, cur.imp.module);
      if (!file || this.envInProgress.has(file)) break;
      const target = this.load(file);
      if (!target) break;
      this.envInProgress.add(file);
      let next: { module: Module; val: Val } | undefined;
      try {
        next = this.exportedValue(target.module, cur.imp.name);
      } finally {
        this.envInProgress.delete(file);
      }
      if (!next) break;
      cur = next.val;
      mod = next.module;
    }
    return cur;
  }

  resolveImport(m: Module, imp: { module: string; name: string }, hops = 0): FnRef | undefined {
    const file = this.resolveModulePath(m, imp.module);
    if (!file) return undefined;
    if (this.currentFile) {
      let s = this.deps.get(file);
      if (!s) this.deps.set(file, (s = new Set()));
      s.add(this.currentFile);
    }
    const target = this.load(file);
    if (!target) return undefined;
    const name = imp.name === 'default' ? 'default' : imp.name;
    const fn = [...target.module.functions.values()].find((f) => !f.parent && !f.className && f.name === name);
    if (fn) return { fn, module: target.module };
    // re-exported or assigned: `export const helper = (...) => ...`, `default = ...`, `export { helper } from './http'`,
    // `export * from './http'`
    const found = this.exportedValue(target.module, name);
    if (found?.val.fn) return found.val.fn;
    if (found?.val.imp && found.val.imp.name !== '*' && hops < 4) return this.resolveImport(found.module, found.val.imp, hops + 1);
    return undefined;
  }

  /** A module's top-level value `name`, or one its `export * from` barrels pass on, and the module it is in. */
  private exportedValue(mod: Module, name: string, depth = 0): { module: Module; val: Val } | undefined {
    const v = this.moduleEnv(mod).get(name);
    if (v) return { module: mod, val: v };
    if (depth >= 4) return undefined;
    for (const b of mod.imports) {
      if (b.local !== '' || b.name !== '*') continue;
      const file = this.resolveModulePath(mod, b.module);
      if (!file || this.envInProgress.has(file)) continue;
      const t = this.load(file);
      if (!t) continue;
      this.envInProgress.add(file);
      try {
        const r = this.exportedValue(t.module, name, depth + 1);
        if (r) return r;
      } finally {
        this.envInProgress.delete(file);
      }
    }
    return undefined;
  }

  /** Import specifier → file, per importing folder; kept across edits, dropped when files change. */
  private readonly modulePaths = new Map<string, string | null>();

  private resolveModulePath(m: Module, spec: string): string | undefined {
    const key = `${m.language}|${dirname(m.path)}|${spec}`;
    const hit = this.modulePaths.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.findModulePath(m, spec);
    this.modulePaths.set(key, found ?? null);
    return found;
  }

  private findModulePath(m: Module, spec: string): string | undefined {
    const dir = dirname(m.path);
    if (m.language === 'python') {
      let base: string;
      let rest: string;
      const dots = /^\.+/.exec(spec)?.[0].length ?? 0;
      if (dots) {
        base = dir;
        for (let i = 1; i < dots; i++) base = dirname(base);
        rest = spec.slice(dots);
      } else {
        rest = spec;
        base = '';
      }
      const rel = rest.split('.').filter(Boolean).join('/');
      const candidates: string[] = [];
      const bases = dots ? [base] : this.pythonBases(dir);
      for (const b of bases) candidates.push(join(b, `${rel}.py`), join(b, rel, '__init__.py'));
      return candidates.find((c) => isFile(c));
    }
    const file = (raw: string): string | undefined => {
      const stripped = raw.replace(/\.(js|mjs|cjs|jsx)$/, '');
      const exts = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
      return [raw, ...exts.map((x) => stripped + x), ...exts.map((x) => join(raw, `index${x}`))].find((c) => isFile(c));
    };
    if (spec.startsWith('.')) return file(resolve(dir, spec));
    // `@/lib/http`: a path alias of tsconfig.json / jsconfig.json
    for (const c of this.aliases.candidates(dir, spec)) {
      const found = file(c);
      if (found) return found;
    }
    return undefined;
  }

  /** Absolute imports resolve against the scan roots and the module's ancestor folders. */
  private pythonBases(dir: string): string[] {
    const out = [...this.roots];
    let d = dir;
    for (let i = 0; i < 5; i++) {
      out.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    return out;
  }

  private readonly selfAttrs = new Map<string, Map<string, Val>>();

  selfAttr(m: Module, cls: string, name: string): Val | undefined {
    const key = `${m.path}#${cls}`;
    let attrs = this.selfAttrs.get(key);
    if (!attrs) {
      attrs = new Map();
      this.selfAttrs.set(key, attrs);
      const c = m.classes.find((x) => x.name === cls);
      const found = attrs;
      const visit = (stmts: Stmt[]): void => {
        for (const s of stmts) {
          if (s.kind === 'assign') {
            for (const t of s.targets) {
              if (t.kind === 'attr' && t.obj.kind === 'name' && (t.obj.id === 'self' || t.obj.id === 'this') && !found.has(t.name)) {
                // self.session = session, where the parameter says what it is
                const param = s.value.kind === 'name' ? paramsOf.get(s.value.id) : undefined;
                if (param) {
                  const pv = this.annotationVal(m, param);
                  if (pv) found.set(t.name, pv);
                  continue;
                }
                const v = this.evalModuleExpr(m, s.value);
                if (v.q || v.logger || v.ro || v.str !== undefined) found.set(t.name, { q: v.q, logger: v.logger, ro: v.ro, str: v.str });
              }
            }
          } else if (s.kind === 'if') {
            visit(s.then);
            visit(s.else);
          } else if (s.kind === 'with' || s.kind === 'try' || s.kind === 'loop') visit(s.body);
        }
      };
      const paramsOf = new Map<string, string>();
      for (const id of c?.methods ?? []) for (const p of m.functions.get(id)?.params ?? []) if (p.annotation) paramsOf.set(p.name, p.annotation);
      for (const f of c?.fields ?? []) {
        if (!f.value) {
          const av = this.annotationVal(m, f.annotation);
          if (av) found.set(f.name, av);
          continue;
        }
        const v = this.evalModuleExpr(m, f.value);
        if (v.q || v.logger || v.ro || v.str !== undefined) found.set(f.name, { q: v.q, logger: v.logger, ro: v.ro, str: v.str });
      }
      for (const id of c?.methods ?? []) {
        const fn = m.functions.get(id);
        if (fn) visit(fn.body);
      }
    }
    return attrs.get(name);
  }

  // ---------------------------------------------------------------- summaries

  summary(ref: FnRef): Summary | undefined {
    const key = `${ref.module.path}#${ref.fn.id}`;
    if (this.summaries.has(key)) return this.summaries.get(key) ?? undefined;
    this.summaries.set(key, null);
    const interp = new Interp(this, ref.module, ref.fn, true);
    const env = new Env(new Map(), false);
    ref.fn.params.forEach((p, i) => {
      const v: Val = { t: new Set([`#${i}`]), safe: 0, flow: [{ file: ref.module.path, span: p.span, message: `parameter '${p.name}' of ${ref.fn.name || 'helper'}()` }] };
      if (p.pattern) interp.bind(p.pattern, v, env);
      // self is a parameter too: what the instance was built from (`PageFetcher(req)`, then `self.req.url`)
      // reaches the caller through the receiver, when the receiver holds the model's data
      else if (isSelf(ref.fn, p)) env.set(p.name, { ...v, selfOf: ref.fn.className });
      else {
        const typed = this.annotationVal(ref.module, p.annotation);
        env.set(p.name, typed?.q ? { ...v, q: typed.q } : v);
      }
    });
    let out: Env;
    try {
      out = interp.run(ref.fn.body, env, true);
    } catch {
      out = Env.dead();
    }
    const exits = [...interp.returns.map((r) => r.env), ...(out.dead ? [] : [out])];
    const paramSafe = ref.fn.params.map((p, i) => {
      let m = ALL;
      for (const x of exits) {
        const v = x.get(p.name);
        m &= (v?.t ? (v.safe ?? 0) : 0) | localFsFor(x, i);
      }
      return exits.length ? m : 0;
    });
    let ret: Val | undefined;
    let retTrue: number[] | undefined;
    // A predicate guards param i for the categories every truthy return establishes:
    // `return host in ALLOWED`, or `return True` where the path already checked it.
    let predicate = false;
    for (const r of interp.returns) {
      ret = ret ? joinRet(ret, r.val) : r.val;
      if (r.falsy) continue;
      const facts = r.val.checks?.t;
      const masks = ref.fn.params.map((p, i) => {
        const own = r.env.get(p.name);
        const fromEnv = (own?.t ? (own.safe ?? 0) : 0) | localFsFor(r.env, i);
        return (facts ?? []).filter((f) => f.target === p.name || fromParam(r.env.get(f.target ?? ''), i)).reduce((a, f) => a | (f.mask ?? 0), fromEnv);
      });
      if (facts) predicate = true;
      retTrue = retTrue ? retTrue.map((m, i) => m & masks[i]) : masks;
    }
    if (!predicate && !interp.returns.some((r) => r.truthy)) retTrue = undefined;
    const s: Summary = {
      // the caller re-anchors each hit at its own call: the helper's syntax need not stay alive
      hits: interp.hits.map((h) => ({ ...h, call: undefined, arg: undefined, stmt: undefined })),
      caps: interp.caps,
      capSites: interp.capSites,
      txns: interp.txns,
      logs: interp.logs,
      approves: exits.length > 0 && exits.every((x) => x.approved),
      tables: exits.length > 0 && exits.every((x) => x.tablesChecked),
      paramSafe,
      ret: ret ?? EMPTY,
      retTrue,
      sqlText: interp.sqlTextParams.size ? [...interp.sqlTextParams] : undefined,
      paths: interp.pathParams.size ? [...interp.pathParams] : undefined,
    };
    this.summaries.set(key, s);
    if (this.summaries.size > SUMMARY_CACHE_MAX) this.summaries.delete(this.summaries.keys().next().value as string);
    return s;
  }

  // ---------------------------------------------------------------- analysis

  analyzeFile(path: string, text?: string): FileResult {
    const file = resolve(path);
    this.currentFile = file;
    try {
      return this.analyzeInner(file, text);
    } catch (err) {
      return { file, findings: [], tools: [], skipped: `analysis failed: ${(err as Error).message}` };
    } finally {
      this.currentFile = undefined;
    }
  }

  private analyzeInner(file: string, text?: string): FileResult {
    const src = text ?? this.readFileHook(file);
    if (src === undefined) return { file, findings: [], tools: [], skipped: 'unreadable' };
    if (!grammarFor(file)) return { file, findings: [], tools: [], skipped: 'unsupported file type' };
    const ext = this.external.get(file);
    if (!TOOL_MARKERS.test(src) && !ext?.size) return { file, findings: [], tools: [] };
    if (text !== undefined && this.modules.get(file)?.text !== src) {
      this.ownChanges.set(file, (this.ownChanges.get(file) ?? 0) + 1);
      this.version++;
      this.drop(file);
    }
    const loaded = this.load(file, src);
    if (!loaded) return { file, findings: [], tools: [], skipped: 'unreadable' };
    const m = loaded.module;
    const tools = discoverTools(m, this, src);
    for (const t of tools) {
      if (t.module !== m) {
        let map = this.external.get(t.module.path);
        if (!map) this.external.set(t.module.path, (map = new Map()));
        map.set(t.fn.id, t);
      }
    }
    // Approvals the agent's wiring declares in a sibling module (HumanInTheLoopMiddleware(interrupt_on=…)).
    const approvedElsewhere = tools.some((t) => !t.approved) ? this.wiringApprovals(m) : undefined;
    if (approvedElsewhere) for (let i = 0; i < tools.length; i++) if (!tools[i].approved && approvedElsewhere(tools[i])) tools[i] = { ...tools[i], approved: true };
    for (const t of ext?.values() ?? []) {
      if (t.module !== m) {
        const fn = m.functions.get(t.fn.id);
        if (fn && !tools.some((x) => x.fn.id === fn.id)) tools.push({ ...t, fn, module: m, span: fn.span, nameSpan: fn.nameSpan });
      }
    }
    let findings: Finding[] = [];
    const summaries: ToolSummary[] = [];
    // A tool keeps its result while the statements it can depend on (analysis/pieces.ts) and other files are unchanged.
    const toolSerials = new Set(tools.map((t) => loaded.serials?.get(t.fn)).filter((x): x is number => x !== undefined));
    const graph = loaded.pieces ? new PieceGraph(loaded.pieces) : undefined;
    const otherFiles = this.version - (this.ownChanges.get(file) ?? 0);
    for (const t of tools) {
      const own = t.module === m ? loaded.serials?.get(t.fn) : undefined;
      const key = graph && own !== undefined ? `${otherFiles}|${graph.key(own, toolSerials)}|${t.name}|${t.approved}|${t.audited}|${[...t.untainted].join(',')}` : undefined;
      const hit = key ? this.toolCache.get(t.fn) : undefined;
      const r = hit && hit.key === key ? hit.result : this.analyzeTool(t, t.module === m ? loaded : this.sourceOf(t.module));
      if (key) this.toolCache.set(t.fn, { key, result: r });
      findings.push(...r.findings);
      summaries.push(r.summary);
    }
    // findings for tools in other files (tools=[imported_fn]) are returned too; each is suppressed by its own file
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) {
      const l = byFile.get(f.file);
      if (l) l.push(f);
      else byFile.set(f.file, [f]);
    }
    findings = [];
    for (const [f, list] of byFile) {
      const t = f === file ? src : this.load(f)?.text;
      findings.push(...(t !== undefined ? applySuppressions(list, t) : list));
    }
    findings = applyRuleConfig(findings, this.config);
    findings.sort((a, b) => (a.file === b.file ? a.span.start.line - b.span.start.line || a.span.start.col - b.span.start.col || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file)));
    return { file, findings, tools: summaries, syntaxErrors: m.syntaxErrors || undefined };
  }

  /**
   * Which of `m`'s tools a module in the same folder, or the one above inside a scan root, registers as
   * approved: agents are often wired (HumanInTheLoopMiddleware, interrupt_on, LangChain.js
   * humanInTheLoopMiddleware's interruptOn) apart from the modules that define their tools. Only files that
   * mention a wiring marker and `m`'s module name are read, so the answer depends on the tree alone, never on
   * which files this engine happened to analyse before.
   */
  private wiringApprovals(m: Module): (t: ToolDef) => boolean {
    const ids = new Set<string>();
    const named: { exported: string; keys: Set<string> }[] = [];
    const stem = basename(m.path).replace(/\.[^.]+$/, '');
    const py = m.language === 'python';
    // the tools' folder, and the one above it (src/agent.ts wiring src/tools/*.ts) when that is inside a root
    const up = dirname(dirname(m.path));
    const dirs = [dirname(m.path), ...(this.roots.some((r) => up === r || up.startsWith(r + sep)) ? [up] : [])];
    for (const file of dirs.flatMap((d) => this.wiringFilesIn(d))) {
      if (file === m.path || (languageOf(file) === 'python') !== py) continue;
      let found = this.wiringTools.get(file);
      if (!found) {
        const w = this.load(file);
        if (!w || w.module === m || !w.text.includes(stem)) continue;
        found = { tools: discoverTools(w.module, this, w.text), hitl: [] };
        // LangChain.js HITL middleware names tools by the names the model sees; the list holds variables
        if (!py) {
          for (const h of humanInTheLoopLists(w.module)) {
            for (const item of h.items) {
              const b = w.module.imports.find((x) => x.local === item);
              const from = b ? this.resolveModulePath(w.module, b.module) : undefined;
              if (b && from) found.hitl.push({ path: from, exported: b.name, keys: h.keys });
            }
          }
        }
        this.wiringTools.set(file, found);
      }
      for (const t of found.tools) if (t.approved && t.module.path === m.path) ids.add(t.fn.id);
      for (const h of found.hitl) if (h.path === m.path) named.push(h);
    }
    return (t) => ids.has(t.fn.id) || named.some((h) => h.exported === t.name && h.keys.has(t.declaredName ?? t.name));
  }

  /** A file changed: its folder's list of wiring files follows its text, and what it registers is forgotten. */
  private refreshWiring(p: string): void {
    this.wiringTools.clear();
    const files = this.wiringFiles.get(dirname(p));
    if (!files || !grammarFor(p)) return;
    const text = this.readFileHook(p);
    const has = text !== undefined && this.cat.controls.approval.wiringMarkers.some((mk) => text.includes(mk));
    const i = files.indexOf(p);
    if (has && i < 0) files.push(p);
    else if (!has && i >= 0) files.splice(i, 1);
  }

  /** The files of a folder that mention an approval marker (read once per folder, then kept current by refreshWiring). */
  private wiringFilesIn(dir: string): string[] {
    let files = this.wiringFiles.get(dir);
    if (files) return files;
    files = [];
    const markers = this.cat.controls.approval.wiringMarkers;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // an unreadable folder has no wiring
    }
    for (const name of names) {
      const file = join(dir, name);
      if (!grammarFor(file)) continue;
      const text = this.readFileHook(file);
      if (text !== undefined && markers.some((mk) => text.includes(mk))) files.push(file);
    }
    if (this.wiringFiles.size > SUMMARY_CACHE_MAX) this.wiringFiles.clear();
    this.wiringFiles.set(dir, files);
    return files;
  }

  /** `source` is the tool's module as loaded: its lines give the quick fixes their text. */
  private analyzeTool(t: ToolDef, source: Loaded | undefined): { findings: Finding[]; summary: ToolSummary } {
    const bodies = [t.fn, ...(t.more ?? [])];
    const hits: Hit[] = [];
    const txns: TxnUse[] = [];
    let caps = 0;
    let logs = t.audited;
    const capSites: Interp['capSites'] = [];
    const paramSpans = new Map<string, Span>();
    for (const fn of bodies) {
      const interp = new Interp(this, t.module, fn, true);
      interp.isToolBody = true;
      const env = new Env(new Map(), t.approved);
      this.bindEnclosingParams(interp, t.module, fn, env);
      for (const p of fn.params) {
        paramSpans.set(p.name, p.span);
        const untainted = t.untainted.has(p.name);
        if (p.pattern) {
          bindPatternTaint(interp, p.pattern, env, t.module.path, untainted, t.untainted);
        } else if (isSelf(fn, p)) env.set(p.name, { selfOf: fn.className });
        else env.set(p.name, untainted ? (this.annotationVal(t.module, p.annotation) ?? EMPTY) : taintOf(p.name, t.module.path, p.span));
      }
      try {
        interp.run(fn.body, env, true);
      } catch {
        // an unexpected shape stops this tool's analysis, never the file's
      }
      hits.push(...interp.hits);
      txns.push(...interp.txns);
      caps |= interp.caps;
      logs ||= interp.logs;
      for (const c of interp.capSites) if (!capSites.some((x) => x.category === c.category)) capSites.push(c);
    }
    const lines = source?.lines ?? [];
    const toolRef: ToolRef = {
      name: t.name,
      framework: t.framework,
      file: t.module.path,
      span: t.span,
      nameSpan: t.nameSpan,
      bodySpan: t.fn.span,
      bodyStart: t.fn.bodyStart ? { line: t.fn.bodyStart.line, col: t.fn.bodyStart.col, indent: t.fn.bodyIndent ?? '' } : undefined,
      exprBody: t.fn.exprBody,
    };
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const capState: ToolSummary['capabilities'] = {};
    for (const c of ['net', 'fs', 'sql', 'exec', 'secret', 'txn'] as const) if (caps & CAT_BIT[c]) capState[c] = 'scoped';
    for (const h of hits) {
      const key = `${h.category}:${h.span.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const param = [...h.origins].find((o) => paramSpans.has(o)) ?? [...h.origins][0];
      const flow: FlowStep[] = [];
      if (param && paramSpans.has(param)) flow.push({ file: t.module.path, span: paramSpans.get(param) as Span, message: `parameter '${param}' is chosen by the model` });
      if (h.flow.length) flow.push(...h.flow);
      else flow.push({ file: t.module.path, span: h.span, message: `reaches ${h.sink}()` });
      if (h.category !== 'tls') capState[h.category as Exclude<Category, 'audit'>] = 'unscoped';
      findings.push(this.finding(h.rule, h.category, t, toolRef, h.span, { param, sink: h.sink }, flow, this.fixData(h, t, toolRef, lines)));
    }
    const unapproved = txns.filter((x) => !x.approved && !t.approved);
    if (unapproved.length) {
      const first = unapproved[0];
      const actions = [...new Set(unapproved.map((x) => x.sink))].slice(0, 3).join(', ');
      const flow: FlowStep[] = [{ file: t.module.path, span: t.nameSpan, message: `tool '${t.name}'` }, ...first.flow];
      findings.push(this.finding(first.rule, 'txn', t, toolRef, t.nameSpan, { sink: actions, detail: actions }, flow, { category: 'txn', language: t.module.language, tool: this.fixTool(toolRef) }));
      capState.txn = 'unscoped';
    }
    if (caps && !logs) {
      const what = (['net', 'fs', 'sql', 'exec', 'secret', 'txn'] as const).filter((c) => caps & CAT_BIT[c]).map(capabilityWord).join(', ');
      const flow: FlowStep[] = [{ file: t.module.path, span: t.nameSpan, message: `tool '${t.name}' can use ${what} and writes no audit record` }];
      for (const c of capSites) flow.push({ file: c.file, span: c.span, message: `${capabilityWord(c.category)} via ${c.sink}()` });
      findings.push(this.finding('audit/no-audit-record', 'audit', t, toolRef, t.nameSpan, { detail: what }, flow, { category: 'audit', language: t.module.language, tool: this.fixTool(toolRef) }));
    }
    return {
      findings,
      summary: { tool: toolRef, capabilities: capState, audit: caps ? (logs ? 'present' : 'missing') : 'n/a', approval: txns.length ? (unapproved.length ? 'missing' : 'present') : 'n/a' },
    };
  }

  /**
   * A tool made by a factory (`const makeTools = ({ repo }: Deps) => tool({ execute: … repo.run(q) })`) sees
   * the factory's parameters: the application passes them, and their annotations say what they hold.
   */
  private bindEnclosingParams(interp: Interp, m: Module, fn: FunctionDef, env: Env): void {
    let anc = fn.parent ? m.functions.get(fn.parent) : undefined;
    for (let depth = 0; anc && depth < 4; depth++, anc = anc.parent ? m.functions.get(anc.parent) : undefined) {
      for (const p of anc.params) {
        const v = this.annotationVal(m, p.annotation);
        if (!v) continue;
        if (p.pattern) interp.bind(p.pattern, v, env);
        else if (!env.vars.has(p.name)) env.set(p.name, v);
      }
    }
  }

  private fixTool(t: ToolRef): FixData['tool'] {
    return { name: t.name, framework: t.framework, nameSpan: t.nameSpan, bodyStart: t.bodyStart, exprBody: t.exprBody, span: t.span };
  }

  private fixData(h: Hit, t: ToolDef, ref: ToolRef, lines: string[]): FixData {
    const text = (s: Span): string => sliceText(lines, s);
    const stmt = h.stmt;
    return {
      category: h.category as Category,
      language: t.module.language,
      call: h.call ? { span: h.call.span, callee: calleeSource(h.call.callee, lines), argsSpan: h.call.argsSpan } : undefined,
      arg: h.arg ? { span: h.arg.span, text: text(h.arg.span) } : undefined,
      param: [...h.origins][0],
      stmt: stmt ? { span: stmt.span, indent: /^[ \t]*/.exec(lines[stmt.span.start.line] ?? '')?.[0] ?? '' } : undefined,
      tool: this.fixTool(ref),
      shape: h.shape,
    };
  }

  private finding(ruleId: string, category: Category | 'tls', t: ToolDef, tool: ToolRef, span: Span, vars: { param?: string; sink?: string; detail?: string }, flow: FlowStep[], fix: FixData): Finding {
    let severity: Severity = 'warning';
    let message: string;
    try {
      severity = getRule(ruleId).defaultSeverity;
      message = formatMessage(ruleId, { tool: t.name, ...vars });
    } catch {
      message = `Tool '${t.name}': ${ruleId}${vars.param ? ` (parameter '${vars.param}')` : ''}${vars.sink ? ` via ${vars.sink}` : ''}.`;
    }
    const fingerprint = createHash('sha1')
      .update([ruleId, basename(t.module.path), t.name, vars.sink ?? '', vars.param ?? ''].join('|'))
      .digest('hex')
      .slice(0, 16);
    return { ruleId, category: category as Category, severity, file: t.module.path, span, message, tool, param: vars.param, sink: vars.sink, flow, fix, fingerprint };
  }
}

/** The receiver parameter of a Python method: `self.helper(...)` resolves through it. */
function isSelf(fn: FunctionDef, p: FunctionDef['params'][number]): boolean {
  return !!fn.className && p.index === 0 && (p.name === 'self' || p.name === 'cls');
}

/** A local that is a normalised form of parameter i only (`n = os.path.realpath(p)`). */
function fromParam(v: Val | undefined, i: number): boolean {
  return !!v?.resolved && v.t?.size === 1 && v.t.has(`#${i}`);
}

/** Parameter i is confined for files when a resolved local made from it is (`n = realpath(p)` then checked). */
function localFsFor(env: Env, i: number): number {
  for (const v of env.vars.values()) if (fromParam(v, i) && ((v.safe ?? 0) & CAT_BIT.fs)) return CAT_BIT.fs;
  return 0;
}

function capabilityWord(c: string): string {
  return ({ net: 'network access', fs: 'file access', sql: 'SQL queries', exec: 'command or code execution', secret: 'credentials', txn: 'consequential actions' } as Record<string, string>)[c] ?? c;
}

function joinRet(a: Val, b: Val): Val {
  const t = new Set<string>([...(a.t ?? []), ...(b.t ?? [])]);
  const ta = !!a.t?.size;
  const tb = !!b.t?.size;
  return {
    t: t.size ? t : undefined,
    safe: (ta ? (a.safe ?? 0) : ALL) & (tb ? (b.safe ?? 0) : ALL),
    resolved: a.resolved && b.resolved,
    q: a.q === b.q ? a.q : undefined,
    logger: a.logger || b.logger,
    ro: a.ro && b.ro,
  };
}

function taintOf(name: string, file: string, span: Span): Val {
  return { t: new Set([name]), safe: 0, flow: [{ file, span, message: `parameter '${name}' is chosen by the model` }] };
}

function bindPatternTaint(interp: Interp, pattern: NonNullable<FunctionDef['params'][number]['pattern']>, env: Env, file: string, untainted: boolean, names: ReadonlySet<string>): void {
  const visit = (t: typeof pattern): void => {
    switch (t.kind) {
      case 'name':
        env.set(t.id, untainted || names.has(t.id) ? EMPTY : taintOf(t.id, file, t.span));
        return;
      case 'tuple':
        t.items.forEach(visit);
        return;
      case 'object':
        for (const p of t.props) visit(p.target);
        return;
      default:
        interp.bind(t, EMPTY, env);
    }
  };
  visit(pattern);
}

function sliceText(lines: string[], s: Span): string {
  if (s.start.line === s.end.line) return (lines[s.start.line] ?? '').slice(s.start.col, s.end.col);
  const out = [(lines[s.start.line] ?? '').slice(s.start.col)];
  for (let i = s.start.line + 1; i < s.end.line; i++) out.push(lines[i] ?? '');
  out.push((lines[s.end.line] ?? '').slice(0, s.end.col));
  return out.join('\n');
}

function calleeSource(e: Expr, lines: string[]): string {
  return sliceText(lines, e.span);
}

/** The single changed range between two texts (common prefix and suffix), as a tree-sitter edit. */
/** A top-level statement of a module: where it starts, its text, and how to lower it. */
interface TopStmt {
  row: number;
  col: number;
  source: string;
  lower: () => Piece;
}

function topOf(root: Node, text: string, lower: (n: Node) => Piece): TopStmt[] {
  const out: TopStmt[] = [];
  for (const n of root.namedChildren) {
    if (!n || n.type === 'comment') continue;
    const at = n.startPosition;
    out.push({ row: at.row, col: at.column, source: text.slice(n.startIndex, n.endIndex), lower: () => lower(n) });
  }
  return out;
}

function textEdit(oldText: string, newText: string) {
  if (oldText === newText) return undefined;
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const point = (text: string, index: number) => {
    let row = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      row++;
      lineStart = i + 1;
    }
    return { row, column: index - lineStart };
  };
  const startPosition = point(newText, start);
  return { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd, startPosition, oldEndPosition: point(oldText, oldEnd), newEndPosition: point(newText, newEnd) };
}

function readDisk(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}


