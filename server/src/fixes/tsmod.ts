// Module-level edits in TypeScript / JavaScript: imports (ESM or require) reused or added, constants and
// helpers found by name or created once after the imports, and the module's pino/winston logger.
import type { FixContext, Lines } from './context';
import { namedChildren, type Node } from './syntax';

const IMPORT_ORDER = 1;
const CONST_ORDER = 2;
const FUNC_ORDER = 3;

function topStatements(ctx: FixContext): Node[] {
  return namedChildren(ctx.root)
    .filter((n) => n.type !== 'comment')
    .map((n) => (n.type === 'export_statement' && n.childForFieldName('declaration') ? n.childForFieldName('declaration')! : n));
}

function requireSource(decl: Node): string | undefined {
  if (decl.type !== 'lexical_declaration' && decl.type !== 'variable_declaration') return undefined;
  const d = decl.namedChildren.find((c) => c?.type === 'variable_declarator');
  const v = d?.childForFieldName('value');
  if (v?.type !== 'call_expression' || v.childForFieldName('function')?.text !== 'require') return undefined;
  const arg = v.childForFieldName('arguments')?.namedChild(0);
  return arg?.type === 'string' ? unquote(arg.text) : undefined;
}

function unquote(s: string): string {
  return s.replace(/^['"`]|['"`]$/g, '');
}

function isImport(n: Node): boolean {
  return n.type === 'import_statement' || requireSource(n) !== undefined;
}

function toolStart(ctx: FixContext): number {
  return ctx.doc.offsetAt(ctx.data.tool.span.start);
}

function importAnchor(ctx: FixContext): number {
  const limit = toolStart(ctx);
  let anchor: number | undefined;
  const statements = namedChildren(ctx.root).filter((n) => n.type !== 'comment');
  for (const n of statements) {
    if (n.startIndex >= limit) break;
    if (isImport(n)) anchor = ctx.doc.nextLineStart(n.endIndex - 1);
  }
  if (anchor !== undefined) return anchor;
  let offset = 0;
  const first = statements[0];
  if (first && first.type === 'expression_statement' && first.namedChild(0)?.type === 'string') offset = ctx.doc.nextLineStart(first.endIndex - 1);
  if (offset === 0 && ctx.doc.text.startsWith('#!')) offset = ctx.doc.nextLineStart(0);
  return offset;
}

/** Whether the file is an ES module (imports) rather than CommonJS (require). */
function usesEsm(ctx: FixContext): boolean {
  const statements = namedChildren(ctx.root);
  if (statements.some((n) => n.type === 'import_statement' || n.type === 'export_statement')) return true;
  if (statements.some((n) => requireSource(n) !== undefined) || /\.cjs$/.test(ctx.uri)) return false;
  return ctx.typed || /\.mjs$/.test(ctx.uri) || !/\brequire\(|module\.exports/.test(ctx.doc.text);
}

export function moduleBinding(ctx: FixContext, name: string): Node | undefined {
  for (const n of topStatements(ctx)) {
    if (n.type === 'lexical_declaration' || n.type === 'variable_declaration') {
      for (const d of namedChildren(n)) {
        if (d.type !== 'variable_declarator') continue;
        const id = d.childForFieldName('name');
        if (id?.type === 'identifier' && id.text === name) return n;
        if (id && id.type !== 'identifier' && new RegExp(`\\b${name}\\b`).test(id.text)) return n;
      }
    }
    if (/^(function_declaration|generator_function_declaration|class_declaration)$/.test(n.type) && n.childForFieldName('name')?.text === name) return n;
    if (n.type === 'import_statement' && importLocals(n).some((b) => b.local === name)) return n;
  }
  return undefined;
}

interface ImportLocal {
  local: string;
  /** 'default', '*', or the imported member name. */
  imported: string;
  node: Node;
}

function importLocals(n: Node): ImportLocal[] {
  const out: ImportLocal[] = [];
  const clause = namedChildren(n).find((c) => c.type === 'import_clause');
  for (const c of namedChildren(clause)) {
    if (c.type === 'identifier') out.push({ local: c.text, imported: 'default', node: c });
    if (c.type === 'namespace_import') out.push({ local: namedChildren(c)[0].text, imported: '*', node: c });
    if (c.type === 'named_imports') {
      for (const s of namedChildren(c)) {
        if (s.type !== 'import_specifier') continue;
        const name = s.childForFieldName('name')!.text;
        out.push({ local: s.childForFieldName('alias')?.text ?? name, imported: name, node: s });
      }
    }
  }
  return out;
}

function sameModule(a: string, b: string): boolean {
  return a.replace(/^node:/, '') === b.replace(/^node:/, '');
}

/** Bindings of a module across its imports and requires. */
function bindingsOf(ctx: FixContext, module: string): { locals: ImportLocal[]; statements: Node[] } {
  const locals: ImportLocal[] = [];
  const statements: Node[] = [];
  for (const n of namedChildren(ctx.root)) {
    if (n.type === 'import_statement') {
      const src = n.childForFieldName('source');
      if (src && sameModule(unquote(src.text), module)) {
        statements.push(n);
        locals.push(...importLocals(n));
      }
    }
    const req = requireSource(n);
    if (req && sameModule(req, module)) {
      statements.push(n);
      const name = namedChildren(n).find((c) => c.type === 'variable_declarator')!.childForFieldName('name')!;
      if (name.type === 'identifier') locals.push({ local: name.text, imported: '*', node: name });
      if (name.type === 'object_pattern') {
        for (const p of namedChildren(name)) {
          if (p.type === 'shorthand_property_identifier_pattern') locals.push({ local: p.text, imported: p.text, node: p });
          if (p.type === 'pair_pattern') locals.push({ local: p.childForFieldName('value')!.text, imported: p.childForFieldName('key')!.text, node: p });
        }
      }
    }
  }
  return { locals, statements };
}

function freeModuleName(ctx: FixContext, base: string): string {
  const taken = (n: string): boolean => !!moduleBinding(ctx, n) || ctx.shadowed().has(n);
  if (!taken(base)) return base;
  const alt = `node${base[0].toUpperCase()}${base.slice(1)}`;
  return taken(alt) ? `${alt}Module` : alt;
}

/** The whole module (`path`, `child_process`): an existing namespace/default binding not shadowed in the tool, or a new import. */
export function moduleRef(ctx: FixContext, module: string, base: string): string {
  return ctx.once(`module:${module}`, () => findOrImportModule(ctx, module, base));
}

function findOrImportModule(ctx: FixContext, module: string, base: string): string {
  const shadowed = ctx.shadowed();
  const found = bindingsOf(ctx, module).locals.find((b) => (b.imported === '*' || b.imported === 'default') && !shadowed.has(b.local));
  if (found) return found.local;
  const name = freeModuleName(ctx, base);
  const q = ctx.quote;
  const line = usesEsm(ctx) ? `import * as ${name} from ${q}${module}${q};` : `const ${name} = require(${q}${module}${q});`;
  ctx.edits.insert(importAnchor(ctx), ctx.statementEnd(line) + ctx.doc.eol, IMPORT_ORDER);
  return name;
}

/** A named export of a module (`execFileSync`): reused, added to an existing named import, or imported. */
export function memberRef(ctx: FixContext, module: string, member: string): string {
  return ctx.once(`member:${module}:${member}`, () => findOrImportMember(ctx, module, member));
}

function findOrImportMember(ctx: FixContext, module: string, member: string): string {
  const shadowed = ctx.shadowed();
  const { locals } = bindingsOf(ctx, module);
  const named = locals.find((b) => b.imported === member && !shadowed.has(b.local));
  if (named) return named.local;
  const whole = locals.find((b) => (b.imported === '*' || b.imported === 'default') && !shadowed.has(b.local));
  if (whole) return `${whole.local}.${member}`;
  const free = !moduleBinding(ctx, member) && !shadowed.has(member);
  if (free) {
    // Join an existing `import { a } from 'm'` / `const { a } = require('m')`.
    const lastNamed = [...locals].reverse().find((b) => b.imported !== '*' && b.imported !== 'default');
    if (lastNamed) {
      ctx.edits.insert(lastNamed.node.endIndex, `, ${member}`);
      return member;
    }
  }
  const local = free ? member : `${member}Fn`;
  const spec = local === member ? member : usesEsm(ctx) ? `${member} as ${local}` : `${member}: ${local}`;
  const q = ctx.quote;
  const line = usesEsm(ctx) ? `import { ${spec} } from ${q}${module}${q};` : `const { ${spec} } = require(${q}${module}${q});`;
  ctx.edits.insert(importAnchor(ctx), ctx.statementEnd(line) + ctx.doc.eol, IMPORT_ORDER);
  return local;
}

function insertBlock(ctx: FixContext, lines: Lines, order: number): void {
  const anchor = importAnchor(ctx);
  const body = ctx.render(lines, '');
  ctx.edits.insert(anchor, anchor === 0 ? body + ctx.doc.eol : ctx.doc.eol + body, order);
}

export function ensureConstant(ctx: FixContext, name: string, lines: Lines): string {
  return ctx.once(`binding:${name}`, () => {
    if (!moduleBinding(ctx, name)) insertBlock(ctx, lines, CONST_ORDER);
    return name;
  });
}

export function ensureFunction(ctx: FixContext, name: string, lines: Lines): string {
  return ctx.once(`binding:${name}`, () => {
    if (!moduleBinding(ctx, name)) insertBlock(ctx, lines, FUNC_ORDER);
    return name;
  });
}

export type TsLoggerKind = 'pino' | 'winston';

/**
 * The module's logger: a top-level variable made by pino / winston / bunyan (by its import), else a
 * `logger`/`log` the module imports or defines, called winston-style (message first), which every
 * common logger accepts.
 */
export function findLogger(ctx: FixContext): { name: string; kind: TsLoggerKind } | undefined {
  const shadowed = ctx.shadowed();
  const loggerModules = new Map<string, TsLoggerKind>();
  for (const m of ['pino', 'winston', 'bunyan']) {
    for (const b of bindingsOf(ctx, m).locals) loggerModules.set(b.local, m === 'winston' ? 'winston' : 'pino');
  }
  let generic: string | undefined;
  for (const n of topStatements(ctx)) {
    if (n.type === 'import_statement') {
      for (const b of importLocals(n)) if (/^(logger|log)$/.test(b.local) && !shadowed.has(b.local)) generic ??= b.local;
      continue;
    }
    if (n.type !== 'lexical_declaration' && n.type !== 'variable_declaration') continue;
    for (const d of namedChildren(n)) {
      const id = d.childForFieldName('name');
      let v = d.childForFieldName('value');
      if (d.type !== 'variable_declarator' || id?.type !== 'identifier' || !v || shadowed.has(id.text)) continue;
      if (v.type === 'await_expression') v = v.namedChild(0);
      if (v?.type !== 'call_expression' && v?.type !== 'new_expression') continue;
      const callee = (v.childForFieldName('function') ?? v.childForFieldName('constructor'))?.text ?? '';
      const kind = loggerModules.get(callee.split('.')[0]);
      if (kind) return { name: id.text, kind };
      if (/^(logger|log)$/.test(id.text) && /log/i.test(callee) && requireSource(n) === undefined) generic ??= id.text;
    }
  }
  return generic ? { name: generic, kind: 'winston' } : undefined;
}
