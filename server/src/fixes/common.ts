// Pieces several fix builders share: the builder signature, hoisting an argument into a local, and the
// module-level allowlist constants the guards check against.
import type { FixContext, Lines } from './context';
import * as py from './pymod';
import * as ts from './tsmod';
import type { Node } from './syntax';

/** A builder adds its edits to the context and returns the action's title, or undefined when it cannot fix. */
export type Builder = (ctx: FixContext) => string | undefined;

export interface Hoisted {
  /** The expression the guard and the sink use. */
  expr: string;
  /** Statements that compute it (empty when the argument is already a plain name). */
  lines: Lines;
}

/**
 * Makes the argument a local name so the guard checks exactly what the sink receives: a plain name is
 * kept, anything else is assigned to a fresh local and replaced at the sink.
 */
export function hoist(ctx: FixContext, node: Node, base: string): Hoisted {
  if (node.type === 'identifier') return { expr: node.text, lines: [] };
  const name = ctx.fresh(base);
  let text = node.text;
  if (ctx.python && text.includes('\n') && !/^[([{]/.test(text)) text = `(${text})`;
  ctx.edits.replace(node.startIndex, node.endIndex, name);
  return { expr: name, lines: [ctx.python ? `${name} = ${text}` : `const ${name} = ${text};`] };
}

/** A module-level allowlist of strings, empty, with a comment telling the user to fill it. */
export function ensureAllowlist(ctx: FixContext, name: string, what: string, example: string): string {
  const comment = `Agent Boundary: ${what}. Fill it in; anything not listed is refused.`;
  if (ctx.python) {
    return py.ensureConstant(ctx, name, [`# ${comment}`, `${name} = frozenset({`, `\t# ${ctx.str(example)},`, '})']);
  }
  const type = ctx.typed ? '<string>' : '';
  return ts.ensureConstant(ctx, name, [`// ${comment}`, `const ${name} = new Set${type}([`, `\t// ${ctx.str(example)},`, ']);']);
}

/**
 * "value is not in the allowlist": Python `x not in L`; TS `!L.has(x)` for a Set, `!L.includes(x)` when the
 * module's existing list is an array.
 */
export function notIn(ctx: FixContext, value: string, list: string): string {
  if (ctx.python) return `${value} not in ${list}`;
  const binding = ts.moduleBinding(ctx, list);
  const init = binding ? /=\s*([\s\S]*)$/.exec(binding.text)?.[1].trim() ?? '' : '';
  return /^\[|^Object\.freeze\(\[|^\[.*\]\s*as const/.test(init) ? `!${list}.includes(${value})` : `!${list}.has(${value})`;
}

/** `raise PermissionError(f"...")` / `throw new Error(`...`)` with one interpolated expression. */
export function refusal(ctx: FixContext, message: string, value?: string): string {
  if (ctx.python) {
    if (value === undefined) return `raise PermissionError(${ctx.str(message)})`;
    const q = ctx.quote;
    return `raise PermissionError(f${q}${message.replace(/[{}]/g, '$&$&')}: {${value}!r}${q})`;
  }
  if (value === undefined) return `throw new Error(${ctx.str(message)});`;
  return `throw new Error(\`${message.replace(/[`$\\]/g, '\\$&')}: \${${value}}\`);`;
}

/** An `if <cond>: raise` / `if (<cond>) { throw }` guard. */
export function guardLines(ctx: FixContext, condition: string, raise: string): Lines {
  return ctx.python ? [`if ${condition}:`, `\t${raise}`] : [`if (${condition}) {`, `\t${raise}`, '}'];
}

/** The last identifier of a callee (`subprocess.run` → `run`). */
export function calleeName(callee: string | undefined): string {
  return /([A-Za-z_$][\w$]*)\s*$/.exec(callee ?? '')?.[1] ?? '';
}

/** The callee node of a call / new expression. */
export function calleeOf(call: Node): Node | undefined {
  return call.childForFieldName('function') ?? call.childForFieldName('constructor') ?? undefined;
}

/** Positional argument nodes of a call (keywords and comments left out). */
export function positionalArgs(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  return list.namedChildren.filter((n): n is Node => !!n && n.type !== 'keyword_argument' && n.type !== 'comment');
}

export function keywordArg(call: Node, name: string): Node | undefined {
  const list = call.childForFieldName('arguments');
  for (const n of list?.namedChildren ?? []) {
    if (n?.type === 'keyword_argument' && n.childForFieldName('name')?.text === name) return n;
  }
  return undefined;
}
