// Abstract interpretation of one function (or module body) over the agent model: follows
// model-controlled data to sinks, records guards (as scoping facts that hold after a check that
// exits on failure), approval gates, log calls and capabilities. Merge points join environments,
// so a guard counts only when it dominates the sink on every path.
import type { Category, FlowStep } from '../model/findings';
import type { CallExpr, Expr, FunctionDef, Module, Span, Stmt, Target } from '../model/ir';
import type { Catalog, SinkSpec } from './data';
import { ALL, bit, CAT_BIT, EMPTY, Env, NONE, PROGRAM, type Fact, type Facts, type FnRef, joinVal, tainted, unionTaint, type Val, withSafe } from './values';

/**
 * Whether a root given to `startswith` ends with a path separator: without one, `/srv/data-evil` passes a
 * check for `/srv/data`. Unknown values (a root list passed into a helper) are given the benefit of the doubt.
 */
function endsWithSeparator(e: Expr | undefined, v: Val | undefined): boolean {
  const sep = (x: string) => x.endsWith('/') || x.endsWith('\\');
  if (!e) return true;
  if (v?.items) return v.items.every((i) => i.str === undefined || sep(i.str));
  if (v?.str !== undefined) return sep(v.str);
  if (v?.suffix !== undefined) return sep(v.suffix);
  if (e.kind === 'bin' && e.op === '+') return endsWithSeparator(e.right, undefined) || /(^|\.)sep$/.test(exprText(e.right));
  if (e.kind === 'fmt') {
    const last = e.parts[e.parts.length - 1];
    return !!last && (last.kind === 'str' ? sep(last.value) : /(^|\.)sep$/.test(exprText(last)));
  }
  if (e.kind === 'str') return sep(e.value);
  if (/^(path|os|posixpath|ntpath)\.sep$/.test(exprText(e))) return true;
  // str(root) / os.fspath(root): a Path made text, which never ends with a separator
  if (e.kind === 'call' && /^(str|os\.fspath)$/.test(exprText(e.callee))) return false;
  // dir.replace(/\\?$/, '\\'): a trailing separator added when missing
  if (e.kind === 'call' && e.callee.kind === 'attr' && e.callee.name === 'replace') {
    const [pattern, replacement] = e.args.map((a) => a.value);
    if (pattern?.kind === 'str' && /\$\/[a-z]*$/.test(pattern.raw ?? '') && replacement?.kind === 'str' && sep(replacement.value)) return true;
  }
  // a root variable whose value the analysis does not know: a constant without its separator was seen above
  return !(v && (v.resolved || v.q));
}

/** An argv list whose program is constant and not a shell or interpreter handed model code. */
function constantProgram(v: Val | undefined, cat: Catalog): boolean {
  const prog = v?.items?.[0];
  if (!v?.items?.length || !prog || tainted(prog) || prog.str === undefined) return false;
  return !interpretsModelCode(v.items, cat);
}

/**
 * Whether an argv list with a constant program runs model data as code (rules/sinks.yaml `commandRunners`):
 * a runner (sudo, env, xargs, ssh, cmd, powershell) with model data anywhere; an interpreter whose code is
 * the model's, the argument of a code option (`-c`, `-e`, `-m`…), or the script (its first argument that is
 * not an option). The arguments after a constant script or module are data: `python -m pytest <selector>`.
 */
function interpretsModelCode(items: readonly Val[], cat: Catalog): boolean {
  const name = items[0].str?.split('/').pop() ?? '';
  const runners = cat.commandRunners;
  if (!runners.all.has(name)) return false;
  if (!runners.interpreters.test(name)) return items.slice(1).some(tainted);
  for (let i = 1; i < items.length; i++) {
    const a = items[i];
    if (tainted(a) || a.str === undefined) return tainted(a);
    if (runners.codeOptions.has(a.str)) return !!items[i + 1] && tainted(items[i + 1]);
    if (!a.str.startsWith('-')) return false;
  }
  return false;
}

/** `readonly=True`, `read_only: true`: a connection opened or set read-only. */
const READ_ONLY_FLAG = /^read_?only$/i;

/** The expression a function returns when its body is that one `return` (an arrow's expression body). */
export function singleReturn(fn: FunctionDef): Expr | undefined {
  const only = fn.body.length === 1 ? fn.body[0] : undefined;
  return only?.kind === 'return' ? only.value : undefined;
}

/** A method declared `@staticmethod` / `@classmethod`: called through its class, not an instance. */
export function isClassLevel(fn: FunctionDef): boolean {
  return fn.decorators.some((d) => /^(staticmethod|classmethod)$/.test(exprText(d.expr)));
}

/** The parameter indices among a value's taint origins (`#0`, `#2` in a helper's summary). */
function paramOrigins(t: ReadonlySet<string> | undefined): number[] {
  return t ? [...t].filter((o) => o.startsWith('#')).map((o) => Number(o.slice(1))) : [];
}

export interface Hit {
  rule: string;
  category: Category | 'tls';
  /** Display name of the sink (`requests.get`, `os.environ[]`). */
  sink: string;
  /** Anchor in this function: the sink call, or the call into the helper that reaches it. */
  span: Span;
  /** Taint origins at the anchor (param names, or `#i` in summaries); empty for constant findings. */
  origins: ReadonlySet<string>;
  /** Steps inside helpers, ending at the sink (empty when the sink is in this function). */
  flow: FlowStep[];
  /** The anchor call, the argument that carries the value and the statement holding it (for fixes). */
  call?: CallExpr;
  arg?: Expr;
  stmt?: Stmt;
  shape?: string;
  /** SQL run on a read-only connection: scoped once the caller has checked the tables too. */
  ro?: boolean;
  /** In a helper: SQL run on the connection the caller passes as this parameter (`run_sql(conn, sql)`). */
  roParam?: number;
  /** The flow of the tainted value up to the anchor. */
  valueFlow?: readonly FlowStep[];
}

export interface TxnUse {
  rule: string;
  sink: string;
  span: Span;
  approved: boolean;
  flow: FlowStep[];
}

export interface Summary {
  hits: Hit[];
  caps: number;
  /** On every normal exit a table allowlist was checked. */
  tables: boolean;
  capSites: { category: string; sink: string; span: Span; file: string }[];
  txns: TxnUse[];
  logs: boolean;
  approves: boolean;
  paramSafe: number[];
  ret: Val;
  retTrue?: number[];
  /** Parameters whose value reaches an SQL sink as the statement's text: `DELETE …` passed in is destructive. */
  sqlText?: number[];
  /** Parameters whose value reaches a file sink as its path: `.env` passed in is a credential store. */
  paths?: number[];
}

export interface Ctx {
  cat: Catalog;
  extraGuards: Set<string>;
  extraLoggers: Set<string>;
  extraApprovals: Set<string>;
  moduleEnv(m: Module): Map<string, Val>;
  resolveImport(m: Module, imp: { module: string; name: string }): FnRef | undefined;
  /** undefined while the function is being summarised (recursion). */
  summary(ref: FnRef): Summary | undefined;
  /** What attribute `name` of an instance of workspace class `cls` (in the module at `path`) holds. */
  classAttr(path: string, cls: string, name: string): Val | undefined;
  /** `Class.method` of a workspace module, by the module's path. */
  methodOf(path: string, cls: string, method: string): FnRef | undefined;
  /** The value a workspace module binds to an imported name, when it is not a function. */
  importedValue(m: Module, imp: { module: string; name: string }): Val | undefined;
  /** What `self.name` holds in class `cls` (assigned in its methods from module-level values). */
  selfAttr(m: Module, cls: string, name: string): Val | undefined;
}

