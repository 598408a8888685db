// TypeScript / JavaScript front-end: lowers a tree-sitter-typescript or -tsx tree into the agent
// model (model/ir.ts). Never throws: syntax errors are counted and whatever parsed is lowered.
import type {
  Arg,
  ClassDef,
  Decorator,
  DictEntry,
  Expr,
  FunctionDef,
  ImportBinding,
  Language,
  Module,
  Param,
  Pos,
  Span,
  Stmt,
  Target,
} from '../model/ir';
import { type CursorOps, NodeColumns, copyWalk, directCursor, nodeTypes, wrapperCursor } from './cursor';
import type { Node } from './parser';

/** Deeper syntax (10,000 nested parens, generated code) is flattened into one UnknownExpr. */
const MAX_DEPTH = 500;
/** Names kept from a flattened subtree, so taint still flows through it. */
const MAX_FLATTENED = 2000;

// ---------------------------------------------------------------- the syntax-tree copy

/**
 * A copy of the syntax tree made in one cursor pass: every read through the WASM bridge costs far
 * more than a JS property access, so each node is read once. Node i of the copy is column i of
 * typed arrays reused from file to file (a million small objects would mostly be garbage-collector
 * work): its type id, field id in its parent (0: none; recorded for named nodes), UTF-16 start and
 * end (-1 for tokens whose position is not needed), first child and next sibling (-1: none).
 * Comments are taken out of the tree (they may sit between any two tokens).
 */
class TreeCopy extends NodeColumns {}

/** Kept between files; dropped after a very large one. */
let pool: TreeCopy | undefined;
const POOL_KEEP = 1 << 16;

const FIELD_NAMES = [
  'name',
  'value',
  'body',
  'parameters',
  'parameter',
  'pattern',
  'type',
  'left',
  'right',
  'condition',
  'consequence',
  'alternative',
  'initializer',
  'increment',
  'function',
  'arguments',
  'constructor',
  'object',
  'property',
  'index',
  'key',
  'handler',
  'finalizer',
  'label',
  'source',
  'alias',
  'declaration',
  'argument',
] as const;
type FieldName = (typeof FIELD_NAMES)[number];
type Fields = Record<FieldName, number>;

interface LangInfo {
  types: string[];
  named: boolean[];
  /** Types the cursor need not descend into: tokens and named leaves. */
  leaf: boolean[];
  /** Also types whose insides lowering never reads (type syntax; strings and regexes, read from
   * their text). A tree with syntax errors is copied whole, so that every error is counted. */
  opaque: boolean[];
  /** Types whose children lowering looks up by field. */
  hasFields: boolean[];
  fields: Fields;
}

type TSLanguage = Node['tree']['language'];
const langInfos = new WeakMap<TSLanguage, LangInfo>();

function langInfo(lang: TSLanguage): LangInfo {
  let info = langInfos.get(lang);
  if (info) return info;
  const { types, named } = nodeTypes(lang);
  const fields = {} as Fields;
  // -1 never matches: a field the grammar lacks finds no child.
  for (const f of FIELD_NAMES) fields[f] = lang.fieldIdForName(f) ?? -1;
  const leaf = types.map((t, i) => !named[i] || LEAVES.has(t));
  const opaque = types.map((t, i) => leaf[i] || OPAQUE.has(t) || isTypeNode(t));
  const hasFields = types.map((t) => !FIELDLESS.has(t));
  info = { types, named, leaf, opaque, hasFields, fields };
  langInfos.set(lang, info);
  return info;
}

interface CopyResult {
  tree: TreeCopy;
  /** Offsets of ERROR and MISSING nodes, in document order. */
  errors: number[];
}

/** Named node types that never have children: the cursor does not try to descend into them. */
const LEAVES = new Set([
  'identifier',
  'property_identifier',
  'shorthand_property_identifier',
  'shorthand_property_identifier_pattern',
  'private_property_identifier',
  'type_identifier',
  'statement_identifier',
  'number',
  'string_fragment',
  'escape_sequence',
  'this',
  'super',
  'true',
  'false',
  'null',
  'undefined',
  'import',
  'regex_pattern',
  'regex_flags',
  'comment',
  'html_comment',
  'hash_bang_line',
  'jsx_text',
]);

/** Parents whose children lowering only iterates: their children's field ids are not read. */
const FIELDLESS = new Set([
  'program',
  'statement_block',
  'expression_statement',
  'return_statement',
  'throw_statement',
  'lexical_declaration',
  'variable_declaration',
  'arguments',
  'array',
  'object',
  'class_body',
  'class_heritage',
  'extends_clause',
  'formal_parameters',
  'template_string',
  'template_substitution',
  'parenthesized_expression',
  'await_expression',
  'sequence_expression',
  'spread_element',
  'rest_pattern',
  'non_null_expression',
  'as_expression',
  'satisfies_expression',
  'named_imports',
  'import_clause',
  'namespace_import',
  'export_clause',
  'object_pattern',
  'array_pattern',
  'switch_body',
  'else_clause',
  'decorator',
  'computed_property_name',
  'jsx_element',
  'jsx_opening_element',
  'jsx_closing_element',
  'jsx_self_closing_element',
  'jsx_attribute',
  'jsx_expression',
]);

/** Lowering reads these nodes' text or nothing at all, never their insides. */
const OPAQUE = new Set([
  'string',
  'regex',
  'interface_declaration',
  'type_alias_declaration',
  'enum_declaration',
  'ambient_declaration',
  'function_signature',
  'abstract_method_signature',
  'method_signature',
  'index_signature',
  'accessibility_modifier',
]);

/** For tests: `direct` allows the fast walk and `used` says which walk ran; `internalErrors` counts
 * exceptions the lowering swallowed (a statement lost to a bug, never to bad input). */
export const testHooks: { direct: boolean; used?: 'direct' | 'wrapper'; internalErrors: number } = { direct: true, internalErrors: 0 };

function copyTree(root: Node, info: LangInfo): CopyResult {
  const tree = pool ?? new TreeCopy(1 << 12);
  pool = undefined; // not shared with a nested call, should one ever happen
  tree.size = 0;
  // Everything read through the wrappers is read before the direct walk takes the transfer buffer.
  const rootType = root.typeId;
  const top = tree.add(rootType, 0, root.startIndex, root.endIndex);
  const checkErrors = root.hasError;
  const result: CopyResult = { tree, errors: [] };
  if (checkErrors && (root.isError || root.isMissing)) result.errors.push(tree.s[top]);
  const cur = root.walk();
  const direct = directCursor(cur, root.tree, testHooks.direct);
  try {
    // Cheap check that the exports read the cursor we think they do, else use the wrappers.
    const ok = direct && direct.ops.typeId() === rootType && direct.ops.start() === tree.s[top] && direct.ops.end() === tree.e[top];
    testHooks.used = ok ? 'direct' : 'wrapper';
    copyChildren(ok ? direct.ops : wrapperCursor(cur), info, tree, checkErrors, result);
  } finally {
    direct?.done();
    cur.delete();
  }
  return result;
}

function releaseCopy(tree: TreeCopy): void {
  if (tree.size < POOL_KEEP) pool = tree;
}

function copyChildren(cur: CursorOps, info: LangInfo, tree: TreeCopy, checkErrors: boolean, out: CopyResult): void {
  const { types, named: isNamed, hasFields } = info;
  const leaf = checkErrors ? info.leaf : info.opaque;
  copyWalk(cur, tree, (parent, step) => {
    const t = cur.typeId();
    // Type ids past the table (65535) are ERROR nodes.
    const named = isNamed[t] ?? true;
    let node: number;
    if (named) {
      // (tree.tid is re-read: the arrays are replaced when they grow)
      node = tree.add(t, hasFields[tree.tid[parent]] ? cur.fieldId() : 0, cur.start(), cur.end());
    } else if (types[t] === '=>' || types[t] === 'function') {
      const s = cur.start();
      node = tree.add(t, 0, s, s + types[t].length);
    } else {
      node = tree.add(t, 0, -1, -1);
    }
    if (checkErrors && (t >= types.length || cur.missing())) out.errors.push(tree.s[node] >= 0 ? tree.s[node] : cur.start());
    const type = types[t];
    step.node = node;
    step.link = type !== 'comment' && type !== 'html_comment';
    step.descend = !leaf[t];
  });
}

// ---------------------------------------------------------------- node classes

