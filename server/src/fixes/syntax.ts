// Syntax helpers for the fix builders: the fixes re-parse the document (the request carries only text and
// FixData) and read the few shapes they rewrite straight from the tree-sitter tree.
import { grammarFor, parse, type Grammar, type Node, type Tree } from '../parse/parser';

export type { Node, Tree };

export function grammarOf(uri: string, languageId: string): Grammar | undefined {
  const path = uri.replace(/[?#].*$/, '');
  const byPath = grammarFor(path);
  if (byPath) return byPath;
  switch (languageId) {
    case 'python':
      return 'python';
    case 'typescript':
      return 'typescript';
    case 'typescriptreact':
    case 'javascript':
    case 'javascriptreact':
      return 'tsx';
    default:
      return undefined;
  }
}

/** Parses, or undefined when the parsers are not loaded (the server loads them before analysing). */
export function tryParse(grammar: Grammar, text: string): Tree | undefined {
  try {
    return parse(grammar, text);
  } catch {
    return undefined;
  }
}

/** ERROR and MISSING nodes in a tree: a fix must not add any. */
export function syntaxErrorCount(tree: Tree): number {
  let n = 0;
  const walk = (node: Node): void => {
    if (node.isError || node.isMissing) n++;
    if (!node.hasError && !node.isMissing) return;
    for (const c of node.children) if (c) walk(c);
  };
  walk(tree.rootNode);
  return n;
}

export function children(node: Node | null | undefined): Node[] {
  return node ? (node.children.filter(Boolean) as Node[]) : [];
}

export function namedChildren(node: Node | null | undefined): Node[] {
  return node ? (node.namedChildren.filter(Boolean) as Node[]) : [];
}

export function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** Every descendant (node included) in document order. */
export function descendants(node: Node, types?: Set<string>): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (!types || types.has(n.type)) out.push(n);
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(node);
  return out;
}

/** The smallest named node covering [start, end), widened to a node that starts and ends exactly there if one does. */
export function nodeAt(root: Node, start: number, end: number): Node | undefined {
  let node = root.namedDescendantForIndex(start, Math.max(start, end - 1));
  if (!node) return undefined;
  // Prefer the outermost node with exactly this range (an expression statement's expression, not the statement).
  while (node.parent && node.parent.startIndex === node.startIndex && node.parent.endIndex === node.endIndex && !isStatement(node.parent)) {
    node = node.parent;
  }
  return node;
}

export const PY_FUNCTIONS = new Set(['function_definition', 'lambda']);
export const TS_FUNCTIONS = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);

export function isFunction(node: Node): boolean {
  return PY_FUNCTIONS.has(node.type) || TS_FUNCTIONS.has(node.type);
}

const PY_BLOCKS = new Set(['block', 'module']);
const TS_BLOCKS = new Set(['statement_block', 'program', 'switch_case', 'switch_default', 'class_body']);

export function isStatement(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (PY_BLOCKS.has(parent.type) || TS_BLOCKS.has(parent.type)) return node.type !== 'comment';
  // A TS statement used as the body of if/for/while without braces.
  return /_statement$|^lexical_declaration$|^variable_declaration$/.test(node.type) && !/_clause$/.test(parent.type);
}

/** The tool function: the outermost function inside the tool's span that holds the body start. */
export function findToolFunction(root: Node, toolStart: number, toolEnd: number, bodyOffset: number | undefined, nameOffset: number): Node | undefined {
  if (bodyOffset !== undefined) {
    const leaf = root.descendantForIndex(bodyOffset, bodyOffset);
    const fns = leaf ? [leaf, ...ancestors(leaf)].filter(isFunction) : [];
    const inside = fns.filter((f) => f.startIndex >= toolStart && f.endIndex <= toolEnd);
    if (inside.length > 0) return inside[inside.length - 1];
    if (fns.length > 0) return fns[0];
  }
  // No body position: the function holding the name (a def), else the first function in the tool's span.
  const leaf = root.descendantForIndex(nameOffset, nameOffset);
  const holding = leaf ? [leaf, ...ancestors(leaf)].find((n) => isFunction(n) && n.startIndex >= toolStart) : undefined;
  if (holding) return holding;
  const top = root.namedDescendantForIndex(toolStart, Math.max(toolStart, toolEnd - 1));
  if (!top) return undefined;
  if (isFunction(top)) return top;
  const all = descendants(top).filter((n) => isFunction(n) && n.type !== 'lambda');
  // Class tools: the method that runs the tool.
  const run = all.find((n) => /^(_run|_arun|forward|_call|run|execute|invoke)$/.test(n.childForFieldName('name')?.text ?? ''));
  return run ?? all[0];
}