const PASSTHRU = new Set(['lower', 'upper', 'strip', 'lstrip', 'rstrip', 'casefold', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'normalize', 'encode', 'decode', 'format', 'replace', 'removeprefix', 'removesuffix', 'title', 'capitalize', 'expandtabs', 'valueOf', 'toLocaleLowerCase', 'as_posix']);
const STR_CTORS = new Set(['builtins.str', 'String', 'builtins.repr', 'os.fspath', 'builtins.bytes']);
const JSON_PARSE = new Set(['json.loads', 'JSON.parse', 'orjson.loads', 'ujson.loads', 'yaml.safe_load', 'json.load']);
const URL_HOST_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+[/?#]/i;
const MAX_INLINE_DEPTH = 3;
/** What an allowlist check scopes: everything but SQL text, which needs bound parameters or a read-only connection. */
const ALLOWLISTED = ALL & ~CAT_BIT.sql;
const ENV_DUMPERS = new Set(['builtins.dict', 'json.dumps', 'JSON.stringify', 'builtins.str', 'builtins.repr', 'Object.entries', 'Object.assign', 'builtins.list', 'pprint.pformat', 'yaml.dump', 'yaml.safe_dump']);
const STATEMENT_BUILDERS = new Set(['text', 'Request', 'prepare', 'sql', 'raw']);

function spanLine(s: Span): number {
  return s.start.line;
}

export class Interp {
  readonly hits: Hit[] = [];
  readonly txns: TxnUse[] = [];
  /** In a helper's summary: parameters whose value reaches an SQL sink as its text. */
  readonly sqlTextParams = new Set<number>();
  /** In a helper's summary: parameters whose value reaches a file sink as its path. */
  readonly pathParams = new Set<number>();
  caps = 0;
  logs = false;
  /** Normal exits: the value, the environment, and whether the returned expression is a literal False/None (or True). */
  readonly returns: { val: Val; env: Env; falsy?: boolean; truthy?: boolean }[] = [];
  /** Where each capability was first used (for the audit finding's flow). */
  readonly capSites: { category: string; sink: string; span: Span; file: string }[] = [];
  private breaks: Env[][] = [];
  private stmtTop: Stmt | undefined;
  private readonly modEnv: Map<string, Val>;
  private readonly lang: 'python' | 'ts';
  inline = 0;
  /** Inside an `except` / `catch` handler: a logger call there is no audit record of the action. */
  private inHandler = 0;
  /** Set by sinks(): the current call matched a sink of a category that returns data from outside. */
  private sinkMatched = false;
  private selfClass?: string;
  /** Analysing a tool's own body (not a helper's summary). */
  isToolBody = false;

  constructor(
    private readonly ctx: Ctx,
    readonly module: Module,
    readonly fn: FunctionDef | undefined,
    private readonly recordHits: boolean,
    moduleVars?: Map<string, Val>,
  ) {
    this.modEnv = moduleVars ?? (fn ? ctx.moduleEnv(module) : new Map());
    this.lang = module.language === 'python' ? 'python' : 'ts';
    this.selfClass = fn?.className;
  }

  get moduleVars(): Map<string, Val> {
    return this.modEnv;
  }

  // ---------------------------------------------------------------- statements

  run(stmts: Stmt[], env: Env, top = false): Env {
    let cur = env;
    for (const s of stmts) {
      if (cur.dead) break;
      if (top) this.stmtTop = s;
      cur = this.stmt(s, cur);
    }
    return cur;
  }

  private stmt(s: Stmt, env: Env): Env {
    switch (s.kind) {
      case 'assign': {
        let v = this.ev(s.value, env);
        if (s.augmented) {
          for (const t of s.targets) {
            if (t.kind === 'name') {
              const old = this.lookup(t.id, env) ?? EMPTY;
              v = this.concat(old, v);
            }
          }
        }
        for (const t of s.targets) {
          // conn.read_only = True (psycopg), db.readonly = true: what the connection runs next cannot write
          if (t.kind === 'attr' && t.obj.kind === 'name' && READ_ONLY_FLAG.test(t.name) && s.value.kind === 'const' && s.value.value === true) {
            const conn = this.lookup(t.obj.id, env);
            if (conn) env.set(t.obj.id, { ...conn, ro: true });
            continue;
          }
          this.bind(t, v, env);
        }
        return env;
      }
      case 'expr':
        this.ev(s.expr, env);
        return env;
      case 'if': {
        const c = this.ev(s.test, env);
        // a flag known here (`if readonly:` with readonly=True passed in): only its branch runs
        if (c.bool !== undefined && !c.t) return this.run(c.bool ? s.then : s.else, env);
        const facts = this.factsOf(c);
        const thenEnv = this.refine(env.clone(), facts.t);
        const elseEnv = this.refine(env.clone(), facts.f);
        const a = this.run(s.then, thenEnv);
        const b = this.run(s.else, elseEnv);
        return Env.join(a, b);
      }
      case 'return': {
        const v = s.value ? this.ev(s.value, env) : EMPTY;
        const lit = s.value?.kind === 'const' ? s.value.value : s.value ? undefined : null;
        this.returns.push({ val: v, env: s.yield ? env.clone() : env, falsy: lit === false || lit === null || lit === 0, truthy: lit === true });
        return s.yield ? env : Env.dead();
      }
      case 'raise':
        if (s.value) this.ev(s.value, env);
        return Env.dead();
      case 'break': {
        const frame = this.breaks[this.breaks.length - 1];
        if (frame) frame.push(env.clone());
        return Env.dead();
      }
      case 'loop': {
        const iter = s.iter ? this.ev(s.iter, env) : undefined;
        if (s.test) this.ev(s.test, env);
        this.breaks.push([]);
        let cur = env;
        let everyItem = !!(s.target && iter);
        for (let i = 0; i < 2; i++) {
          const body = cur.clone();
          if (s.target && iter) this.bind(s.target, this.elementOf(iter), body);
          const out = this.run(s.body, body);
          everyItem &&= out.dead || out.tablesChecked;
          cur = Env.join(cur, out);
        }
        const brk = this.breaks.pop() ?? [];
        // `for table in tables: if table not in ALLOWED: raise`: with no early exit, every item was checked
        if (everyItem && !brk.length && !cur.dead) cur.tablesChecked = true;
        const after = this.run(s.else, cur.clone());
        return Env.joinAll([after, ...brk]);
      }
      case 'try': {
        const body = this.run(s.body, env.clone());
        const handlerStart = Env.join(env, body);
        const outs: Env[] = [this.run(s.else, body)];
        // a record written only when the action failed is no record of what the tool did
        this.inHandler++;
        try {
          for (const h of s.handlers) {
            const he = handlerStart.clone();
            if (h.name) he.set(h.name, EMPTY);
            outs.push(this.run(h.body, he));
          }
        } finally {
          this.inHandler--;
        }
        let out = Env.joinAll(outs);
        if (s.finally.length) {
          const fin = this.run(s.finally, out.dead ? handlerStart.clone() : out);
          out = out.dead ? Env.dead() : fin;
        }
        return out;
      }
      case 'with': {
        for (const it of s.items) {
          const v = this.ev(it.value, env);
          if (it.target) this.bind(it.target, v, env);
        }
        return this.run(s.body, env);
      }
      case 'funcdecl':
        env.set(s.fn.name, { fn: { fn: s.fn, module: this.module } });
        return env;
      case 'classdecl':
        env.set(s.cls.name, { q: `${this.module.path}:${s.cls.name}` });
        return env;
      case 'import':
        for (const b of s.imports) if (b.local) env.set(b.local, this.importVal(b.module, b.name));
        return env;
    }
  }

  bind(t: Target, v: Val, env: Env): void {
    switch (t.kind) {
      case 'name':
        env.set(t.id, v);
        return;
      case 'tuple':
        t.items.forEach((it, i) => this.bind(it, v.items?.[i] ?? this.elementOf(v), env));
        return;
      case 'object':
        for (const p of t.props) {
          if (p.rest) this.bind(p.target, v, env);
          else {
            let pv = (p.key !== undefined && v.props?.get(p.key)) || this.memberOf(v, p.key ?? '');
            if (p.default) pv = joinVal(pv, this.ev(p.default, env));
            this.bind(p.target, pv, env);
          }
        }
        return;
      case 'attr': {
        const obj = this.ev(t.obj, env);
        // `msg["To"] = to` / `obj.x = tainted`: the container now carries the taint.
        if (t.obj.kind === 'name' && tainted(v)) env.set(t.obj.id, this.mix(obj, v));
        return;
      }
      case 'index': {
        const obj = this.ev(t.obj, env);
        this.ev(t.index, env);
        if (t.obj.kind === 'name' && tainted(v)) env.set(t.obj.id, this.mix(obj, v));
        return;
      }
    }
  }

  private mix(container: Val, v: Val): Val {
    const u = unionTaint([container, v]);
    return { ...container, t: u.t, safe: u.safe, flow: u.flow };
  }

  // ---------------------------------------------------------------- names

  lookup(id: string, env: Env): Val | undefined {
    return env.get(id) ?? this.modEnv.get(id);
  }

  private nameVal(id: string, env: Env): Val {
    const v = this.lookup(id, env);
    if (v) {
      // a constant or instance imported from a workspace module: its value there
      if (v.imp && !v.fn) return this.ctx.importedValue(this.module, v.imp) ?? v;
      return v;
    }
    if ((id === 'self' || id === 'this') && this.selfClass) return { selfOf: this.selfClass };
    const f = this.module.functions.get(id);
    if (f && !f.parent && !f.className) return { fn: { fn: f, module: this.module } };
    return this.lang === 'python' ? { q: `builtins.${id}` } : { q: id };
  }

  importVal(module: string, name: string): Val {
    if (this.lang === 'python') {
      const q = name === '*' ? module : `${module}.${name}`;
      return { q, imp: { module, name } };
    }
    const mod = module.replace(/^node:/, '');
    const q = name === '*' || name === 'default' ? mod : `${mod}.${name}`;
    return { q: normQ(q), imp: { module, name } };
  }

  // ---------------------------------------------------------------- expressions

  ev(e: Expr, env: Env): Val {
    switch (e.kind) {
      case 'name':
        return this.nameVal(e.id, env);
      case 'str':
        return e.raw && this.lang === 'ts' && e.raw.startsWith('/') ? { regex: e.value } : { str: e.value };
      case 'const':
        return typeof e.value === 'boolean' ? { num: true, bool: e.value } : typeof e.value === 'number' ? { num: true } : NONE;
      case 'fmt': {
        const parts = e.parts.map((p) => this.ev(p, env));
        return this.concatAll(parts);
      }
      case 'attr': {
        if (e.obj.kind === 'name') {
          const path = env.get(`${e.obj.id}.${e.name}`);
          if (path) return path;
        }
        const obj = this.ev(e.obj, env);
        return this.memberOf(obj, e.name);
      }
      case 'index': {
        const obj = this.ev(e.obj, env);
        const idx = this.ev(e.index, env);
        return this.indexOf(obj, idx, e, env);
      }
      case 'call':
        return this.call(e, env);
      case 'list': {
        let scope = env;
        if (e.loops?.length) {
          scope = env.clone();
          for (const l of e.loops) this.bind(l.target, this.elementOf(this.ev(l.iter, scope)), scope);
        }
        const items = e.items.map((i) => this.ev(i, scope));
        const u = unionTaint(items);
        return e.comprehension ? { t: u.t, safe: u.safe, flow: u.flow, elem: items[0] } : { t: u.t, safe: u.safe, flow: u.flow, items };
      }
      case 'dict': {
        const props = new Map<string, Val>();
        const vals: Val[] = [];
        for (const en of e.entries) {
          if (en.keyExpr && en.key === undefined) this.ev(en.keyExpr, env);
          const v = this.ev(en.value, env);
          vals.push(v);
          if (en.spread) {
            if (v.props) for (const [k, pv] of v.props) props.set(k, pv);
          } else if (en.key !== undefined) props.set(en.key, v);
        }
        const u = unionTaint(vals);
        return { t: u.t, safe: u.safe, flow: u.flow, props };
      }
      case 'func':
        return { fn: { fn: e.fn, module: this.module } };
      case 'bin': {
        const l = this.ev(e.left, env);
        const r = this.ev(e.right, env);
        if (e.op === '+') return this.concat(l, r);
        if (e.op === '/' && (this.isPath(l) || l.q === 'pathlib.Path()')) return this.pathJoin(l, [r]);
        if (e.op === '%' && l.str !== undefined) {
          const u = unionTaint([r]);
          const pre = l.str.split('%')[0];
          return u.t ? { t: u.t, safe: (u.safe ?? 0) | (URL_HOST_PREFIX.test(pre) ? CAT_BIT.net : 0), flow: u.flow, prefix: pre } : { str: l.str };
        }
        if (e.op === '??' || e.op === '||' || e.op === 'or') return joinVal(l, r);
        // `unknown = tables - ALLOWED_TABLES`: empty exactly when every table the query names is allowed
        if (e.op === '-' && !tainted(r) && /table/i.test(exprText(e.right))) return { num: true, checks: { t: [], f: [{ tables: true }] } };
        const u = unionTaint([l, r]);
        if (['-', '*', '**', '//', '>>', '<<', '&', '^'].includes(e.op)) return { num: true };
        return { t: u.t, safe: u.safe, flow: u.flow };
      }
      case 'compare':
        return this.compare(e.op, e.left, e.right, env);
      case 'bool': {
        const l = this.ev(e.left, env);
        const r = this.ev(e.right, env);
        const lf = this.factsOf(l);
        const rf = this.factsOf(r);
        const checks: Facts =
          e.op === 'and' ? { t: [...lf.t, ...rf.t], f: intersectFacts(lf.f, rf.f) } : { t: intersectFacts(lf.t, rf.t), f: [...lf.f, ...rf.f] };
        const v = e.op === 'or' ? joinVal(l, r) : r;
        return { ...v, checks, approval: undefined };
      }
      case 'not': {
        const v = this.ev(e.operand, env);
        const f = this.factsOf(v);
        return { checks: { t: f.f, f: f.t }, num: true };
      }
      case 'cond': {
        this.ev(e.test, env);
        return joinVal(this.ev(e.then, env), this.ev(e.else, env));
      }
      case 'unknown': {
        const vals = e.children.map((c) => this.ev(c, env));
        const u = unionTaint(vals);
        return u.t ? { t: u.t, safe: u.safe, flow: u.flow } : EMPTY;
      }
    }
  }

  private concat(l: Val, r: Val): Val {
    return this.concatAll([l, r]);
  }

  /** String building: constant when every part is; otherwise the known literal prefix decides `net` scoping. */
  private concatAll(parts: Val[]): Val {
    if (parts.length && parts.every((p) => p.items) && !parts.some((p) => p.str !== undefined)) {
      const items = parts.flatMap((p) => p.items ?? []);
      const u = unionTaint(parts);
      return { t: u.t, safe: u.safe, flow: u.flow, items };
    }
    let prefix = '';
    let open = true;
    for (const p of parts) {
      if (!open) break;
      if (p.str !== undefined) prefix += p.str;
      else {
        if (p.prefix) prefix += p.prefix;
        open = false;
      }
    }
    // The known constant end (`.tmp` of `path + ".tmp"`), when the string is not fully known.
    let suffix = '';
    if (!open) {
      for (let i = parts.length - 1; i >= 0; i--) {
        const p = parts[i];
        if (p.str !== undefined) suffix = p.str + suffix;
        else {
          if (p.suffix) suffix = p.suffix + suffix;
          break;
        }
      }
    }
    const u = unionTaint(parts);
    if (!u.t) {
      if (open) return { str: prefix };
      return prefix || suffix ? { prefix: prefix || undefined, suffix: suffix || undefined } : EMPTY;
    }
    let safe = u.safe ?? 0;
    if (hostFixed(parts)) safe |= CAT_BIT.net;
    return { t: u.t, safe, flow: u.flow, prefix: prefix || undefined, suffix: suffix || undefined };
  }

  private isPath(v: Val): boolean {
    return !!v.q && (v.q.endsWith('()') && this.ctx.cat.sets.pathClasses.has(v.q.slice(0, -2)));
  }

  private pathJoin(base: Val, rest: Val[]): Val {
    const all = [base, ...rest];
    const u = unionTaint(all);
    let str: string | undefined;
    if (all.every((v) => v.str !== undefined)) str = all.map((v) => v.str).join('/');
    let prefix: string | undefined;
    let suffix: string | undefined;
    if (str === undefined) {
      const known: string[] = [];
      for (const v of all) {
        if (v.str !== undefined) known.push(v.str);
        else break;
      }
      if (known.length) prefix = known.join('/') + '/';
      const tail: string[] = [];
      for (let i = all.length - 1; i >= 0 && all[i].str !== undefined; i--) tail.unshift(all[i].str as string);
      if (tail.length) suffix = '/' + tail.join('/');
    }
    // Joining a constant root with a basename-sanitised value stays inside the root.
    return { t: u.t, safe: u.safe, flow: u.flow, str, prefix, suffix, q: base.q === 'pathlib.Path()' ? base.q : undefined, temp: base.temp || undefined };
  }

  memberOf(obj: Val, name: string): Val {
    if (obj.props?.has(name)) return obj.props.get(name) as Val;
    const out: { -readonly [K in keyof Val]: Val[K] } = {};
    if (obj.t) {
      out.t = obj.t;
      out.safe = obj.safe;
      out.flow = obj.flow;
    }
    if (obj.q) out.q = normQ(`${obj.q}.${name}`);
    // `db_tools.run_sql` of `from . import db_tools` / `import * as helpers from './helpers'`
    if (obj.imp && !obj.fn) {
      out.imp = obj.imp.name === '*' ? { module: obj.imp.module, name } : { module: this.lang === 'python' ? `${obj.imp.module}${obj.imp.module.endsWith('.') ? '' : '.'}${obj.imp.name}` : obj.imp.module, name };
      // a workspace module's constant (`settings.BASE_DIR`): its value there, as for a name imported from it
      const iv = this.ctx.importedValue(this.module, out.imp);
      if (iv && !iv.fn && !iv.imp && (iv.q || iv.str !== undefined || iv.items || iv.props)) return iv;
    }
    if (obj.selfOf) {
      const sv = this.ctx.selfAttr(this.module, obj.selfOf, name);
      // of an instance built from the model's data (self tainted in a method's summary): an attribute the
      // analysis knows nothing else of carries that data (`self.req = req`, then `self.req.url`)
      if (sv && obj.t && !tainted(sv) && !sv.fn && (!sv.q || sv.q.startsWith('builtins.'))) return { ...sv, q: undefined, t: obj.t, safe: obj.safe, flow: obj.flow };
      if (sv) return sv;
      out.q = `self:${obj.selfOf}.${name}`;
    }
    // an attribute of an instance of a workspace class (deps dataclasses, service objects)
    const inst = obj.q ? /^(.*):(\w+)\(\)$/.exec(obj.q) : null;
    if (inst) {
      const cv = this.ctx.classAttr(inst[1], inst[2], name);
      if (cv) return obj.t ? { ...cv, t: obj.t, safe: obj.safe, flow: obj.flow } : cv;
    }
    if (obj.derived?.kind === 'url' && this.ctx.cat.sets.hostAttributes.has(name)) out.derived = { kind: 'host', of: obj.derived.of };
    if (obj.approval) out.approval = true;
    if (obj.ro) out.ro = true;
    if (obj.logger) out.logger = true;
    // Path(x).name is the last component only.
    if (name === 'name' && obj.q && this.isPath(obj) && out.t) out.safe = (out.safe ?? 0) | CAT_BIT.fs;
    if (obj.q && this.isPath(obj) && (name === 'parent' || name === 'parents')) out.q = obj.q;
    if (obj.str !== undefined && this.isPath(obj) && name === 'parent') out.str = obj.str.replace(/\/[^/]*$/, '');
    return out;
  }

  private indexOf(obj: Val, idx: Val, e: Expr, env: Env): Val {
    if (obj.q && this.ctx.cat.indexes.has(obj.q)) {
      const spec = this.ctx.cat.indexes.get(obj.q) as SinkSpec;
      this.useSink(spec, `${obj.q}[]`, e, idx, e.kind === 'index' ? e.index : undefined, env, undefined);
      // keep the variable's name: a webhook URL read from SLACK_WEBHOOK_URL says where requests go
      return idx.str !== undefined ? { q: `env.${idx.str}` } : EMPTY;
    }
    if (idx.str !== undefined && obj.props?.has(idx.str)) return obj.props.get(idx.str) as Val;
    if (obj.items && idx.num !== undefined && e.kind === 'index' && e.index.kind === 'const' && typeof e.index.value === 'number') {
      const it = obj.items[e.index.value];
      if (it) return it;
    }
    const out: { -readonly [K in keyof Val]: Val[K] } = {};
    if (obj.t) {
      out.t = obj.t;
      out.safe = obj.safe;
      out.flow = obj.flow;
    }
    if (obj.approval) out.approval = true;
    if (obj.derived?.kind === 'split' && e.kind === 'index' && e.index.kind === 'const' && e.index.value === 0) out.derived = { kind: 'split', of: obj.derived.of };
    return out;
  }

  elementOf(v: Val): Val {
    // `[realpath(d) for d in DIRS]`: its element is what the comprehension computes (a resolved path)
    if (v.elem && !v.t) return v.elem;
    if (!v.t) return v.q ? { q: `${v.q}[]` } : EMPTY;
    return { t: v.t, safe: v.safe, flow: v.flow };
  }

  // ---------------------------------------------------------------- checks

  /**
   * Whether `other` can serve as the trusted side of a check on `subject`: not model-controlled, or, in a
   * helper's summary, coming only from other parameters than the subject (a root list passed in).
   */
  private trusted(other: Val, subject: Val): boolean {
    if (!tainted(other)) return true;
    if (this.isToolBody || !subject.t) return false;
    for (const o of other.t as ReadonlySet<string>) if (!o.startsWith('#') || subject.t.has(o)) return false;
    return true;
  }

  private compare(op: string, le: Expr, re: Expr, env: Env): Val {
    const l = this.ev(le, env);
    const r = this.ev(re, env);
    let facts: Facts = { t: [], f: [] };
    if (op === 'in' || op === 'not in') {
      if (this.trusted(r, l)) facts = { t: this.refsOf(le, l, ALLOWLISTED, env, /table/i.test(exprText(re)) ? { ...r, tableList: true } : r), f: [] };
      else if (!tainted(l) && l.str !== undefined && (l.str === '..' || l.str === '../')) {
        // `".." in path`: refusing paths that contain '..' is a (weak) traversal check
        facts = { t: [], f: [] };
      }
      if (op === 'not in') facts = { t: facts.f, f: facts.t };
    } else if ((op === '<=' || op === '<') && !tainted(r) && /table/i.test(exprText(re))) {
      // tables <= READABLE_TABLES: every table the statement names is on the allowlist
      facts = { t: [{ tables: true }], f: [] };
    } else if (op === '==' || op === '===' || op === 'is' || op === '!=' || op === '!==' || op === 'is not') {
      const eq = op === '==' || op === '===' || op === 'is';
      // equal to a value the model does not control (a literal, a configured root): no longer the model's choice
      let t: Fact[] = [];
      if (!r.approval && tainted(l) && this.trusted(r, l)) t = this.refsOf(le, l, ALL, env);
      else if (!l.approval && tainted(r) && this.trusted(l, r)) t = this.refsOf(re, r, ALL, env);
      // os.path.commonpath([real, ROOT]) == ROOT, inline or through a variable
      const cp = this.commonpathFacts(le, env) ?? this.commonpathFacts(re, env);
      if (cp) t.push(...cp);
      for (const v of [l, r]) if (v.derived?.kind === 'common') t.push({ target: v.derived.of, mask: CAT_BIT.fs });
      // Path(p).resolve().parent == ROOT: the resolved path sits directly in the root
      for (const [te, tv, ov] of [[le, l, r], [re, r, l]] as const) {
        if (tainted(tv) && !tainted(ov) && !ov.num && (tv.resolved || this.exprResolves(te.kind === 'attr' ? te.obj : te, env))) {
          const root = this.rootVar(te.kind === 'attr' ? te.obj : te, env);
          if (root) t.push({ target: root, mask: CAT_BIT.fs });
        }
      }
      if (l.approval || r.approval) t.push({ approval: true });
      facts = eq ? { t, f: [] } : { t: [], f: t };
    }
    return { checks: facts, num: true };
  }

  private commonpathFacts(e: Expr, env: Env): Fact[] | undefined {
    if (e.kind !== 'call') return undefined;
    const q = this.ev(e.callee, env).q;
    if (!q || !this.ctx.cat.sets.commonpath.has(q)) return undefined;
    const first = e.args[0]?.value;
    const items = first?.kind === 'list' ? first.items : e.args.map((a) => a.value);
    const out: Fact[] = [];
    for (const it of items) {
      const v = this.ev(it, env);
      if (tainted(v) && (v.resolved || this.exprResolves(it, env))) {
        const root = this.rootVar(it, env);
        if (root) out.push({ target: root, mask: CAT_BIT.fs });
      }
    }
    return out.length ? out : undefined;
  }

  /** Variables a membership/equality check on `e` constrains, with the categories it scopes. */
  private refsOf(e: Expr, v: Val, mask: number, env: Env, collection?: Val): Fact[] {
    const out: Fact[] = [];
    if (collection?.tableList) out.push({ tables: true });
    const add = (target: string | undefined, m: number) => {
      if (target) out.push({ target, mask: m });
    };
    let cur: Expr = e;
    // peel pass-through calls: host.lower(), str(x)
    for (let i = 0; i < 4; i++) {
      if (cur.kind === 'call' && cur.callee.kind === 'attr' && PASSTHRU.has(cur.callee.name)) cur = cur.callee.obj;
      else if (cur.kind === 'call' && cur.args.length === 1 && this.isPeelable(this.ev(cur.callee, env).q)) cur = cur.args[0].value;
      else break;
    }
    if (cur.kind === 'name') {
      add(cur.id, mask);
      const cv = this.lookup(cur.id, env);
      if (cv?.derived?.kind === 'host') add(cv.derived.of, CAT_BIT.net);
      if (cv?.derived?.kind === 'split') add(cv.derived.of, PROGRAM);
    } else if (cur.kind === 'attr') {
      const base = this.ev(cur.obj, env);
      if (base.derived?.kind === 'url' && this.ctx.cat.sets.hostAttributes.has(cur.name)) {
        add(base.derived.of, CAT_BIT.net);
        if (cur.obj.kind === 'name') add(cur.obj.id, CAT_BIT.net);
      }
      else if (cur.obj.kind === 'call' && this.ctx.cat.sets.hostAttributes.has(cur.name)) {
        const pq = this.ev(cur.obj.callee, env).q;
        if (pq && this.isUrlParser(pq)) add(this.rootVar(cur.obj.args[0]?.value, env), CAT_BIT.net);
      } else if (cur.obj.kind === 'name') {
        // a checked attribute of a tainted object (context.plan in PLANS) constrains that attribute
        add(`${cur.obj.id}.${cur.name}`, mask);
      }
    } else if (cur.kind === 'index') {
      const base = this.ev(cur.obj, env);
      // argv[0] in ALLOWED: the program of argv is allowlisted
      if (cur.obj.kind === 'name' && cur.index.kind === 'const' && cur.index.value === 0) add(cur.obj.id, CAT_BIT.exec);
      if (base.derived?.kind === 'split') add(base.derived.of, PROGRAM);
      else if (cur.obj.kind === 'call' && cur.index.kind === 'const' && cur.index.value === 0) {
        const inner = cur.obj;
        const q = this.ev(inner.callee, env).q;
        if (q === 'shlex.split' || (inner.callee.kind === 'attr' && inner.callee.name === 'split')) {
          add(this.rootVar(q === 'shlex.split' ? inner.args[0]?.value : inner.callee.kind === 'attr' ? inner.callee.obj : undefined, env), PROGRAM);
        }
      }
    }
    return out;
  }

  /** str(x), basename(x): a check on the result constrains x. */
  private isPeelable(q: string | undefined): boolean {
    return !!q && (STR_CTORS.has(q) || this.ctx.cat.sets.basename.has(q));
  }

  private isUrlParser(q: string): boolean {
    return this.ctx.cat.sets.urlParsers.has(q) || this.ctx.cat.sets.urlParsers.has(q.replace(/\(\)$/, ''));
  }

  /** The variable a check on `e` is about: `os.path.realpath(p)` → p, `str(x).lower()` → x. */
  rootVar(e: Expr | undefined, env: Env): string | undefined {
    let cur = e;
    for (let i = 0; i < 6 && cur; i++) {
      if (cur.kind === 'name') return cur.id;
      if (cur.kind === 'attr' && cur.obj.kind === 'name' && tainted(this.ev(cur, env))) return `${cur.obj.id}.${cur.name}`;
      if (cur.kind === 'call') {
        if (cur.callee.kind === 'attr') {
          const recv = this.ev(cur.callee.obj, env);
          if (PASSTHRU.has(cur.callee.name) || this.ctx.cat.sets.pathMethods.has(cur.callee.name) || (recv.q && this.isPath(recv))) {
            cur = cur.callee.obj;
            continue;
          }
        }
        const q = this.ev(cur.callee, env).q ?? '';
        if (STR_CTORS.has(q) || this.ctx.cat.sets.resolve.has(q) || this.ctx.cat.sets.pathClasses.has(q)) {
          // path.resolve(ROOT, x) / os.path.join(ROOT, x): the model-controlled argument is the last tainted one
          const tArgs = cur.args.filter((a) => tainted(this.ev(a.value, env)));
          cur = (tArgs[tArgs.length - 1] ?? cur.args[0])?.value;
          continue;
        }
        return undefined;
      }
      if (cur.kind === 'bin' && cur.op === '/') {
        cur = tainted(this.ev(cur.right, env)) ? cur.right : cur.left;
        continue;
      }
      return undefined;
    }
    return undefined;
  }

  private exprResolves(e: Expr, env: Env): boolean {
    let cur: Expr | undefined = e;
    for (let i = 0; i < 6 && cur; i++) {
      if (cur.kind === 'name') return !!this.lookup(cur.id, env)?.resolved;
      if (cur.kind !== 'call') return false;
      if (cur.callee.kind === 'attr' && this.ctx.cat.sets.resolvingMethods.has(cur.callee.name)) return true;
      const q = this.ev(cur.callee, env).q ?? '';
      if (this.ctx.cat.sets.resolving.has(q)) return true;
      if (cur.callee.kind === 'attr') cur = cur.callee.obj;
      else cur = cur.args[0]?.value;
    }
    return false;
  }

  factsOf(v: Val): Facts {
    if (v.checks) return v.checks;
    if (v.approval) return { t: [{ approval: true }], f: [] };
    return { t: [], f: [] };
  }

  refine(env: Env, facts: Fact[]): Env {
    for (const f of facts) {
      if (f.approval) env.approved = true;
      if (f.tables) env.tablesChecked = true;
      if (f.target && f.mask) {
        const dot = f.target.indexOf('.');
        const cur = this.lookup(f.target, env) ?? (dot > 0 ? this.memberOf(this.lookup(f.target.slice(0, dot), env) ?? EMPTY, f.target.slice(dot + 1)) : undefined);
        if (cur && tainted(cur)) env.set(f.target, withSafe(cur, f.mask));
        // checked after normalising (`n = normalize(p)`, `n = normalizePath(p)`): p names the same file
        let norm = cur?.derived?.kind === 'norm' && f.mask & CAT_BIT.fs ? cur.derived.of : undefined;
        for (let i = 0; norm && i < 4; i++) {
          const v = this.lookup(norm, env);
          if (!v || !tainted(v)) break;
          env.set(norm, withSafe(v, CAT_BIT.fs));
          norm = v.derived?.kind === 'norm' ? v.derived.of : undefined;
        }
      }
    }
    return env;
  }

  // ---------------------------------------------------------------- calls

  private argFor(e: CallExpr, vals: Val[], spec: (number | string)[], recv: Val | undefined): { val: Val; expr?: Expr } | undefined {
    for (const a of spec) {
      if (a === 'any') {
        const u = unionTaint(vals);
        const i = vals.findIndex((x) => tainted(x));
        return { val: u.t ? (u as Val) : (vals[0] ?? EMPTY), expr: e.args[i >= 0 ? i : 0]?.value };
      }
      if (a === 'receiver') {
        if (recv && e.callee.kind === 'attr') return { val: recv, expr: e.callee.obj };
        continue;
      }
      if (typeof a === 'number') {
        let pos = 0;
        for (let i = 0; i < e.args.length; i++) {
          const arg = e.args[i];
          if (arg.name || arg.spread === 'kwspread') continue;
          if (arg.spread === 'spread') return { val: vals[i], expr: arg.value };
          if (pos === a) return { val: vals[i], expr: arg.value };
          pos++;
        }
        continue;
      }
      if (a.startsWith('prop:')) {
        const key = a.slice(5);
        for (let i = 0; i < e.args.length; i++) {
          const v = vals[i];
          if (v.props?.has(key)) {
            const arg = e.args[i].value;
            const entry = arg.kind === 'dict' ? arg.entries.find((en) => en.key === key) : undefined;
            return { val: v.props.get(key) as Val, expr: entry?.value ?? arg };
          }
        }
        continue;
      }
      const i = e.args.findIndex((x) => x.name === a);
      if (i >= 0) return { val: vals[i], expr: e.args[i].value };
      // requests.request(**opts) with opts = {"url": ...}
      const k = e.args.findIndex((x, j) => x.spread === 'kwspread' && vals[j].props?.has(a));
      if (k >= 0) return { val: vals[k].props?.get(a) as Val, expr: e.args[k].value };
    }
    // **kwargs / spread of a tainted dict may carry the value
    const kw = e.args.findIndex((x) => x.spread === 'kwspread');
    if (kw >= 0 && tainted(vals[kw])) return { val: vals[kw], expr: e.args[kw].value };
    return undefined;
  }

  private call(e: CallExpr, env: Env): Val {
    let recv: Val | undefined;
    let callee: Val;
    let method: string | undefined;
    if (e.callee.kind === 'attr') {
      recv = this.ev(e.callee.obj, env);
      method = e.callee.name;
      callee = this.memberOf(recv, method);
    } else callee = this.ev(e.callee, env);
    const vals = e.args.map((a) => this.ev(a.value, env));
    const q = callee.q;
    const cat = this.ctx.cat;
    // require('m') and await import('m') bind the module like a static import
    if (this.lang === 'ts' && (q === 'require' || q === 'import') && e.args[0]?.value.kind === 'str') return this.importVal(e.args[0].value.value, '*');
    if (q === 'util.promisify' || q === 'util.promisify.custom') return vals[0] ?? EMPTY;
    const finalName = method ?? (e.callee.kind === 'name' ? e.callee.id : undefined) ?? q?.split('.').pop();

    // callbacks defined inline (arrow functions, lambdas, nested defs passed along) run here; not at module
    // level, where only the names' values are wanted (a registerTool handler is analysed as the tool)
    for (let i = 0; this.fn && i < vals.length; i++) {
      const fv = vals[i].fn;
      if (fv && fv.module === this.module && fv.fn.parent && this.inline < MAX_INLINE_DEPTH && e.args[i].value.kind === 'func') {
        const feed = unionTaint([recv ?? EMPTY, ...vals.filter((_, j) => j !== i)]);
        this.runInline(fv.fn, env, fv.fn.params.map(() => (feed.t ? { t: feed.t, safe: feed.safe, flow: feed.flow } : EMPTY)));
      }
    }

    // any(p.is_relative_to(r) for r in ROOTS) / ROOTS.some((d) => p.startsWith(d + sep)): a check per element
    const quant = this.quantifiedCheck(e, env, recv, method, q);
    if (quant) return quant;
    // ROOTS.map((d) => path.resolve(d)): a list whose element is what the callback returns
    const a0 = e.args[0]?.value;
    // (also over the model's list: `urls.map((u) => assertAllowedHost(u))` is a list of checked URLs)
    const mapped = method === 'map' && recv && (recv.items || recv.elem || tainted(recv)) && a0?.kind === 'func' && a0.fn.params.length ? singleReturn(a0.fn) : undefined;
    if (mapped && recv && a0?.kind === 'func') {
      const scope = env.clone();
      scope.set(a0.fn.params[0].name, this.elementOf(recv));
      const elem = this.ev(mapped, scope);
      return { t: elem.t, safe: elem.safe, flow: elem.flow, elem };
    }

    // audit records
    if (this.isLoggerCall(e, callee, recv, method, q, finalName)) {
      this.logs ||= !this.inHandler;
      return EMPTY;
    }
    if (method && cat.sets.spanMethods.has(method) && recv && (recv.q?.includes('trac') || /trac|span|logfire/i.test(exprText(e.callee.kind === 'attr' ? e.callee.obj : e.callee)))) {
      this.logs ||= !this.inHandler;
    }

    // approval gates
    if ((q && cat.sets.pausing.has(q)) || (method && cat.sets.pausingMethods.has(method))) {
      env.approved = true;
      return { approval: true };
    }
    if ((q && cat.sets.deciding.has(q)) || (method && cat.sets.decidingMethods.has(method))) return { approval: true };

    // workspace functions and methods
    const ref = this.resolveFn(callee, recv, e, env);
    if (ref && finalName && (cat.approvalNames.test(finalName) || this.ctx.extraApprovals.has(finalName))) {
      const s = this.ctx.summary(ref);
      if (s?.approves) env.approved = true;
      return { approval: true };
    }
    if (!ref && finalName && (cat.approvalNames.test(finalName) || this.ctx.extraApprovals.has(finalName))) {
      if (cat.approvalRaising.test(finalName)) env.approved = true;
      return { approval: true };
    }
    if (finalName && this.ctx.extraGuards.has(finalName)) {
      // a configured guard: its arguments are scoped after the call (it raises otherwise)
      e.args.forEach((a, i) => {
        if (a.value.kind === 'name') env.set(a.value.id, withSafe(vals[i], ALL));
      });
      return { num: true, checks: { t: e.args.flatMap((a) => (a.value.kind === 'name' ? [{ target: a.value.id, mask: ALL }] : [])), f: [] } };
    }

    // the whole environment handed to the model: every credential in it
    const envDump = (v: Val | undefined) => v?.q === 'os.environ' || v?.q === 'process.env';
    if ((q && ENV_DUMPERS.has(q) && envDump(vals[0])) || (recv && envDump(recv) && (method === 'copy' || method === 'items' || method === 'values'))) {
      this.caps |= CAT_BIT.secret;
      this.noteCap('secret', 'the whole environment', e.span);
      this.addHit({ rule: 'secret/credential-store-read', category: 'secret', sink: `${exprText(e.callee)}(${exprText(e.args[0]?.value ?? e.callee)})`, span: e.span, origins: new Set(), flow: [], call: e, stmt: this.stmtTop });
    }
    // sinks
    const before = this.hits.length;
    this.sinks(e, env, callee, recv, vals, q, method, finalName);
    let reported = 0;
    for (let i = before; i < this.hits.length; i++) reported |= bit(this.hits[i].category);
    if ((q === 'os.getenv' || q === 'os.environ.get' || q === 'Deno.env.get') && vals[0]?.str !== undefined) return { q: `env.${vals[0].str}`, str: vals[1]?.str };
    // sql`… ${x}` (Drizzle, sql-template-tag): the values become bound parameters of the statement built
    if (e.taggedTemplate && this.ctx.cat.sqlBuilderTags.test(exprText(e.callee))) return { q: 'sql-template' };

    if (ref) return this.applySummary(ref, e, env, vals, recv);

    const out = this.transfer(e, env, callee, recv, vals, q, method);
    // what a sink returns is the world's answer (a response, rows, file contents), not the model's input;
    // a statement builder (SQLAlchemy text()) keeps it, marked as already reported
    if (this.sinkMatched && !(finalName && STATEMENT_BUILDERS.has(finalName))) return { q: out.q, ro: out.ro, logger: out.logger };
    return reported ? withSafe(out, reported) : out;
  }

  private quantifiedCheck(e: CallExpr, env: Env, recv: Val | undefined, method: string | undefined, q: string | undefined): Val | undefined {
    let facts: Facts | undefined;
    let bound: Set<string> | undefined;
    const a0 = e.args[0]?.value;
    const some = q === 'builtins.any' || method === 'some';
    if ((q === 'builtins.any' || q === 'builtins.all') && a0?.kind === 'list' && a0.loops?.length && a0.items[0]) {
      const scope = env.clone();
      bound = new Set();
      for (const l of a0.loops) {
        this.bind(l.target, this.elementOf(this.ev(l.iter, scope)), scope);
        if (l.target.kind === 'name') bound.add(l.target.id);
      }
      facts = this.factsOf(this.ev(a0.items[0], scope));
    } else if (recv && (method === 'some' || method === 'every') && a0?.kind === 'func') {
      const fn = a0.fn;
      const ret = singleReturn(fn);
      const scope = env.clone();
      bound = new Set(fn.params.map((p) => p.name));
      for (const p of fn.params) scope.set(p.name, this.elementOf(recv));
      facts = ret ? this.factsOf(this.ev(ret, scope)) : { t: this.truthyReturnFacts(fn.body, scope, env) ?? [], f: [] };
    }
    if (!facts || !bound) return undefined;
    const keep = bound;
    const outer = (list: Fact[]) => list.filter((f) => !f.target || !keep.has(f.target.split('.')[0]));
    // any/some false: every element failed the test (`tables.some((t) => !ALLOWED_TABLES.has(t))`); all/every
    // false says nothing of the others
    return { num: true, checks: { t: outer(facts.t), f: some ? outer(facts.f) : [] } };
  }

  /**
   * What every `return` of a callback that may be true establishes about the enclosing function's
   * variables: the facts of its value (`return p.startsWith(dir + sep)`), or, for `return true`, the
   * safety its path gained (`if (p === dir) return true`). A path that establishes nothing leaves nothing.
   */
  private truthyReturnFacts(body: Stmt[], scope: Env, outer: Env): Fact[] | undefined {
    const save = this.returns.length;
    try {
      this.run(body, scope);
    } catch {
      // a callback the interpreter cannot follow establishes nothing
    }
    const rets = this.returns.splice(save);
    let acc: Map<string, number> | undefined;
    for (const r of rets) {
      if (r.falsy) continue;
      const here = new Map<string, number>();
      for (const f of this.factsOf(r.val).t) if (f.target && f.mask) here.set(f.target, (here.get(f.target) ?? 0) | f.mask);
      for (const [k, v] of r.env.vars) {
        const before = outer.vars.get(k);
        const gained = tainted(v) && before ? (v.safe ?? 0) & ~(before.safe ?? 0) : 0;
        if (gained) here.set(k, (here.get(k) ?? 0) | gained);
      }
      if (!acc) acc = here;
      else for (const [k, m] of acc) acc.set(k, m & (here.get(k) ?? 0));
    }
    return acc ? [...acc].filter(([k, m]) => m && outer.vars.has(k.split('.')[0])).map(([target, mask]) => ({ target, mask })) : undefined;
  }

  private isLoggerCall(e: CallExpr, callee: Val, recv: Val | undefined, method: string | undefined, q: string | undefined, finalName: string | undefined): boolean {
    const cat = this.ctx.cat;
    if (q && cat.sets.notLoggers.has(q)) return false;
    if (method && recv) {
      if (recv.logger && cat.sets.loggerMethods.has(method)) return true;
      if (recv.q && cat.sets.loggerMethods.has(method)) {
        const base = recv.q.replace(/\(\)$/, '');
        if (cat.sets.loggerFactories.has(base) || cat.sets.loggerFactories.has(recv.q)) return true;
      }
      if (cat.sets.loggerMethods.has(method) && !recv.q?.startsWith('builtins.') && e.callee.kind === 'attr') {
        const rt = exprText(e.callee.obj);
        if (rt && (cat.loggerNames.test(rt) || this.ctx.extraLoggers.has(rt))) return !/^console$/.test(rt);
      }
    }
    if (finalName && !method && (cat.auditFunctionNames.test(finalName) || this.ctx.extraLoggers.has(finalName))) return true;
    if (method && this.ctx.extraLoggers.has(method)) return true;
    return false;
  }

  private resolveFn(callee: Val, recv: Val | undefined, e: CallExpr, env: Env): FnRef | undefined {
    if (callee.fn) return callee.fn;
    if (callee.imp) return this.ctx.resolveImport(this.module, callee.imp);
    if (callee.q?.startsWith('self:') && e.callee.kind === 'attr' && callee.q.slice(5).split('.').length === 2) {
      const cls = callee.q.slice(5).split('.')[0];
      const f = this.module.functions.get(`${cls}.${e.callee.name}`);
      if (f) return { fn: f, module: this.module };
    }
    // a method of an instance of a workspace class: `store = Store(); store.run(q)`
    const inst = callee.q ? /^(.*):(\w+)\(\)\.(\w+)$/.exec(callee.q) : null;
    if (inst) return this.ctx.methodOf(inst[1], inst[2], inst[3]);
    // a class or static method called through its class: `Customer.search(term)`
    const onClass = callee.q ? /^(.*\.(?:py|[cm]?[jt]sx?)):(\w+)\.(\w+)$/.exec(callee.q) : null;
    if (onClass) {
      const ref = this.ctx.methodOf(onClass[1], onClass[2], onClass[3]);
      if (ref && isClassLevel(ref.fn)) return ref;
      if (ref && this.lang === 'ts') return ref;
    }
    // Class instantiation of a workspace class: nothing to summarise here.
    return undefined;
  }

  private runInline(fn: FunctionDef, env: Env, params: Val[]): Val {
    this.inline++;
    try {
      const inner = env.clone();
      fn.params.forEach((p, i) => {
        const v = params[i] ?? EMPTY;
        if (p.pattern) this.bind(p.pattern, v, inner);
        else inner.set(p.name, v);
      });
      const saveReturns = this.returns.length;
      const out = this.run(fn.body, inner);
      const rets = this.returns.splice(saveReturns);
      if (!out.dead && out.approved) env.approved = true;
      let r: Val | undefined;
      for (const x of rets) r = joinVal(r, x.val);
      return r ?? EMPTY;
    } finally {
      this.inline--;
    }
  }

  private applySummary(ref: FnRef, e: CallExpr, env: Env, vals: Val[], recv: Val | undefined): Val {
    // Nested functions defined in this one see its variables: analyse them in place.
    if (ref.module === this.module && ref.fn.parent && this.fn && ref.fn.parent === this.fn.id && this.inline < MAX_INLINE_DEPTH) {
      return this.runInline(ref.fn, env, this.bindArgs(ref.fn, e, vals, recv));
    }
    const s = this.ctx.summary(ref);
    const args = this.bindArgs(ref.fn, e, vals, recv);
    if (!s) {
      const u = unionTaint(args);
      return u.t ? { t: u.t, safe: u.safe, flow: u.flow } : EMPTY;
    }
    const step: FlowStep = { file: this.module.path, span: e.span, message: `passed to ${ref.fn.name || 'a helper'}()` };
    for (const h of s.hits) {
      if (h.origins.size === 0) {
        this.addHit({ ...h, span: e.span, flow: [step, ...h.flow], call: e, arg: undefined, stmt: this.stmtTop });
        continue;
      }
      const actual: Val[] = [];
      for (const o of h.origins) {
        const i = Number(o.slice(1));
        if (args[i]) actual.push(args[i]);
      }
      const u = unionTaint(actual);
      if (!u.t || ((u.safe ?? 0) & bit(h.category)) !== 0) continue;
      // the helper runs it on a read-only connection (its own, or the one passed in) and the caller checked the tables first
      if ((h.ro || (h.roParam !== undefined && args[h.roParam]?.ro)) && env.tablesChecked) continue;
      const argIdx = [...h.origins].map((o) => Number(o.slice(1)));
      // run_argv(["systemctl", "restart", unit]): the helper runs the list as argv, its program is constant
      if (h.category === 'exec' && h.shape === 'program' && argIdx.length === 1 && constantProgram(args[argIdx[0]], this.ctx.cat)) continue;
      const argExpr = this.argExprForParam(ref.fn, e, argIdx[0]);
      this.addHit({ ...h, span: e.span, origins: u.t, flow: [step, ...h.flow], call: e, arg: argExpr, stmt: this.stmtTop, valueFlow: u.flow });
    }
    this.caps |= s.caps;
    for (const c of s.capSites) this.noteCap(c.category, `${ref.fn.name || 'helper'}() → ${c.sink}`, e.span);
    for (const t of s.txns) this.txns.push({ ...t, span: e.span, approved: t.approved || env.approved, flow: [step, ...t.flow] });
    for (const i of s.paths ?? []) {
      // read_text(".env"): the helper opens the file the caller names
      const a = args[i];
      const path = a?.str ?? (a?.prefix !== undefined || a?.suffix !== undefined ? `${a.prefix ?? ''}\0${a.suffix ?? ''}` : undefined);
      if (path !== undefined && this.ctx.cat.credentialPaths.test(path)) {
        this.caps |= CAT_BIT.secret;
        this.addHit({ rule: 'secret/credential-store-read', category: 'secret', sink: `${ref.fn.name || 'helper'}()`, span: e.span, origins: new Set(), flow: [step], call: e, stmt: this.stmtTop });
      } else if (a && !this.isToolBody) for (const i of paramOrigins(a.t)) this.pathParams.add(i);
    }
    for (const i of s.sqlText ?? []) {
      const a = args[i];
      const text = a?.str ?? a?.prefix;
      if (text !== undefined) this.destructiveSql(text, `${ref.fn.name || 'helper'}()`, e.span, env);
      else if (a) this.noteSqlTextParams(a);
    }
    if (s.logs) this.logs ||= !this.inHandler;
    if (s.approves) env.approved = true;
    if (s.tables) env.tablesChecked = true;
    // guards inside the helper scope the caller's variables once it returns
    args.forEach((_, i) => {
      const m = s.paramSafe[i] ?? 0;
      const ex = this.argExprForParam(ref.fn, e, i);
      if (m && ex?.kind === 'name') {
        const cur = this.lookup(ex.id, env);
        if (cur) env.set(ex.id, withSafe(cur, m));
      }
    });
    // the return value: the helper's own result with the caller's taint substituted; a small helper
    // (a URL or path builder) is re-evaluated with the actual arguments, so a constant base stays known
    const ret = s.ret;
    const origins = ret.t ? [...ret.t] : [];
    // a helper whose result comes from one argument alone (normalizePath(p), expandHome(p)) names what that
    // argument names; the helper's own variable names never reach the caller
    const only = origins.length === 1 && origins[0].startsWith('#') ? this.rootVar(this.argExprForParam(ref.fn, e, Number(origins[0].slice(1))), env) : undefined;
    const derivedHere = (v: Val): Val => (only && tainted(v) ? { ...v, derived: { kind: 'norm', of: only } } : v.derived?.kind === 'norm' ? { ...v, derived: undefined } : v);
    const flag = args.some((a) => a.bool !== undefined);
    const exact = (s.ret.t?.size || flag) && ref.fn.body.length <= 8 && this.inline < MAX_INLINE_DEPTH ? this.evalReturn(ref, args, e) : undefined;
    const fromArgs = origins.filter((o) => o.startsWith('#')).map((o) => args[Number(o.slice(1))] ?? EMPTY);
    const u = unionTaint(fromArgs);
    const out: { -readonly [K in keyof Val]: Val[K] } = { q: ret.q, str: ret.str, resolved: ret.resolved, logger: ret.logger, ro: ret.ro, approval: ret.approval, num: ret.num, items: undefined };
    if (u.t) {
      out.t = u.t;
      out.safe = (u.safe ?? 0) | (ret.safe ?? 0);
      out.flow = u.flow;
    }
    if (s.retTrue) {
      const t: Fact[] = [];
      s.retTrue.forEach((m, i) => {
        const ex = this.argExprForParam(ref.fn, e, i);
        const root = this.rootVar(ex, env);
        if (m && root) t.push({ target: root, mask: m });
      });
      if (t.length) out.checks = { t, f: [] };
    }
    // the re-evaluated result, with the checks the summary maps onto the caller's variables (the helper's
    // own names must not reach the caller)
    if (exact) return derivedHere({ ...exact, checks: out.checks });
    return derivedHere(out);
  }

  /** SQL text that deletes data is a destructive action (txn) as well as a query. */
  private destructiveSql(text: string, sinkName: string, span: Span, env: Env, flow: FlowStep[] = []): void {
    if (!this.ctx.cat.destructiveSql.test(text)) return;
    this.caps |= CAT_BIT.txn;
    const step: FlowStep = { file: this.module.path, span, message: `runs ${text.trim().split(/\s+/).slice(0, 2).join(' ')} via ${sinkName}()` };
    this.txns.push({ rule: 'txn/destructive-action-without-approval', sink: sinkName, span, approved: env.approved, flow: [step, ...flow] });
  }

  /** In a helper, SQL text of unknown content that comes from parameters: the caller's arguments decide. */
  private noteSqlTextParams(v: Val): void {
    if (this.isToolBody || !v.t) return;
    for (const i of paramOrigins(v.t)) this.sqlTextParams.add(i);
  }

  private evalReturn(ref: FnRef, args: Val[], call?: CallExpr): Val | undefined {
    const sub = new Interp(this.ctx, ref.module, ref.fn, false);
    sub.inline = this.inline + 1;
    const env = new Env(new Map(), false);
    ref.fn.params.forEach((p, i) => {
      let v = args[i] ?? EMPTY;
      // a parameter the call leaves out holds its default (`root: Path = SANDBOX_ROOT`)
      if (call && p.defaultValue && !p.rest && !p.kwrest && v === EMPTY && !this.argExprForParam(ref.fn, call, i)) v = sub.ev(p.defaultValue, env);
      if (p.pattern) sub.bind(p.pattern, v, env);
      else env.set(p.name, v);
    });
    try {
      sub.run(ref.fn.body, env);
    } catch {
      return undefined;
    }
    let out: Val | undefined;
    for (const r of sub.returns) out = joinVal(out, r.val);
    return out;
  }

  private argExprForParam(fn: FunctionDef, e: CallExpr, index: number): Expr | undefined {
    const p = fn.params[index];
    if (!p) return undefined;
    const kw = e.args.find((a) => a.name === p.name);
    if (kw) return kw.value;
    const offset = fn.className && fn.params[0] && (fn.params[0].name === 'self' || fn.params[0].name === 'cls') && e.callee.kind === 'attr' ? 1 : 0;
    const positional = e.args.filter((a) => !a.name && !a.spread);
    return positional[index - offset]?.value;
  }

  /** Argument values by parameter index (self bound to the receiver for methods). */
  private bindArgs(fn: FunctionDef, e: CallExpr, vals: Val[], recv: Val | undefined): Val[] {
    const out: Val[] = fn.params.map(() => EMPTY);
    let pi = 0;
    if (fn.className && fn.params[0] && (fn.params[0].name === 'self' || fn.params[0].name === 'cls') && e.callee.kind === 'attr') {
      out[0] = recv ?? EMPTY;
      pi = 1;
    }
    for (let i = 0; i < e.args.length; i++) {
      const a = e.args[i];
      if (a.name) {
        const idx = fn.params.findIndex((p) => p.name === a.name);
        if (idx >= 0) out[idx] = vals[i];
        else {
          const kw = fn.params.findIndex((p) => p.kwrest);
          if (kw >= 0) out[kw] = joinVal(out[kw], vals[i]);
        }
        continue;
      }
      if (a.spread) {
        // *args / **kwargs / ...spread: any remaining parameter may receive it
        for (let j = pi; j < fn.params.length; j++) out[j] = joinVal(out[j], vals[i]);
        if (a.spread === 'kwspread' && vals[i].props) {
          for (const [k, v] of vals[i].props as Map<string, Val>) {
            const idx = fn.params.findIndex((p) => p.name === k);
            if (idx >= 0) out[idx] = v;
          }
        }
        continue;
      }
      const p = fn.params[pi];
      if (!p) break;
      if (p.rest) out[pi] = joinVal(out[pi], vals[i]);
      else {
        out[pi] = vals[i];
        pi++;
      }
    }
    return out;
  }

  /** What an unknown call returns: the taint of its receiver and arguments, with known transforms. */
  private transfer(e: CallExpr, env: Env, callee: Val, recv: Val | undefined, vals: Val[], q: string | undefined, method: string | undefined): Val {
    const cat = this.ctx.cat;
    const S = cat.sets;
    const first = vals[0] ?? EMPTY;
    if (q) {
      if (q.endsWith('.Path.home') || q === 'pathlib.Path.cwd') return { str: q.endsWith('home') ? '~' : '.', q: 'pathlib.Path()' };
      if (q === 'os.homedir' || q === 'os.path.expanduser' && first.str === '~') return { str: '~' };
      if (S.sanitizeAll.has(q)) return { num: true };
      if (S.basename.has(q)) return withSafe(first, CAT_BIT.fs);
      if (S.shellQuote.has(q)) return withSafe(first, CAT_BIT.exec);
      if (S.urlComponent.has(q)) return withSafe(first, CAT_BIT.fs | CAT_BIT.exec);
      if (this.isUrlParser(q)) {
        const root = this.rootVar(e.args[0]?.value, env);
        const u = unionTaint(vals.slice(0, 1));
        // new URL(x, BASE): x may replace the host unless it is a relative path with a constant start
        const relSafe = vals.length > 1 && !tainted(vals[1]) && /^\/(?!\/)/.test(first.str ?? first.prefix ?? '') ? CAT_BIT.net : 0;
        return { t: u.t, safe: (u.safe ?? 0) | relSafe, flow: u.flow, q: `${q}()`, derived: root ? { kind: 'url', of: root } : undefined };
      }
      if (q === 'shlex.split') {
        const root = this.rootVar(e.args[0]?.value, env);
        return { ...this.plain(vals), derived: root ? { kind: 'split', of: root } : undefined };
      }
      if (q === 're.compile') return { regex: first.str };
      if (/^tempfile\.|^os\.tmpdir$/.test(q)) return { temp: true, q: `${q}()` };
      if (S.commonpath.has(q)) {
        const a0 = e.args[0]?.value;
        const items = a0?.kind === 'list' ? a0.items : e.args.map((a) => a.value);
        const subject = items.find((it) => tainted(this.ev(it, env)));
        const root = subject && (this.ev(subject, env).resolved || this.exprResolves(subject, env)) ? this.rootVar(subject, env) : undefined;
        return { ...this.plain(vals), derived: root ? { kind: 'common', of: root } : undefined };
      }
      if (q in cat.controls.paths.relative) {
        // rel = relpath(x, ROOT): checking rel confines x
        const idx = (cat.controls.paths.relative as Record<string, number>)[q] ?? 0;
        const root = this.rootVar(e.args[idx]?.value, env);
        return { ...this.plain(vals), derived: root ? { kind: 'rel', of: root } : undefined };
      }
      if (S.resolve.has(q) || S.home.has(q)) {
        const joined = this.pathJoin(vals[0] ?? EMPTY, vals.slice(1));
        const resolved = S.resolving.has(q) || q === 'path.resolve' || q === 'path.posix.resolve';
        const str = q.endsWith('expanduser') ? first.str : joined.str;
        // resolve(p) / normalize(p) / realpath(p) names the file p names: a containment check on it holds for p
        const root = S.resolve.has(q) && e.args.length === 1 ? this.rootVar(e.args[0].value, env) : undefined;
        return { ...joined, q: undefined, resolved: resolved || undefined, str: S.home.has(q) && !vals.length ? '~' : str, derived: root && tainted(joined) ? { kind: 'norm', of: root } : joined.derived };
      }
      if (S.pathClasses.has(q)) {
        const j = this.pathJoin(vals[0] ?? EMPTY, vals.slice(1));
        return { ...j, q: `${q}()`.replace(/^.*\.(Path|PurePath|PosixPath|WindowsPath|PurePosixPath|AsyncPath)\(\)$/, 'pathlib.Path()') };
      }
      if (STR_CTORS.has(q)) return { ...first, q: undefined, fn: undefined };
      // new Map([["rg", "/usr/bin/rg"], …]): a constant table, as a dict literal is
      if ((q === 'Map' || q === 'builtins.dict') && first.items && !tainted(first)) {
        const props = new Map<string, Val>();
        for (const pair of first.items) if (pair.items?.length === 2 && pair.items[0].str !== undefined) props.set(pair.items[0].str, pair.items[1]);
        if (props.size === first.items.length) return { props };
      }
      if (JSON_PARSE.has(q)) return this.plain(vals);
      if (S.urlJoiners.has(q)) {
        const p = this.plain(vals);
        const rel = vals[1] && /^\/(?!\/)/.test(vals[1].str ?? vals[1].prefix ?? '') && !tainted(first);
        return rel ? withSafe(p, CAT_BIT.net) : { ...p, prefix: undefined };
      }
      if (S.loggerFactories.has(q)) return { logger: true, q: `${q}()` };
    }
    if (method && recv) {
      if (method === 'format' && recv.str !== undefined) {
        const pre = recv.str.split('{')[0];
        const u = unionTaint(vals);
        if (!u.t) return EMPTY;
        return { t: u.t, safe: (u.safe ?? 0) | (URL_HOST_PREFIX.test(pre) ? CAT_BIT.net : 0), flow: u.flow, prefix: pre };
      }
      if (method === 'join' && recv.str !== undefined) return { ...this.plain(vals), prefix: undefined };
      // CHOICES.get(key): one of a constant mapping's values, whatever key the model picked
      if (method === 'get' && recv.props && !tainted(recv)) {
        let out: Val | undefined;
        for (const v of recv.props.values()) out = joinVal(out, v);
        return joinVal(out, vals[1] ?? EMPTY);
      }
      if (method === 'split' || method === 'splitlines') {
        const root = this.rootVar(e.callee.kind === 'attr' ? e.callee.obj : undefined, env);
        return { ...this.plain([recv]), derived: root ? { kind: 'split', of: root } : undefined };
      }
      if (method === 'relative_to') this.methodCheck(e, env, recv, method, vals);
      if (this.isPath(recv)) {
        if (S.pathMethods.has(method)) {
          const j = this.pathJoin(recv, vals);
          return { ...j, q: recv.q, resolved: S.resolvingMethods.has(method) || recv.resolved || undefined, str: method === 'expanduser' ? recv.str : j.str };
        }
      }
      // text("… WHERE id = :oid").bindparams(oid=x): the values are bound, the statement's text is unchanged
      if (recv.q && this.ctx.cat.bindingMethods.get(recv.q)?.has(method)) return recv;
      if (PASSTHRU.has(method)) {
        const u = unionTaint([recv, ...vals]);
        return { t: u.t, safe: u.safe, flow: u.flow, prefix: recv.prefix, resolved: recv.resolved, approval: recv.approval, derived: recv.derived?.kind === 'host' ? recv.derived : undefined };
      }
      if (recv.logger) return { logger: true };
      if (recv.regex !== undefined && (method === 'test' || method === 'fullmatch' || method === 'match' || method === 'search')) return this.regexCheck(recv.regex, e.args[0]?.value, env, method === 'fullmatch');
      if ((method === 'match' || method === 'fullmatch') && vals[0]?.regex !== undefined) return this.regexCheck(vals[0].regex, e.callee.kind === 'attr' ? e.callee.obj : undefined, env, false);
      if (q === 're.fullmatch' || q === 're.match' || q === 're.search') return this.regexCheck(first.str ?? '', e.args[1]?.value, env, q === 're.fullmatch');
      // checks written as method calls
      const chk = this.methodCheck(e, env, recv, method, vals);
      if (chk) return chk;
    }
    if (q === 're.fullmatch' || q === 're.match' || q === 're.search') return this.regexCheck(first.str ?? '', e.args[1]?.value, env, q === 're.fullmatch');
    // read-only connections
    const ro = this.isReadOnlyOpen(e, vals);
    // client.query('BEGIN TRANSACTION READ ONLY'): what this connection runs next cannot write
    if (e.callee.kind === 'attr' && e.callee.obj.kind === 'name' && this.ctx.cat.readOnlySql.test(first.str ?? '')) {
      const cur = this.lookup(e.callee.obj.id, env);
      env.set(e.callee.obj.id, { ...(cur ?? EMPTY), ro: true });
      // on a cursor: the transaction is its connection's (`with conn.cursor() as c: c.execute("SET TRANSACTION READ ONLY")`)
      const conn = cur?.derived?.kind === 'cursor' ? this.lookup(cur.derived.of, env) : undefined;
      if (conn && cur?.derived) env.set(cur.derived.of, { ...conn, ro: true });
    }
    const u = unionTaint(recv ? [recv, ...vals] : vals);
    const out: { -readonly [K in keyof Val]: Val[K] } = {};
    if (u.t) {
      out.t = u.t;
      out.safe = u.safe;
      out.flow = u.flow;
    }
    if (q) out.q = `${q}()`;
    // a tool object keeps its config (`fetchUrl.execute({ url })` runs the handler)
    if (q && this.ctx.cat.sets.toolFactories.has(q) && vals[0]?.props) out.props = vals[0].props;
    if (recv?.ro || ro) out.ro = true;
    if (method === 'cursor' && e.callee.kind === 'attr' && e.callee.obj.kind === 'name') out.derived = { kind: 'cursor', of: e.callee.obj.id };
    if (recv?.approval) out.approval = true;
    return out;
  }

  private plain(vals: Val[]): Val {
    const u = unionTaint(vals);
    return u.t ? { t: u.t, safe: u.safe, flow: u.flow } : EMPTY;
  }

  private isReadOnlyOpen(e: CallExpr, vals: Val[]): boolean {
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (v.str && /mode=ro\b|read_only=(on|true)|readonly=(1|true)|READ ONLY/i.test(v.str)) return true;
      if (v.props) {
        for (const k of ['readonly', 'readOnly', 'read_only']) {
          const p = v.props.get(k);
          if (p && e.args[i].value.kind === 'dict') {
            const en = (e.args[i].value as { entries: { key?: string; value: Expr }[] }).entries.find((x) => x.key === k);
            if (en?.value.kind === 'const' && en.value.value === true) return true;
          }
        }
      }
      const a = e.args[i];
      if (a.name && READ_ONLY_FLAG.test(a.name) && a.value.kind === 'const' && a.value.value === true) return true;
    }
    return false;
  }

  private methodCheck(e: CallExpr, env: Env, recv: Val, method: string, vals: Val[]): Val | undefined {
    const obj = e.callee.kind === 'attr' ? e.callee.obj : undefined;
    const arg0 = e.args[0]?.value;
    if ((method === 'has' || method === 'includes' || method === '__contains__') && arg0 && this.trusted(recv, vals[0] ?? EMPTY)) {
      return { num: true, checks: { t: this.refsOf(arg0, vals[0], ALLOWLISTED, env, obj && /table/i.test(exprText(obj)) ? { ...recv, tableList: true } : recv), f: [] } };
    }
    if ((method === 'startswith' || method === 'startsWith') && obj) {
      const lits = vals[0]?.items ? vals[0].items.map((i) => i.str) : [vals[0]?.str];
      const t: Fact[] = [];
      const f: Fact[] = [];
      if (recv.derived?.kind === 'rel' && lits.some((l) => l !== undefined && (l === '..' || l.startsWith('../') || l === '..' + '/'))) {
        f.push({ target: recv.derived.of, mask: CAT_BIT.fs });
      } else if (lits.length && lits.every((l) => l !== undefined && URL_HOST_PREFIX.test(l))) {
        t.push(...this.refsOf(obj, recv, CAT_BIT.net, env));
      } else if (
        this.trusted(vals[0] ?? EMPTY, recv) &&
        endsWithSeparator(arg0, vals[0]) &&
        (recv.resolved || this.exprResolves(obj, env) || (!!this.fn && !this.isToolBody && obj.kind === 'name' && this.fn.params.some((p) => p.name === obj.id)))
      ) {
        const root = this.rootVar(obj, env);
        if (root) t.push({ target: root, mask: CAT_BIT.fs });
      }
      return { num: true, checks: { t, f } };
    }
    if ((method === 'issubset' || method === 'isSubsetOf') && arg0 && !tainted(vals[0] ?? EMPTY) && /table/i.test(exprText(arg0))) {
      return { num: true, checks: { t: [{ tables: true }], f: [] } };
    }
    if (method === 'relative_to' && obj && this.isPath(recv) && (recv.resolved || this.exprResolves(obj, env))) {
      // p.relative_to(ROOT) raises ValueError outside ROOT: past the call, p is confined
      const root = this.rootVar(obj, env);
      const cur = root ? this.lookup(root, env) : undefined;
      if (root && cur) env.set(root, withSafe(cur, CAT_BIT.fs));
      return undefined;
    }
    if (method === 'is_relative_to' && obj && (recv.resolved || this.exprResolves(obj, env))) {
      const root = this.rootVar(obj, env);
      return { num: true, checks: { t: root ? [{ target: root, mask: CAT_BIT.fs }] : [], f: [] } };
    }
    return undefined;
  }

  private regexCheck(pattern: string, subject: Expr | undefined, env: Env, full: boolean): Val {
    const anchored = full || (/^\^/.test(pattern) && /(\$|\\Z|\\z)$/.test(pattern));
    if (!anchored || !subject) return { num: true };
    const body = pattern.replace(/^\^/, '').replace(/(\$|\\Z|\\z)$/, '');
    const unsafeDot = /(^|[^\\[])\.(?![^[]*\])/.test(body) || /\\S|\\W|\\D|\[\^/.test(body);
    if (unsafeDot) return { num: true };
    let mask = ALL & ~CAT_BIT.net;
    // `https://api\.example\.com/[\w/-]*`: a literal scheme and host, up to the '/' after the host
    let literal = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch === '\\' && /[./:-]/.test(body[i + 1] ?? '')) literal += body[++i];
      else if (/[A-Za-z0-9:/_-]/.test(ch)) literal += ch;
      else break;
    }
    if (URL_HOST_PREFIX.test(literal)) mask |= CAT_BIT.net;
    const classes = (body.match(/\[[^\]]*\]/g) ?? []).join('');
    if (/\.|\//.test(classes) || body.includes('/')) mask &= ~CAT_BIT.fs;
    if (/['"\s]|\\s/.test(classes + body)) mask &= ~CAT_BIT.sql;
    if (/[\s;|&$`/]|\\s/.test(classes + body)) mask &= ~CAT_BIT.exec;
    const root = this.rootVar(subject, env);
    return { num: true, checks: { t: root ? [{ target: root, mask }] : [], f: [] } };
  }

  // ---------------------------------------------------------------- sinks

  private sinks(e: CallExpr, env: Env, callee: Val, recv: Val | undefined, vals: Val[], q: string | undefined, method: string | undefined, finalName: string | undefined): void {
    const cat = this.ctx.cat;
    const lang = this.lang;
    const ok = (s: SinkSpec) => s.lang === 'any' || s.lang === lang;
    let matched = false;
    this.sinkMatched = false;
    if (q) {
      for (const s of cat.calls.get(q) ?? []) {
        if (!ok(s)) continue;
        matched = true;
        this.useCallSink(s, q, e, env, vals, recv, finalName);
      }
    }
    this.sinkMatched = matched;
    if (!matched && method) {
      for (const s of cat.methods.get(method) ?? []) {
        if (!ok(s)) continue;
        const how = this.receiverMatches(s, recv, e);
        if (!how) continue;
        // stmt = db.prepare(SQL); stmt.all(value): the arguments of a prepared statement are bound parameters
        if (s.category === 'sql' && recv?.q?.endsWith('.prepare()') && s.sqlTextRequired?.has(method)) continue;
        if (how === 'name' && s.sqlTextRequired?.has(method)) {
          const a = this.argFor(e, vals, s.arg, recv);
          if (!a || !(this.looksLikeSql(a.val))) continue;
        }
        matched = true;
        this.useCallSink(s, `${exprText(e.callee) || method}`, e, env, vals, recv, finalName);
      }
      this.sinkMatched = matched;
    }
    if (finalName) {
      for (const { re, spec } of cat.names) {
        if (!ok(spec) || !re.test(finalName)) continue;
        // The tool itself carrying such a name is not a call to it.
        if (this.fn && this.fn.name === finalName) continue;
        this.useCallSink(spec, exprText(e.callee) || finalName, e, env, vals, recv, finalName);
      }
    }
    // sql`...${x}` (postgres.js, @vercel/postgres, slonik): values are bound, but it is still a query
    if (e.taggedTemplate && cat.sqlQueryTags.test(exprText(e.callee))) {
      const tv = vals[0] ?? EMPTY;
      this.useSink({ rule: 'sql/unscoped-query', category: 'sql', lang: 'any', arg: [0] }, exprText(e.callee), e, tv, e.args[0]?.value, env, { vals, recv, finalName });
    }
    // TLS verification turned off (reported, not scored)
    for (let i = 0; i < e.args.length; i++) {
      const a = e.args[i];
      if (a.name && cat.tlsKeywords.has(a.name)) {
        const want = cat.tlsKeywords.get(a.name);
        const v = a.value;
        if ((want === false && v.kind === 'const' && v.value === false) || (typeof want === 'string' && exprText(v).endsWith(want))) {
          this.addHit({ rule: 'tls/verification-disabled', category: 'tls', sink: q ?? exprText(e.callee), span: e.span, origins: new Set(), flow: [], call: e, stmt: this.stmtTop });
        }
      }
      if (a.value.kind === 'dict') {
        for (const en of a.value.entries) {
          if (en.key && cat.tlsProps.has(en.key) && en.value.kind === 'const' && en.value.value === cat.tlsProps.get(en.key)) {
            this.addHit({ rule: 'tls/verification-disabled', category: 'tls', sink: q ?? exprText(e.callee), span: e.span, origins: new Set(), flow: [], call: e, stmt: this.stmtTop });
          }
        }
      }
    }
  }

  /** 'module' when the receiver resolves to one of the spec's libraries, 'name' when only its name matches. */
  private receiverMatches(s: SinkSpec, recv: Val | undefined, e: CallExpr): 'any' | 'module' | 'name' | undefined {
    if (!s.receiverNames && !s.receiverModules) return 'any';
    if (recv?.q && s.receiverModules) {
      const base = recv.q.replace(/^self:/, '');
      for (const m of s.receiverModules) if (base === m || base.startsWith(`${m}.`) || base.startsWith(`${m}(`)) return 'module';
    }
    if (s.receiverNames && e.callee.kind === 'attr') {
      const text = exprText(e.callee.obj);
      if (text && s.receiverNames.test(text)) return 'name';
      // a chained receiver: conn.cursor().execute(...)
      const inner = e.callee.obj;
      if (inner.kind === 'call' && inner.callee.kind === 'attr') {
        const t2 = exprText(inner.callee.obj);
        if (t2 && s.receiverNames.test(t2)) return 'name';
      }
    }
    return undefined;
  }

  private looksLikeSql(v: Val): boolean {
    const re = this.ctx.cat.sqlText;
    return (v.str !== undefined && re.test(v.str)) || (v.prefix !== undefined && re.test(v.prefix));
  }

  private useCallSink(s: SinkSpec, sinkName: string, e: CallExpr, env: Env, vals: Val[], recv: Val | undefined, finalName: string | undefined): void {
    const c = s.category;
    if (c === 'tls') {
      this.addHit({ rule: s.rule, category: 'tls', sink: sinkName, span: e.span, origins: new Set(), flow: [], call: e, stmt: this.stmtTop });
      return;
    }
    if (c === 'txn') {
      const target = this.argFor(e, vals, [0, 'path', 'receiver'], recv)?.val;
      // Removing the tool's own scratch file (`path + ".tmp"` of an atomic write, or a file in the temporary
      // directory) destroys nothing, unless the model names the file in the temporary directory:
      // `join(tmpdir(), name)` reaches anything through `..`. (In a helper, its caller's argument decides.)
      const chosen = !!target?.t && !((target.safe ?? 0) & CAT_BIT.fs) && (this.isToolBody || [...target.t].some((o) => !o.startsWith('#')));
      if (this.ctx.cat.temporaryPath.test(target?.suffix ?? target?.str ?? '') || (target?.temp && !chosen)) return;
      this.caps |= CAT_BIT.txn;
      this.noteCap('txn', sinkName, e.span);
      this.txns.push({ rule: s.rule, sink: sinkName, span: e.span, approved: env.approved, flow: [{ file: this.module.path, span: e.span, message: `calls ${sinkName}()` }] });
      return;
    }
    const a = this.argFor(e, vals, s.arg, recv);
    this.useSink(s, sinkName, e, a?.val ?? EMPTY, a?.expr, env, { vals, recv, finalName });
  }

  /** One use of a sink: capability always; a hit when the value is model-controlled and not scoped. */
  private useSink(s: SinkSpec, sinkName: string, e: Expr, v0: Val, argExpr: Expr | undefined, env: Env, call: { vals: Val[]; recv: Val | undefined; finalName?: string } | undefined): void {
    const c = s.category as Exclude<Category, 'audit'>;
    // setTimeout(fn, ms) runs a function, not code: only a string first argument is evaluated
    if (s.stringOnly && call?.finalName && s.stringOnly.has(call.finalName)) {
      const first = call.vals[0] ?? EMPTY;
      if (first.fn || !(first.str !== undefined || first.prefix !== undefined || (tainted(first) && !first.num))) return;
      if (e.kind === 'call' && e.args[0]?.value.kind === 'func') return;
      v0 = first;
    }
    // a constant environment key that names no credential (DEMO_MODE, AWS_REGION) is configuration
    if (c === 'secret' && !tainted(v0) && v0.str !== undefined && !/KEY|TOKEN|SECRET|PASS|CREDENTIAL|AUTH|PRIVATE|CERT|DSN|DATABASE_URL|CONN/i.test(v0.str)) return;
    this.caps |= CAT_BIT[c];
    this.noteCap(c, sinkName, e.span);
    let v = s.element !== undefined && v0.items?.[s.element] ? v0.items[s.element] : v0;
    let shape: string | undefined;
    let ro = false;
    let roParam: number | undefined;
    const callExpr = e.kind === 'call' ? e : undefined;
    if (c === 'exec') {
      let mode = s.mode ?? 'shell';
      if (mode === 'auto' && callExpr) {
        const kw = s.shellKeyword && callExpr.args.find((a) => a.name === s.shellKeyword);
        const opt = s.shellOption && call?.vals.some((x, i) => x.props?.has(s.shellOption as string) && callExpr.args[i].value.kind === 'dict' && (callExpr.args[i].value as { entries: { key?: string; value: Expr }[] }).entries.some((en) => en.key === s.shellOption && !(en.value.kind === 'const' && en.value.value === false)));
        mode = (kw && !(kw.value.kind === 'const' && kw.value.value === false)) || opt ? 'shell' : 'program';
      }
      if (mode === 'program') {
        shape = 'program';
        if (v.items && v.items.length) {
          const prog = v.items[0];
          const progName = prog.str?.split('/').pop();
          if (prog.str !== undefined && progName && interpretsModelCode(v.items, this.ctx.cat)) {
            v = unionTaint(v.items.slice(1)) as Val;
            shape = 'shell-argv';
          } else v = prog;
        } else if (v.str !== undefined || !tainted(v)) {
          // constant program
          const rest = callExpr ? call?.vals.slice(1) ?? [] : [];
          const progName = v.str?.split('/').pop();
          if (progName && this.ctx.cat.commandRunners.all.has(progName) && rest.some((x) => tainted(x) || x.items?.some(tainted))) {
            v = unionTaint(rest.flatMap((x) => [x, ...(x.items ?? [])])) as Val;
            shape = 'shell-argv';
          }
        }
      } else shape = mode === 'code' ? 'code' : 'shell-string';
    }
    if (c === 'fs') {
      // a credential file named at the end of a path whose middle the model chose: ~/projects/<x>/.env
      const path = v.str ?? (v.prefix !== undefined || v.suffix !== undefined ? `${v.prefix ?? ''}\0${v.suffix ?? ''}` : undefined);
      if (path !== undefined && this.ctx.cat.credentialPaths.test(path)) {
        this.caps |= CAT_BIT.secret;
        this.addHit({ rule: 'secret/credential-store-read', category: 'secret', sink: sinkName, span: e.span, origins: new Set(), flow: [], call: callExpr, arg: argExpr, stmt: this.stmtTop });
      } else if (path === undefined && !this.isToolBody) for (const i of paramOrigins(v.t)) this.pathParams.add(i);
    }
    if (c === 'sql' && v.props && !v.str) {
      // pool.query({ text, values }) / connection.query({ sql, values }): the statement is the text property
      const textProp = v.props.get('text') ?? v.props.get('sql') ?? v.props.get('query');
      if (textProp) v = textProp;
    }
    if (c === 'sql') {
      const text = v.str ?? v.prefix;
      if (text !== undefined) this.destructiveSql(text, sinkName, e.span, env);
      else this.noteSqlTextParams(v);
      // read-only connection + table allowlist
      if (call?.recv?.ro && env.tablesChecked) return;
      if (call?.recv?.ro) ro = true;
      else if (!this.isToolBody) roParam = paramOrigins(call?.recv?.t)[0];
      if (argExpr?.kind === 'fmt') shape = this.lang === 'python' ? 'fstring-sql' : 'template-sql';
      else if (argExpr?.kind === 'bin') shape = argExpr.op === '%' ? 'percent-sql' : 'concat-sql';
      else if (argExpr?.kind === 'call' && argExpr.callee.kind === 'attr' && argExpr.callee.name === 'format') shape = 'format-sql';
      if (callExpr?.taggedTemplate) return;
    }
    if (c === 'net') this.httpAction(sinkName, v, callExpr, call?.vals ?? [], env);
    if (c === 'net' && v.num) return;
    if (!tainted(v) || v.num) return;
    if (((v.safe ?? 0) & CAT_BIT[c]) !== 0) return;
    if (c === 'exec' && shape !== 'shell-string' && shape !== 'code' && ((v.safe ?? 0) & PROGRAM) !== 0) return;
    if (c === 'secret') shape = 'env-key';
    this.addHit({ rule: s.rule, category: c, sink: sinkName, span: e.span, origins: v.t as ReadonlySet<string>, flow: [], call: callExpr, arg: argExpr, stmt: this.stmtTop, shape, valueFlow: v.flow, ro: ro || undefined, roParam });
  }

  /** An HTTP DELETE, or a POST to a payment or messaging API, is a consequential action too. */
  private httpAction(sinkName: string, url: Val, e: CallExpr | undefined, vals: Val[], env: Env): void {
    if (!e) return;
    const last = sinkName.split('.').pop()?.toLowerCase() ?? '';
    let method = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(last) ? last : undefined;
    if (!method) {
      for (const v of vals) {
        const m = v.props?.get('method')?.str;
        if (m) method = m.toLowerCase();
      }
      if (!method && (last === 'request' || last === 'urlopen') && vals[0]?.str) method = vals[0].str.toLowerCase();
      const kw = e.args.find((a) => a.name === 'method');
      if (kw?.value.kind === 'str') method = kw.value.value.toLowerCase();
    }
    const text = url.str ?? url.prefix ?? url.q ?? '';
    const cat = this.ctx.cat;
    let rule: string | undefined;
    if (method === 'delete') rule = 'txn/destructive-action-without-approval';
    else if (method && method !== 'get' && method !== 'head' && method !== 'options') {
      if (cat.paymentUrls.test(text)) rule = 'txn/payment-without-approval';
      else if (cat.messageUrls.test(text)) rule = 'txn/message-without-approval';
    }
    if (!rule) return;
    this.caps |= CAT_BIT.txn;
    this.txns.push({ rule, sink: `${method?.toUpperCase()} ${sinkName}`, span: e.span, approved: env.approved, flow: [{ file: this.module.path, span: e.span, message: `sends ${method?.toUpperCase()} via ${sinkName}()` }] });
  }

  noteCap(category: string, sink: string, span: Span): void {
    if (!this.capSites.some((x) => x.category === category)) this.capSites.push({ category, sink, span, file: this.module.path });
  }

  private addHit(h: Hit): void {
    if (!this.recordHits) return;
    const line = spanLine(h.span);
    if (this.hits.some((x) => x.rule === h.rule && spanLine(x.span) === line)) return;
    this.hits.push(h);
  }
}

/**
 * Whether the untainted text before the first model-controlled part already fixes the host:
 * `https://api.example.com/…`, a configured base followed by `/` (`f"{BASE_URL}/items/{q}"`),
 * or a relative path (`/search?q=…`) resolved against the client's own base.
 */
function hostFixed(parts: readonly Val[]): boolean {
  let lead = '';
  for (const p of parts) {
    if (tainted(p)) {
      lead += p.prefix ?? '';
      break;
    }
    lead += p.str ?? (p.prefix !== undefined ? `${p.prefix}\0` : '\0');
  }
  if (URL_HOST_PREFIX.test(lead.replace(/\0/g, 'h'))) return true;
  if (/^\/(?!\/)/.test(lead)) return true;
  return /^\0[^/]*\//.test(lead) && !/^\0[^/]*:\/\/$/.test(lead);
}

function intersectFacts(a: Fact[], b: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const x of a) {
    const y = b.find((f) => f.target === x.target && !!f.approval === !!x.approval);
    if (y) out.push({ target: x.target, mask: (x.mask ?? 0) & (y.mask ?? 0), approval: x.approval && y.approval ? true : undefined });
  }
  return out;
}

export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'name':
      return e.id;
    case 'attr': {
      const o = exprText(e.obj);
      return o ? `${o}.${e.name}` : e.name;
    }
    case 'call':
      return `${exprText(e.callee)}()`;
    default:
      return '';
  }
}

/** `fs.promises.readFile` and `fs/promises.readFile` are the same function. */
export function normQ(q: string): string {
  if (q.startsWith('fs.promises')) return `fs/promises${q.slice('fs.promises'.length)}`;
  if (q.startsWith('os.path.') || q.startsWith('posixpath.')) return q.replace(/^posixpath\./, 'os.path.');
  return q;
}
