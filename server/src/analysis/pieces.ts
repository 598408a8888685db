// Which top-level statements of a module a tool's result can depend on, so that an edit re-analyses only the
// tools it can change. Editors re-lower a module statement by statement (engine-impl lowerByPieces); each
// statement ("piece") gets a serial that changes whenever its text or position does. A tool's cached result
// is kept while the serials of the pieces it depends on are unchanged:
// - its own piece;
// - every piece that is not a plain definition (imports, loops, `if` blocks, attribute assignments...): such
//   a statement can change what any name means, so every tool depends on it; a call statement counts as
//   defining the names passed to it;
// - the definitions (def, class, `const x =`, `x = …`) of the names its piece mentions, and, in turn, of the
//   names those definitions mention.
// "Mentions" is every identifier-like word of the statement's source text, strings and comments included:
// it can only over-approximate, which costs a re-analysis, never a stale result.
import type { Stmt, Target } from '../model/ir';

export interface PieceDeps {
  serial: number;
  /** The names the statement defines, or null when it is not a plain definition. */
  defs: string[] | null;
  /** Every identifier-like word of its source text. */
  refs: Set<string>;
}

const WORD = /[A-Za-z_$][\w$]*/g;

export function pieceDeps(stmts: Stmt[], hasImports: boolean, source: string, serial: number): PieceDeps {
  return { serial, defs: hasImports ? null : definitions(stmts), refs: new Set(source.match(WORD)) };
}

function definitions(stmts: Stmt[]): string[] | null {
  const out: string[] = [];
  for (const s of stmts) {
    if (s.kind === 'funcdecl') {
      if (!s.fn.name) return null;
      out.push(s.fn.name);
    } else if (s.kind === 'classdecl') out.push(s.cls.name);
    else if (s.kind === 'assign' && !s.augmented) {
      for (const t of s.targets) if (!targetNames(t, out)) return null;
    } else if (s.kind === 'expr' && (s.expr.kind === 'str' || s.expr.kind === 'const')) continue;
    else if (s.kind === 'expr' && s.expr.kind === 'call') {
      // `server.registerTool(…)`, `mcp.add_tool(fn)`, `app.include_router(r)`: what such a call changes in the
      // module's names, as the analysis sees them, is at most the names handed to it (a guard marks them).
      for (const a of s.expr.args) if (a.value.kind === 'name') out.push(a.value.id);
    } else return null;
  }
  return out;
}

/** Adds the names a target binds; false when it writes through an attribute or index (a mutation). */
function targetNames(t: Target, out: string[]): boolean {
  switch (t.kind) {
    case 'name':
      out.push(t.id);
      return true;
    case 'tuple':
      return t.items.every((i) => targetNames(i, out));
    case 'object':
      return t.props.every((p) => targetNames(p.target, out));
    default:
      return false;
  }
}

/** Dependency lookup over one version of a module's pieces. */
export class PieceGraph {
  private readonly byName = new Map<string, PieceDeps[]>();
  private readonly global: PieceDeps[] = [];
  private readonly bySerial = new Map<number, PieceDeps>();

  constructor(pieces: PieceDeps[]) {
    for (const p of pieces) {
      this.bySerial.set(p.serial, p);
      if (p.defs === null) {
        this.global.push(p);
        continue;
      }
      for (const d of p.defs) {
        const l = this.byName.get(d);
        if (l) l.push(p);
        else this.byName.set(d, [p]);
      }
    }
  }

  /**
   * The serials (sorted, joined) of the pieces whose change can change the result of a tool in piece `own`.
   * What the non-definitions mention is followed too, except into other tools' pieces (`tools`): a script's
   * `if __name__ == "__main__": main()` mentions `main`, which mentions every tool, and a tool's result does
   * not depend on another tool's body unless it mentions that tool itself.
   */
  key(own: number, tools: ReadonlySet<number>): string {
    const start = this.bySerial.get(own);
    if (!start) return [...this.bySerial.keys()].join(',');
    // the same for every tool of the module: computed once
    if (this.globalFor !== tools) {
      this.globalSeen = new Set();
      this.reach(this.global, tools, this.globalSeen);
      this.globalFor = tools;
    }
    const seen = new Set(this.globalSeen);
    this.reach([start], NONE, seen);
    return [...seen].sort((a, b) => a - b).join(',');
  }

  private globalFor?: ReadonlySet<number>;
  private globalSeen = new Set<number>();
  private readonly edges = new Map<number, PieceDeps[]>();

  /** The definitions a piece mentions. */
  private edgesOf(p: PieceDeps): PieceDeps[] {
    let out = this.edges.get(p.serial);
    if (!out) {
      out = [];
      for (const r of p.refs) {
        const defs = this.byName.get(r);
        if (defs) out.push(...defs);
      }
      this.edges.set(p.serial, out);
    }
    return out;
  }

  /** Adds to `into` the pieces reachable from `from` through mentioned definitions, not entering `skip`. */
  private reach(from: PieceDeps[], skip: ReadonlySet<number>, into: Set<number>): void {
    const queued = new Set<number>();
    const queue: PieceDeps[] = [];
    for (const p of from) {
      if (queued.has(p.serial)) continue;
      queued.add(p.serial);
      queue.push(p);
    }
    while (queue.length) {
      const p = queue.pop() as PieceDeps;
      into.add(p.serial);
      for (const d of this.edgesOf(p)) {
        if (queued.has(d.serial) || skip.has(d.serial)) continue;
        queued.add(d.serial);
        queue.push(d);
      }
    }
  }
}

const NONE: ReadonlySet<number> = new Set();
