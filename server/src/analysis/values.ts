// Abstract values of the taint analysis and the environment they live in.
import type { Category, FlowStep } from '../model/findings';
import type { FunctionDef, Module } from '../model/ir';

export const CAT_BIT: Record<Exclude<Category, 'audit'>, number> = { net: 1, fs: 2, sql: 4, exec: 8, secret: 16, txn: 32 };
/** Every category's bit, and PROGRAM. */
export const ALL = 127;
/**
 * The first word of a command string is allowlisted (`cmd.split()[0] in ALLOWED`): the command is scoped
 * when it runs as an argv list, not when a shell runs the whole string (`ls; rm -rf ~` passes the check).
 */
export const PROGRAM = 64;

export function bit(c: string): number {
  return (CAT_BIT as Record<string, number>)[c] ?? 0;
}

/** A fact a check establishes: `target` (a variable) is scoped for the categories in `mask`; or approval. */
export interface Fact {
  target?: string;
  mask?: number;
  approval?: true;
  /** A membership check against a collection whose name says it lists tables. */
  tables?: true;
}
export interface Facts {
  t: Fact[];
  f: Fact[];
}

export interface FnRef {
  fn: FunctionDef;
  module: Module;
}

/** Immutable; build new values with `mk`/`derive`. */
export interface Val {
  /** Origins of model-controlled data (tool parameter names, or `#i` in summaries). */
  t?: ReadonlySet<string>;
  /** Categories this (tainted) value is scoped for. */
  safe?: number;
  /** Fully known constant string. */
  str?: string;
  /** Known literal prefix of a string that is not fully known. */
  prefix?: string;
  /** Known constant end of a joined path (`/.env` of `join(home, x, ".env")`). */
  suffix?: string;
  /** Qualified name of a module, function, class, or instance (`X()`). */
  q?: string;
  /** Known leading elements of a list/tuple. */
  items?: readonly Val[];
  /** Known properties of a dict/object. */
  props?: ReadonlyMap<string, Val>;
  /** A workspace function value. */
  fn?: FnRef;
  /** How this value was derived from a variable, for guards on it. */
  derived?: { kind: 'url' | 'host' | 'rel' | 'split' | 'common' | 'cursor' | 'norm'; of: string };
  /** Made absolute/normalised (realpath, resolve): a containment check on it is sound. */
  resolved?: boolean;
  /** A literal `True` / `false`: a helper's flag argument picks its branch (`_catalog(readonly=True)`). */
  bool?: boolean;
  /** A comprehension's element, evaluated once for every iteration (`[realpath(d) for d in DIRS]`). */
  elem?: Val;
  /** Result of a check: facts when truthy/falsy. */
  checks?: Facts;
  /** Carries a person's decision (input(), confirm(), interrupt(), elicit()). */
  approval?: boolean;
  /** A read-only database connection/cursor. */
  ro?: boolean;
  /** A collection that is not model-controlled and is named like a table allowlist. */
  tableList?: boolean;
  /** A logger object. */
  logger?: boolean;
  /** Where the taint came from (first origin), for the flow. */
  flow?: readonly FlowStep[];
  /** Numeric/boolean value: cannot carry a host, a path or SQL. */
  num?: boolean;
  /** An imported binding, resolved to a workspace function on call. */
  imp?: { module: string; name: string };
  /** `self`/`this` inside a class: methods resolve through it. */
  selfOf?: string;
  /** A path in the system's temporary folder (the tool's own scratch file). */
  temp?: boolean;
  /** A regular expression (literal or compiled): its source. */
  regex?: string;
}

export const EMPTY: Val = Object.freeze({});
/**
 * `None` / `null` / `undefined`: nothing known, like EMPTY, but a join keeps the other side whole. A client
 * set up as `try: client = Session() except ImportError: client = None` is that Session wherever it is used.
 */
export const NONE: Val = Object.freeze({});

