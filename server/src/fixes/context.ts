// What every fix builder works with: the document, its tree, the finding's FixData, the tool function,
// and the two ways fixes add code inside a tool (before the anchored statement, at the top of the body).
import type { FixData } from '../model/findings';
import type { Span } from '../model/ir';
import { Doc, EditSet, detectIndentUnit } from './document';
import {
  ancestors,
  boundNames,
  descendants,
  findToolFunction,
  freshName,
  identifiersIn,
  isFunction,
  isStatement,
  namedChildren,
  nodeAt,
  preferredQuote,
  usesSemicolons,
  type Node,
  type Tree,
} from './syntax';

/** Code lines to insert; each leading '\t' is one indentation step below the insertion's own indent. */
export type Lines = string[];

interface Wrap {
  arrow: Node;
  body: Node;
  lines: Lines;
}

/** How the file writes code; computed once per request and shared by its fixes. */
export interface Style {
  indentUnit: string;
  quote: "'" | '"';
  semicolons: boolean;
}

export function styleOf(tree: Tree, text: string, python: boolean): Style {
  return {
    indentUnit: detectIndentUnit(text, python ? '    ' : '  '),
    quote: preferredQuote(tree.rootNode, text, python),
    semicolons: python || usesSemicolons(tree.rootNode, text),
  };
}

export class FixContext {
  readonly doc: Doc;
  readonly edits: EditSet;
  readonly root: Node;
  readonly python: boolean;
  /** TypeScript (type annotations allowed), as opposed to JavaScript. */
  readonly typed: boolean;
  readonly indentUnit: string;
  readonly quote: "'" | '"';
  /** TS/JS: whether the file ends statements with semicolons (standard style does not). */
  readonly semicolons: boolean;
  readonly toolFn: Node | undefined;
  /** The diagnostic's range as offsets. */
  readonly range: [number, number];
  private readonly wraps = new Map<number, Wrap>();
  private readonly memo = new Map<string, string>();
  private usedNames: Set<string> | undefined;

  constructor(
    readonly uri: string,
    text: string,
    readonly tree: Tree,
    readonly data: FixData,
    readonly ruleId: string,
    /** The diagnostic's range, as a span. */
    rangeSpan: Span,
    typed: boolean,
    style: Style = styleOf(tree, text, data.language === 'python'),
  ) {
    this.doc = new Doc(text);
    this.range = this.doc.spanOffsets(rangeSpan);
    this.edits = new EditSet(this.doc);
    this.root = tree.rootNode;
    this.python = data.language === 'python';
    this.typed = !this.python && typed;
    this.indentUnit = style.indentUnit;
    this.quote = style.quote;
    this.semicolons = this.python || style.semicolons;
    const [toolStart, toolEnd] = this.doc.spanOffsets(data.tool.span);
    const bodyOffset = data.tool.bodyStart ? this.doc.offsetAt(data.tool.bodyStart) : undefined;
    this.toolFn = findToolFunction(this.root, toolStart, toolEnd, bodyOffset, this.doc.offsetAt(data.tool.nameSpan.start));
  }

  /** Runs `make` once per key within this fix: a second import / constant / helper request reuses the first. */
  once(key: string, make: () => string): string {
    let v = this.memo.get(key);
    if (v === undefined) {
      v = make();
      this.memo.set(key, v);
    }
    return v;
  }

  /** A string literal in the file's quote style. */
  str(value: string): string {
    const q = this.quote;
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n');
    return `${q}${escaped}${q}`;
  }

  /** The node of the model-controlled argument, else of the sink call, else of the diagnostic. */
  argNode(): Node | undefined {
    if (this.data.arg) {
      const [s, e] = this.doc.spanOffsets(this.data.arg.span);
      const n = nodeAt(this.root, s, e);
      if (n && n.startIndex === s && n.endIndex === e) return n;
      if (n && this.doc.text.slice(s, e) === this.data.arg.text) return n;
    }
    return undefined;
  }

  callNode(): Node | undefined {
    const span = this.data.call?.span;
    const [s, e] = span ? this.doc.spanOffsets(span) : this.range;
    let n = nodeAt(this.root, s, e);
    while (n && n.type !== 'call' && n.type !== 'call_expression' && n.type !== 'new_expression' && n.type !== 'subscript' && n.type !== 'subscript_expression') {
      if (isStatement(n) || isFunction(n)) return undefined;
      n = n.parent ?? undefined;
    }
    return n;
  }

