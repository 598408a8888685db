// Python front-end: lowers a tree-sitter-python tree into the agent model (model/ir.ts).
import type {
  Arg,
  ClassDef,
  Decorator,
  DictEntry,
  Expr,
  FunctionDef,
  ImportBinding,
  Module,
  Param,
  Pos,
  Span,
  Stmt,
  StrExpr,
  Target,
} from '../model/ir';
import type { Node } from './parser';
import { type PyNode, copyPython } from './python-tree';

const MAX_DEPTH = 400;

function pos(p: { row: number; column: number }): Pos {
  return { line: p.row, col: p.column };
}
export function spanOf(n: PyNode): Span {
  return { start: pos(n.startPosition), end: pos(n.endPosition) };
}

function named(n: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const c of n.namedChildren) if (c && c.type !== 'comment') out.push(c);
  return out;
}

const NEVER_RETURNS = new Set(['sys.exit', 'exit', 'quit', 'os._exit', 'os.abort']);

function unescapePy(s: string): string {
  return s.replace(/\\(n|t|r|\\|'|"|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/g, (m, g: string) => {
    switch (g[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'x':
      case 'u':
        return String.fromCharCode(parseInt(g.slice(1), 16));
      default:
        return g;
    }
  });
}

class PyLowerer {
  readonly functions = new Map<string, FunctionDef>();
  readonly classes: ClassDef[] = [];
  readonly imports: ImportBinding[] = [];
  syntaxErrors = 0;
  firstError?: Pos;
  private depth = 0;

  constructor(private readonly lines: string[]) {}

  // ------------------------------------------------------------ statements

  block(n: PyNode | null, parent?: string, cls?: string): Stmt[] {
    if (!n) return [];
    const out: Stmt[] = [];
    for (const c of named(n)) this.stmt(c, out, parent, cls);
    return out;
  }

  stmt(n: PyNode, out: Stmt[], parent?: string, cls?: string): void {
    const span = spanOf(n);
    switch (n.type) {
      case 'expression_statement': {
        const kids = named(n);
        if (kids.length === 1 && (kids[0].type === 'assignment' || kids[0].type === 'augmented_assignment')) {
          this.assignment(kids[0], out);
          return;
        }
        for (const k of kids) {
          const yielded = k.type === 'yield' && !/^yield\s+from\b/.test(k.text) ? named(k)[0] : undefined;
          if (yielded) {
            out.push({ kind: 'return', span, value: this.expr(yielded), yield: true });
            continue;
          }
          const e = this.expr(k);
          if (e.kind === 'call' && NEVER_RETURNS.has(calleeText(e.callee))) out.push({ kind: 'raise', span, value: e });
          else out.push({ kind: 'expr', span, expr: e });
        }
        return;
      }
      case 'return_statement': {
        const k = named(n)[0];
        out.push({ kind: 'return', span, value: k ? this.expr(k) : undefined });
        return;
      }
      case 'raise_statement': {
        const k = named(n)[0];
        out.push({ kind: 'raise', span, value: k ? this.expr(k) : undefined });
        return;
      }
      case 'assert_statement': {
        const k = named(n)[0];
        if (k) out.push({ kind: 'if', span, test: { kind: 'not', span: spanOf(k), operand: this.expr(k) }, then: [{ kind: 'raise', span }], else: [], assert: true });
        return;
      }
      case 'if_statement':
        out.push(this.ifStmt(n, parent, cls));
        return;
      case 'for_statement': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const alt = n.childForFieldName('alternative');
        out.push({
          kind: 'loop',
          span,
          target: left ? this.target(left) : undefined,
          iter: right ? this.expr(right) : undefined,
          body: this.block(n.childForFieldName('body'), parent, cls),
          else: alt ? this.block(alt.childForFieldName('body') ?? alt, parent, cls) : [],
        });
        return;
      }
      case 'while_statement': {
        const cond = n.childForFieldName('condition');
        const alt = n.childForFieldName('alternative');
        out.push({
          kind: 'loop',
          span,
          test: cond ? this.expr(cond) : undefined,
          body: this.block(n.childForFieldName('body'), parent, cls),
          else: alt ? this.block(alt.childForFieldName('body') ?? alt, parent, cls) : [],
        });
        return;
      }
      case 'try_statement': {
        const handlers: { name?: string; body: Stmt[]; span: Span }[] = [];
        let elseB: Stmt[] = [];
        let fin: Stmt[] = [];
        for (const c of named(n)) {
          if (c.type === 'except_clause' || c.type === 'except_group_clause') {
            let name: string | undefined;
            const v = c.childForFieldName('value') ?? named(c).find((k) => k.type === 'as_pattern');
            if (v?.type === 'as_pattern') name = v.childForFieldName('alias')?.text;
            const body = named(c).find((k) => k.type === 'block');
            handlers.push({ name, body: this.block(body ?? null, parent, cls), span: spanOf(c) });
          } else if (c.type === 'else_clause') elseB = this.block(c.childForFieldName('body'), parent, cls);
          else if (c.type === 'finally_clause') fin = this.block(named(c).find((k) => k.type === 'block') ?? null, parent, cls);
        }
        out.push({ kind: 'try', span, body: this.block(n.childForFieldName('body'), parent, cls), handlers, else: elseB, finally: fin });
        return;
      }
      case 'with_statement': {
        const items: { value: Expr; target?: Target }[] = [];
        const clause = named(n).find((k) => k.type === 'with_clause');
        for (const it of clause ? named(clause) : []) {
          if (it.type !== 'with_item') continue;
          const v = it.childForFieldName('value');
          if (!v) continue;
          if (v.type === 'as_pattern') {
            const inner = named(v)[0];
            const alias = v.childForFieldName('alias');
            const tnode = alias ? (named(alias)[0] ?? alias) : undefined;
            items.push({ value: this.expr(inner), target: tnode ? this.target(tnode) : undefined });
          } else items.push({ value: this.expr(v) });
        }
        out.push({ kind: 'with', span, items, body: this.block(n.childForFieldName('body'), parent, cls) });
        return;
      }
      case 'function_definition':
      case 'decorated_definition':
      case 'class_definition': {
        const decorators: Decorator[] = [];
        let def = n;
        if (n.type === 'decorated_definition') {
          for (const c of named(n)) if (c.type === 'decorator') decorators.push({ expr: this.expr(named(c)[0] ?? c), span: spanOf(c) });
          const d = n.childForFieldName('definition');
          if (!d) return;
          def = d;
        }
        if (def.type === 'function_definition') {
          const fn = this.func(def, n, decorators, parent, cls);
          out.push({ kind: 'funcdecl', span, fn });
        } else if (def.type === 'class_definition') {
          const c = this.cls(def, n, decorators, parent);
          out.push({ kind: 'classdecl', span, cls: c });
        }
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement': {
        const b = this.importStmt(n);
        if (b.length) out.push({ kind: 'import', span, imports: b });
        return;
      }
      case 'break_statement':
      case 'continue_statement':
        out.push({ kind: 'break', span });
        return;
      case 'match_statement': {
        // Lowered as a chain of opaque branches: each case body may run.
        const subject = n.childForFieldName('subject');
        const body = n.childForFieldName('body');
        let chain: Stmt[] = [];
        const cases = body ? named(body).filter((c) => c.type === 'case_clause') : [];
        for (let i = cases.length - 1; i >= 0; i--) {
          const c = cases[i];
          const cons = c.childForFieldName('consequence');
          // `case "fetch_url":` / `case "a" | "b":` compares the subject with strings (an MCP call_tool dispatch)
          const literals = subject ? this.casePatternStrings(c) : undefined;
          const test: Expr = literals?.length && subject
            ? literals.map((lit): Expr => ({ kind: 'compare', op: '==', left: this.expr(subject), right: lit, span: lit.span })).reduce((l, r) => ({ kind: 'bool', op: 'or', left: l, right: r, span: spanOf(c) }))
            : { kind: 'unknown', span: spanOf(c), children: subject ? [this.expr(subject)] : [] };
          chain = [{ kind: 'if', span: spanOf(c), test, then: this.block(cons, parent, cls), else: chain }];
        }
        out.push(...chain);
        return;
      }
      case 'block':
        for (const c of named(n)) this.stmt(c, out, parent, cls);
        return;
      case 'ERROR':
        this.error(n);
        for (const c of named(n)) this.stmt(c, out, parent, cls);
        return;
      case 'pass_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'delete_statement':
      case 'type_alias_statement':
        return;
      default: {
        // print statements (py2), exec statements and anything unknown: keep the expressions.
        const e = this.expr(n);
        out.push({ kind: 'expr', span, expr: e });
      }
    }
  }

  /** The string literals a case clause's pattern is made of (`"a"`, `"a" | "b"`), or undefined for any other pattern. */
  private casePatternStrings(c: PyNode): StrExpr[] | undefined {
    const patterns = named(c).filter((k) => k.type === 'case_pattern');
    if (patterns.length !== 1 || c.childForFieldName('guard')) return undefined;
    const out: StrExpr[] = [];
    const visit = (n: PyNode): boolean => {
      if (n.type === 'string') {
        const e = this.expr(n);
        if (e.kind !== 'str') return false;
        out.push(e);
        return true;
      }
      const kids = named(n);
      return kids.length > 0 && (n.type === 'case_pattern' || n.type === 'union_pattern') && kids.every(visit);
    };
    return visit(patterns[0]) && out.length ? out : undefined;
  }

  private error(n: PyNode): void {
    this.syntaxErrors++;
    this.firstError ??= pos(n.startPosition);
  }

  ifStmt(n: PyNode, parent?: string, cls?: string): Stmt {
    const cond = n.childForFieldName('condition');
    const then = this.block(n.childForFieldName('consequence'), parent, cls);
    const alts: PyNode[] = [];
    for (let i = 0; i < n.childCount; i++) {
      if (n.fieldNameForChild(i) === 'alternative') {
        const c = n.child(i);
        if (c) alts.push(c);
      }
    }
    let elseB: Stmt[] = [];
    for (let i = alts.length - 1; i >= 0; i--) {
      const a = alts[i];
      if (a.type === 'else_clause') elseB = this.block(a.childForFieldName('body'), parent, cls);
      else if (a.type === 'elif_clause') {
        const c = a.childForFieldName('condition');
        elseB = [{ kind: 'if', span: spanOf(a), test: c ? this.expr(c) : unknown(a), then: this.block(a.childForFieldName('consequence'), parent, cls), else: elseB }];
      }
    }
    return { kind: 'if', span: spanOf(n), test: cond ? this.expr(cond) : unknown(n), then, else: elseB };
  }

  assignment(n: PyNode, out: Stmt[]): void {
    const span = spanOf(n);
    const targets: Target[] = [];
    let cur: PyNode | null = n;
    let value: Expr | undefined;
    const augmented = n.type === 'augmented_assignment';
    // a = b = c parses as assignment(left=a, right=assignment(left=b, right=c))
    while (cur && (cur.type === 'assignment' || cur.type === 'augmented_assignment')) {
      const l = cur.childForFieldName('left');
      if (l) targets.push(this.target(l));
      const r: PyNode | null = cur.childForFieldName('right');
      if (!r) {
        value = undefined;
        break;
      }
      if (r.type === 'assignment' || r.type === 'augmented_assignment') cur = r;
      else {
        value = this.expr(r);
        break;
      }
    }
    const declaration = !!n.childForFieldName('type');
    if (!value) {
      if (!declaration) return;
      value = { kind: 'unknown', span, children: [] };
    }
    out.push({ kind: 'assign', span, targets, value, augmented: augmented || undefined, declaration: declaration || undefined });
  }

  target(n: PyNode): Target {
    const span = spanOf(n);
    switch (n.type) {
      case 'identifier':
        return { kind: 'name', id: n.text, span };
      case 'attribute': {
        const obj = n.childForFieldName('object');
        return { kind: 'attr', obj: obj ? this.expr(obj) : unknown(n), name: n.childForFieldName('attribute')?.text ?? '', span };
      }
      case 'subscript': {
        const v = n.childForFieldName('value');
        const s = n.childForFieldName('subscript');
        return { kind: 'index', obj: v ? this.expr(v) : unknown(n), index: s ? this.expr(s) : unknown(n), span };
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list':
        return { kind: 'tuple', items: named(n).map((c) => this.target(c)), span };
      case 'list_splat_pattern':
      case 'list_splat':
      case 'parenthesized_expression':
        return named(n)[0] ? this.target(named(n)[0]) : { kind: 'name', id: '_', span };
      default:
        return { kind: 'name', id: n.text, span };
    }
  }

  importStmt(n: PyNode): ImportBinding[] {
    const out: ImportBinding[] = [];
    if (n.type === 'import_statement') {
      for (const c of named(n)) {
        if (c.type === 'dotted_name') {
          const full = c.text;
          out.push({ local: full.split('.')[0], module: full.split('.')[0], name: '*', span: spanOf(c) });
          // `import os.path` also makes `os.path.x` resolvable through the head binding.
        } else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text ?? '';
          const alias = c.childForFieldName('alias')?.text ?? name;
          out.push({ local: alias, module: name, name: '*', span: spanOf(c) });
        }
      }
    } else if (n.type === 'import_from_statement') {
      const modNode = n.childForFieldName('module_name');
      const module = modNode?.text.replace(/\s+/g, '') ?? '';
      // `from .tools import *` (a package's __init__ passing a module on): local '' marks it, as `export *` does
      if (n.namedChildren.some((c) => c.type === 'wildcard_import')) out.push({ local: '', module, name: '*', span: spanOf(n) });
      for (let i = 0; i < n.childCount; i++) {
        if (n.fieldNameForChild(i) !== 'name') continue;
        const c = n.child(i);
        if (!c) continue;
        if (c.type === 'dotted_name') out.push({ local: c.text, module, name: c.text, span: spanOf(c) });
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text ?? '';
          out.push({ local: c.childForFieldName('alias')?.text ?? name, module, name, span: spanOf(c) });
        }
      }
    }
    this.imports.push(...out);
    return out;
  }

  params(n: PyNode | null): Param[] {
    const out: Param[] = [];
    if (!n) return out;
    let index = 0;
    for (const c of named(n)) {
      const span = spanOf(c);
      let p: Param | undefined;
      switch (c.type) {
        case 'identifier':
          p = { name: c.text, span, index };
          break;
        case 'typed_parameter': {
          const inner = named(c)[0];
          const type = c.childForFieldName('type')?.text;
          if (inner?.type === 'list_splat_pattern') p = { name: named(inner)[0]?.text ?? 'args', span, index, annotation: type, rest: true };
          else if (inner?.type === 'dictionary_splat_pattern') p = { name: named(inner)[0]?.text ?? 'kwargs', span, index, annotation: type, kwrest: true };
          else p = { name: inner?.text ?? '', span, index, annotation: type };
          break;
        }
        case 'default_parameter':
        case 'typed_default_parameter': {
          const v = c.childForFieldName('value');
          p = { name: c.childForFieldName('name')?.text ?? '', span, index, annotation: c.childForFieldName('type')?.text, defaultValue: v ? this.expr(v) : undefined };
          break;
        }
        case 'list_splat_pattern':
          p = { name: named(c)[0]?.text ?? 'args', span, index, rest: true };
          break;
        case 'dictionary_splat_pattern':
          p = { name: named(c)[0]?.text ?? 'kwargs', span, index, kwrest: true };
          break;
        default:
          continue; // `*` / `/` separators
      }
      out.push(p);
      index++;
    }
    return out;
  }

  func(def: PyNode, outer: PyNode, decorators: Decorator[], parent?: string, cls?: string): FunctionDef {
    const nameNode = def.childForFieldName('name');
    const name = nameNode?.text ?? '';
    let id = cls ? `${cls}.${name}` : parent ? `${parent}.${name}` : name;
    if (this.functions.has(id)) id = `${id}@${def.startPosition.row + 1}:${def.startPosition.column + 1}`;
    const bodyNode = def.childForFieldName('body');
    const firstStmt = bodyNode ? named(bodyNode)[0] : undefined;
    const fn: FunctionDef = {
      name,
      id,
      span: spanOf(outer),
      nameSpan: nameNode ? spanOf(nameNode) : spanOf(def),
      params: this.params(def.childForFieldName('parameters')),
      body: [],
      decorators,
      className: cls,
      isAsync: def.child(0)?.type === 'async',
      parent,
    };
    if (firstStmt) {
      fn.bodyStart = pos(firstStmt.startPosition);
      fn.bodyIndent = this.indentOf(firstStmt.startPosition.row);
    }
    this.functions.set(id, fn);
    fn.body = this.block(bodyNode, id);
    return fn;
  }

  private indentOf(row: number): string {
    const line = this.lines[row] ?? '';
    return /^[ \t]*/.exec(line)?.[0] ?? '';
  }

  cls(def: PyNode, outer: PyNode, decorators: Decorator[], parent?: string): ClassDef {
    const nameNode = def.childForFieldName('name');
    const name = nameNode?.text ?? '';
    const supers = def.childForFieldName('superclasses');
    const bases: Expr[] = [];
    for (const s of supers ? named(supers) : []) if (s.type !== 'keyword_argument') bases.push(this.expr(s));
    const c: ClassDef = { name, span: spanOf(outer), nameSpan: nameNode ? spanOf(nameNode) : spanOf(def), bases, decorators, methods: [], fields: [] };
    this.classes.push(c);
    const body = def.childForFieldName('body');
    for (const s of body ? named(body) : []) {
      if (s.type === 'function_definition' || s.type === 'decorated_definition') {
        const decs: Decorator[] = [];
        let d = s;
        if (s.type === 'decorated_definition') {
          for (const k of named(s)) if (k.type === 'decorator') decs.push({ expr: this.expr(named(k)[0] ?? k), span: spanOf(k) });
          d = s.childForFieldName('definition') ?? s;
        }
        if (d.type === 'function_definition') c.methods.push(this.func(d, s, decs, parent, name).id);
      } else if (s.type === 'expression_statement') {
        const a = named(s)[0];
        if (a?.type === 'assignment') {
          const l = a.childForFieldName('left');
          const r = a.childForFieldName('right');
          if (l?.type === 'identifier') c.fields.push({ name: l.text, value: r ? this.expr(r) : undefined, span: spanOf(a), annotation: a.childForFieldName('type')?.text });
        }
      }
    }
    return c;
  }

  // ------------------------------------------------------------ expressions

  expr(n: PyNode): Expr {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return { kind: 'unknown', span: spanOf(n), children: [] };
    }
    try {
      return this.exprInner(n);
    } finally {
      this.depth--;
    }
  }

  private exprInner(n: PyNode): Expr {
    const span = spanOf(n);
    switch (n.type) {
      case 'identifier':
        return { kind: 'name', id: n.text, span };
      case 'string':
        return this.string(n);
      case 'concatenated_string': {
        const parts = named(n).map((c) => this.string(c));
        if (parts.every((p) => p.kind === 'str')) return { kind: 'str', span, value: parts.map((p) => (p.kind === 'str' ? p.value : '')).join('') };
        const flat: Expr[] = [];
        for (const p of parts) if (p.kind === 'fmt') flat.push(...p.parts);
        else flat.push(p);
        return { kind: 'fmt', span, parts: flat };
      }
      case 'integer':
      case 'float':
        return { kind: 'const', span, value: Number(n.text.replace(/_/g, '')) || 0 };
      case 'true':
        return { kind: 'const', span, value: true };
      case 'false':
        return { kind: 'const', span, value: false };
      case 'none':
        return { kind: 'const', span, value: null };
      case 'attribute': {
        const obj = n.childForFieldName('object');
        return { kind: 'attr', span, obj: obj ? this.expr(obj) : unknown(n), name: n.childForFieldName('attribute')?.text ?? '' };
      }
      case 'subscript': {
        const v = n.childForFieldName('value');
        const subs: PyNode[] = [];
        for (let i = 0; i < n.childCount; i++) if (n.fieldNameForChild(i) === 'subscript') subs.push(n.child(i) as PyNode);
        const index: Expr = subs.length === 1 ? this.expr(subs[0]) : { kind: 'list', span, items: subs.map((s) => this.expr(s)) };
        return { kind: 'index', span, obj: v ? this.expr(v) : unknown(n), index };
      }
      case 'call': {
        const f = n.childForFieldName('function');
        const a = n.childForFieldName('arguments');
        const args: Arg[] = [];
        if (a?.type === 'generator_expression') args.push({ value: this.expr(a), span: spanOf(a) });
        else
          for (const c of a ? named(a) : []) {
            const cs = spanOf(c);
            if (c.type === 'keyword_argument') {
              const v = c.childForFieldName('value');
              args.push({ name: c.childForFieldName('name')?.text, value: v ? this.expr(v) : unknown(c), span: cs });
            } else if (c.type === 'list_splat') args.push({ value: this.expr(named(c)[0] ?? c), spread: 'spread', span: cs });
            else if (c.type === 'dictionary_splat') args.push({ value: this.expr(named(c)[0] ?? c), spread: 'kwspread', span: cs });
            else args.push({ value: this.expr(c), span: cs });
          }
        return { kind: 'call', span, callee: f ? this.expr(f) : unknown(n), args, argsSpan: a ? spanOf(a) : span };
      }
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
      case 'pattern_list':
        return { kind: 'list', span, items: named(n).map((c) => this.expr(c)) };
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return this.comprehension(n);
      case 'dictionary': {
        const entries: DictEntry[] = [];
        for (const c of named(n)) {
          if (c.type === 'pair') {
            const k = c.childForFieldName('key');
            const v = c.childForFieldName('value');
            const ke = k ? this.expr(k) : undefined;
            entries.push({ key: ke?.kind === 'str' ? ke.value : undefined, keyExpr: ke, value: v ? this.expr(v) : unknown(c), span: spanOf(c) });
          } else if (c.type === 'dictionary_splat') entries.push({ value: this.expr(named(c)[0] ?? c), spread: true, span: spanOf(c) });
        }
        return { kind: 'dict', span, entries };
      }
      case 'lambda': {
        const id = `<lambda>@${n.startPosition.row + 1}:${n.startPosition.column + 1}`;
        const body = n.childForFieldName('body');
        const fn: FunctionDef = {
          name: '',
          id,
          span,
          nameSpan: spanOf(n.child(0) ?? n),
          params: this.params(n.childForFieldName('parameters')),
          body: [],
          decorators: [],
          exprBody: true,
        };
        this.functions.set(id, fn);
        if (body) fn.body = [{ kind: 'return', span: spanOf(body), value: this.expr(body) }];
        return { kind: 'func', span, fn };
      }
      case 'binary_operator': {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text ?? '+';
        return { kind: 'bin', span, op, left: l ? this.expr(l) : unknown(n), right: r ? this.expr(r) : unknown(n) };
      }
      case 'comparison_operator': {
        // a < b < c → (a < b) and (b < c); operators are the unnamed children between operands.
        const operands = named(n);
        const ops: string[] = [];
        for (let i = 0; i < n.childCount; i++) {
          if (n.fieldNameForChild(i) === 'operators') ops.push(n.child(i)?.text.replace(/\s+/g, ' ') ?? '==');
        }
        let result: Expr | undefined;
        for (let i = 0; i + 1 < operands.length; i++) {
          const c: Expr = { kind: 'compare', span, op: ops[i] ?? '==', left: this.expr(operands[i]), right: this.expr(operands[i + 1]) };
          result = result ? { kind: 'bool', span, op: 'and', left: result, right: c } : c;
        }
        return result ?? unknown(n);
      }
      case 'boolean_operator': {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text === 'or' ? 'or' : 'and';
        return { kind: 'bool', span, op, left: l ? this.expr(l) : unknown(n), right: r ? this.expr(r) : unknown(n) };
      }
      case 'not_operator': {
        const a = n.childForFieldName('argument');
        return { kind: 'not', span, operand: a ? this.expr(a) : unknown(n) };
      }
      case 'conditional_expression': {
        const [a, test, b] = named(n);
        if (!a || !test || !b) return unknown(n);
        return { kind: 'cond', span, test: this.expr(test), then: this.expr(a), else: this.expr(b) };
      }
      case 'parenthesized_expression':
      case 'await':
      case 'as_pattern_target':
        return named(n)[0] ? this.expr(named(n)[0]) : unknown(n);
      case 'named_expression': {
        const v = n.childForFieldName('value');
        return v ? this.expr(v) : unknown(n);
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        return v ? this.expr(v) : unknown(n);
      }
      case 'ERROR':
        this.error(n);
        return { kind: 'unknown', span, children: named(n).map((c) => this.expr(c)) };
      default:
        return { kind: 'unknown', span, children: named(n).map((c) => this.expr(c)), text: n.childCount === 0 ? n.text : undefined };
    }
  }

  /** `[f(x) for x in xs if c]`: the loop targets are bound to elements of their sources, then the element is evaluated. */
  private comprehension(n: PyNode): Expr {
    const span = spanOf(n);
    const loops: { target: Target; iter: Expr }[] = [];
    const conds: Expr[] = [];
    for (const c of named(n)) {
      if (c.type === 'for_in_clause') {
        const l = c.childForFieldName('left');
        const r = c.childForFieldName('right');
        if (l && r) loops.push({ target: this.target(l), iter: this.expr(r) });
      } else if (c.type === 'if_clause') {
        const k = named(c)[0];
        if (k) conds.push(this.expr(k));
      }
    }
    const body = n.childForFieldName('body');
    const item: Expr = body ? this.expr(body) : unknown(n);
    return { kind: 'list', span, items: conds.length ? [item, { kind: 'unknown', span, children: [], text: 'if' }] : [item], comprehension: true, loops };
  }

  private string(n: PyNode): Expr {
    const span = spanOf(n);
    if (n.type !== 'string') return this.expr(n);
    const start = n.child(0)?.text ?? '"';
    const isF = /f/i.test(start.replace(/["']/g, ''));
    const isRaw = /r/i.test(start.replace(/["']/g, ''));
    const parts: Expr[] = [];
    let buf = '';
    for (let i = 0; i < n.childCount; i++) {
      const c = n.child(i) as PyNode;
      if (c.type === 'string_content') buf += isRaw ? c.text : unescapePy(c.text);
      else if (c.type === 'escape_sequence') buf += isRaw ? c.text : unescapePy(c.text);
      else if (c.type === 'interpolation' && isF) {
        if (buf) parts.push({ kind: 'str', span, value: buf });
        buf = '';
        const e = c.childForFieldName('expression') ?? named(c)[0];
        parts.push(e ? this.expr(e) : unknown(c));
      }
    }
    if (!parts.length) return { kind: 'str', span, value: buf, raw: n.text };
    if (buf) parts.push({ kind: 'str', span, value: buf });
    return { kind: 'fmt', span, parts };
  }
}

function unknown(n: PyNode): Expr {
  return { kind: 'unknown', span: spanOf(n), children: [] };
}

export function calleeText(e: Expr): string {
  if (e.kind === 'name') return e.id;
  if (e.kind === 'attr') return `${calleeText(e.obj)}.${e.name}`;
  return '';
}

/** One top-level statement lowered on its own, so editors re-lower only the statements an edit touched. */
export interface Piece {
  stmts: Stmt[];
  functions: FunctionDef[];
  classes: ClassDef[];
  imports: ImportBinding[];
  syntaxErrors: number;
  firstError?: Pos;
  types?: Module['types'];
}

/** Lowers one top-level statement; `rowOffset` is its row in the file when it was parsed on its own. */
export function lowerPythonPiece(node: Node, lines: string[], rowOffset = 0): Piece {
  const l = new PyLowerer(lines);
  const stmts: Stmt[] = [];
  l.stmt(copyPython(node, node.text, rowOffset), stmts);
  if (node.hasError) countErrors(node, l, rowOffset);
  return { stmts, functions: [...l.functions.values()], classes: l.classes, imports: l.imports, syntaxErrors: l.syntaxErrors, firstError: l.firstError };
}

/** Builds a module from pieces; a later definition of the same name wins, as in Python. */
export function assemblePieces(path: string, language: Module['language'], pieces: Piece[]): Module {
  const m: Module = { path, language, imports: [], functions: new Map(), classes: [], body: [], syntaxErrors: 0 };
  for (const p of pieces) {
    m.body.push(...p.stmts);
    for (const f of p.functions) {
      // pieces are lowered apart: an id another piece already used (`execute`) gets its position
      if (m.functions.has(f.id) && m.functions.get(f.id) !== f && language !== 'python') {
        const old = f.id;
        f.id = `${old}@${f.span.start.line + 1}:${f.span.start.col + 1}`;
        for (const g of p.functions) if (g.parent === old) g.parent = f.id;
      }
      m.functions.set(f.id, f);
    }
    m.classes.push(...p.classes);
    m.imports.push(...p.imports);
    if (p.types) for (const [k, v] of p.types) (m.types ??= new Map()).set(k, v);
    m.syntaxErrors += p.syntaxErrors;
    m.firstError ??= p.firstError;
  }
  return m;
}

export function lowerPython(root: Node, path: string, text: string): Module {
  const lines = text.split(/\r?\n/);
  const l = new PyLowerer(lines);
  const body: Stmt[] = [];
  for (const c of named(copyPython(root, text))) l.stmt(c, body);
  if (root.hasError) {
    countErrors(root, l);
  }
  return {
    path,
    language: 'python',
    imports: l.imports,
    functions: l.functions,
    classes: l.classes,
    body,
    syntaxErrors: l.syntaxErrors,
    firstError: l.firstError,
  };
}

function countErrors(root: Node, l: { syntaxErrors: number; firstError?: Pos }, rowOffset = 0): void {
  let count = 0;
  let first: Pos | undefined;
  const cur = root.walk();
  let done = false;
  while (!done) {
    const n = cur.currentNode;
    if (n.isError || n.isMissing) {
      count++;
      first ??= pos({ row: n.startPosition.row + rowOffset, column: n.startPosition.column });
    }
    if (n.hasError && cur.gotoFirstChild()) continue;
    while (!cur.gotoNextSibling()) {
      if (!cur.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cur.delete();
  l.syntaxErrors = Math.max(l.syntaxErrors, count);
  l.firstError ??= first;
}
