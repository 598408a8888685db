// Tool recognition: which functions of a module are agent tools, per rules/frameworks.yaml.
import type { CallExpr, ClassDef, DictExpr, Expr, FunctionDef, Module, Param, Span, Stmt } from '../model/ir';
import type { Catalog } from './data';
import { regex } from './data';
import { exprText, isClassLevel, singleReturn } from './interp';
import type { FnRef, Val } from './values';

export interface ToolDef {
  name: string;
  framework: string;
  fn: FunctionDef;
  /** Module holding the tool body (may differ from the module that registers it). */
  module: Module;
  span: Span;
  nameSpan: Span;
  /** Framework-level approval (needs_approval=True, needsApproval: true, HITL middleware). */
  approved: boolean;
  /** Tracing/audit decorator or wrapper. */
  audited: boolean;
  /** Parameters the model does not control (contexts, enums, numbers). */
  untainted: Set<string>;
  /** Extra bodies of the same tool (`_arun` beside `_run`). */
  more?: FunctionDef[];
  /** The name the framework gives the model when it differs from the variable (`tool(fn, { name: "send_email" })`). */
  declaredName?: string;
  /** A low-level MCP call-tool handler: each branch on the tool's name is a tool of its own. */
  dispatch?: boolean;
}

export interface DiscoverHost {
  cat: Catalog;
  /** Evaluates a module-level expression (imports, instances, function references). */
  evalModuleExpr(m: Module, e: Expr): Val;
  resolveFn(m: Module, v: Val): FnRef | undefined;
  /** An imported value followed through the workspace modules that re-export it (`kit.defineTool` → `ai.tool`). */
  followImport(m: Module, v: Val): Val;
  /** The module of a workspace file, loaded if need be. */
  moduleAt(path: string): Module | undefined;
}

/** The workspace class an expression names (`RepoTools`, imported or not), with the module it is in. */
function classNamed(host: DiscoverHost, m: Module, e: Expr): { module: Module; name: string } | undefined {
  const cls = /^(.+):(\w+)$/.exec(host.evalModuleExpr(m, e).q ?? '');
  const module = cls ? (cls[1] === m.path ? m : host.moduleAt(cls[1])) : undefined;
  return cls && module ? { module, name: cls[2] } : undefined;
}

/** The qualified name of a module-level expression, through workspace re-exports. */
function qualified(host: DiscoverHost, m: Module, e: Expr): string {
  const v = host.evalModuleExpr(m, e);
  return (v.imp && !v.fn ? host.followImport(m, v) : v).q ?? '';
}

/** Visits every call expression in statements (nested functions included), with the top-level statement. */
export function forEachCall(stmts: Stmt[], cb: (c: CallExpr, top: Stmt, assignName?: { name: string; span: Span }) => void): void {
  const visitExpr = (e: Expr | undefined, top: Stmt, an?: { name: string; span: Span }): void => {
    if (!e) return;
    switch (e.kind) {
      case 'call':
        cb(e, top, an);
        visitExpr(e.callee, top);
        for (const a of e.args) visitExpr(a.value, top);
        return;
      case 'attr':
        visitExpr(e.obj, top);
        return;
      case 'index':
        visitExpr(e.obj, top);
        visitExpr(e.index, top);
        return;
      case 'fmt':
        e.parts.forEach((p) => visitExpr(p, top));
        return;
      case 'list':
        e.items.forEach((p) => visitExpr(p, top));
        return;
      case 'dict':
        for (const en of e.entries) {
          visitExpr(en.value, top, en.key !== undefined ? { name: en.key, span: en.span } : an);
          if (en.keyExpr) visitExpr(en.keyExpr, top);
        }
        return;
      case 'bin':
      case 'compare':
      case 'bool':
        visitExpr(e.left, top);
        visitExpr(e.right, top);
        return;
      case 'not':
        visitExpr(e.operand, top);
        return;
      case 'cond':
        visitExpr(e.test, top);
        visitExpr(e.then, top, an);
        visitExpr(e.else, top, an);
        return;
      case 'unknown':
        e.children.forEach((c) => visitExpr(c, top));
        return;
      case 'func': {
        // `const makeSearch = (deps) => tool({…})`: the tool a factory returns takes the factory's name
        const only = singleReturn(e.fn);
        if (an && only) visitExpr(only, top, an);
        else visitStmts(e.fn.body, top);
        return;
      }
      default:
        return;
    }
  };
  const visitStmts = (ss: Stmt[], topOverride?: Stmt): void => {
    for (const s of ss) {
      const top = topOverride ?? s;
      switch (s.kind) {
        case 'assign': {
          const t = s.targets[0];
          const an = t && t.kind === 'name' ? { name: t.id, span: t.span } : t && t.kind === 'attr' ? { name: t.name, span: t.span } : undefined;
          visitExpr(s.value, top, an);
          break;
        }
        case 'expr':
          visitExpr(s.expr, top);
          break;
        case 'if':
          visitExpr(s.test, top);
          visitStmts(s.then, topOverride);
          visitStmts(s.else, topOverride);
          break;
        case 'return':
        case 'raise':
          visitExpr(s.value, top);
          break;
        case 'loop':
          visitExpr(s.iter, top);
          visitExpr(s.test, top);
          visitStmts(s.body, topOverride);
          visitStmts(s.else, topOverride);
          break;
        case 'try':
          visitStmts(s.body, topOverride);
          for (const h of s.handlers) visitStmts(h.body, topOverride);
          visitStmts(s.else, topOverride);
          visitStmts(s.finally, topOverride);
          break;
        case 'with':
          for (const it of s.items) visitExpr(it.value, top);
          visitStmts(s.body, topOverride);
          break;
        case 'funcdecl':
          visitStmts(s.fn.body, topOverride);
          for (const d of s.fn.decorators) visitExpr(d.expr, top);
          break;
        case 'classdecl':
          break;
        default:
          break;
      }
    }
  };
  visitStmts(stmts);
}

/** Decorator keywords that make the framework ask a person before the tool runs. */
const APPROVAL_KEYWORDS = ['needs_approval', 'requires_approval', 'require_approval', 'requires_confirmation', 'needs_confirmation'];

function stripCall(e: Expr): { base: Expr; call?: CallExpr } {
  return e.kind === 'call' ? { base: e.callee, call: e } : { base: e };
}

function kwTrue(call: CallExpr | undefined, name: string | undefined): boolean {
  if (!call || !name) return false;
  const a = call.args.find((x) => x.name === name);
  return !!a && !(a.value.kind === 'const' && (a.value.value === false || a.value.value === null));
}

function dictProp(d: DictExpr, key: string): Expr | undefined {
  return d.entries.find((e) => e.key === key)?.value;
}