const STATEMENTS = new Set([
  'expression_statement',
  'lexical_declaration',
  'variable_declaration',
  'if_statement',
  'for_statement',
  'for_in_statement',
  'while_statement',
  'do_statement',
  'try_statement',
  'switch_statement',
  'return_statement',
  'throw_statement',
  'break_statement',
  'continue_statement',
  'labeled_statement',
  'export_statement',
  'import_statement',
  'function_declaration',
  'generator_function_declaration',
  'class_declaration',
  'abstract_class_declaration',
  'statement_block',
  'empty_statement',
  'debugger_statement',
  'with_statement',
  'type_alias_declaration',
  'interface_declaration',
  'enum_declaration',
  'ambient_declaration',
  'function_signature',
  'module',
  'import_alias',
  'hash_bang_line',
]);

const EXPRESSIONS = new Set([
  'identifier',
  'this',
  'super',
  'import',
  'shorthand_property_identifier',
  'private_property_identifier',
  'number',
  'string',
  'template_string',
  'regex',
  'true',
  'false',
  'null',
  'undefined',
  'member_expression',
  'subscript_expression',
  'call_expression',
  'new_expression',
  'await_expression',
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
  'instantiation_expression',
  'binary_expression',
  'unary_expression',
  'update_expression',
  'ternary_expression',
  'array',
  'object',
  'arrow_function',
  'function_expression',
  'function',
  'generator_function',
  'class',
  'assignment_expression',
  'augmented_assignment_expression',
  'sequence_expression',
  'spread_element',
  'yield_expression',
  'meta_property',
  'internal_module',
  'jsx_element',
  'jsx_self_closing_element',
  'jsx_expression',
]);

/** Type-level syntax: no runtime values, never lowered. */
function isTypeNode(type: string): boolean {
  return (
    type === 'type_annotation' ||
    type === 'type_arguments' ||
    type === 'type_parameters' ||
    type === 'type_identifier' ||
    type === 'predefined_type' ||
    type === 'implements_clause' ||
    type === 'asserts_annotation' ||
    type === 'type_predicate_annotation' ||
    type === 'omitting_type_annotation' ||
    type === 'opting_type_annotation' ||
    type === 'adding_type_annotation' ||
    type.endsWith('_type')
  );
}

const COMPARE_OPS = new Set(['==', '===', '!=', '!==', '<', '>', '<=', '>=', 'in', 'instanceof']);

// ---------------------------------------------------------------- string helpers

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The value of one escape sequence as written (`\n`, `\x41`, `\u{1F600}`, `\<newline>`). */
function unescapeOne(esc: string): string {
  const c = esc[1];
  if (c === undefined) return '';
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return '';
  if (c in SIMPLE_ESCAPES && !(c === '0' && esc.length > 2)) return SIMPLE_ESCAPES[c];
  if (c === 'x' || c === 'u') {
    const hex = esc[2] === '{' ? esc.slice(3, -1) : esc.slice(2);
    const code = parseInt(hex, 16);
    if (Number.isFinite(code) && code <= 0x10ffff) return String.fromCodePoint(code);
    return esc;
  }
  return esc.slice(1);
}

/** One escape sequence in a string literal's source. */
const ESCAPE = /\\(?:u\{[0-9a-fA-F]*\}?|u[0-9a-fA-F]{0,4}|x[0-9a-fA-F]{0,2}|\r\n|[\s\S])/g;

function parseNumber(text: string): number {
  let t = text.replace(/_/g, '');
  if (t.endsWith('n')) t = t.slice(0, -1);
  if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
  return Number(t);
}

// ---------------------------------------------------------------- lowering

interface NameHint {
  name: string;
  span?: Span;
}

type Field = { name: string; value?: Expr; span: Span };

class TsLowerer {
  readonly functions = new Map<string, FunctionDef>();
  readonly classes: ClassDef[] = [];
  readonly imports: ImportBinding[] = [];
  readonly declaredTypes = new Map<string, Map<string, string>>();
  /** Statements an expression produced (nested assignments, class expressions, sequence heads):
   * they are emitted before the statement being lowered. */
  private pre: Stmt[] = [];
  private fnStack: string[] = [];
  private depth = 0;
  private unit?: string;
  private readonly lineStarts: number[];
  // The tree copy's columns (see TreeCopy) and the grammar's type table.
  private readonly tid: Int32Array;
  private readonly fieldOf: Int32Array;
  private readonly S: Int32Array;
  private readonly E: Int32Array;
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  private readonly types: string[];
  private readonly namedType: boolean[];
  private readonly F: Fields;

  constructor(
    private readonly src: string,
    /** Offset of src[0] in the document: the program node starts at its first token. */
    private readonly base: number,
    private readonly firstRow: number,
    firstCol: number,
    tree: TreeCopy,
    info: LangInfo,
  ) {
    this.tid = tree.tid;
    this.fieldOf = tree.field;
    this.S = tree.s;
    this.E = tree.e;
    this.first = tree.first;
    this.next = tree.next;
    this.types = info.types;
    this.namedType = info.named;
    this.F = info.fields;
    const starts = [base - firstCol];
    // LSP line breaks: \n, \r\n and a lone \r.
    for (let i = 0; i < src.length; i++) {
      const ch = src.charCodeAt(i);
      if (ch === 10) starts.push(base + i + 1);
      else if (ch === 13) {
        if (src.charCodeAt(i + 1) === 10) i++;
        starts.push(base + i + 1);
      }
    }
    this.lineStarts = starts;
  }

  // ------------------------------------------------------------ positions and text