  /** Where fixes anchored at the finding insert guards: the argument, else the call, else the range. */
  anchorNode(): Node | undefined {
    return this.argNode() ?? this.callNode() ?? nodeAt(this.root, this.range[0], this.range[1]);
  }

  /** Names used anywhere in the tool (or the file when the tool was not found): fresh names avoid them. */
  used(): Set<string> {
    this.usedNames ??= identifiersIn(this.toolFn ?? this.root);
    return this.usedNames;
  }

  fresh(base: string): string {
    const name = freshName(base, this.used(), !this.python);
    this.used().add(name);
    return name;
  }

  /** Names the tool function binds (parameters, locals): a module binding by that name is shadowed there. */
  shadowed(): Set<string> {
    return this.toolFn ? boundNames(this.toolFn) : new Set();
  }

  render(lines: Lines, indent: string): string {
    return lines.map((l) => {
      const m = /^\t*/.exec(l)![0].length;
      return indent + this.indentUnit.repeat(m) + this.statementEnd(l.slice(m)) + this.doc.eol;
    }).join('');
  }

  /** A TS line as the file writes it: its final semicolon dropped in a file that uses none. */
  statementEnd(line: string): string {
    return this.semicolons || /^\s*(\/\/|\/\*|\*)/.test(line) ? line : line.replace(/;$/, '');
  }

  /**
   * Inserts statements so that they run right before the statement holding `anchor`. Expression-bodied
   * arrows on the way become block bodies. False when there is no statement to insert before (a lambda
   * or comprehension that binds names the guard would need).
   */
  insertBefore(anchor: Node, lines: Lines, mentions: string[] = [...identifiersIn(anchor)]): boolean {
    for (const a of [anchor, ...ancestors(anchor)]) {
      if (a.type === 'arrow_function') {
        const body = a.childForFieldName('body');
        if (body && body.type !== 'statement_block' && anchor.startIndex >= body.startIndex) {
          this.wrapArrow(a, body, lines);
          return true;
        }
      }
      if (this.python && a !== anchor && (a.type === 'lambda' || /comprehension|generator_expression/.test(a.type))) {
        if (this.bindsAny(a, mentions)) return false;
      }
      if (isStatement(a)) return this.insertBeforeStatement(a, lines);
    }
    return false;
  }

  /**
   * Inserts statements at the top of the tool body (after a docstring or directive, and after the leading
   * statements `skip` accepts, e.g. an audit record that should still see refused calls).
   */
  insertAtTop(lines: Lines, skip: (stmt: Node) => boolean = () => false): boolean {
    const fn = this.toolFn;
    if (!fn) return false;
    const body = fn.childForFieldName('body');
    if (!body) return false;
    if (fn.type === 'arrow_function' && body.type !== 'statement_block') {
      this.wrapArrow(fn, body, lines, true);
      return true;
    }
    const all = namedChildren(body).filter((n) => n.type !== 'comment');
    const docstring = all[0] && all[0].type === 'expression_statement' && all[0].namedChildCount === 1 && all[0].namedChild(0)!.type === 'string' ? 1 : 0;
    let skipped = docstring;
    while (skipped < all.length - 1 && skip(all[skipped])) skipped++;
    const stmts = skipped > docstring ? all.slice(skipped) : all;
    if (skipped > docstring) return this.insertBeforeStatement(stmts[0], lines, 1);
    let first = stmts[0];
    const isDoc = (n: Node | undefined): boolean =>
      !!n && n.type === 'expression_statement' && n.namedChildCount === 1 && n.namedChild(0)!.type === 'string';
    if (isDoc(first)) {
      const doc = first;
      first = stmts[1];
      if (!first) {
        const indent = this.doc.indentAt(doc.startIndex);
        if (!this.doc.startsLine(doc.startIndex)) return false;
        this.edits.insert(this.doc.nextLineStart(doc.endIndex), this.render(lines, indent), 1);
        return true;
      }
    }
    if (!first) {
      if (this.python) return false;
      // `{}`: open the block.
      const indent = this.doc.indentAt(fn.startIndex);
      this.edits.insert(body.startIndex + 1, this.doc.eol + this.render(lines, indent + this.indentUnit) + indent, 1);
      return true;
    }
    return this.insertBeforeStatement(first, lines, 1);
  }