export function tainted(v: Val): boolean {
  return !!v.t && v.t.size > 0;
}

export function unionTaint(vals: readonly Val[]): { t?: Set<string>; safe?: number; flow?: readonly FlowStep[] } {
  let t: Set<string> | undefined;
  let safe = ALL;
  let flow: readonly FlowStep[] | undefined;
  for (const v of vals) {
    if (!v.t || v.t.size === 0) continue;
    if (!t) t = new Set(v.t);
    else for (const o of v.t) t.add(o);
    safe &= v.safe ?? 0;
    flow ??= v.flow;
  }
  return t ? { t, safe, flow } : {};
}

export function withSafe(v: Val, mask: number): Val {
  if (!tainted(v)) return v;
  return { ...v, safe: (v.safe ?? 0) | mask };
}

/** Joins two values at a merge point: taint is the union, scoping the intersection. */
export function joinVal(a: Val | undefined, b: Val | undefined): Val {
  if (!a || a === NONE) return b ?? EMPTY;
  if (!b || a === b || b === NONE) return a;
  const ta = tainted(a);
  const tb = tainted(b);
  const out: { -readonly [K in keyof Val]: Val[K] } = {};
  if (ta || tb) {
    const t = new Set<string>();
    if (a.t) for (const o of a.t) t.add(o);
    if (b.t) for (const o of b.t) t.add(o);
    out.t = t;
    out.safe = (ta ? (a.safe ?? 0) : ALL) & (tb ? (b.safe ?? 0) : ALL);
    out.flow = a.flow ?? b.flow;
  }
  if (a.str !== undefined && a.str === b.str) out.str = a.str;
  if (a.q && a.q === b.q) out.q = a.q;
  if (a.fn && a.fn === b.fn) out.fn = a.fn;
  if (a.resolved && b.resolved) out.resolved = true;
  if (a.ro && b.ro) out.ro = true;
  if (a.logger || b.logger) out.logger = true;
  if (a.approval && b.approval) out.approval = true;
  if (a.num && b.num) out.num = true;
  if (a.bool !== undefined && a.bool === b.bool) out.bool = a.bool;
  if (a.tableList && b.tableList) out.tableList = true;
  // A value that is constant on one path and tainted on the other keeps the tainted side's shape.
  if (!ta && tb) {
    out.items = b.items;
    out.props = b.props;
    out.derived = b.derived;
  } else if (ta && !tb) {
    out.items = a.items;
    out.props = a.props;
    out.derived = a.derived;
  } else if (a.derived && b.derived && a.derived.kind === b.derived.kind && a.derived.of === b.derived.of) out.derived = a.derived;
  return out;
}

/** The variable environment at one program point. `dead` means unreachable (after return/raise). */
export class Env {
  constructor(
    public vars: Map<string, Val>,
    public approved: boolean,
    public dead = false,
    public tablesChecked = false,
  ) {}

  static dead(): Env {
    return new Env(new Map(), true, true, true);
  }

  clone(): Env {
    return new Env(new Map(this.vars), this.approved, this.dead, this.tablesChecked);
  }

  get(id: string): Val | undefined {
    return this.vars.get(id);
  }

  set(id: string, v: Val): void {
    this.vars.set(id, v);
  }

  static join(a: Env, b: Env): Env {
    if (a.dead) return b.clone();
    if (b.dead) return a.clone();
    const vars = new Map<string, Val>();
    for (const [k, v] of a.vars) vars.set(k, joinVal(v, b.vars.get(k)));
    for (const [k, v] of b.vars) if (!a.vars.has(k)) vars.set(k, v);
    return new Env(vars, a.approved && b.approved, false, a.tablesChecked && b.tablesChecked);
  }

  static joinAll(envs: Env[]): Env {
    let out: Env | undefined;
    for (const e of envs) out = out ? Env.join(out, e) : e.clone();
    return out ?? Env.dead();
  }
}