  private lineIndex(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  pos(offset: number): Pos {
    const k = this.lineIndex(offset);
    return { line: this.firstRow + k, col: offset - this.lineStarts[k] };
  }

  span(n: number): Span {
    return { start: this.pos(this.S[n]), end: this.pos(this.E[n]) };
  }

  private spanOf(s: number, e: number): Span {
    return { start: this.pos(s), end: this.pos(e) };
  }

  text(n: number): string {
    return this.src.slice(this.S[n] - this.base, this.E[n] - this.base);
  }

  private charAt(offset: number): number {
    return offset >= this.base ? this.src.charCodeAt(offset - this.base) : 32;
  }

  /** Leading whitespace of the line holding `offset`. */
  private indentAt(offset: number): string {
    const k = this.lineIndex(offset);
    const start = this.lineStarts[k];
    if (start < this.base) return ' '.repeat(this.base - start); // whitespace before the first token
    let i = start;
    const end = this.base + this.src.length;
    while (i < end) {
      const ch = this.src.charCodeAt(i - this.base);
      if (ch !== 32 && ch !== 9) break;
      i++;
    }
    return this.src.slice(start - this.base, i - this.base);
  }

  /** Nothing but spaces and tabs before `offset` on its line (scans backwards: minified lines are long). */
  private firstOnLine(offset: number): boolean {
    const start = this.lineStarts[this.lineIndex(offset)];
    for (let i = offset - 1; i >= start; i--) {
      const ch = this.charAt(i);
      if (ch !== 32 && ch !== 9) return false;
    }
    return true;
  }

  /** The file's indent unit: a tab, or the smallest space indentation seen; two spaces by default. */
  private indentUnit(): string {
    if (this.unit !== undefined) return this.unit;
    let min = 0;
    const lines = Math.min(this.lineStarts.length, 5000);
    for (let k = 1; k < lines; k++) {
      const at = this.lineStarts[k] - this.base;
      const ch = this.src.charCodeAt(at);
      if (ch === 9) return (this.unit = '\t');
      if (ch !== 32) continue;
      let n = 0;
      while (this.src.charCodeAt(at + n) === 32) n++;
      const next = this.src.charCodeAt(at + n);
      if (Number.isNaN(next) || next === 10 || next === 13 || next === 42 /* ' * ' in block comments */) continue;
      if (n >= 2 && (min === 0 || n < min)) min = n;
    }
    return (this.unit = min ? ' '.repeat(min) : '  ');
  }

  // ------------------------------------------------------------ tree helpers

  /** The node's type name; '' for no node. Type ids past the table (65535) are ERROR nodes. */
  ty(n: number | undefined): string {
    return n === undefined ? '' : this.types[this.tid[n]] ?? 'ERROR';
  }

  private nm(n: number): boolean {
    return this.namedType[this.tid[n]] ?? true;
  }

  /** The children in order (comments left out). */
  kids(n: number): number[] {
    const out: number[] = [];
    for (let c = this.first[n]; c >= 0; c = this.next[c]) out.push(c);
    return out;
  }

  private hasKids(n: number): boolean {
    return this.first[n] >= 0;
  }

  private field(n: number, id: number): number | undefined {
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (this.fieldOf[c] === id && this.nm(c)) return c;
    return undefined;
  }

  private firstNamed(n: number): number | undefined {
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (this.nm(c)) return c;
    return undefined;
  }

  private lastNamed(n: number): number | undefined {
    let last: number | undefined;
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (this.nm(c)) last = c;
    return last;
  }

  private hasToken(n: number, token: string): boolean {
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (!this.nm(c) && this.ty(c) === token) return true;
    return false;
  }

  /** The value of a string literal node, escapes decoded. */
  private strValue(n: number): string {
    const text = this.text(n);
    const q = text[0];
    const body = text.length >= 2 && (q === "'" || q === '"') && text[text.length - 1] === q ? text.slice(1, -1) : text.slice(1);
    return body.includes('\\') ? body.replace(ESCAPE, unescapeOne) : body;
  }

  /** A property name as written: `a`, `'a'`, `1`, `#a`; undefined for computed keys. */
  private keyText(n: number): string | undefined {
    switch (this.ty(n)) {
      case 'property_identifier':
      case 'identifier':
      case 'private_property_identifier':
      case 'shorthand_property_identifier':
      case 'shorthand_property_identifier_pattern':
      case 'type_identifier':
        return this.text(n);
      case 'string':
        return this.strValue(n);
      case 'number':
        return String(parseNumber(this.text(n)));
      default:
        return undefined;
    }
  }

  // ------------------------------------------------------------ statements

  /** Lowers statements into `out`, each preceded by what its expressions hoisted. */
  stmts(nodes: number[], out: Stmt[]): void {
    for (const n of nodes) if (this.nm(n)) this.stmtIn(n, out);
  }

  private stmtIn(n: number, out: Stmt[], outer?: number, decorators?: Decorator[]): void {
    const saved = this.pre;
    this.pre = [];
    try {
      this.stmt(n, out, outer ?? n, decorators);
      if (this.pre.length) out.push(...this.pre);
    } catch {
      // A bug in one statement must not lose the module: keep what we have.
      testHooks.internalErrors++;
    } finally {
      this.pre = saved;
    }
  }

  /** Pushes a statement after whatever its expressions hoisted. */
  private emit(out: Stmt[], s: Stmt): void {
    if (this.pre.length) {
      for (const p of this.pre) out.push(p);
      this.pre = [];
    }
    out.push(s);
  }

  /** A statement or block as a statement list. */
  private block(n: number | undefined): Stmt[] {
    const out: Stmt[] = [];
    if (!n) return out;
    if (this.ty(n) === 'statement_block') this.stmts(this.kids(n), out);
    else if (this.nm(n)) this.stmtIn(n, out);
    return out;
  }

  private stmt(n: number, out: Stmt[], outer: number, decorators?: Decorator[]): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.emit(out, { kind: 'expr', span: this.span(n), expr: this.flatten(n) });
      return;
    }
    try {
      this.stmtInner(n, out, outer, decorators);
    } finally {
      this.depth--;
    }
  }

  private stmtInner(n: number, out: Stmt[], outer: number, decorators?: Decorator[]): void {
    const F = this.F;
    switch (this.ty(n)) {
      case 'expression_statement': {
        const inner = this.firstNamed(n);
        if (inner) this.exprStmt(inner, out, this.span(outer));
        return;
      }
      case 'lexical_declaration':
      case 'variable_declaration': {
        const decls = this.kids(n).filter((c) => this.ty(c) === 'variable_declarator');
        for (const d of decls) this.declarator(d, out, decls.length === 1 ? outer : d);
        return;
      }
      case 'statement_block':
        this.stmts(this.kids(n), out);
        return;
      case 'if_statement': {
        const test = this.expr(this.field(n, F.condition) ?? n);
        const then = this.block(this.field(n, F.consequence));
        const alt = this.field(n, F.alternative);
        const els = alt ? this.block(this.firstNamed(alt)) : [];
        this.emit(out, { kind: 'if', span: this.span(outer), test, then, else: els });
        return;
      }
      case 'for_statement': {
        const init = this.field(n, F.initializer);
        if (init && this.ty(init) !== 'empty_statement') {
          if (STATEMENTS.has(this.ty(init))) this.stmt(init, out, init);
          else this.exprStmt(init, out, this.span(init));
        }
        let cond = this.field(n, F.condition);
        if (cond !== undefined && this.ty(cond) === 'expression_statement') cond = this.firstNamed(cond);
        const test = cond && this.ty(cond) !== 'empty_statement' ? this.expr(cond) : undefined;
        const body = this.block(this.field(n, F.body));
        const inc = this.field(n, F.increment);
        if (inc) {
          const saved = this.pre;
          this.pre = [];
          this.exprStmt(inc, body, this.span(inc));
          if (this.pre.length) body.push(...this.pre);
          this.pre = saved;
        }
        this.emit(out, { kind: 'loop', span: this.span(outer), test, body, else: [] });
        return;
      }
      case 'for_in_statement': {
        const left = this.field(n, F.left);
        const right = this.field(n, F.right);
        const iter = right ? this.expr(right) : undefined;
        const target = left ? this.target(left) : undefined;
        const body = this.block(this.field(n, F.body));
        this.emit(out, { kind: 'loop', span: this.span(outer), target, iter, body, else: [] });
        return;
      }
      case 'while_statement':
      case 'do_statement': {
        const c = this.field(n, F.condition);
        const test = c ? this.expr(c) : undefined;
        const body = this.block(this.field(n, F.body));
        this.emit(out, { kind: 'loop', span: this.span(outer), test, body, else: [] });
        return;
      }
      case 'try_statement': {
        const body = this.block(this.field(n, F.body));
        const handlers: { name?: string; body: Stmt[]; span: Span }[] = [];
        const h = this.field(n, F.handler);
        if (h) {
          const p = this.field(h, F.parameter);
          handlers.push({ name: p !== undefined && this.ty(p) === 'identifier' ? this.text(p) : undefined, body: this.block(this.field(h, F.body)), span: this.span(h) });
        }
        const fin = this.field(n, F.finalizer);
        const fbody = fin ? this.block(this.field(fin, F.body)) : [];
        this.emit(out, { kind: 'try', span: this.span(outer), body, handlers, else: [], finally: fbody });
        return;
      }
      case 'switch_statement':
        this.switchStmt(n, out, outer);
        return;
      case 'return_statement': {
        const v = this.firstNamed(n);
        const value = v ? this.expr(v) : undefined;
        this.emit(out, { kind: 'return', span: this.span(outer), value });
        return;
      }
      case 'throw_statement': {
        const v = this.firstNamed(n);
        const value = v ? this.expr(v) : undefined;
        this.emit(out, { kind: 'raise', span: this.span(outer), value });
        return;
      }
      case 'break_statement':
      case 'continue_statement':
        this.emit(out, { kind: 'break', span: this.span(outer) });
        return;
      case 'labeled_statement': {
        const body = this.field(n, F.body);
        if (body) this.stmt(body, out, body);
        return;
      }
      case 'export_statement':
        this.exportStmt(n, out);
        return;
      case 'import_statement':
        this.importStmt(n, out);
        return;
      case 'function_declaration':
      case 'generator_function_declaration': {
        const fn = this.func(n, undefined, undefined, decorators ?? []);
        this.emit(out, { kind: 'funcdecl', span: this.span(outer), fn });
        return;
      }
      case 'class_declaration':
      case 'abstract_class_declaration': {
        const cls = this.cls(n, undefined, decorators ?? []);
        this.emit(out, { kind: 'classdecl', span: this.span(outer), cls });
        return;
      }
      case 'with_statement': {
        const o = this.field(n, F.object);
        const value = o ? this.expr(o) : this.unknown(n, []);
        const body = this.block(this.field(n, F.body));
        this.emit(out, { kind: 'with', span: this.span(outer), items: [{ value }], body });
        return;
      }
      case 'module': {
        // `module Foo { ... }` (old-style namespace): its statements run.
        const body = this.field(n, F.body);
        if (body) this.stmts(this.kids(body), out);
        return;
      }
      case 'ERROR':
        this.errorStmts(n, out);
        return;
      case 'type_alias_declaration':
      case 'interface_declaration':
        objectType(this.text(n), this.declaredTypes);
        return;
      case 'empty_statement':
      case 'debugger_statement':
      case 'enum_declaration':
      case 'ambient_declaration':
      case 'function_signature':
      case 'import_alias':
      case 'hash_bang_line':
        return;
      default:
        if (EXPRESSIONS.has(this.ty(n))) this.exprStmt(n, out, this.span(outer));
        else this.emit(out, { kind: 'expr', span: this.span(outer), expr: this.unknown(n, this.collect(n, [])) });
    }
  }

  /** What a broken region still holds: whole statements, else expressions as expression statements. */
  private errorStmts(n: number, out: Stmt[]): void {
    for (const c of this.kids(n)) {
      if (!this.nm(c)) continue;
      if (STATEMENTS.has(this.ty(c))) this.stmtIn(c, out);
      else if (EXPRESSIONS.has(this.ty(c))) this.stmtIn(c, out);
      else if (this.hasKids(c) && !isTypeNode(this.ty(c))) this.errorStmts(c, out);
    }
  }

  private exprStmt(n: number, out: Stmt[], span: Span): void {
    switch (this.ty(n)) {
      case 'assignment_expression': {
        const targets: Target[] = [];
        let cur: number | undefined = n;
        // `a = b = c` is one statement with two targets.
        while (cur !== undefined && this.ty(cur) === 'assignment_expression') {
          const l = this.field(cur, this.F.left);
          if (l) targets.push(this.target(l));
          cur = this.field(cur, this.F.right);
        }
        const left = this.field(n, this.F.left);
        const value = cur ? this.expr(cur, left ? this.hintFor(left) : undefined) : this.unknown(n, []);
        if (cur) this.requireImports(targets[targets.length - 1], cur);
        this.emit(out, { kind: 'assign', span, targets, value });
        return;
      }
      case 'augmented_assignment_expression': {
        const l = this.field(n, this.F.left);
        const r = this.field(n, this.F.right);
        const target = l ? this.target(l) : { kind: 'name' as const, id: '', span };
        const value = r ? this.expr(r) : this.unknown(n, []);
        this.emit(out, { kind: 'assign', span, targets: [target], value, augmented: true });
        return;
      }
      case 'sequence_expression':
        for (const c of this.kids(n)) if (this.nm(c)) this.exprStmt(c, out, span);
        return;
      case 'parenthesized_expression': {
        const inner = this.firstNamed(n);
        if (inner && (this.ty(inner) === 'assignment_expression' || this.ty(inner) === 'sequence_expression')) this.exprStmt(inner, out, span);
        else this.emit(out, { kind: 'expr', span, expr: this.expr(n) });
        return;
      }
      case 'internal_module': {
        // `namespace N { ... }`: its statements run.
        const body = this.field(n, this.F.body);
        if (body) this.stmts(this.kids(body), out);
        return;
      }
      case 'call_expression': {
        const e = this.expr(n);
        if (e.kind === 'call' && this.isProcessExit(n)) this.emit(out, { kind: 'raise', span, value: e });
        else this.emit(out, { kind: 'expr', span, expr: e });
        return;
      }
      default:
        this.emit(out, { kind: 'expr', span, expr: this.expr(n) });
    }
  }

  private isProcessExit(call: number): boolean {
    const f = this.field(call, this.F.function);
    if (f === undefined || this.ty(f) !== 'member_expression') return false;
    const o = this.field(f, this.F.object);
    const p = this.field(f, this.F.property);
    return o !== undefined && this.ty(o) === 'identifier' && p !== undefined && this.text(o) === 'process' && this.text(p) === 'exit';
  }

  private declarator(d: number, out: Stmt[], outer: number): void {
    const nameNode = this.field(d, this.F.name);
    const valueNode = this.field(d, this.F.value);
    const target: Target = nameNode ? this.target(nameNode) : { kind: 'name', id: '', span: this.span(d) };
    let value: Expr;
    if (valueNode) {
      value = this.expr(valueNode, nameNode !== undefined && this.ty(nameNode) === 'identifier' ? { name: this.text(nameNode), span: this.span(nameNode) } : undefined);
      this.requireImports(target, valueNode);
    } else {
      value = { kind: 'unknown', span: this.span(d), children: [] };
    }
    this.emit(out, { kind: 'assign', span: this.span(outer), targets: [target], value, declaration: true });
  }

  /** Name a function or class takes from what it is assigned to (`x = …`, `a.x = …`, `a['x'] = …`). */
  private hintFor(left: number): NameHint | undefined {
    if (this.ty(left) === 'identifier') return { name: this.text(left), span: this.span(left) };
    if (this.ty(left) === 'member_expression') {
      const p = this.field(left, this.F.property);
      if (p) return { name: this.text(p), span: this.span(p) };
    }
    if (this.ty(left) === 'subscript_expression') {
      const i = this.field(left, this.F.index);
      if (i !== undefined && this.ty(i) === 'string') return { name: this.strValue(i), span: this.span(i) };
    }
    return undefined;
  }

  /** `x = require('m')`, `{a, b: c} = require('m')`, `x = require('m').y`, `x = await import('m')`. */
  private requireImports(target: Target | undefined, value: number): void {
    if (!target) return;
    let v: number | undefined = value;
    while (v && (this.ty(v) === 'await_expression' || this.ty(v) === 'parenthesized_expression' || this.ty(v) === 'as_expression' || this.ty(v) === 'non_null_expression')) v = this.firstNamed(v);
    if (!v) return;
    let member: string | undefined;
    if (this.ty(v) === 'member_expression') {
      const p = this.field(v, this.F.property);
      const o = this.field(v, this.F.object);
      if (!p || !o) return;
      member = this.text(p);
      v = o;
    }
    if (this.ty(v) !== 'call_expression') return;
    const f = this.field(v, this.F.function);
    if (!f || !((this.ty(f) === 'identifier' && this.text(f) === 'require') || this.ty(f) === 'import')) return;
    const args = this.field(v, this.F.arguments);
    const first = args ? this.firstNamed(args) : undefined;
    if (first === undefined || this.ty(first) !== 'string') return;
    const module = this.strValue(first);
    if (target.kind === 'name') {
      if (target.id) this.imports.push({ local: target.id, module, name: member ?? '*', span: target.span });
    } else if (target.kind === 'object' && member === undefined) {
      for (const p of target.props) {
        if (p.rest || p.key === undefined || p.target.kind !== 'name') continue;
        this.imports.push({ local: p.target.id, module, name: p.key, span: p.target.span });
      }
    }
  }

  private switchStmt(n: number, out: Stmt[], outer: number): void {
    const valueNode = this.field(n, this.F.value);
    const disc = valueNode ? this.expr(valueNode) : this.unknown(n, []);
    const body = this.field(n, this.F.body);
    interface Group {
      tests: Expr[];
      stmts: Stmt[];
      isDefault: boolean;
      s: number;
      e: number;
    }
    const groups: Group[] = [];
    let g: Group | undefined;
    for (const c of body ? this.kids(body) : []) {
      if (this.ty(c) !== 'switch_case' && this.ty(c) !== 'switch_default') continue;
      g ??= { tests: [], stmts: [], isDefault: false, s: this.S[c], e: this.E[c] };
      g.e = this.E[c];
      const v = this.ty(c) === 'switch_case' ? this.field(c, this.F.value) : undefined;
      if (this.ty(c) === 'switch_default') g.isDefault = true;
      else if (v) g.tests.push({ kind: 'compare', op: '===', left: disc, right: this.expr(v), span: this.span(v) });
      const bodyNodes: number[] = [];
      for (const k of this.kids(c)) if (this.nm(k) && k !== v) this.caseBody(k, bodyNodes);
      if (bodyNodes.length) {
        // Falling through a non-empty case is approximated: each group has its own body.
        this.stmts(bodyNodes, g.stmts);
        groups.push(g);
        g = undefined;
      }
    }
    if (g) groups.push(g);
    let els: Stmt[] = [];
    for (const x of groups) if (x.isDefault) els = x.stmts;
    const conds = groups.filter((x) => !x.isDefault && x.tests.length);
    for (let i = conds.length - 1; i >= 0; i--) {
      const x = conds[i];
      let test = x.tests[0];
      for (let k = 1; k < x.tests.length; k++) test = { kind: 'bool', op: 'or', left: test, right: x.tests[k], span: this.spanOf(x.s, x.e) };
      const span = i === 0 ? this.span(outer) : this.spanOf(x.s, x.e);
      els = [{ kind: 'if', span, test, then: x.stmts, else: els }];
    }
    for (const s of els) this.emit(out, s);
  }

  /** A case's statements with blocks opened and the `break`s that only leave the switch dropped. */
  private caseBody(k: number, into: number[]): void {
    if (this.ty(k) === 'statement_block') {
      for (const c of this.kids(k)) if (this.nm(c)) this.caseBody(c, into);
    } else if (this.ty(k) === 'break_statement') {
      if (this.field(k, this.F.label)) into.push(k);
    } else {
      into.push(k);
    }
  }

  private exportStmt(n: number, out: Stmt[]): void {
    const decorators: Decorator[] = [];
    let isDefault = false;
    let clause: number | undefined;
    let source: number | undefined;
    let equals = false;
    let star = false;
    let namespace: number | undefined;
    for (const c of this.kids(n)) {
      if (this.ty(c) === 'decorator') decorators.push(this.decorator(c));
      else if (!this.nm(c) && this.ty(c) === 'default') isDefault = true;
      else if (!this.nm(c) && this.ty(c) === '=') equals = true;
      else if (!this.nm(c) && this.ty(c) === '*') star = true;
      else if (this.ty(c) === 'namespace_export') namespace = c;
      else if (this.ty(c) === 'export_clause') clause = c;
      else if (this.fieldOf[c] === this.F.source) source = c;
    }
    if (source && !clause && (star || namespace !== undefined)) {
      // `export * from './fetch'` (a barrel: local '' marks it) and `export * as net from './net'`
      const id = namespace !== undefined ? this.firstNamed(namespace) : undefined;
      const b: ImportBinding = { local: id !== undefined ? this.text(id) : '', module: this.strValue(source), name: '*', span: this.span(n) };
      this.imports.push(b);
      this.emit(out, { kind: 'import', span: this.span(n), imports: [b] });
      return;
    }
    const decl = this.field(n, this.F.declaration);
    if (decl) {
      this.stmt(decl, out, n, decorators);
      if (isDefault) {
        const name = this.field(decl, this.F.name);
        if (name) this.emit(out, this.defaultAssign(n, { kind: 'name', id: this.text(name), span: this.span(name) }));
      }
      return;
    }
    const value = this.field(n, this.F.value) ?? (equals ? this.lastNamed(n) : undefined);
    if (value && (isDefault || equals)) {
      const v = this.expr(value, { name: 'default' });
      this.emit(out, this.defaultAssign(n, v));
      return;
    }
    if (clause && source) {
      // `export { tool as defineTool } from 'ai'`: the name is bound here as if imported
      const bindings = this.specifierBindings(clause, 'export_specifier', this.strValue(source));
      if (!bindings.length) return;
      for (const b of bindings) this.imports.push(b);
      this.emit(out, { kind: 'import', span: this.span(n), imports: bindings });
      return;
    }
    if (clause && !source) {
      // `export { run as default }`, `export { run as runTool }`
      for (const sp of this.kids(clause)) {
        if (this.ty(sp) !== 'export_specifier') continue;
        const name = this.field(sp, this.F.name);
        const alias = this.field(sp, this.F.alias);
        if (!name || !alias) continue;
        const value: Expr = { kind: 'name', id: this.text(name), span: this.span(name) };
        const exported = this.keyText(alias) ?? this.text(alias);
        if (exported === 'default') this.emit(out, this.defaultAssign(sp, value));
        // `export { run as runTool }`: importers look the module up by the exported name
        else if (exported !== value.id) this.emit(out, { kind: 'assign', span: this.span(sp), targets: [{ kind: 'name', id: exported, span: this.span(alias) }], value });
      }
    }
  }

  /**
   * `{ a, b as c }` of an import, or of an `export … from`: each name bound locally. Type-only imports are
   * kept: an annotation names a class or interface through them.
   */
  private specifierBindings(list: number, type: 'import_specifier' | 'export_specifier', module: string): ImportBinding[] {
    const out: ImportBinding[] = [];
    for (const sp of this.kids(list)) {
      if (this.ty(sp) !== type || (type === 'export_specifier' && this.hasToken(sp, 'type'))) continue;
      const name = this.field(sp, this.F.name);
      const alias = this.field(sp, this.F.alias);
      if (!name) continue;
      const imported = this.keyText(name) ?? this.text(name);
      out.push({ local: alias ? (this.keyText(alias) ?? this.text(alias)) : imported, module, name: imported, span: this.span(sp) });
    }
    return out;
  }

  private defaultAssign(n: number, value: Expr): Stmt {
    const span = this.span(n);
    return { kind: 'assign', span, targets: [{ kind: 'name', id: 'default', span }], value };
  }

  private importStmt(n: number, out: Stmt[]): void {
    const bindings: ImportBinding[] = [];
    let clause: number | undefined;
    let source: number | undefined;
    for (const c of this.kids(n)) {
      if (this.ty(c) === 'import_clause' || this.ty(c) === 'import_require_clause') clause = c;
      else if (this.fieldOf[c] === this.F.source) source = c;
    }
    // `import type { Deps } from './deps'` is kept: annotations name classes and interfaces through it
    if (!clause) return;
    if (this.ty(clause) === 'import_require_clause') source = this.field(clause, this.F.source);
    if (!source) return;
    const module = this.strValue(source);
    for (const c of this.kids(clause)) {
      if (this.ty(c) === 'identifier') {
        bindings.push({ local: this.text(c), module, name: this.ty(clause) === 'import_require_clause' ? '*' : 'default', span: this.span(c) });
      } else if (this.ty(c) === 'namespace_import') {
        const id = this.firstNamed(c);
        if (id) bindings.push({ local: this.text(id), module, name: '*', span: this.span(c) });
      } else if (this.ty(c) === 'named_imports') {
        bindings.push(...this.specifierBindings(c, 'import_specifier', module));
      }
    }
    if (!bindings.length) return;
    for (const b of bindings) this.imports.push(b);
    this.emit(out, { kind: 'import', span: this.span(n), imports: bindings });
  }

  // ------------------------------------------------------------ targets

  target(n: number): Target {
    const span = this.span(n);
    switch (this.ty(n)) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
      case 'this':
        return { kind: 'name', id: this.text(n), span };
      case 'member_expression': {
        const o = this.field(n, this.F.object);
        const p = this.field(n, this.F.property);
        return { kind: 'attr', obj: o ? this.expr(o) : this.unknown(n, []), name: p ? this.text(p) : '', span };
      }
      case 'subscript_expression': {
        const o = this.field(n, this.F.object);
        const i = this.field(n, this.F.index);
        return { kind: 'index', obj: o ? this.expr(o) : this.unknown(n, []), index: i ? this.expr(i) : this.unknown(n, []), span };
      }
      case 'array_pattern':
      case 'array': {
        const items: Target[] = [];
        let expectItem = true;
        for (const c of this.kids(n)) {
          if (this.nm(c)) {
            items.push(this.target(c));
            expectItem = false;
          } else if (this.ty(c) === ',') {
            // A hole keeps the positions of the items after it.
            if (expectItem) items.push({ kind: 'name', id: '', span });
            expectItem = true;
          }
        }
        return { kind: 'tuple', items, span };
      }
      case 'object_pattern':
      case 'object':
        return { kind: 'object', props: this.objectPatternProps(n), span };
      case 'assignment_pattern': {
        const l = this.field(n, this.F.left);
        return l ? this.target(l) : { kind: 'name', id: '', span };
      }
      case 'rest_pattern':
      case 'spread_element':
      case 'parenthesized_expression':
      case 'non_null_expression':
      case 'as_expression':
      case 'satisfies_expression': {
        const inner = this.firstNamed(n);
        return inner ? this.target(inner) : { kind: 'name', id: '', span };
      }
      default:
        return { kind: 'name', id: this.ty(n) === 'ERROR' ? '' : this.text(n), span };
    }
  }

  private objectPatternProps(n: number): { key?: string; target: Target; rest?: boolean; default?: Expr }[] {
    const props: { key?: string; target: Target; rest?: boolean; default?: Expr }[] = [];
    for (const c of this.kids(n)) {
      if (!this.nm(c)) continue;
      switch (this.ty(c)) {
        case 'shorthand_property_identifier_pattern':
        case 'shorthand_property_identifier': {
          const id = this.text(c);
          props.push({ key: id, target: { kind: 'name', id, span: this.span(c) } });
          break;
        }
        case 'pair_pattern':
        case 'pair': {
          const k = this.field(c, this.F.key);
          let v = this.field(c, this.F.value);
          let dflt: Expr | undefined;
          if (v !== undefined && (this.ty(v) === 'assignment_pattern' || this.ty(v) === 'assignment_expression')) {
            const r = this.field(v, this.F.right);
            dflt = r ? this.expr(r) : undefined;
            v = this.field(v, this.F.left);
          }
          const key = k ? this.keyText(k) : undefined;
          props.push({ key, target: v ? this.target(v) : { kind: 'name', id: '', span: this.span(c) }, default: dflt });
          break;
        }
        case 'object_assignment_pattern': {
          const l = this.field(c, this.F.left);
          const r = this.field(c, this.F.right);
          const target = l ? this.target(l) : { kind: 'name' as const, id: '', span: this.span(c) };
          props.push({ key: target.kind === 'name' ? target.id : undefined, target, default: r ? this.expr(r) : undefined });
          break;
        }
        case 'rest_pattern':
        case 'spread_element':
          props.push({ target: this.target(c), rest: true });
          break;
        default:
          break;
      }
    }
    return props;
  }

  // ------------------------------------------------------------ functions and classes

  private newId(base: string, at: number): string {
    if (!this.functions.has(base)) return base;
    const p = this.pos(at);
    let id = `${base}@${p.line + 1}:${p.col + 1}`;
    for (let k = 2; this.functions.has(id); k++) id = `${base}@${p.line + 1}:${p.col + 1}#${k}`;
    return id;
  }

  private anonymousId(at: number): string {
    const p = this.pos(at);
    return this.newId(`<anonymous>@${p.line + 1}:${p.col + 1}`, at);
  }

  /** Span of the `function` keyword or of an arrow's parameters and `=>`. */
  private headSpan(n: number): Span {
    for (const c of this.kids(n)) {
      if (this.nm(c) || this.S[c] < 0) continue;
      if (this.ty(c) === '=>') return this.spanOf(this.S[n], this.E[c]);
      if (this.ty(c) === 'function') return this.spanOf(this.S[n], this.E[c]);
    }
    const name = this.field(n, this.F.name);
    return name ? this.span(name) : this.spanOf(this.S[n], this.S[n]);
  }

  func(n: number, hint: NameHint | undefined, cls: { name: string } | undefined, decorators: Decorator[], ctorFields?: Field[]): FunctionDef {
    const nameNode = this.field(n, this.F.name);
    let name = hint?.name ?? '';
    let nameSpan = hint?.span;
    if (nameNode) {
      name = this.keyText(nameNode) ?? this.text(nameNode);
      nameSpan = this.span(nameNode);
    }
    const id = cls ? this.newId(`${cls.name || '<anonymous>'}.${name}`, this.S[n]) : name ? this.newId(name, this.S[n]) : this.anonymousId(this.S[n]);
    const fn: FunctionDef = {
      name,
      id,
      span: this.span(n),
      nameSpan: nameSpan ?? this.headSpan(n),
      params: [],
      body: [],
      decorators,
      isAsync: this.hasToken(n, 'async') || undefined,
      parent: this.fnStack.length ? this.fnStack[this.fnStack.length - 1] : undefined,
    };
    if (cls) fn.className = cls.name;
    this.functions.set(id, fn);

    const ps = this.field(n, this.F.parameters);
    const single = this.field(n, this.F.parameter);
    if (ps) fn.params = this.params(ps, ctorFields);
    else if (single) fn.params = [{ name: this.text(single), span: this.span(single), index: 0 }];

    const body = this.field(n, this.F.body);
    this.fnStack.push(id);
    const savedPre = this.pre;
    this.pre = [];
    try {
      if (body !== undefined && this.ty(body) === 'statement_block') {
        let first: number | undefined;
        for (const c of this.kids(body)) if (this.nm(c) && this.ty(c) !== 'empty_statement') (first ??= c);
        if (first) {
          fn.bodyStart = this.pos(this.S[first]);
          fn.bodyIndent = this.firstOnLine(this.S[first]) ? this.indentAt(this.S[first]) : this.indentAt(this.S[body]) + this.indentUnit();
        } else {
          fn.bodyStart = this.pos(this.S[body] + 1);
          fn.bodyIndent = this.indentAt(this.S[body]) + this.indentUnit();
        }
        this.stmts(this.kids(body), fn.body);
      } else if (body) {
        fn.exprBody = true;
        fn.bodyStart = this.pos(this.S[body]);
        fn.bodyIndent = this.firstOnLine(this.S[body]) ? this.indentAt(this.S[body]) : this.indentAt(this.S[body]) + this.indentUnit();
        const value = this.expr(body);
        this.emit(fn.body, { kind: 'return', span: this.span(body), value });
      }
    } finally {
      this.pre = savedPre;
      this.fnStack.pop();
    }
    return fn;
  }

  private params(n: number, ctorFields?: Field[]): Param[] {
    const out: Param[] = [];
    let index = 0;
    for (const c of this.kids(n)) {
      if (!this.nm(c)) continue;
      let pattern: number | undefined = c;
      let annotation: string | undefined;
      let dflt: number | undefined;
      let property = false;
      if (this.ty(c) === 'required_parameter' || this.ty(c) === 'optional_parameter') {
        pattern = this.field(c, this.F.pattern);
        const t = this.field(c, this.F.type);
        if (t) annotation = this.text(t).replace(/^:\s*/, '');
        dflt = this.field(c, this.F.value);
        for (const k of this.kids(c)) if (this.ty(k) === 'accessibility_modifier' || (!this.nm(k) && (this.ty(k) === 'readonly' || this.ty(k) === 'override'))) property = true;
      } else if (this.ty(c) === 'assignment_pattern') {
        pattern = this.field(c, this.F.left);
        dflt = this.field(c, this.F.right);
      } else if (this.ty(c) === 'decorator' || isTypeNode(this.ty(c))) {
        continue;
      }
      if (!pattern || this.ty(pattern) === 'this') continue;
      let rest = false;
      if (this.ty(pattern) === 'rest_pattern') {
        rest = true;
        pattern = this.firstNamed(pattern) ?? pattern;
      }
      const p: Param = { name: '', span: this.span(c), index };
      if (this.ty(pattern) === 'identifier') p.name = this.text(pattern);
      else {
        p.name = `$arg${index}`;
        p.pattern = this.target(pattern);
      }
      if (annotation !== undefined) p.annotation = annotation;
      if (dflt) p.defaultValue = this.expr(dflt);
      if (rest) p.rest = true;
      if (property && ctorFields && this.ty(pattern) === 'identifier') ctorFields.push({ name: p.name, span: this.span(c) });
      out.push(p);
      index++;
    }
    return out;
  }

  private decorator(d: number): Decorator {
    const inner = this.firstNamed(d);
    return { expr: inner ? this.expr(inner) : this.unknown(d, []), span: this.span(d) };
  }

  cls(n: number, hint: NameHint | undefined, extraDecorators: Decorator[]): ClassDef {
    const nameNode = this.field(n, this.F.name);
    const name = nameNode ? this.text(nameNode) : hint?.name ?? '';
    const decorators: Decorator[] = [...extraDecorators];
    const bases: Expr[] = [];
    let body: number | undefined;
    for (const c of this.kids(n)) {
      if (this.ty(c) === 'decorator') decorators.push(this.decorator(c));
      else if (this.ty(c) === 'class_heritage') {
        for (const h of this.kids(c)) {
          if (this.ty(h) === 'extends_clause') {
            for (const e of this.kids(h)) if (this.nm(e) && !isTypeNode(this.ty(e))) bases.push(this.expr(e));
          } else if (this.nm(h) && !isTypeNode(this.ty(h))) bases.push(this.expr(h));
        }
      } else if (this.ty(c) === 'class_body') body = c;
    }
    const cls: ClassDef = {
      name,
      span: this.span(n),
      nameSpan: nameNode ? this.span(nameNode) : hint?.span ?? this.spanOf(this.S[n], this.S[n] + 5),
      bases,
      decorators,
      methods: [],
      fields: [],
    };
    this.classes.push(cls);
    let pending: Decorator[] = [];
    for (const m of body ? this.kids(body) : []) {
      if (!this.nm(m)) continue;
      switch (this.ty(m)) {
        case 'decorator':
          pending.push(this.decorator(m));
          continue;
        case 'method_definition': {
          const ctor: Field[] = [];
          cls.methods.push(this.func(m, undefined, cls, pending, ctor).id);
          for (const f of ctor) cls.fields.push(f);
          break;
        }
        case 'public_field_definition':
        case 'field_definition': {
          for (const d of this.kids(m)) if (this.ty(d) === 'decorator') pending.push(this.decorator(d));
          const k = this.field(m, this.F.name) ?? this.field(m, this.F.property);
          const v = this.field(m, this.F.value);
          const fname = k ? this.keyText(k) ?? this.text(k) : '';
          let value: Expr | undefined;
          if (v && (this.ty(v) === 'arrow_function' || this.ty(v) === 'function_expression' || this.ty(v) === 'function')) {
            // A handler held in a field (`execute = async (input) => …`) is a method.
            const fn = this.func(v, { name: fname, span: k ? this.span(k) : undefined }, cls, pending);
            cls.methods.push(fn.id);
            value = { kind: 'func', span: this.span(v), fn };
          } else if (v) {
            value = this.expr(v, { name: fname });
          }
          cls.fields.push({ name: fname, value, span: this.span(m) });
          break;
        }
        case 'class_static_block': {
          this.func(m, { name: '<static>' }, cls, []);
          break;
        }
        default:
          break;
      }
      pending = [];
    }
    return cls;
  }

  // ------------------------------------------------------------ expressions

  expr(n: number, hint?: NameHint): Expr {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return this.flatten(n);
    }
    try {
      return this.exprInner(n, hint);
    } finally {
      this.depth--;
    }
  }

  private exprInner(n: number, hint: NameHint | undefined): Expr {
    const F = this.F;
    const span = this.span(n);
    switch (this.ty(n)) {
      case 'identifier':
      case 'this':
      case 'super':
      case 'import':
      case 'shorthand_property_identifier':
      case 'private_property_identifier':
      case 'property_identifier':
        return { kind: 'name', id: this.text(n), span };
      case 'number':
        return { kind: 'const', value: parseNumber(this.text(n)), span };
      case 'true':
        return { kind: 'const', value: true, span };
      case 'false':
        return { kind: 'const', value: false, span };
      case 'null':
      case 'undefined':
        return { kind: 'const', value: null, span };
      case 'string':
        return { kind: 'str', value: this.strValue(n), raw: this.text(n), span };
      case 'template_string':
        return this.template(n, false);
      case 'regex': {
        const raw = this.text(n);
        return { kind: 'str', value: raw.slice(1, Math.max(1, raw.lastIndexOf('/'))), raw, span };
      }
      case 'member_expression': {
        const o = this.field(n, F.object);
        const p = this.field(n, F.property);
        const e: Expr = { kind: 'attr', obj: o ? this.expr(o) : this.unknown(n, []), name: p ? this.text(p) : '', span };
        if (this.hasOptional(n)) e.optional = true;
        return e;
      }
      case 'subscript_expression': {
        const o = this.field(n, F.object);
        const i = this.field(n, F.index);
        return { kind: 'index', obj: o ? this.expr(o) : this.unknown(n, []), index: i ? this.expr(i) : this.unknown(n, []), span };
      }
      case 'call_expression':
        return this.call(n, false);
      case 'new_expression':
        return this.call(n, true);
      case 'await_expression':
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'instantiation_expression':
      case 'jsx_expression':
      case 'spread_element': {
        const inner = this.firstNamed(n);
        return inner && !isTypeNode(this.ty(inner)) ? this.expr(inner, hint) : this.unknown(n, []);
      }
      case 'type_assertion': {
        const inner = this.lastNamed(n);
        return inner && !isTypeNode(this.ty(inner)) ? this.expr(inner, hint) : this.unknown(n, []);
      }
      case 'binary_expression': {
        const l = this.field(n, F.left);
        const r = this.field(n, F.right);
        let op = '';
        for (const c of this.kids(n)) if (!this.nm(c)) op ||= this.ty(c);
        const left = l ? this.expr(l) : this.unknown(n, []);
        const right = r ? this.expr(r) : this.unknown(n, []);
        if (op === '&&') return { kind: 'bool', op: 'and', left, right, span };
        if (op === '||') return { kind: 'bool', op: 'or', left, right, span };
        if (COMPARE_OPS.has(op)) return { kind: 'compare', op, left, right, span };
        return { kind: 'bin', op, left, right, span };
      }
      case 'unary_expression': {
        const a = this.field(n, F.argument) ?? this.lastNamed(n);
        const operand = a ? this.expr(a) : this.unknown(n, []);
        let op = '';
        for (const c of this.kids(n)) if (!this.nm(c)) op ||= this.ty(c);
        if (op === '!') return { kind: 'not', operand, span };
        return { kind: 'unknown', children: [operand], text: op, span };
      }
      case 'ternary_expression': {
        const c = this.field(n, F.condition);
        const t = this.field(n, F.consequence);
        const e = this.field(n, F.alternative);
        return {
          kind: 'cond',
          test: c ? this.expr(c) : this.unknown(n, []),
          then: t ? this.expr(t) : this.unknown(n, []),
          else: e ? this.expr(e) : this.unknown(n, []),
          span,
        };
      }
      case 'array': {
        const items: Expr[] = [];
        for (const c of this.kids(n)) if (this.nm(c)) items.push(this.expr(c));
        return { kind: 'list', items, span };
      }
      case 'object':
        return this.object(n);
      case 'arrow_function':
      case 'function_expression':
      case 'function':
      case 'generator_function':
        return { kind: 'func', fn: this.func(n, hint, undefined, []), span };
      case 'class': {
        const cls = this.cls(n, hint, []);
        this.pre.push({ kind: 'classdecl', span, cls });
        return cls.name ? { kind: 'name', id: cls.name, span } : { kind: 'unknown', children: [], span };
      }
      case 'assignment_expression': {
        // A nested assignment (`while ((m = re.exec(s)))`, `f(x = y)`) runs before its statement.
        const l = this.field(n, F.left);
        const r = this.field(n, F.right);
        const value = r ? this.expr(r, l ? this.hintFor(l) : undefined) : this.unknown(n, []);
        if (l) this.pre.push({ kind: 'assign', span, targets: [this.target(l)], value });
        return value;
      }
      case 'augmented_assignment_expression': {
        const l = this.field(n, F.left);
        const r = this.field(n, F.right);
        const value = r ? this.expr(r) : this.unknown(n, []);
        if (!l) return value;
        this.pre.push({ kind: 'assign', span, targets: [this.target(l)], value, augmented: true });
        let op = '';
        for (const c of this.kids(n)) if (!this.nm(c)) op ||= this.ty(c);
        return { kind: 'bin', op: op.slice(0, -1), left: this.expr(l), right: value, span };
      }
      case 'sequence_expression': {
        // `(a(), b)`: the value is the last item; the others run first.
        let last: number | undefined;
        for (const c of this.kids(n)) {
          if (!this.nm(c)) continue;
          if (last) this.pre.push({ kind: 'expr', span: this.span(last), expr: this.expr(last) });
          last = c;
        }
        return last ? this.expr(last, hint) : this.unknown(n, []);
      }
      case 'meta_property': {
        // import.meta, new.target
        const parts: string[] = [];
        for (const c of this.kids(n)) if (!this.nm(c) && this.ty(c) !== '.') parts.push(this.ty(c));
        return { kind: 'attr', obj: { kind: 'name', id: parts[0] ?? '', span }, name: parts[1] ?? '', span };
      }
      default:
        return this.unknown(n, this.collect(n, []));
    }
  }

  private hasOptional(n: number): boolean {
    for (const c of this.kids(n)) if (this.ty(c) === 'optional_chain' || this.ty(c) === '?.') return true;
    return false;
  }

  private unknown(n: number, children: Expr[]): Expr {
    return { kind: 'unknown', children, span: this.span(n) };
  }

  /** Sub-expressions of a node the model has no shape for (JSX, typeof, ERROR…), so taint flows. */
  private collect(n: number, out: Expr[]): Expr[] {
    for (const c of this.kids(n)) {
      if (!this.nm(c) || isTypeNode(this.ty(c))) continue;
      if (EXPRESSIONS.has(this.ty(c))) out.push(this.expr(c));
      else if (this.hasKids(c)) this.collect(c, out);
    }
    return out;
  }

  /** Too deep to recurse: the names inside, gathered without recursion. */
  private flatten(n: number): Expr {
    const children: Expr[] = [];
    const stack: number[] = [n];
    while (stack.length && children.length < MAX_FLATTENED) {
      const x = stack.pop() as number;
      if (this.ty(x) === 'identifier' || this.ty(x) === 'this') children.push({ kind: 'name', id: this.text(x), span: this.span(x) });
      const kids = this.kids(x);
      for (let i = kids.length - 1; i >= 0; i--) if (this.nm(kids[i])) stack.push(kids[i]);
    }
    return { kind: 'unknown', children, span: this.span(n) };
  }

  private call(n: number, isNew: boolean): Expr {
    const span = this.span(n);
    const calleeNode = this.field(n, isNew ? this.F.constructor : this.F.function);
    const callee = calleeNode ? this.expr(calleeNode) : this.unknown(n, []);
    const argsNode = this.field(n, this.F.arguments);
    if (argsNode !== undefined && this.ty(argsNode) === 'template_string') {
      return { kind: 'call', callee, args: [{ value: this.template(argsNode, true), span: this.span(argsNode) }], argsSpan: this.span(argsNode), taggedTemplate: true, span };
    }
    const args: Arg[] = [];
    if (argsNode) {
      for (const c of this.kids(argsNode)) {
        if (!this.nm(c) || isTypeNode(this.ty(c))) continue;
        if (this.ty(c) === 'spread_element') {
          const inner = this.firstNamed(c);
          args.push({ value: inner ? this.expr(inner) : this.unknown(c, []), spread: 'spread', span: this.span(c) });
        } else {
          args.push({ value: this.expr(c), span: this.span(c) });
        }
      }
    }
    const e: Expr = { kind: 'call', callee, args, argsSpan: argsNode ? this.span(argsNode) : this.spanOf(this.E[n], this.E[n]), span };
    if (isNew) e.isNew = true;
    return e;
  }

  /** Template literal: StrExpr without substitutions (unless tagged), else FmtExpr of chunks and values. */
  private template(n: number, tagged: boolean): Expr {
    const span = this.span(n);
    const parts: Expr[] = [];
    let chunk = '';
    let cs = -1;
    let ce = -1;
    const flush = () => {
      if (cs >= 0) parts.push({ kind: 'str', value: chunk, span: this.spanOf(cs, ce) });
      chunk = '';
      cs = -1;
    };
    let subs = false;
    for (const c of this.kids(n)) {
      if (!this.nm(c)) continue;
      if (this.ty(c) === 'string_fragment' || this.ty(c) === 'escape_sequence') {
        chunk += this.ty(c) === 'escape_sequence' ? unescapeOne(this.text(c)) : this.text(c);
        if (cs < 0) cs = this.S[c];
        ce = this.E[c];
      } else if (this.ty(c) === 'template_substitution') {
        flush();
        subs = true;
        const inner = this.firstNamed(c);
        parts.push(inner ? this.expr(inner) : this.unknown(c, []));
      }
    }
    flush();
    if (!subs && !tagged) {
      return { kind: 'str', value: parts.length ? (parts[0] as { value: string }).value : '', raw: this.text(n), span };
    }
    return { kind: 'fmt', parts, span };
  }

  private object(n: number): Expr {
    const entries: DictEntry[] = [];
    for (const c of this.kids(n)) {
      if (!this.nm(c)) continue;
      const span = this.span(c);
      switch (this.ty(c)) {
        case 'pair': {
          const k = this.field(c, this.F.key);
          const v = this.field(c, this.F.value);
          const key = k ? this.keyText(k) : undefined;
          const entry: DictEntry = { key, value: v ? this.expr(v, key !== undefined ? { name: key, span: k ? this.span(k) : undefined } : undefined) : this.unknown(c, []), span };
          if (k !== undefined && this.ty(k) === 'computed_property_name') {
            const inner = this.firstNamed(k);
            if (inner) entry.keyExpr = this.expr(inner);
          }
          entries.push(entry);
          break;
        }
        case 'shorthand_property_identifier': {
          const id = this.text(c);
          entries.push({ key: id, value: { kind: 'name', id, span }, span });
          break;
        }
        case 'spread_element': {
          const inner = this.firstNamed(c);
          entries.push({ value: inner ? this.expr(inner) : this.unknown(c, []), spread: true, span });
          break;
        }
        case 'method_definition': {
          const fn = this.func(c, undefined, undefined, []);
          const k = this.field(c, this.F.name);
          const entry: DictEntry = { key: k && this.ty(k) !== 'computed_property_name' ? fn.name : undefined, value: { kind: 'func', fn, span }, span };
          if (k !== undefined && this.ty(k) === 'computed_property_name') {
            const inner = this.firstNamed(k);
            if (inner) entry.keyExpr = this.expr(inner);
          }
          entries.push(entry);
          break;
        }
        default:
          if (EXPRESSIONS.has(this.ty(c)) || this.ty(c) === 'ERROR') entries.push({ value: this.expr(c), span });
      }
    }
    return { kind: 'dict', entries, span: this.span(n) };
  }
}