/** Identifiers a function binds: its parameters and every assignment, loop, with and import target in it. */
export function boundNames(fn: Node): Set<string> {
  const out = new Set<string>();
  const addPattern = (n: Node | null): void => {
    if (!n) return;
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier_pattern') {
      out.add(n.text);
      return;
    }
    if (n.type === 'pair_pattern') return addPattern(n.childForFieldName('value'));
    if (n.type === 'object_assignment_pattern' || n.type === 'assignment_pattern') return addPattern(n.childForFieldName('left'));
    if (n.type === 'default_parameter' || n.type === 'typed_default_parameter') return addPattern(n.childForFieldName('name'));
    if (n.type === 'required_parameter' || n.type === 'optional_parameter') return addPattern(n.childForFieldName('pattern'));
    if (n.type === 'property_identifier' || n.type === 'type' || n.type === 'type_annotation') return;
    for (const c of n.namedChildren) if (c && c.type !== 'type' && c.type !== 'type_annotation') addPattern(c);
  };
  addPattern(fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter'));
  const body = fn.childForFieldName('body');
  if (body) {
    for (const n of descendants(body)) {
      switch (n.type) {
        case 'assignment':
        case 'augmented_assignment':
        case 'for_statement':
        case 'for_in_clause':
          addPattern(n.childForFieldName('left'));
          break;
        case 'as_pattern_target':
        case 'variable_declarator':
          addPattern(n.type === 'variable_declarator' ? n.childForFieldName('name') : n);
          break;
        case 'for_in_statement':
          addPattern(n.childForFieldName('left'));
          break;
        case 'function_definition':
        case 'function_declaration':
        case 'class_definition':
        case 'class_declaration':
          addPattern(n.childForFieldName('name'));
          break;
        case 'aliased_import':
          addPattern(n.childForFieldName('alias'));
          break;
        case 'catch_clause':
          addPattern(n.childForFieldName('parameter'));
          break;
        default:
          break;
      }
    }
  }
  return out;
}

/** Every identifier text used anywhere in a node (to pick fresh names). */
export function identifiersIn(node: Node): Set<string> {
  const out = new Set<string>();
  // Property names (`args.url`) do not clash with locals.
  for (const n of descendants(node)) if (/identifier/.test(n.type) && n.type !== 'property_identifier') out.add(n.text);
  return out;
}

/** A name not yet used in the node: base, base_2, base_3... (camelCase base2 for TS when asked). */
export function freshName(base: string, used: Set<string>, camel = false): string {
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = camel ? `${base}${i}` : `${base}_${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Visits every node (named or not) under `root` with its type and range, without allocating nodes. */
export function scan(root: Node, visit: (type: string, start: number, end: number) => void): void {
  const c = root.walk();
  let depth = 0;
  try {
    for (;;) {
      visit(c.nodeType, c.startIndex, c.endIndex);
      if (c.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!c.gotoNextSibling()) {
        if (depth === 0 || !c.gotoParent()) return;
        depth--;
      }
    }
  } finally {
    c.delete();
  }
}

/** The string-literal quote the file prefers ("'" or '"'), by majority of its plain string literals. */
export function preferredQuote(root: Node, text: string, python: boolean): "'" | '"' {
  let single = 0;
  let double = 0;
  scan(root, (type, start) => {
    if (type !== 'string' || (python && text[start - 1] === '{')) return;
    let i = start;
    if (python) while (/[rRbBuUfF]/.test(text[i])) i++;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) return;
    if (text[i] === "'") single++;
    else if (text[i] === '"') double++;
  });
  if (single === double) return python ? '"' : "'";
  return single > double ? "'" : '"';
}

/** Whether most statements of a TS/JS file end with a semicolon (standard style does not). */
export function usesSemicolons(root: Node, text: string): boolean {
  const kinds = new Set(['expression_statement', 'lexical_declaration', 'return_statement', 'import_statement', 'throw_statement']);
  let withSemicolon = 0;
  let without = 0;
  scan(root, (type, _start, end) => {
    if (!kinds.has(type)) return;
    if (text[end - 1] === ';') withSemicolon++;
    else without++;
  });
  return withSemicolon >= without;
}
