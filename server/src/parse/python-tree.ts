// A copy of a tree-sitter-python tree made in one cursor pass (see cursor.ts), and nodes that read it with
// the parts of web-tree-sitter's Node API that python.ts uses. Lowering through the wrappers cost as much
// as the parse itself: every `type`, `childForFieldName` or `startPosition` crossed into WASM and built
// new wrapper objects. Here node i is column i of typed arrays, and positions come from a line index.
import { type CursorOps, NodeColumns, copyWalk, directCursor, intern, nodeTypes, wrapperCursor } from './cursor';
import type { Node } from './parser';

type TSLanguage = Node['tree']['language'];

interface PyLang {
  types: string[];
  named: boolean[];
  /** Named types the cursor need not try to descend into (some tokens have children: `not in`). */
  leaf: boolean[];
  fieldIds: Map<string, number>;
  fieldNames: (string | undefined)[];
}
const langs = new WeakMap<TSLanguage, PyLang>();
/** Named node types of tree-sitter-python that have no children. */
const LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'ellipsis', 'comment', 'string_start', 'string_end', 'escape_sequence', 'type_conversion', 'line_continuation']);

function langOf(lang: TSLanguage): PyLang {
  let info = langs.get(lang);
  if (info) return info;
  const { types, named } = nodeTypes(lang);
  const fieldIds = new Map<string, number>();
  const fieldNames: (string | undefined)[] = [undefined];
  for (let i = 1; i < lang.fieldCount + 1; i++) {
    const name = lang.fieldNameForId(i) ?? undefined;
    fieldNames.push(name === undefined ? undefined : intern(name));
    if (name) fieldIds.set(name, i);
  }
  const leaf = types.map((t, i) => named[i] && LEAVES.has(t));
  info = { types, named, leaf, fieldIds, fieldNames };
  langs.set(lang, info);
  return info;
}

/** For tests: whether the copy may use the direct cursor, and which one the last copy used. */
export const pyCopyHooks: { direct: boolean; used?: 'direct' | 'wrapper' } = { direct: true };

export class PyTree extends NodeColumns {
  private readonly nodes: (PyNode | undefined)[] = [];
  /** Offsets (relative to `base`) where the lines of `src` after its first begin. */
  private lineStarts?: number[];

  constructor(
    readonly lang: PyLang,
    /** The text of the copied node, which starts at offset `base`, row `row`, column `col`. */
    readonly src: string,
    readonly base: number,
    readonly row: number,
    readonly col: number,
  ) {
    super(1 << 10);
  }

  node(i: number): PyNode {
    return (this.nodes[i] ??= new PyNode(this, i));
  }

  /** Type ids past the grammar's table are ERROR nodes. */
  typeOf(i: number): string {
    return this.lang.types[this.tid[i]] ?? 'ERROR';
  }

  /** Row and UTF-16 column of an offset, as tree-sitter reports them (rows end at '\n'). */
  point(offset: number): { row: number; column: number } {
    const rel = offset - this.base;
    let starts = this.lineStarts;
    if (!starts) {
      starts = [];
      for (let k = this.src.indexOf('\n'); k >= 0; k = this.src.indexOf('\n', k + 1)) starts.push(k + 1);
      this.lineStarts = starts;
    }
    // the last line start at or before rel
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= rel) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { row: this.row, column: this.col + rel } : { row: this.row + lo, column: rel - starts[lo - 1] };
  }
}

export class PyNode {
  constructor(
    private readonly t: PyTree,
    private readonly i: number,
  ) {}

  get type(): string {
    return this.t.typeOf(this.i);
  }

  get isNamed(): boolean {
    return this.t.lang.named[this.t.tid[this.i]] ?? true;
  }

  get startIndex(): number {
    return this.t.s[this.i];
  }

  get endIndex(): number {
    return this.t.e[this.i];
  }

  get text(): string {
    return this.t.src.slice(this.t.s[this.i] - this.t.base, this.t.e[this.i] - this.t.base);
  }

  get startPosition(): { row: number; column: number } {
    return this.t.point(this.t.s[this.i]);
  }

  get endPosition(): { row: number; column: number } {
    return this.t.point(this.t.e[this.i]);
  }

  get childCount(): number {
    let n = 0;
    for (let c = this.t.first[this.i]; c >= 0; c = this.t.next[c]) n++;
    return n;
  }

  child(k: number): PyNode | null {
    let c = this.t.first[this.i];
    for (let j = 0; c >= 0 && j < k; j++) c = this.t.next[c];
    return c >= 0 ? this.t.node(c) : null;
  }

  get children(): PyNode[] {
    const out: PyNode[] = [];
    for (let c = this.t.first[this.i]; c >= 0; c = this.t.next[c]) out.push(this.t.node(c));
    return out;
  }

  get namedChildren(): PyNode[] {
    const out: PyNode[] = [];
    const named = this.t.lang.named;
    for (let c = this.t.first[this.i]; c >= 0; c = this.t.next[c]) if (named[this.t.tid[c]] ?? true) out.push(this.t.node(c));
    return out;
  }

  /** The field name of the k-th child (named or not), as web-tree-sitter's fieldNameForChild. */
  fieldNameForChild(k: number): string | null {
    let c = this.t.first[this.i];
    for (let j = 0; c >= 0 && j < k; j++) c = this.t.next[c];
    return c >= 0 ? this.t.lang.fieldNames[this.t.field[c]] ?? null : null;
  }

  childForFieldName(name: string): PyNode | null {
    const f = this.t.lang.fieldIds.get(name);
    if (f === undefined) return null;
    for (let c = this.t.first[this.i]; c >= 0; c = this.t.next[c]) if (this.t.field[c] === f) return this.t.node(c);
    return null;
  }
}

/**
 * Copies `root` (a module, or one top-level statement of it) whose text is `text`. `rowOffset` places a
 * statement parsed on its own (engine-impl's edit path) at its row in the file.
 */
export function copyPython(root: Node, text = root.text, rowOffset = 0): PyNode {
  // Everything read through the wrappers is read before the direct walk takes their transfer buffer.
  const [type, start, end, at] = [root.typeId, root.startIndex, root.endIndex, root.startPosition];
  const tree = new PyTree(langOf(root.tree.language), text, start, at.row + rowOffset, at.column);
  tree.add(type, 0, start, end);
  const cur = root.walk();
  const direct = directCursor(cur, root.tree, pyCopyHooks.direct);
  try {
    // Cheap check that the exports read the cursor we think they do, else use the wrappers.
    const ok = direct && direct.ops.typeId() === type && direct.ops.start() === start && direct.ops.end() === end;
    pyCopyHooks.used = ok ? 'direct' : 'wrapper';
    copyChildren(ok ? direct.ops : wrapperCursor(cur), tree);
  } finally {
    direct?.done();
    cur.delete();
  }
  return tree.node(0);
}

function copyChildren(cur: CursorOps, tree: PyTree): void {
  const leaf = tree.lang.leaf;
  copyWalk(cur, tree, (_parent, step) => {
    const t = cur.typeId();
    step.node = tree.add(t, cur.fieldId(), cur.start(), cur.end());
    step.link = true;
    // Type ids past the table (ERROR nodes) are not leaves.
    step.descend = !(leaf[t] ?? false);
  });
}