// ---------------------------------------------------------------- types

/**
 * Records `interface X { a: A; b?: B }` and `type X = { a: A }` as property → type text. Other types (unions,
 * mapped and conditional types) are left out: nothing is known of their properties.
 */
function objectType(text: string, into: Map<string, Map<string, string>>): void {
  const m = /^(?:export\s+)?(?:declare\s+)?(?:interface\s+([A-Za-z_$][\w$]*)[^{]*|type\s+([A-Za-z_$][\w$]*)\s*(?:<[^=]*>)?\s*=\s*)\{([\s\S]*)\}\s*;?\s*$/.exec(text);
  if (m) into.set(m[1] ?? m[2], typeMembers(m[3]));
}

/** The members of an object type's body (`a: A; readonly b?: B`): property → type text. */
export function typeMembers(body: string): Map<string, string> {
  const props = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const member = (s: string) => {
    const p = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:\s*([\s\S]+?)\s*$/.exec(s);
    if (p) props.set(p[1], p[2]);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '(' || c === '<' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']' || (c === '>' && body[i - 1] !== '=')) depth--;
    else if (depth === 0 && (c === ';' || c === ',' || c === '\n')) {
      member(body.slice(start, i));
      start = i + 1;
    }
  }
  member(body.slice(start));
  return props;
}