  private bindsAny(scope: Node, names: string[]): boolean {
    const bound = new Set<string>();
    for (const n of [scope, ...namedChildren(scope)]) {
      if (n.type === 'for_in_clause') for (const id of identifiersIn(n.childForFieldName('left')!)) bound.add(id);
      if (n.type === 'lambda') for (const id of identifiersIn(n.childForFieldName('parameters') ?? n)) bound.add(id);
    }
    return names.some((m) => bound.has(m));
  }

  private insertBeforeStatement(stmt: Node, lines: Lines, order = 5): boolean {
    const parent = stmt.parent!;
    const blockLike = /^(block|module|statement_block|program|switch_case|switch_default)$/.test(parent.type);
    if (!blockLike) {
      // TS `if (x) return f(y);`: give the branch braces.
      const outer = this.doc.indentAt(parent.startIndex);
      const inner = outer + this.indentUnit;
      this.edits.insert(stmt.startIndex, `{${this.doc.eol}${this.render(lines, inner)}${inner}`, order);
      this.edits.insert(stmt.endIndex, `${this.doc.eol}${outer}}`, order);
      return true;
    }
    if (this.doc.startsLine(stmt.startIndex)) {
      const indent = this.doc.indentAt(stmt.startIndex);
      this.edits.insert(this.doc.lineStart(this.doc.positionAt(stmt.startIndex).line), this.render(lines, indent), order);
      return true;
    }
    // The statement shares its line with a header (`if x: return f(y)`) or a previous statement.
    const prev = stmt.previousNamedSibling;
    const sameLineSibling = prev && this.doc.positionAt(prev.endIndex).line === this.doc.positionAt(stmt.startIndex).line && prev.parent === parent;
    const indent = sameLineSibling ? this.doc.indentAt(stmt.startIndex) : this.doc.indentAt(stmt.startIndex) + this.indentUnit;
    // The spaces before the statement would be left trailing on the header line.
    let from = stmt.startIndex;
    while (from > 0 && (this.doc.text[from - 1] === ' ' || this.doc.text[from - 1] === '\t')) from--;
    this.edits.replace(from, stmt.startIndex, this.doc.eol + this.render(lines, indent) + indent);
    return true;
  }

  private wrapArrow(arrow: Node, body: Node, lines: Lines, top = false): void {
    const w = this.wraps.get(arrow.id) ?? { arrow, body, lines: [] };
    if (top) w.lines.unshift(...lines);
    else w.lines.push(...lines);
    this.wraps.set(arrow.id, w);
  }

  /** Materialises the pending arrow-body wraps; call once, after the builder. */
  finish(): void {
    for (const { arrow, body, lines } of this.wraps.values()) {
      const outer = this.doc.indentAt(arrow.startIndex);
      const inner = outer + this.indentUnit;
      let start = body.startIndex;
      let end = body.endIndex;
      // `=> ({ ... })`: the parentheses only served the expression body.
      if (body.type === 'parenthesized_expression' && body.namedChild(0)?.type === 'object') {
        this.edits.replace(start, start + 1, '');
        this.edits.replace(end - 1, end, '');
        start += 1;
        end -= 1;
      }
      this.edits.insert(start, `{${this.doc.eol}${this.render(lines, inner)}${inner}return `, 1);
      this.edits.insert(end, `${this.semicolons ? ';' : ''}${this.doc.eol}${outer}}`, 9);
      this.reindent(body, start, end);
    }
    this.wraps.clear();
  }

  /** Indents the continuation lines of a wrapped expression body one step deeper (unless a string spans lines). */
  private reindent(body: Node, start: number, end: number): void {
    const multilineString = descendants(body, new Set(['string', 'template_string'])).some((n) => n.text.includes('\n'));
    if (multilineString) return;
    const first = this.doc.positionAt(start).line;
    const last = this.doc.positionAt(end).line;
    for (let line = first + 1; line <= last; line++) {
      if (this.doc.lineText(line).trim() === '') continue;
      this.edits.insert(this.doc.lineStart(line), this.indentUnit, 0);
    }
  }
}
