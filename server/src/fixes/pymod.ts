// Module-level edits in Python: imports reused or added, constants and helpers found by name or created
// once after the imports, and the module's logger.
import type { FixContext, Lines } from './context';
import { namedChildren, type Node } from './syntax';

const IMPORT_ORDER = 1;
const CONST_ORDER = 2;
const FUNC_ORDER = 3;

function topStatements(ctx: FixContext): Node[] {
  return namedChildren(ctx.root).filter((n) => n.type !== 'comment');
}

function isImport(n: Node): boolean {
  if (n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement') return true;
  // `try: import x except ImportError: ...` at the top counts as part of the imports.
  if (n.type === 'try_statement') {
    const body = n.childForFieldName('body');
    return !!body && namedChildren(body).every((c) => c.type === 'import_statement' || c.type === 'import_from_statement');
  }
  return false;
}

function toolStart(ctx: FixContext): number {
  return ctx.doc.offsetAt(ctx.data.tool.span.start);
}

/** Offset where new imports go: the line after the last top-level import above the tool. */
function importAnchor(ctx: FixContext): number {
  const limit = toolStart(ctx);
  let anchor: number | undefined;
  for (const n of topStatements(ctx)) {
    if (n.startIndex >= limit) break;
    if (isImport(n)) anchor = ctx.doc.nextLineStart(n.endIndex - 1);
  }
  if (anchor !== undefined) return anchor;
  const first = topStatements(ctx)[0];
  if (first && first.type === 'expression_statement' && first.namedChild(0)?.type === 'string') return ctx.doc.nextLineStart(first.endIndex - 1);
  // After a shebang / encoding comment.
  let offset = 0;
  for (let line = 0; line < ctx.doc.lineCount && /^#(!|.*coding[:=])/.test(ctx.doc.lineText(line)); line++) offset = ctx.doc.lineStart(line + 1);
  return offset;
}

/** Top-level statements that bind `name` (assignment, def, class, import). */
export function moduleBinding(ctx: FixContext, name: string): Node | undefined {
  for (const n of topStatements(ctx)) {
    if (n.type === 'expression_statement') {
      const a = n.namedChild(0);
      if (a && a.type === 'assignment' && a.childForFieldName('left')?.text === name) return n;
    }
    if ((n.type === 'function_definition' || n.type === 'class_definition') && n.childForFieldName('name')?.text === name) return n;
    if (n.type === 'decorated_definition' && n.childForFieldName('definition')?.childForFieldName('name')?.text === name) return n;
    if (isImport(n) && importedNames(n).includes(name)) return n;
  }
  return undefined;
}

function importedNames(n: Node): string[] {
  const out: string[] = [];
  for (const c of namedChildren(n)) {
    if (c.type === 'aliased_import') out.push(c.childForFieldName('alias')!.text);
    else if (c.type === 'dotted_name' && c !== n.childForFieldName('module_name')) out.push(n.type === 'import_statement' ? c.text.split('.')[0] : c.text);
  }
  return out;
}

/** Inserts a module-level block (constant or function) once; `after` names it must follow. */
function insertBlock(ctx: FixContext, lines: Lines, order: number, after: string[] = []): void {
  let anchor = importAnchor(ctx);
  for (const dep of after) {
    const def = moduleBinding(ctx, dep);
    if (def && def.endIndex < toolStart(ctx)) anchor = Math.max(anchor, ctx.doc.nextLineStart(def.endIndex - 1));
  }
  // PEP 8: two blank lines around top-level definitions, one before a constant.
  const gap = order === FUNC_ORDER ? ctx.doc.eol + ctx.doc.eol : ctx.doc.eol;
  const body = ctx.render(lines, '');
  if (anchor === 0) {
    ctx.edits.insert(anchor, body + gap, order);
    return;
  }
  let blanksAfter = 0;
  for (let line = ctx.doc.positionAt(anchor).line; line < ctx.doc.lineCount && ctx.doc.lineText(line).trim() === '' && blanksAfter < 2; line++) blanksAfter++;
  const trailing = order === FUNC_ORDER ? ctx.doc.eol.repeat(Math.max(0, 2 - blanksAfter)) : '';
  ctx.edits.insert(anchor, gap + body + trailing, order);
}

/** A module constant: reused when the module already binds the name, else created after the imports. */
export function ensureConstant(ctx: FixContext, name: string, lines: Lines, after: string[] = []): string {
  return ctx.once(`binding:${name}`, () => {
    if (!moduleBinding(ctx, name)) insertBlock(ctx, lines, CONST_ORDER, after);
    return name;
  });
}

export function ensureFunction(ctx: FixContext, name: string, lines: Lines): string {
  return ctx.once(`binding:${name}`, () => {
    if (!moduleBinding(ctx, name)) insertBlock(ctx, lines, FUNC_ORDER);
    return name;
  });
}

/** `import module` (reused if present under any alias): the name to write. */
export function moduleRef(ctx: FixContext, module: string): string {
  return ctx.once(`module:${module}`, () => findOrImportModule(ctx, module));
}

function findOrImportModule(ctx: FixContext, module: string): string {
  for (const n of topStatements(ctx)) {
    if (n.type !== 'import_statement') continue;
    for (const c of namedChildren(n)) {
      if (c.type === 'aliased_import' && c.childForFieldName('name')!.text === module) return c.childForFieldName('alias')!.text;
      if (c.type === 'dotted_name' && (c.text === module || c.text.startsWith(`${module}.`))) return module;
    }
  }
  ctx.edits.insert(importAnchor(ctx), `import ${module}${ctx.doc.eol}`, IMPORT_ORDER);
  return module;
}

/**
 * A member of a module (`urlparse` of `urllib.parse`): reused through any existing import of it or of its
 * module; otherwise imported `from module import member` (prefer 'from') or as `module.member`.
 */
export function memberRef(ctx: FixContext, module: string, member: string, prefer: 'from' | 'import'): string {
  return ctx.once(`member:${module}:${member}`, () => findOrImportMember(ctx, module, member, prefer));
}

function findOrImportMember(ctx: FixContext, module: string, member: string, prefer: 'from' | 'import'): string {
  for (const n of topStatements(ctx)) {
    if (n.type === 'import_from_statement') {
      const from = n.childForFieldName('module_name')?.text;
      for (const c of namedChildren(n).filter((x) => x !== n.childForFieldName('module_name'))) {
        const name = c.type === 'aliased_import' ? c.childForFieldName('name')!.text : c.text;
        const local = c.type === 'aliased_import' ? c.childForFieldName('alias')!.text : c.text;
        if (from === module && name === member) return local;
        if (`${from}.${name}` === module) return `${local}.${member}`;
      }
    }
    if (n.type === 'import_statement') {
      for (const c of namedChildren(n)) {
        if (c.type === 'aliased_import' && c.childForFieldName('name')!.text === module) return `${c.childForFieldName('alias')!.text}.${member}`;
        if (c.type === 'dotted_name' && (c.text === module || c.text.startsWith(`${module}.`))) return `${module}.${member}`;
      }
    }
  }
  const taken = moduleBinding(ctx, member) || ctx.shadowed().has(member);
  if (taken) return `${moduleRef(ctx, module)}.${member}`;
  // Join an existing `from module import ...` when there is one.
  const existing = topStatements(ctx).find((n) => n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === module && !n.text.includes('*'));
  const names = existing ? namedChildren(existing).filter((x) => x !== existing.childForFieldName('module_name')) : [];
  const last = names[names.length - 1];
  if (last) {
    ctx.edits.insert(last.endIndex, `, ${member}`);
    return member;
  }
  if (prefer === 'import') return `${moduleRef(ctx, module)}.${member}`;
  ctx.edits.insert(importAnchor(ctx), `from ${module} import ${member}${ctx.doc.eol}`, IMPORT_ORDER);
  return member;
}

export type PyLoggerKind = 'logging' | 'structlog' | 'loguru';

/** The module's logger: a top-level variable bound to logging.getLogger / structlog.get_logger, or loguru's. */
export function findLogger(ctx: FixContext): { name: string; kind: PyLoggerKind } | undefined {
  const shadowed = ctx.shadowed();
  /** Local name → module, for `from m import x [as y]` and `import m [as y]`. */
  const origin = new Map<string, string>();
  let imported: { name: string; kind: PyLoggerKind } | undefined;
  for (const n of topStatements(ctx)) {
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name')?.text ?? '';
      for (const c of namedChildren(n).filter((x) => x !== n.childForFieldName('module_name'))) {
        const name = c.type === 'aliased_import' ? c.childForFieldName('name')!.text : c.text;
        const local = c.type === 'aliased_import' ? c.childForFieldName('alias')!.text : c.text;
        origin.set(local, mod);
        if (shadowed.has(local)) continue;
        if (mod === 'loguru' && name === 'logger') return { name: local, kind: 'loguru' };
        // A project's shared logger (`from .log import logger`): a stdlib-style logger.
        if (/^_?(logger|log|LOGGER|LOG)$/.test(name)) imported ??= { name: local, kind: mod.startsWith('structlog') ? 'structlog' : 'logging' };
      }
    }
    if (n.type === 'import_statement') {
      for (const c of namedChildren(n)) {
        const name = (c.childForFieldName('name') ?? c).text;
        origin.set(c.childForFieldName('alias')?.text ?? name.split('.')[0], name);
      }
    }
    if (n.type !== 'expression_statement') continue;
    const a = n.namedChild(0);
    if (!a || a.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call' || shadowed.has(left.text)) continue;
    const fn = right.childForFieldName('function')?.text ?? '';
    if (!/(^|\.)(getLogger|get_logger|wrap_logger)$/.test(fn)) continue;
    // structlog only when the factory comes from structlog; a project's own get_logger() is stdlib-style.
    const from = origin.get(fn.split('.')[0]) ?? '';
    return { name: left.text, kind: from.startsWith('structlog') ? 'structlog' : 'logging' };
  }
  return imported;
}

/** The module's logger, or a new `logger = logging.getLogger(__name__)` after the imports. */
export function ensureLogger(ctx: FixContext): { name: string; kind: PyLoggerKind } {
  const found = findLogger(ctx);
  if (found) return found;
  const logging = moduleRef(ctx, 'logging');
  const name = moduleBinding(ctx, 'logger') || ctx.shadowed().has('logger') ? 'audit_logger' : 'logger';
  ensureConstant(ctx, name, [`${name} = ${logging}.getLogger(__name__)`]);
  return { name, kind: 'logging' };
}
