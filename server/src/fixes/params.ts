// The arguments the model chose for a tool, as an expression to record (audit) or show (approval).
import type { FixContext } from './context';
import { namedChildren, type Node } from './syntax';

/** Framework context parameters are not model input. */
const CONTEXT_TYPES = /^(RunContext|Context|ToolContext|RunContextWrapper|CallbackContext|InjectedToolArg|ToolRuntime)\b/;

function pythonParams(fn: Node): string[] {
  const out: string[] = [];
  const params = namedChildren(fn.childForFieldName('parameters'));
  const inClass = fn.parent?.type === 'block' && fn.parent.parent?.type === 'class_definition';
  params.forEach((p, i) => {
    let name: Node | null = null;
    let type = '';
    if (p.type === 'identifier') name = p;
    else if (p.type === 'typed_parameter') {
      name = namedChildren(p).find((c) => c.type === 'identifier') ?? namedChildren(p)[0]?.namedChild(0) ?? null;
      type = p.childForFieldName('type')?.text ?? '';
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      name = p.childForFieldName('name');
      type = p.childForFieldName('type')?.text ?? '';
    } else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') name = p.namedChild(0);
    if (!name) return;
    if (i === 0 && inClass && /^(self|cls)$/.test(name.text)) return;
    if (CONTEXT_TYPES.test(type)) return;
    out.push(name.text);
  });
  return out;
}

/** Python: `{"url": url, "limit": limit}`. TS: `{ url, limit }` or the parameter itself. */
export function argsExpression(ctx: FixContext): string {
  const fn = ctx.toolFn;
  if (ctx.python) {
    const names = fn ? pythonParams(fn) : [];
    return `{${names.map((n) => `${ctx.str(n)}: ${n}`).join(', ')}}`;
  }
  const params = fn ? namedChildren(fn.childForFieldName('parameters')) : [];
  let first: Node | null | undefined = params[0];
  if (!first && fn?.childForFieldName('parameter')) first = fn.childForFieldName('parameter');
  if (!first) return '{}';
  const pattern = first.childForFieldName('pattern') ?? first;
  if (pattern.type === 'identifier') return pattern.text === 'this' ? '{}' : pattern.text;
  if (pattern.type === 'object_pattern') {
    const fields: string[] = [];
    for (const c of namedChildren(pattern)) {
      if (c.type === 'shorthand_property_identifier_pattern') fields.push(c.text);
      else if (c.type === 'object_assignment_pattern') fields.push(c.childForFieldName('left')!.text);
      else if (c.type === 'pair_pattern') {
        const value = c.childForFieldName('value')!;
        const target = value.type === 'assignment_pattern' ? value.childForFieldName('left')! : value;
        if (target.type === 'identifier') fields.push(`${c.childForFieldName('key')!.text}: ${target.text}`);
      } else if (c.type === 'rest_pattern') fields.push(`...${c.namedChild(0)!.text}`);
    }
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return '{}';
}

/** Whether the tool function is `async`. */
export function isAsync(fn: Node | undefined): boolean {
  return !!fn && fn.children.some((c) => c?.type === 'async');
}

/** A Python parameter annotated as the framework's Context (FastMCP `ctx: Context`). */
export function contextParam(fn: Node | undefined): string | undefined {
  for (const p of namedChildren(fn?.childForFieldName('parameters'))) {
    const type = p.childForFieldName('type')?.text ?? '';
    const name = p.type === 'typed_parameter' ? namedChildren(p).find((c) => c.type === 'identifier')?.text : p.childForFieldName('name')?.text;
    if (name && /^Context\b/.test(type)) return name;
  }
  return undefined;
}