export function discoverTools(m: Module, host: DiscoverHost, text: string): ToolDef[] {
  const tools = m.language === 'python' ? discoverPython(m, host, text) : discoverTs(m, host, text);
  return tools.some((t) => t.dispatch) ? tools.flatMap((t) => (t.dispatch ? splitDispatch(t) : [t])) : tools;
}

/**
 * `@server.call_tool()` / `setRequestHandler(CallToolRequestSchema, …)` handlers switch on the tool's name:
 * each `case 'x':` / `if name == "x":` branch is the tool `x`, analysed with the statements before the switch
 * (where the arguments are unpacked). A handler without such a chain stays one tool.
 */
function splitDispatch(t: ToolDef): ToolDef[] {
  const found = dispatchChain(t.fn.body);
  if (!found || found.branches.length < 2) return [t];
  return found.branches.map((b) => {
    const fn: FunctionDef = { ...t.fn, id: `${t.fn.id}#${b.name}`, name: b.name, body: [...found.prefix, ...b.body], span: b.span, nameSpan: b.nameSpan };
    return { ...t, name: b.name, fn, span: b.span, nameSpan: b.nameSpan, dispatch: undefined };
  });
}

interface Branch {
  name: string;
  nameSpan: Span;
  span: Span;
  body: Stmt[];
}

function dispatchChain(stmts: Stmt[]): { prefix: Stmt[]; branches: Branch[] } | undefined {
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i];
    if (s.kind === 'try' || s.kind === 'with') {
      const inner = dispatchChain(s.body);
      if (inner) return { prefix: [...stmts.slice(0, i), ...inner.prefix], branches: inner.branches };
      continue;
    }
    if (s.kind !== 'if') continue;
    const branches: Branch[] = [];
    // an if/elif (or switch) chain, or consecutive `if name == "x": … return` statements
    for (let j = i; j < stmts.length; j++) {
      let cur: Stmt | undefined = stmts[j];
      const before = branches.length;
      while (cur?.kind === 'if') {
        const names = namesTested(cur.test);
        if (!names.length) break;
        for (const n of names) branches.push({ name: n.value, nameSpan: n.span, span: cur.span, body: cur.then });
        cur = cur.else.length === 1 ? cur.else[0] : undefined;
      }
      if (branches.length === before) break;
    }
    if (branches.length >= 2) return { prefix: stmts.slice(0, i), branches };
  }
  return undefined;
}

/** The string constants an `x == "a" or x == "b"` / `x === 'a'` test compares with. */
function namesTested(e: Expr): { value: string; span: Span }[] {
  if (e.kind === 'bool' && e.op === 'or') {
    const l = namesTested(e.left);
    const r = namesTested(e.right);
    return l.length && r.length ? [...l, ...r] : [];
  }
  if (e.kind === 'compare' && (e.op === '==' || e.op === '===')) {
    const lit = e.right.kind === 'str' ? e.right : e.left.kind === 'str' ? e.left : undefined;
    return lit ? [{ value: lit.value, span: lit.span }] : [];
  }
  return [];
}

function markersIn(text: string, markers: string[]): boolean {
  return markers.some((mk) => text.includes(mk));
}

// ---------------------------------------------------------------- python

const compiled = new WeakMap<Catalog, { context: RegExp; constrained: RegExp[]; names: Set<string> }>();

/** The last name segments of every callee that can declare or register a tool, plus this module's aliases of them. */
function registrationNames(cat: Catalog, m: Module): Set<string> {
  let c = compiled.get(cat);
  if (!c) c = compile(cat);
  const names = c.names;
  const aliases = m.imports.filter((b) => b.local !== b.name && names.has(b.name)).map((b) => b.local);
  return aliases.length ? new Set([...names, ...aliases]) : names;
}

function compile(cat: Catalog) {
  const py = cat.frameworks.python;
  const ts = cat.frameworks.typescript;
  const names = new Set<string>();
  const lastOf = (q: string) => q.split('.').pop() ?? q;
  for (const r of py.registrations) for (const q of r.callees) names.add(lastOf(q));
  for (const k of Object.keys(py.toolListMethods)) names.add(k);
  for (const f of ts.factories) for (const q of f.callees) names.add(lastOf(q));
  for (const h of ts.handlerCalls) for (const q of h.callees) names.add(lastOf(q));
  for (const r of ts.methodRegistrations) for (const mth of r.methods) names.add(mth);
  for (const n of [...ts.fallbackFactoryNames, ...ts.fallbackMethodRegistrations]) names.add(n);
  const c = {
    context: new RegExp(`(^|[\\[.,|])(${py.contextAnnotations.join('|')})(\\b|\\[)`),
    constrained: py.constrainedAnnotations.map((s) => regex(s)),
    names,
  };
  compiled.set(cat, c);
  return c;
}

function pyUntainted(fn: FunctionDef, cat: Catalog, ctxFirst: boolean): Set<string> {
  const fw = cat.frameworks.python;
  const c = compiled.get(cat) ?? compile(cat);
  const out = new Set<string>();
  fn.params.forEach((p: Param, i: number) => {
    const ann = p.annotation?.replace(/\s+/g, '') ?? '';
    if (fw.contextNames.includes(p.name)) out.add(p.name);
    else if (i === 0 && ctxFirst) out.add(p.name);
    else if (ann && c.context.test(ann)) out.add(p.name);
    else if (ann && c.constrained.some((r) => r.test(ann))) out.add(p.name);
  });
  return out;
}

