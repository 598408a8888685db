// Reading a tree-sitter tree fast: a cursor that calls the WASM exports directly instead of through
// web-tree-sitter's wrappers (each wrapper call marshals the cursor through a shared buffer), and
// type names interned once. Both front-ends copy their trees through it (typescript.ts, python-tree.ts).
import { type Node, treeSitterModule } from './parser';

type TSLanguage = Node['tree']['language'];

/** A grammar's node type names (interned) and whether each is named, by type id. */
export function nodeTypes(lang: TSLanguage): { types: string[]; named: boolean[] } {
  const types: string[] = [];
  const named: boolean[] = [];
  for (let i = 0; i < lang.nodeTypeCount; i++) {
    types.push(intern(lang.nodeTypeForId(i) ?? ''));
    named.push(lang.nodeTypeIsNamed(i));
  }
  return { types, named };
}

/** The same string, internalised (as property keys are), so the lowering's many `switch (n.type)`
 * compare pointers instead of characters: type names come out of WASM as fresh strings. */
export function intern(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

/** The cursor operations the copy needs: the JS wrappers, or the WASM exports called directly. */
export interface CursorOps {
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  typeId(): number;
  fieldId(): number;
  start(): number;
  end(): number;
  missing(): boolean;
}

type WasmCursorFn = (tree: number) => number;
interface WasmCursorExports {
  _ts_init: () => number;
  _ts_tree_cursor_goto_first_child_wasm: WasmCursorFn;
  _ts_tree_cursor_goto_next_sibling_wasm: WasmCursorFn;
  _ts_tree_cursor_goto_parent_wasm: WasmCursorFn;
  _ts_tree_cursor_current_node_type_id_wasm: WasmCursorFn;
  _ts_tree_cursor_current_field_id_wasm: WasmCursorFn;
  _ts_tree_cursor_start_index_wasm: WasmCursorFn;
  _ts_tree_cursor_end_index_wasm: WasmCursorFn;
  _ts_tree_cursor_current_node_is_missing_wasm: WasmCursorFn;
  HEAP32: Int32Array;
}
const WASM_FNS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
] as const;


/**
 * Every TreeCursor getter in web-tree-sitter writes the cursor's four words into the shared transfer
 * buffer, calls the WASM export, and reads them back: walking a 900 KB minified bundle that way took
 * longer than parsing it. The exports themselves take the cursor from the transfer buffer and the
 * moving ones write it back, so the cursor can simply stay there while this walk runs (nothing else
 * touches the buffer in between); it is copied back into the JS cursor before that is deleted.
 */
export function directCursor(cursor: unknown, tree: unknown, allow = true): { ops: CursorOps; done(): void } | undefined {
  const mod = treeSitterModule() as Partial<WasmCursorExports> | undefined;
  if (!allow || !mod || !WASM_FNS.every((f) => typeof mod[f] === 'function') || !(mod.HEAP32 instanceof Int32Array)) return undefined;
  const m = mod as WasmCursorExports;
  const c = cursor as Record<number, number>;
  const t = (tree as Record<number, number>)[0];
  if (typeof t !== 'number' || [0, 1, 2, 3].some((i) => typeof c[i] !== 'number')) return undefined;
  const buffer = m._ts_init() >> 2;
  for (let i = 0; i < 4; i++) m.HEAP32[buffer + i] = c[i];
  const firstChild = m._ts_tree_cursor_goto_first_child_wasm;
  const nextSibling = m._ts_tree_cursor_goto_next_sibling_wasm;
  const parent = m._ts_tree_cursor_goto_parent_wasm;
  const typeId = m._ts_tree_cursor_current_node_type_id_wasm;
  const fieldId = m._ts_tree_cursor_current_field_id_wasm;
  const start = m._ts_tree_cursor_start_index_wasm;
  const end = m._ts_tree_cursor_end_index_wasm;
  const missing = m._ts_tree_cursor_current_node_is_missing_wasm;
  return {
    ops: {
      firstChild: () => firstChild(t) === 1,
      nextSibling: () => nextSibling(t) === 1,
      parent: () => parent(t) === 1,
      typeId: () => typeId(t),
      fieldId: () => fieldId(t),
      start: () => start(t),
      end: () => end(t),
      missing: () => missing(t) === 1,
    },
    done() {
      // The cursor's stack may have been reallocated: the JS cursor must free the current one.
      const heap = m.HEAP32;
      for (let i = 0; i < 4; i++) c[i] = heap[buffer + i];
    },
  };
}

export function wrapperCursor(cur: ReturnType<Node['walk']>): CursorOps {
  return {
    firstChild: () => cur.gotoFirstChild(),
    nextSibling: () => cur.gotoNextSibling(),
    parent: () => cur.gotoParent(),
    typeId: () => cur.nodeTypeId,
    fieldId: () => cur.currentFieldId,
    start: () => cur.startIndex,
    end: () => cur.endIndex,
    missing: () => cur.nodeIsMissing,
  };
}

/**
 * A syntax tree copied in one cursor pass, node i being column i of typed arrays (a million small objects
 * would mostly be garbage-collector work): type id, field id in the parent (0: none), UTF-16 start and end,
 * first child and next sibling (-1: none).
 */
export class NodeColumns {
  size = 0;
  tid: Int32Array;
  field: Int32Array;
  s: Int32Array;
  e: Int32Array;
  first: Int32Array;
  next: Int32Array;

  constructor(private capacity: number) {
    this.tid = new Int32Array(capacity);
    this.field = new Int32Array(capacity);
    this.s = new Int32Array(capacity);
    this.e = new Int32Array(capacity);
    this.first = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  add(tid: number, field: number, s: number, e: number): number {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.tid[i] = tid;
    this.field[i] = field;
    this.s[i] = s;
    this.e[i] = e;
    this.first[i] = -1;
    this.next[i] = -1;
    return i;
  }

  private grow(): void {
    this.capacity *= 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(this.capacity);
      b.set(a);
      return b;
    };
    this.tid = bigger(this.tid);
    this.field = bigger(this.field);
    this.s = bigger(this.s);
    this.e = bigger(this.e);
    this.first = bigger(this.first);
    this.next = bigger(this.next);
  }
}

/** What a copy's visitor made of the cursor's current node. */
export interface CopyStep {
  /** The node added to the columns. */
  node: number;
  /** Linked as the next child of its parent (comments of the TypeScript copy are kept aside). */
  link: boolean;
  /** Worth trying to descend into (not a token or a leaf whose insides nobody reads). */
  descend: boolean;
}

/**
 * Walks the cursor's subtree in document order: `visit(parent, step)` adds the current node (its parent's
 * index given) and fills `step`; the walk links it under its parent and descends or moves on.
 */
export function copyWalk(cur: CursorOps, tree: NodeColumns, visit: (parent: number, step: CopyStep) => void): void {
  const step: CopyStep = { node: 0, link: true, descend: false };
  const parents: number[] = [];
  const lasts: number[] = [];
  let parent = 0;
  let last = -1;
  if (!cur.firstChild()) return;
  for (;;) {
    visit(parent, step);
    const node = step.node;
    if (step.link) {
      if (last < 0) tree.first[parent] = node;
      else tree.next[last] = node;
      last = node;
    }
    if (step.descend && cur.firstChild()) {
      parents.push(parent);
      lasts.push(last);
      parent = node;
      last = -1;
      continue;
    }
    let more = true;
    while (!cur.nextSibling()) {
      if (!parents.length || !cur.parent()) {
        more = false;
        break;
      }
      parent = parents.pop() as number;
      last = lasts.pop() as number;
    }
    if (!more) break;
  }
}