// ---------------------------------------------------------------- entry point

/** Lowers a tree-sitter-typescript / -tsx tree (`tree.rootNode`) into the agent model. Never throws. */
export function lowerTypeScript(root: Node, path: string, language: Language): Module {
  const mod: Module = { path, language, imports: [], functions: new Map(), classes: [], body: [], syntaxErrors: 0 };
  let lowerer: TsLowerer | undefined;
  try {
    const info = langInfo(root.tree.language);
    const { tree, errors } = copyTree(root, info);
    const src = root.text;
    lowerer = new TsLowerer(src, root.startIndex, root.startPosition.row, root.startPosition.column, tree, info);
    mod.syntaxErrors = errors.length;
    // The copy is made in document order: the first error recorded is the first in the file.
    if (errors.length) mod.firstError = lowerer.pos(errors[0]);
    lowerer.stmts(lowerer.kids(0), mod.body);
    releaseCopy(tree);
  } catch {
    // Keep whatever was lowered before an unexpected failure.
    testHooks.internalErrors++;
  }
  if (lowerer) {
    mod.imports = lowerer.imports;
    mod.functions = lowerer.functions;
    mod.classes = lowerer.classes;
    if (lowerer.declaredTypes.size) mod.types = lowerer.declaredTypes;
  }
  return mod;
}

/** One top-level statement lowered on its own (editors re-lower only what an edit touched); see python.ts Piece. */
export function lowerTypeScriptPiece(node: Node, language: Language): import('./python').Piece {
  const piece: import('./python').Piece = { stmts: [], functions: [], classes: [], imports: [], syntaxErrors: 0 };
  let lowerer: TsLowerer | undefined;
  try {
    const info = langInfo(node.tree.language);
    const { tree, errors } = copyTree(node, info);
    lowerer = new TsLowerer(node.text, node.startIndex, node.startPosition.row, node.startPosition.column, tree, info);
    piece.syntaxErrors = errors.length;
    if (errors.length) piece.firstError = lowerer.pos(errors[0]);
    lowerer.stmts([0], piece.stmts);
    releaseCopy(tree);
  } catch {
    testHooks.internalErrors++;
  }
  if (lowerer) {
    piece.imports = lowerer.imports;
    piece.functions = [...lowerer.functions.values()];
    piece.classes = lowerer.classes;
    if (lowerer.declaredTypes.size) piece.types = lowerer.declaredTypes;
  }
  return piece;
}