function discoverPython(m: Module, host: DiscoverHost, text: string): ToolDef[] {
  const cat = host.cat;
  const fw = cat.frameworks.python;
  const tools: ToolDef[] = [];
  const seen = new Set<string>();
  const add = (t: ToolDef) => {
    const key = `${t.module.path}#${t.fn.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    tools.push(t);
  };
  const auditDecorated = (fn: FunctionDef): boolean =>
    fn.decorators.some((d) => {
      const { base } = stripCall(d.expr);
      const q = qualified(host, m, base);
      const last = exprText(base).split('.').pop() ?? '';
      return cat.sets.auditDecorators.has(q) || cat.sets.auditDecoratorNames.has(last);
    });
  const mkTool = (fn: FunctionDef, mod: Module, framework: string, opts: { approved?: boolean; ctxFirst?: boolean; span?: Span; nameSpan?: Span; name?: string } = {}): ToolDef => ({
    name: opts.name ?? fn.name,
    framework,
    fn,
    module: mod,
    span: opts.span ?? fn.span,
    nameSpan: opts.nameSpan ?? fn.nameSpan,
    // its own decorator's approval (`@function_tool(needs_approval=True)`) holds wherever it is registered
    approved: !!opts.approved || fn.decorators.some((d) => APPROVAL_KEYWORDS.some((k) => kwTrue(stripCall(d.expr).call, k))),
    audited: auditDecorated(fn),
    untainted: pyUntainted(fn, cat, !!opts.ctxFirst),
  });

  const dispatching = fw.dispatchMarkers.some((mk) => regex(mk).test(text));
  // 1. decorated functions
  for (const fn of m.functions.values()) {
    for (const d of fn.decorators) {
      const { base, call } = stripCall(d.expr);
      const v = host.evalModuleExpr(m, base);
      const q = v.imp && !v.fn ? (host.followImport(m, v).q ?? '') : (v.q ?? '');
      const dec = fw.decorators.find((x) => x.names.includes(q));
      const approvedKw = APPROVAL_KEYWORDS.some((k) => kwTrue(call, k));
      if (dec) {
        add(mkTool(fn, m, dec.framework, { approved: approvedKw || kwTrue(call, dec.approvalKeyword) }));
        break;
      }
      // the project's own decorator: `@register_tool(...)` applying `tool(...)(fn)`, or `@agent_tool` marking
      // methods that a registry binds later (`StructuredTool.from_function(coroutine=method)`)
      const own = v.fn ? v.fn : v.imp ? host.resolveFn(m, v) : undefined;
      if (own && pyWrapsTool(own, host, fw)) {
        add(mkTool(fn, m, 'wrapped', { approved: approvedKw }));
        break;
      }
      if (base.kind === 'attr') {
        const recv = host.evalModuleExpr(m, base.obj);
        const cls = recv.q?.replace(/\(\)$/, '');
        const inst = fw.instanceDecorators.find((x) => cls && x.classes.includes(cls) && x.methods.includes(base.name));
        if (inst) {
          const t = mkTool(fn, m, inst.framework, { ctxFirst: inst.framework === 'pydantic-ai' && base.name === 'tool', approved: approvedKw });
          if (fw.dispatchDecoratorMethods.includes(base.name)) t.dispatch = true;
          add(t);
          break;
        }
        if (fw.anyReceiverDecoratorMethods.includes(base.name) && (!recv.q || recv.imp || recv.q.startsWith('builtins.'))) {
          const on = exprText(base.obj);
          const framework = /mcp|server/i.test(on) ? 'mcp' : /agent/i.test(on) ? 'pydantic-ai' : 'unknown';
          const t = mkTool(fn, m, framework, { ctxFirst: framework === 'pydantic-ai' && base.name === 'tool', approved: approvedKw });
          if (fw.dispatchDecoratorMethods.includes(base.name)) t.dispatch = true;
          add(t);
          break;
        }
      } else if (dispatching && v.fn && fillsRegistry(v.fn.fn)) {
        // @register puts the function into a name → function table the model's choice indexes
        add(mkTool(fn, m, 'dispatch'));
        break;
      } else if (base.kind === 'name' && (base.id === 'tool' || base.id === 'function_tool') && (!v.q || v.q.startsWith('builtins.') || !fw.decorators.some((x) => x.names.includes(q)))) {
        // An unresolved decorator literally named `tool` still declares a tool.
        if (!v.imp || !/^(typing|functools|dataclasses)$/.test(v.imp.module)) {
          add(mkTool(fn, m, base.id === 'function_tool' ? 'openai-agents' : 'unknown', { approved: kwTrue(call, 'needs_approval') }));
          break;
        }
      }
    }
  }

  // 2. classes deriving from a framework's tool base
  type Base = Catalog['frameworks']['python']['baseClasses'][number];
  const toolClasses = new Map<string, Base>();
  const classBase = (c: ClassDef): Base | undefined => {
    for (const b of c.bases) {
      const q = qualified(host, m, b);
      const hit = fw.baseClasses.find((x) => x.names.includes(q));
      if (hit) return hit;
      if (b.kind === 'name' && toolClasses.has(b.id)) return toolClasses.get(b.id);
      // unresolved bases named like the frameworks' tool classes
      if (!q || q.startsWith('builtins.')) {
        const n = exprText(b);
        if (n === 'BaseTool' || n === 'StructuredTool') return { framework: 'langchain', names: [], methods: ['_run', '_arun'] };
      }
    }
    return undefined;
  };
  for (let pass = 0; pass < 2; pass++) {
    for (const c of m.classes) {
      if (toolClasses.has(c.name)) continue;
      const b = classBase(c);
      if (b) toolClasses.set(c.name, b);
    }
  }
  for (const c of m.classes) {
    const b = toolClasses.get(c.name);
    if (!b) continue;
    if (b.listedIn) {
      const listed = c.fields.find((f) => f.name === b.listedIn)?.value;
      for (const item of listed?.kind === 'list' ? listed.items : []) {
        const fn = item.kind === 'str' ? m.functions.get(`${c.name}.${item.value}`) : undefined;
        if (fn) add(mkTool(fn, m, b.framework));
      }
      continue;
    }
    const bodies = b.methods.map((name) => m.functions.get(`${c.name}.${name}`)).filter((f): f is FunctionDef => !!f);
    if (!bodies.length) continue;
    const approvedField = c.fields.some((f) => /^(needs_approval|requires_approval|require_approval)$/.test(f.name) && f.value?.kind === 'const' && f.value.value === true);
    const t = mkTool(bodies[0], m, b.framework, { span: c.span, nameSpan: c.nameSpan, name: c.name, approved: approvedField });
    t.audited ||= c.decorators.length > 0 && c.decorators.some((d) => cat.sets.auditDecoratorNames.has(exprText(stripCall(d.expr).base).split('.').pop() ?? ''));
    if (bodies.length > 1) t.more = bodies.slice(1);
    add(t);
  }

  // 3. registrations: StructuredTool.from_function(func=f), FunctionTool(f), tools=[f, g], bind_tools([f])
  // lists built in the scanned method: `tools = [self.a]; super().__init__(tools=tools)`
  let localLists = new Map<string, Expr>();
  // the class whose methods are being scanned: `tools=[self.run_command]` names its method
  let currentClass: string | undefined;
  const fnFromExpr = (e: Expr | undefined): FnRef | undefined => {
    if (!e) return undefined;
    if (e.kind === 'func') return { fn: e.fn, module: m };
    if (e.kind === 'attr' && e.obj.kind === 'name' && e.obj.id === 'self' && currentClass) {
      const fn = m.functions.get(`${currentClass}.${e.name}`);
      return fn ? { fn, module: m } : undefined;
    }
    // function_tool(fn), tool(fn), functools.partial(fn, …) (toolListWrappers) in a tools list: the wrapped function
    if (e.kind === 'call') {
      const first = e.args.find((a) => !a.name && !a.spread)?.value;
      if (!first || first.kind === 'call') return undefined;
      const q = qualified(host, m, e.callee);
      const wraps = fw.toolListWrappers.includes(q) || fw.decorators.some((d) => d.names.includes(q)) || fw.registrations.some((r) => r.callees.includes(q));
      return wraps ? fnFromExpr(first) : undefined;
    }
    if (e.kind !== 'name' && e.kind !== 'attr') return undefined;
    // Class.method: a static or class method named through its class, here or imported
    if (e.kind === 'attr' && e.obj.kind === 'name') {
      const cls = classNamed(host, m, e.obj);
      const fn = cls?.module.functions.get(`${cls.name}.${e.name}`);
      if (fn && cls) return { fn, module: cls.module };
    }
    return host.resolveFn(m, host.evalModuleExpr(m, e));
  };
  const registerRef = (ref: FnRef | undefined, framework: string, approved = false) => {
    if (!ref) return;
    // a method counts only when registered through self (a toolkit listing its own methods), or when it is
    // a static or class method registered through its class (`function_tool(RepoTools.git_show)`)
    if (ref.fn.className && ref.fn.className !== currentClass && !isClassLevel(ref.fn)) return;
    const t = mkTool(ref.fn, ref.module, framework, { approved });
    const prev = tools.find((x) => x.fn === ref.fn);
    if (prev) prev.approved ||= approved;
    else add(t);
  };
  /** interrupt_before=[...] / HumanInTheLoopMiddleware on the call that receives the tools: names gated ('*' = all). */
  const gatedBy = (c: CallExpr): Set<string> => {
    const out = new Set<string>();
    for (const a of c.args) {
      if (a.name === 'interrupt_before' || a.name === 'interrupt_after') out.add('*');
      if (a.name === 'middleware' || a.name === 'interrupt_on') {
        const visit = (e: Expr) => {
          if (e.kind === 'list') e.items.forEach(visit);
          else if (e.kind === 'call' && /HumanInTheLoop|HumanApproval/.test(exprText(e.callee))) e.args.forEach((x) => visit(x.value));
          else if (e.kind === 'dict') for (const en of e.entries) {
            if (en.key !== undefined && !(en.value.kind === 'const' && en.value.value === false)) out.add(en.key);
          }
        };
        visit(a.value);
      }
    }
    return out;
  };
  const graphGate = /\.compile\([^)]*interrupt_(before|after)/.test(text);
  const itemsOf = (e: Expr | undefined): Expr[] => {
    if (!e) return [];
    // [function_tool(fn) for fn in ORDER_FUNCTIONS]: the functions the comprehension goes over
    if (e.kind === 'list' && e.comprehension && e.loops?.length === 1 && e.loops[0].target.kind === 'name') {
      const v = e.loops[0].target.id;
      const item = e.items[0];
      const wraps = item?.kind === 'name' ? item.id === v : item?.kind === 'call' && item.args[0]?.value.kind === 'name' && item.args[0].value.id === v;
      const src = e.loops[0].iter;
      return wraps ? itemsOf(src.kind === 'name' ? (findModuleAssign(m, src.id) ?? src) : src) : [];
    }
    if (e.kind === 'list') return e.items;
    if (e.kind === 'dict') return e.entries.map((x) => x.value);
    if (e.kind === 'bin' && e.op === '+') return [...itemsOf(e.left), ...itemsOf(e.right)];
    if (e.kind === 'name') return [e];
    return [];
  };
  const interesting = registrationNames(cat, m);
  const decoratorNames = new Set([...fw.decorators.flatMap((d) => d.names.map((n) => n.split('.').pop() ?? n)), ...m.imports.filter((b) => fw.decorators.some((d) => d.names.some((n) => n.endsWith(`.${b.name}`)))).map((b) => b.local)]);
  const scan = (c: CallExpr) => {
    // only calls that could register a tool are resolved (most calls in a module are not)
    const last = c.callee.kind === 'name' ? c.callee.id : c.callee.kind === 'attr' ? c.callee.name : '';
    if (!interesting.has(last) && !decoratorNames.has(last) && !c.args.some((a) => a.name && fw.toolListKeywords.includes(a.name))) return;
    const q = qualified(host, m, c.callee);
    // a framework decorator called on a function (`function_tool(RepoTools.git_show)` in a list) makes a tool
    const asCall = fw.decorators.find((d) => d.names.includes(q));
    const first = c.args.find((a) => !a.name)?.value;
    if (asCall && first && (first.kind === 'name' || first.kind === 'attr')) registerRef(fnFromExpr(first), asCall.framework, kwTrue(c, asCall.approvalKeyword));
    const reg = fw.registrations.find((r) => r.callees.includes(q));
    if (reg) {
      for (const a of reg.args) {
        const arg = typeof a === 'number' ? c.args.filter((x) => !x.name)[a] : c.args.find((x) => x.name === a);
        if (!arg) continue;
        const v = arg.value;
        const gate = gatedBy(c);
        const approvedFor = (e: Expr) => graphGate || gate.has('*') || (e.kind === 'name' && gate.has(e.id));
        if (v.kind === 'list') v.items.forEach((it) => registerRef(fnFromExpr(it), reg.framework, approvedFor(it)));
        else registerRef(fnFromExpr(v), reg.framework, approvedFor(v));
        break;
      }
    }
    for (const a of c.args) {
      if (a.name && fw.toolListKeywords.includes(a.name)) {
        let v = a.value;
        if (v.kind === 'name' && localLists.has(v.id)) v = localLists.get(v.id) as Expr;
        else if (v.kind === 'name') {
          // tools=TOOLS where TOOLS = [f, g] at module level
          const mv = host.evalModuleExpr(m, v);
          if (mv.items) {
            const listExpr = findModuleAssign(m, v.id);
            if (listExpr) v = listExpr;
          }
        }
        const gate = gatedBy(c);
        for (const it of itemsOf(v)) registerRef(fnFromExpr(it), 'agent-tools', graphGate || gate.has('*') || (it.kind === 'name' && gate.has(it.id)));
      }
    }
    if (c.callee.kind === 'attr' && fw.toolListMethods[c.callee.name] !== undefined) {
      const arg = c.args.filter((x) => !x.name)[fw.toolListMethods[c.callee.name]];
      for (const it of itemsOf(arg?.value)) registerRef(fnFromExpr(it), 'langchain');
    }
  };
  currentClass = undefined;
  forEachCall(m.body, scan);
  for (const c of m.classes) {
    currentClass = c.name;
    for (const id of c.methods) {
      const fn = m.functions.get(id);
      if (!fn) continue;
      localLists = new Map();
      for (const s of fn.body) if (s.kind === 'assign' && s.targets[0]?.kind === 'name' && s.value.kind === 'list') localLists.set(s.targets[0].id, s.value);
      forEachCall(fn.body, scan);
    }
  }
  currentClass = undefined;
  localLists = new Map();

  // 3b. LangGraph graphs that pause before their tool node: the tools of `builder.add_node("tools",
  // ToolNode(tools))` are approved by `….compile(interrupt_before=["tools"])`, in the same function or through a
  // function of the module that builds the graph from its parameter (`build_graph(OPS_TOOLS).compile(…)`).
  if (text.includes('interrupt_before')) {
    for (const list of pausedToolLists(m, host, fw.toolNodes)) {
      for (const it of itemsOf(list)) {
        const ref = fnFromExpr(it);
        if (ref) registerRef(ref, 'langgraph', true);
        else if (it.kind === 'call') {
          // an instance of a class-based tool (`PurgeArchiveTool()`), in this module or another
          const cls = classNamed(host, m, it.callee);
          const mod = cls?.module;
          const c = cls && mod?.classes.find((x) => x.name === cls.name);
          const body = c && mod && fw.baseClasses.flatMap((b) => b.methods).map((n) => mod.functions.get(`${c.name}.${n}`)).find((f) => f);
          if (!c || !mod || !body) continue;
          const prev = tools.find((x) => x.fn === body);
          if (prev) prev.approved = true;
          else add(mkTool(body, mod, 'langgraph', { span: c.span, nameSpan: c.nameSpan, name: c.name, approved: true }));
        }
      }
    }
  }

  // 4. dispatch tables: {"name": fn, ...} indexed by the model's chosen function name
  if (dispatching) {
    const visitDicts = (e: Expr) => {
      if (e.kind !== 'dict' || e.entries.length === 0) return;
      const refs = e.entries.map((en) => (en.key !== undefined ? fnFromExpr(en.value) : undefined));
      if (refs.every((r) => r)) refs.forEach((r) => registerRef(r, 'dispatch'));
    };
    const visitLists = (e: Expr) => {
      if (e.kind !== 'list' || e.items.length === 0) return;
      const refs = e.items.map((it) => (it.kind === 'name' ? fnFromExpr(it) : undefined));
      if (refs.every((r) => r)) refs.forEach((r) => registerRef(r, 'dispatch'));
    };
    for (const s of m.body) if (s.kind === 'assign') {
      visitDicts(s.value);
      visitLists(s.value);
    }
    for (const f of m.functions.values()) for (const s of f.body) if (s.kind === 'assign') visitDicts(s.value);
  }
  return tools;
}

/** Module statements (function bodies are reached through their declarations) and class method bodies. */
function moduleAndMethodBodies(m: Module): Stmt[] {
  const out = [...m.body];
  for (const c of m.classes) for (const id of c.methods) out.push(...(m.functions.get(id)?.body ?? []));
  return out;
}

/** withTiming('CallTool', handler): a workspace wrapper whose code writes log records audits the tool. */
function wrapperLogs(m: Module, host: DiscoverHost, call: CallExpr): boolean {
  const ref = host.resolveFn(m, host.evalModuleExpr(m, call.callee));
  if (!ref) return false;
  let found = false;
  forEachCall(ref.fn.body, (c) => {
    if (c.callee.kind === 'attr' && host.cat.sets.loggerMethods.has(c.callee.name) && host.cat.loggerNames.test(exprText(c.callee.obj))) found = true;
    // a workspace audit function: auditLog(`tool.${name}`, …)
    if (c.callee.kind === 'name' && host.cat.auditFunctionNames.test(c.callee.id)) found = true;
  });
  return found;
}

/** A decorator body that stores the function in a table: `REGISTRY[fn.__name__] = fn`. */
function fillsRegistry(fn: FunctionDef): boolean {
  const p0 = fn.params[0]?.name;
  const visit = (ss: Stmt[]): boolean =>
    ss.some((s) => {
      if (s.kind === 'assign') return s.targets.some((t) => t.kind === 'index' && t.obj.kind === 'name') && s.value.kind === 'name' && s.value.id === p0;
      if (s.kind === 'funcdecl') return visit(s.fn.body);
      if (s.kind === 'if') return visit(s.then) || visit(s.else);
      return false;
    });
  return !!p0 && visit(fn.body);
}

/**
 * The tool lists of graph nodes that a `compile(interrupt_before=[…])` pauses before: `add_node(NAME,
 * ToolNode(LIST))` in the scope of the compile, or in the module function whose call made the builder, its
 * parameter bound to that call's argument. Names of module-level lists are resolved to the lists.
 */
function pausedToolLists(m: Module, host: DiscoverHost, toolNodes: string[]): Expr[] {
  const nodesIn = (body: Stmt[]): Map<string, Expr> => {
    const out = new Map<string, Expr>();
    forEachCall(body, (c) => {
      if (c.callee.kind !== 'attr' || c.callee.name !== 'add_node') return;
      const [name, node] = c.args.filter((a) => !a.name).map((a) => a.value);
      if (name?.kind !== 'str' || node?.kind !== 'call' || !toolNodes.includes(qualified(host, m, node.callee))) return;
      const list = node.args.find((a) => a.name === 'tools')?.value ?? node.args.find((a) => !a.name)?.value;
      if (list) out.set(name.value, list);
    });
    return out;
  };
  const localList = (body: Stmt[], e: Expr): Expr => {
    if (e.kind !== 'name') return e;
    for (const s of body) if (s.kind === 'assign' && s.targets.some((t) => t.kind === 'name' && t.id === e.id)) return s.value;
    return findModuleAssign(m, e.id) ?? e;
  };
  const out: Expr[] = [];
  const scopes: Stmt[][] = [m.body, ...[...m.functions.values()].map((f) => f.body)];
  for (const body of scopes) {
    forEachCall(body, (c) => {
      if (c.callee.kind !== 'attr' || c.callee.name !== 'compile') return;
      const gate = c.args.find((a) => a.name === 'interrupt_before')?.value;
      if (!gate) return;
      const all = gate.kind === 'str' && (gate.value === '*' || gate.value === '__all__');
      const names = new Set(gate.kind === 'list' ? gate.items.flatMap((i) => (i.kind === 'str' ? [i.value] : [])) : []);
      const paused = (nodes: Map<string, Expr>) => [...nodes].filter(([n]) => all || names.has(n)).map(([, list]) => list);
      const builder = c.callee.obj;
      if (builder.kind === 'call') {
        // build_graph(TOOLS, …).compile(…): the builder function's ToolNode over one of its parameters
        const ref = host.resolveFn(m, host.evalModuleExpr(m, builder.callee));
        if (!ref || ref.module !== m) return;
        for (const list of paused(nodesIn(ref.fn.body))) {
          const p = list.kind === 'name' ? ref.fn.params.find((x) => x.name === list.id) : undefined;
          const positional = builder.args.filter((a) => !a.name);
          const actual = p ? (builder.args.find((a) => a.name === p.name)?.value ?? positional[p.index]?.value) : list;
          if (actual) out.push(localList(body, actual));
        }
      } else for (const list of paused(nodesIn(body))) out.push(localList(body, list));
    });
  }
  return out;
}

function findModuleAssign(m: Module, id: string): Expr | undefined {
  for (const s of m.body) if (s.kind === 'assign' && s.targets.some((t) => t.kind === 'name' && t.id === id)) return s.value;
  return undefined;
}

// ---------------------------------------------------------------- typescript / javascript

function zodConstrained(e: Expr | undefined, kinds: string[]): boolean {
  // z.enum([...]).describe(...).default(...) → walk the method chain down to the z.X(...) call
  let cur = e;
  for (let i = 0; i < 12 && cur; i++) {
    if (cur.kind !== 'call') return false;
    if (cur.callee.kind !== 'attr') return false;
    const obj = cur.callee.obj;
    if (obj.kind === 'name' && (obj.id === 'z' || obj.id === 'zod')) return kinds.includes(cur.callee.name);
    cur = obj;
  }
  return false;
}

function schemaFields(e: Expr | undefined, kinds: string[], out: Set<string>): void {
  if (!e) return;
  let shape: Expr | undefined = e;
  if (e.kind === 'call' && e.callee.kind === 'attr' && e.callee.name === 'object') shape = e.args[0]?.value;
  if (shape?.kind !== 'dict') return;
  for (const en of shape.entries) if (en.key && zodConstrained(en.value, kinds)) out.add(en.key);
}

function tsParamsUntainted(fn: FunctionDef, constrained: Set<string>): Set<string> {
  const out = new Set<string>(constrained);
  // only the first parameter is the model's input; the rest are options/context/run managers
  fn.params.forEach((p, i) => {
    if (i > 0) out.add(p.name);
  });
  return out;
}

function discoverTs(m: Module, host: DiscoverHost, text: string): ToolDef[] {
  const cat = host.cat;
  const fw = cat.frameworks.typescript;
  const tools: ToolDef[] = [];
  const seen = new Set<string>();
  const moduleApproved = markersIn(text, cat.controls.approval.moduleMarkers.filter((x) => x !== 'requireApproval'));
  const fnOf = (e: Expr | undefined): FunctionDef | undefined => {
    if (!e) return undefined;
    if (e.kind === 'func') return e.fn;
    // a wrapped handler: withLogging('CallTool', async (request) => …)
    if (e.kind === 'call') {
      for (let i = e.args.length - 1; i >= 0; i--) if (e.args[i].value.kind === 'func') return (e.args[i].value as { fn: FunctionDef }).fn;
      return undefined;
    }
    if (e.kind === 'name') {
      const v = host.evalModuleExpr(m, e);
      const ref = host.resolveFn(m, v);
      // a handler defined in another module (`registerTool('get_env', cfg, getEnvHandler)`) is a tool there
      if (ref && ref.module !== m) foreign.set(ref.fn, ref.module);
      return ref?.fn;
    }
    return undefined;
  };
  const foreign = new Map<FunctionDef, Module>();
  const add = (fn: FunctionDef | undefined, framework: string, name: string, span: Span, nameSpan: Span, approved: boolean, constrained: Set<string>, audited = false) => {
    if (!fn || seen.has(`${fn.id}|${name}`)) return;
    seen.add(`${fn.id}|${name}`);
    const home = foreign.get(fn);
    // a foreign handler's findings sit in its own file, on its own declaration
    const at = home ? { module: home, span: fn.span, nameSpan: fn.nameSpan } : { module: m, span, nameSpan };
    const untainted = tsParamsUntainted(fn, constrained);
    // `execute: async ({ context, runtimeContext, mastra })`: only the factory's input property is the model's
    const input = fw.factories.find((f) => f.framework === framework)?.input;
    const first = fn.params[0]?.pattern;
    if (input && first?.kind === 'object') for (const p of first.props) if (p.key !== input && p.target.kind === 'name') untainted.add(p.target.id);
    tools.push({ name, framework, fn, ...at, approved: approved || moduleApproved, audited, untainted });
  };
  const declared = (fn: FunctionDef | undefined, nameExpr: Expr | undefined) => {
    const t = fn && nameExpr?.kind === 'str' ? tools.find((x) => x.fn === fn) : undefined;
    if (t && nameExpr?.kind === 'str' && t.name !== nameExpr.value) t.declaredName = nameExpr.value;
  };
  const interesting = registrationNames(cat, m);
  // A framework's factory re-exported under another name by a workspace module (`defineTool` from './kit'):
  // calls that look like a declaration are resolved too.
  const fromWorkspace = new Set(m.imports.filter((b) => b.module.startsWith('.') || /^[@~]\//.test(b.module)).map((b) => b.local));
  const localFunctions = new Set([...m.functions.values()].filter((f) => !f.parent && !f.className).map((f) => f.name));
  forEachCall(moduleAndMethodBodies(m), (c, top, an) => {
    const last = c.callee.kind === 'name' ? c.callee.id : c.callee.kind === 'attr' ? c.callee.name : '';
    const root = c.callee.kind === 'name' ? c.callee.id : c.callee.kind === 'attr' && c.callee.obj.kind === 'name' ? c.callee.obj.id : '';
    // the project's own helper (imported from the workspace or defined here) given a handler in an object
    const wrapperCandidate = c.callee.kind === 'name' && (fromWorkspace.has(c.callee.id) || localFunctions.has(c.callee.id)) && c.args[0]?.value.kind === 'dict' && c.args[0].value.entries.some((en) => en.value.kind === 'func');
    if (!interesting.has(last) && !(fromWorkspace.has(root) && looksLikeDeclaration(c, fw.fallbackHandlerProps)) && !wrapperCandidate) return;
    const cv = host.evalModuleExpr(m, c.callee);
    const q = (cv.imp && !cv.fn ? host.followImport(m, cv) : cv).q ?? '';
    const calleeName = c.callee.kind === 'name' ? c.callee.id : c.callee.kind === 'attr' ? c.callee.name : '';
    const stmtSpan = top.span;
    // defineTool({ name, run }) where the project's defineTool builds a framework tool whose execute calls def.run
    if (wrapperCandidate && !interesting.has(last)) {
      const ref = host.resolveFn(m, cv.imp && !cv.fn ? host.followImport(m, cv) : cv);
      const spec = ref ? tsWrapperSpec(ref, host, fw) : undefined;
      const obj = c.args[0].value as DictExpr;
      const handler = spec ? fnOf(dictProp(obj, spec.handler)) : undefined;
      if (spec && handler) {
        const constrained = new Set<string>();
        for (const sp of spec.schema) schemaFields(dictProp(obj, sp), fw.constrainedSchemas, constrained);
        const ap = spec.approval ? dictProp(obj, spec.approval) : undefined;
        const approved = !!ap && !(ap.kind === 'const' && ap.value === false) && ap.kind !== 'func';
        const nameExpr = dictProp(obj, 'name') ?? dictProp(obj, 'id');
        add(handler, spec.framework, an?.name ?? (nameExpr?.kind === 'str' ? nameExpr.value : handler.name || 'tool'), stmtSpan, an?.span ?? c.span, approved, constrained);
        declared(handler, nameExpr);
        return;
      }
      if (!interesting.has(last) && !(fromWorkspace.has(root) && looksLikeDeclaration(c, fw.fallbackHandlerProps))) return;
    }
    // factory({ execute })
    const fac = fw.factories.find((f) => f.callees.includes(q));
    const obj = c.args[0]?.value;
    if ((fac || fw.fallbackFactoryNames.includes(calleeName)) && obj?.kind === 'dict') {
      const handlerProp = fac?.handler ?? fw.fallbackHandlerProps.find((p) => dictProp(obj, p));
      const handlerExpr = handlerProp ? dictProp(obj, handlerProp) : undefined;
      const handler = fnOf(handlerExpr);
      // execute: withAudit('name', async (input) => …): a wrapper that writes the record
      const wrappedAudit = handlerExpr?.kind === 'call' && wrapperLogs(m, host, handlerExpr);
      if (handler && (fac || c.callee.kind === 'attr' || !cv.q || cv.imp || q.startsWith('builtins.') || q === calleeName)) {
        const constrained = new Set<string>();
        for (const sp of fac?.schema ?? ['inputSchema', 'parameters', 'schema']) schemaFields(dictProp(obj, sp), fw.constrainedSchemas, constrained);
        const approvalProp = fac?.approval ?? 'needsApproval';
        const ap = dictProp(obj, approvalProp);
        // `needsApproval: async (_, { amount }) => amount > 5000` asks only sometimes: the gate does not dominate
        const always = ap?.kind === 'func' ? singleReturn(ap.fn) : undefined;
        const approved = !!ap && !(ap.kind === 'const' && ap.value === false) && (ap.kind !== 'func' || (always?.kind === 'const' && always.value === true));
        const nameExpr = dictProp(obj, 'name') ?? dictProp(obj, 'id');
        const name = an?.name ?? (nameExpr?.kind === 'str' ? nameExpr.value : handler.name || 'tool');
        add(handler, fac?.framework ?? (calleeName === 'createTool' ? 'mastra' : 'ai-tool'), name, stmtSpan, an?.span ?? c.span, approved, constrained, wrappedAudit);
        declared(handler, nameExpr);
        return;
      }
    }
    // tool(fn, { schema })
    const hc = fw.handlerCalls.find((h) => h.callees.includes(q));
    if (hc) {
      const handlerExpr = c.args[hc.handlerArg]?.value;
      const handler = fnOf(handlerExpr);
      const cfg = c.args[hc.configArg]?.value;
      const constrained = new Set<string>();
      if (cfg?.kind === 'dict') for (const sp of hc.schema) schemaFields(dictProp(cfg, sp), fw.constrainedSchemas, constrained);
      const nameExpr = cfg?.kind === 'dict' ? dictProp(cfg, 'name') : undefined;
      add(handler, hc.framework, an?.name ?? (nameExpr?.kind === 'str' ? nameExpr.value : handler?.name || 'tool'), stmtSpan, an?.span ?? c.span, false, constrained, handlerExpr?.kind === 'call' && wrapperLogs(m, host, handlerExpr));
      declared(handler, nameExpr);
      return;
    }
    // server.registerTool('name', config, handler) / server.tool('name', ..., handler)
    if (c.callee.kind === 'attr') {
      const method = c.callee.name;
      const recv = host.evalModuleExpr(m, c.callee.obj);
      const cls = recv.q?.replace(/\(\)$/, '');
      for (const r of fw.methodRegistrations) {
        if (!r.methods.includes(method)) continue;
        if (r.firstArg) {
          const a0 = c.args[0]?.value;
          if (!a0 || !exprText(a0).endsWith(r.firstArg)) continue;
        } else {
          const known = !!cls && (r.classes ?? []).includes(cls);
          const nameArg = c.args[r.nameArg ?? 0]?.value;
          const fallback = fw.fallbackMethodRegistrations.includes(method) || (method === 'tool' && nameArg?.kind === 'str' && /server|mcp/i.test(exprText(c.callee.obj)));
          if (!known && !fallback) continue;
          if (nameArg?.kind !== 'str' && nameArg?.kind !== 'name' && nameArg?.kind !== 'attr') continue;
        }
        const fns = c.args.map((a) => fnOf(a.value));
        let hi = -1;
        for (let i = fns.length - 1; i >= 0; i--) if (fns[i]) {
          hi = i;
          break;
        }
        if (hi < 0) continue;
        const nameArg = r.firstArg ? undefined : c.args[r.nameArg ?? 0]?.value;
        const constrained = new Set<string>();
        for (let i = 1; i < hi; i++) {
          const a = c.args[i].value;
          if (a.kind === 'dict') {
            const inner = dictProp(a, 'inputSchema');
            schemaFields(inner ?? a, fw.constrainedSchemas, constrained);
          }
        }
        const nameVal = nameArg && nameArg.kind !== 'str' ? host.evalModuleExpr(m, nameArg).str : undefined;
        const name = nameArg?.kind === 'str' ? nameArg.value : nameVal ?? (nameArg ? exprText(nameArg) : '') ?? 'call_tool';
        const wrapper = c.args[hi].value;
        // server.tool('whoami', 'description', async (extra) => …): with no input schema the handler receives
        // only the request's `extra` (auth info, signal), none of it the model's
        const schemaless = method === 'tool' && !r.firstArg && !c.args.slice(1, hi).some((a) => a.value.kind !== 'str');
        if (schemaless) for (const p of fns[hi]?.params ?? []) constrained.add(p.name);
        add(fns[hi], r.framework, name, stmtSpan, nameArg?.span ?? c.span, false, constrained, wrapper.kind === 'call' && wrapperLogs(m, host, wrapper));
        // setRequestHandler(CallToolRequestSchema, …): one handler for every tool, switching on the name
        if (r.dispatch) for (const t of tools) if (t.fn === fns[hi]) t.dispatch = true;
        return;
      }
    }
  });
  // class X extends StructuredTool { _call() }
  for (const c of m.classes) {
    const b = c.bases.map((x) => host.evalModuleExpr(m, x).q ?? exprText(x));
    const hit = fw.baseClasses.find((x) => b.some((q) => x.names.includes(q))) ?? (b.some((q) => q === 'StructuredTool' || q === 'Tool' || q === 'DynamicStructuredTool') ? { framework: 'langchain-js', methods: ['_call'] } : undefined);
    if (!hit) continue;
    const body = hit.methods.map((n) => m.functions.get(`${c.name}.${n}`)).find((f) => f);
    if (body) add(body, hit.framework, c.name, c.span, c.nameSpan, false, new Set());
  }
  return tools;
}

const pyWrappers = new WeakMap<FunctionDef, boolean>();

/**
 * A workspace decorator that declares tools: one that applies a framework's decorator or registration to the
 * function it receives (`lc_tool(name)(fn)`, `function_tool(fn)`), or one named for tools (`agent_tool`,
 * `register_tool`) that marks functions for a registry to bind.
 */
function pyWrapsTool(ref: FnRef, host: DiscoverHost, fw: Catalog['frameworks']['python']): boolean {
  const cached = pyWrappers.get(ref.fn);
  if (cached !== undefined) return cached;
  pyWrappers.set(ref.fn, false);
  let yes = regex(fw.ownDecoratorNames).test(ref.fn.name);
  if (!yes) {
    // the functions it defines inside (the decorator proper) take the decorated function as a parameter
    const params = new Set<string>(ref.fn.params.map((p) => p.name));
    for (const f of ref.module.functions.values()) if (f.parent === ref.fn.id) for (const p of f.params) params.add(p.name);
    const framework = (e: Expr) => {
      const q = qualified(host, ref.module, e);
      return fw.decorators.some((d) => d.names.includes(q)) || fw.registrations.some((r) => r.callees.includes(q));
    };
    const nested = [ref.fn.body, ...[...ref.module.functions.values()].filter((f) => f.parent === ref.fn.id).map((f) => f.body)];
    for (const body of nested) {
      forEachCall(body, (c) => {
        if (yes || !c.args.some((a) => a.value.kind === 'name' && params.has(a.value.id))) return;
        // X(fn) or X(args)(fn)
        yes = framework(c.callee) || (c.callee.kind === 'call' && framework(c.callee.callee));
      });
    }
  }
  pyWrappers.set(ref.fn, yes);
  return yes;
}

const wrapperSpecs = new WeakMap<FunctionDef, { framework: string; handler: string; approval?: string; schema: string[] } | null>();

/**
 * A project's own tool-declaring function: `function defineTool(def) { return tool({ inputSchema: def.input,
 * needsApproval: def.needsApproval, execute: (args) => def.run(args) }) }`. Which property of its argument
 * holds the handler, the approval flag and the schemas, read from the framework call it makes.
 */
function tsWrapperSpec(ref: FnRef, host: DiscoverHost, fw: Catalog['frameworks']['typescript']): { framework: string; handler: string; approval?: string; schema: string[] } | undefined {
  const cached = wrapperSpecs.get(ref.fn);
  if (cached !== undefined) return cached ?? undefined;
  wrapperSpecs.set(ref.fn, null);
  const param = ref.fn.params[0];
  if (!param) return undefined;
  // def.run / run of ({ run, ...rest })
  const propOf = (e: Expr | undefined): string | undefined => {
    if (!e) return undefined;
    if (e.kind === 'attr' && e.obj.kind === 'name' && e.obj.id === param.name) return e.name;
    if (e.kind === 'name' && param.pattern?.kind === 'object') return param.pattern.props.find((p) => p.target.kind === 'name' && p.target.id === e.id)?.key;
    if (e.kind === 'bin' && (e.op === '??' || e.op === '||')) return propOf(e.left);
    return undefined;
  };
  let found: { framework: string; handler: string; approval?: string; schema: string[] } | undefined;
  forEachCall(ref.fn.body, (c) => {
    if (found) return;
    const d = c.args[0]?.value;
    if (d?.kind !== 'dict') return;
    const q = qualified(host, ref.module, c.callee);
    const fac = fw.factories.find((f) => f.callees.includes(q));
    if (!fac && !(c.callee.kind === 'name' && fw.fallbackFactoryNames.includes(c.callee.id))) return;
    const h = dictProp(d, fac?.handler ?? 'execute');
    let handler: string | undefined;
    if (h?.kind === 'func') forEachCall(h.fn.body, (inner) => (handler ??= propOf(inner.callee)));
    else handler = propOf(h);
    if (!handler) return;
    const schema = (fac?.schema ?? ['inputSchema', 'parameters', 'schema']).map((sp) => propOf(dictProp(d, sp))).filter((x): x is string => !!x);
    found = { framework: fac?.framework ?? 'ai-tool', handler, approval: propOf(dictProp(d, fac?.approval ?? 'needsApproval')), schema };
  });
  wrapperSpecs.set(ref.fn, found ?? null);
  return found;
}

/**
 * `createAgent({ tools: [sendEmail, refund], middleware: [humanInTheLoopMiddleware({ interruptOn: { send_email:
 * true } })] })` (LangChain.js): the tool variables an agent lists, with the tool names its middleware stops at.
 */
export function humanInTheLoopLists(m: Module): { items: string[]; keys: Set<string> }[] {
  const out: { items: string[]; keys: Set<string> }[] = [];
  forEachCall(moduleAndMethodBodies(m), (c) => {
    for (const a of c.args) {
      const d = a.value;
      if (d.kind !== 'dict') continue;
      const list = dictProp(d, 'tools');
      const middleware = dictProp(d, 'middleware');
      if (list?.kind !== 'list' || middleware?.kind !== 'list') continue;
      const keys = new Set<string>();
      for (const x of middleware.items) {
        if (x.kind !== 'call' || !/humanInTheLoopMiddleware$/i.test(exprText(x.callee))) continue;
        const cfg = x.args[0]?.value;
        const on = cfg?.kind === 'dict' ? dictProp(cfg, 'interruptOn') : undefined;
        if (on?.kind === 'dict') for (const en of on.entries) if (en.key !== undefined && !(en.value.kind === 'const' && en.value.value === false)) keys.add(en.key);
      }
      if (keys.size) out.push({ items: list.items.flatMap((i) => (i.kind === 'name' ? [i.id] : [])), keys });
    }
  });
  return out;
}

/** `f({ execute: … })`, `f(fn, { … })`: the shapes of the TypeScript frameworks' tool factories. */
function looksLikeDeclaration(c: CallExpr, handlerProps: string[]): boolean {
  const [a0, a1] = c.args.map((a) => a.value);
  if (a0?.kind === 'dict') return [...handlerProps, 'func'].some((p) => !!dictProp(a0, p));
  return a0?.kind === 'func' && a1?.kind === 'dict';
}
