// fs: root confinement — resolve the path, check it lies inside ALLOWED_ROOT, and use the resolved path.
import type { FixContext } from './context';
import { calleeName, calleeOf, guardLines, positionalArgs, refusal, type Builder } from './common';
import * as py from './pymod';
import { segmentsOf, singleDefinition, unwrapParens } from './strings';
import { namedChildren, type Node } from './syntax';
import * as ts from './tsmod';

/**
 * When the path is already built from a base directory (`os.path.join(BASE, name)`, `BASE / name`,
 * `path.join(BASE, name)`), that base is the natural root, and the path is resolved as it is.
 */
function joinedBase(ctx: FixContext, arg: Node): Node | undefined {
  if (arg.type === 'binary_operator' && arg.childForFieldName('operator')?.text === '/') {
    let left = arg.childForFieldName('left')!;
    while (left.type === 'binary_operator' && left.childForFieldName('operator')?.text === '/') left = left.childForFieldName('left')!;
    if (left.type === 'call' && /(^|\.)(Path|PurePath)$/.test(calleeOf(left)?.text ?? '')) return positionalArgs(left)[0];
    return left;
  }
  if (arg.type === 'call' || arg.type === 'call_expression') {
    const name = calleeName(calleeOf(arg)?.text);
    const args = positionalArgs(arg);
    if (args.length >= 2 && (name === 'join' || name === 'resolve' || (ctx.python && /^(Path|PurePath)$/.test(name)))) return args[0];
  }
  return undefined;
}

/** `f"/srv/reports/{name}.md"` / `` `/srv/notes/${name}` ``: the constant absolute folder the path is built under. */
function literalFolder(ctx: FixContext, n: Node): string | undefined {
  const segments = segmentsOf(ctx, n);
  const first = segments?.[0];
  if (!segments || !first || !('lit' in first) || segments.length < 2) return undefined;
  const m = /^(\/(?:[\w.-]+\/)*[\w.-]+)\//.exec(first.lit);
  return m && !m[1].split('/').includes('..') ? m[1] : undefined;
}

/** The root's initialiser: a module constant or literal the path was joined to, else a placeholder. */
function rootSource(ctx: FixContext, base: Node | undefined): { expr: string; after: string[]; placeholder: boolean } {
  if (base?.type === 'string' && !/[{$]/.test(base.text)) return { expr: base.text, after: [], placeholder: false };
  if (base?.type === 'identifier') {
    const bound = ctx.python ? py.moduleBinding(ctx, base.text) : ts.moduleBinding(ctx, base.text);
    if (bound && bound.endIndex <= ctx.doc.offsetAt(ctx.data.tool.span.start)) return { expr: base.text, after: [base.text], placeholder: false };
  }
  return { expr: ctx.str('/path/to/agent/data'), after: [], placeholder: true };
}

/**
 * The root constant: ALLOWED_ROOT, reused when it exists; when it is already bound to another base
 * directory than this path's, a second constant named after this base (NOTES_DIR → ALLOWED_NOTES_ROOT).
 */
function rootName(ctx: FixContext, root: { expr: string; placeholder: boolean }): string {
  const existing = ctx.python ? py.moduleBinding(ctx, 'ALLOWED_ROOT') : ts.moduleBinding(ctx, 'ALLOWED_ROOT');
  if (!existing || root.placeholder || existing.text.includes(`(${root.expr})`)) return 'ALLOWED_ROOT';
  const stem = root.expr.replace(/^['"`]|['"`]$/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/_(DIR|ROOT|PATH|FOLDER)$/i, '').toUpperCase();
  return stem ? `ALLOWED_${stem}_ROOT` : 'ALLOWED_ROOT';
}

export const buildFs: Builder = (ctx: FixContext) => {
  const arg = ctx.argNode();
  if (!arg || arg.type === 'integer' || arg.type === 'number') return undefined;
  const def = singleDefinition(ctx, arg);
  const base = joinedBase(ctx, arg) ?? (def ? joinedBase(ctx, unwrapParens(def)) : undefined);
  const folder = base ? undefined : (literalFolder(ctx, arg) ?? (def ? literalFolder(ctx, unwrapParens(def)) : undefined));
  const root = folder ? { expr: ctx.str(folder), after: [], placeholder: false } : rootSource(ctx, base);
  // The path already names its folder (joined to a base, or built under a constant one): resolve it as it is.
  const asIs = !!base || !!folder;
  const what = root.placeholder ? 'the folder this agent may use (set it to the real one)' : 'the folder this agent may use';
  const ROOT = rootName(ctx, root);
  const resolved = ctx.fresh('resolved');
  let lines: string[];
  if (ctx.python) {
    const Path = py.memberRef(ctx, 'pathlib', 'Path', 'from');
    py.ensureConstant(ctx, ROOT, [`# Agent Boundary: ${what}; paths outside it are refused.`, `${ROOT} = ${Path}(${root.expr}).resolve()`], root.after);
    const operand = /^(identifier|attribute|call|string|subscript)$/.test(arg.type) ? arg.text : `(${arg.text})`;
    const value = asIs ? `${Path}(${arg.text}).resolve()` : `(${ROOT} / ${operand}).resolve()`;
    lines = [`${resolved} = ${value}`, ...guardLines(ctx, `not ${resolved}.is_relative_to(${ROOT})`, refusal(ctx, `path outside ${ROOT}`, resolved))];
  } else {
    const path = ts.moduleRef(ctx, 'node:path', 'path');
    ts.ensureConstant(ctx, ROOT, [`// Agent Boundary: ${what}; paths outside it are refused.`, `const ${ROOT} = ${path}.resolve(${root.expr});`]);
    const relative = ctx.fresh('relativePath');
    const value = asIs ? `${path}.resolve(${arg.text})` : `${path}.resolve(${ROOT}, ${arg.text})`;
    lines = [
      `const ${resolved} = ${value};`,
      `const ${relative} = ${path}.relative(${ROOT}, ${resolved});`,
      ...guardLines(ctx, `${relative}.startsWith('..') || ${path}.isAbsolute(${relative})`.replace(/'/g, ctx.quote), refusal(ctx, `path outside ${ROOT}`, resolved)),
    ];
  }
  ctx.edits.replace(arg.startIndex, arg.endIndex, resolved);
  if (!ctx.insertBefore(arg, lines, identifiers(arg))) return undefined;
  return `Confine the path to ${ROOT} (resolve, then check it stays inside)`;
};

function identifiers(n: Node): string[] {
  return n.type === 'identifier' ? [n.text] : namedChildren(n).flatMap(identifiers);
}
