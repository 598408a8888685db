// sql: a query built by f-string / template / concatenation / %-formatting / .format becomes constant text
// with bound parameters where the interpolations are values (placeholder style by the connection's driver);
// a name in an identifier position (table, column, condition) is replaced by the ALLOWED_TABLES /
// ALLOWED_COLUMNS / ALLOWED_CONDITIONS constant it equals, so the text is built from constants only. SQL
// the model writes whole gets a guard instead: the tables it names must be in ALLOWED_TABLES, and the
// connection is opened read-only where the tool opens it.
import type { FixContext, Lines } from './context';
import { type Builder, calleeName, calleeOf, ensureAllowlist, guardLines, notIn, positionalArgs, refusal } from './common';
import * as py from './pymod';
import { descendants, isFunction, namedChildren, type Node } from './syntax';
import { encodePy, escTemplate, pyStringParts, segmentsOf, singleDefinition, tsSegments, type Segment } from './strings';
import * as ts from './tsmod';

type Placeholder = 'qmark' | 'format' | 'numeric' | 'named';

interface Construction {
  /** The node holding the built query text (replaced by the new text). */
  node: Node;
  segments: Segment[];
  /** Python: emit a triple-quoted literal (the query spans lines). */
  multiline: boolean;
  /** Built inside SQLAlchemy `text(...)` assigned to the variable the sink runs: named binds, dict at the sink. */
  viaText?: boolean;
}

/** The query's construction: the argument itself, or the one assignment of the named variable before the sink. */
function findConstruction(ctx: FixContext, arg: Node): Construction | undefined {
  const direct = segmentsOf(ctx, arg);
  if (direct) return withExprs(direct) ? { node: arg, segments: direct, multiline: /\n/.test(arg.text) } : undefined;
  let def = singleDefinition(ctx, arg);
  let viaText = false;
  if (ctx.python && def?.type === 'call' && calleeName(calleeOf(def)?.text) === 'text' && positionalArgs(def).length === 1) {
    def = positionalArgs(def)[0];
    viaText = true;
  }
  const segments = def ? segmentsOf(ctx, def) : undefined;
  return def && segments && withExprs(segments) ? { node: def, segments, multiline: /\n/.test(def.text), viaText } : undefined;
}

function withExprs(segments: Segment[]): boolean {
  return segments.some((s) => 'expr' in s);
}

// ------------------------------------------------------------------ SQL positions

type NameKind = 'table' | 'column' | 'condition';

const NAME_LISTS: Record<NameKind, [string, string, string]> = {
  table: ['ALLOWED_TABLES', 'tables agent tools may query', 'customers'],
  column: ['ALLOWED_COLUMNS', 'column names agent tools may use in queries', 'created_at'],
  condition: ['ALLOWED_CONDITIONS', 'whole SQL conditions agent tools may use, written out exactly', 'status = \'open\''],
};

/** The query with its interpolations classified: bound values become placeholders, names stay. */
interface Analysed {
  pieces: ({ lit: string } | { placeholder: string } | { name: Node; kind: NameKind })[];
  values: string[];
}

const TABLE_BEFORE = /\b(from|join|into|update|table|exists)\s*$|\b(table_x?info|index_list|foreign_key_list)\(\s*$/i;
const CONDITION_BEFORE = /\b(where|and|or|having|on|not)\s*\(?\s*$/i;
const VALUE_BEFORE = /(=|<>|!=|<|>|\blike|\bilike|\blimit|\boffset|\bthen|\belse|\bwhen|\bbetween\s+\S+\s+and|\bbetween|\bis(\s+not)?)\s*$/i;
const VALUE_AFTER = /^\s*($|[),;]|\b(and|or|order|group|limit|offset|returning|where|having|union|then|else|end)\b)/i;

function analyse(ctx: FixContext, segments: Segment[], placeholder: Placeholder): Analysed | undefined {
  // Merge adjacent literals so quotes can be matched across them.
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if ('lit' in s && last && 'lit' in last) last.lit += s.lit;
    else merged.push('lit' in s ? { lit: s.lit } : s);
  }
  const pieces: Analysed['pieces'] = [];
  const values: string[] = [];
  /** The SQL so far, placeholders and names included, to read the position of the next interpolation. */
  let sql = '';
  const pushLit = (lit: string): void => {
    sql += lit;
    const last = pieces[pieces.length - 1];
    if (last && 'lit' in last) last.lit += lit;
    else pieces.push({ lit });
  };
  const bind = (value: string): void => {
    values.push(value);
    const n = values.length;
    const text = placeholder === 'qmark' ? '?' : placeholder === 'format' ? '%s' : placeholder === 'numeric' ? `$${n}` : `:p${n}`;
    pieces.push({ placeholder: text });
    sql += text;
  };
  for (let i = 0; i < merged.length; i++) {
    const s = merged[i];
    if ('lit' in s) {
      pushLit(s.lit);
      continue;
    }
    if (!s.plain) return undefined;
    const next = merged[i + 1];
    const nextLit = next && 'lit' in next ? next.lit : '';
    const open = openQuote(sql);
    if (open >= 0) {
      // Inside a SQL string literal: the whole literal becomes one bound value.
      const close = nextLit.indexOf("'");
      const last = pieces[pieces.length - 1];
      const prefix = sql.slice(open + 1);
      if (close < 0 || nextLit[close + 1] === "'" || !last || !('lit' in last) || last.lit.length < prefix.length + 1) return undefined;
      const suffix = nextLit.slice(0, close);
      sql = sql.slice(0, open);
      last.lit = last.lit.slice(0, last.lit.length - prefix.length - 1);
      bind(prefix === '' && suffix === '' ? s.expr.text : interpolated(ctx, prefix, s.expr.text, suffix));
      merged[i + 1] = { lit: nextLit.slice(close + 1) };
      continue;
    }
    if (VALUE_BEFORE.test(sql) && VALUE_AFTER.test(nextLit)) {
      bind(s.expr.text);
      continue;
    }
    pieces.push({ name: s.expr, kind: TABLE_BEFORE.test(sql) ? 'table' : CONDITION_BEFORE.test(sql) ? 'condition' : 'column' });
    sql += 'x';
  }
  if (placeholder === 'format') for (const p of pieces) if ('lit' in p) p.lit = p.lit.replace(/%/g, '%%');
  return { pieces, values };
}

/** Index of the `'` opening an unterminated SQL string literal at the end of `sql`, or -1. */
function openQuote(sql: string): number {
  let open = -1;
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") continue;
    if (open < 0) open = i;
    else if (sql[i + 1] === "'") i++;
    else open = -1;
  }
  return open;
}

function interpolated(ctx: FixContext, prefix: string, expr: string, suffix: string): string {
  if (ctx.python) {
    const esc = (s: string): string => encodePy(s, ctx.quote, false).replace(/[{}]/g, '$&$&');
    return `f${ctx.quote}${esc(prefix)}{${expr}}${esc(suffix)}${ctx.quote}`;
  }
  return `\`${escTemplate(prefix)}\${${expr}}${escTemplate(suffix)}\``;
}

/** The new query text: a plain literal, or an f-string / template when names stay interpolated. */
function literal(ctx: FixContext, a: Analysed, multiline: boolean, names: Map<Node, string>): string {
  const interpolating = a.pieces.some((p) => 'name' in p);
  const flat = (p: Analysed['pieces'][number]): string => ('lit' in p ? p.lit : 'placeholder' in p ? p.placeholder : '');
  if (ctx.python) {
    const triple = multiline && a.pieces.some((p) => flat(p).includes('\n'));
    const q = triple ? ctx.quote.repeat(3) : ctx.quote;
    const body = a.pieces
      .map((p) => {
        if ('name' in p) return `{${names.get(p.name) ?? p.name.text}}`;
        const text = encodePy(flat(p), ctx.quote, triple);
        return interpolating ? text.replace(/[{}]/g, '$&$&') : text;
      })
      .join('');
    return `${interpolating ? 'f' : ''}${q}${body}${q}`;
  }
  const text = a.pieces.map(flat).join('');
  if (!interpolating && !text.includes('\n')) {
    const q = ctx.quote;
    return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
  }
  return `\`${a.pieces.map((p) => ('name' in p ? `\${${names.get(p.name) ?? p.name.text}}` : escTemplate(flat(p)))).join('')}\``;
}

// ------------------------------------------------------------------ drivers and parameter passing

function importedModules(ctx: FixContext): string[] {
  const out: string[] = [];
  for (const n of descendants(ctx.root, new Set(['import_statement', 'import_from_statement', 'call_expression']))) {
    if (n.type === 'import_from_statement') out.push(n.childForFieldName('module_name')?.text ?? '');
    else if (n.type === 'import_statement' && ctx.python) for (const c of namedChildren(n)) out.push((c.childForFieldName('name') ?? c).text);
    else if (n.type === 'import_statement') out.push((n.childForFieldName('source')?.text ?? '').replace(/['"]/g, ''));
    else if (calleeOf(n)?.text === 'require') out.push((n.childForFieldName('arguments')?.namedChild(0)?.text ?? '').replace(/['"`]/g, ''));
  }
  return out;
}

const PY_DRIVERS: [RegExp, Placeholder][] = [
  [/^asyncpg\b/, 'numeric'],
  [/^(psycopg2?|pymysql|MySQLdb|mysql\.connector|pg8000|aiomysql|aiopg)\b|^url:(postgres|mysql)/, 'format'],
  [/^(sqlite3|aiosqlite|duckdb)\b|^url:sqlite/, 'qmark'],
];
const TS_DRIVERS: [RegExp, Placeholder][] = [
  [/^(pg|pg-pool|@neondatabase\/serverless|@vercel\/postgres|postgres|pg-promise)$/, 'numeric'],
  [/^(mysql2?|better-sqlite3|sqlite3?|bun:sqlite|node:sqlite|knex)(\/|$)/, 'qmark'],
];

/** Local names bound by imports → the module they come from. */
function importMap(ctx: FixContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of namedChildren(ctx.root)) {
    if (n.type === 'import_statement' && ctx.python) {
      for (const c of namedChildren(n)) {
        const name = (c.childForFieldName('name') ?? c).text;
        out.set(c.childForFieldName('alias')?.text ?? name.split('.')[0], name);
      }
    } else if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name')?.text ?? '';
      for (const c of namedChildren(n).filter((x) => x !== n.childForFieldName('module_name'))) out.set(c.childForFieldName('alias')?.text ?? c.text, mod);
    } else if (n.type === 'import_statement') {
      const mod = (n.childForFieldName('source')?.text ?? '').replace(/['"]/g, '');
      for (const id of descendants(n, new Set(['identifier']))) out.set(id.text, mod);
    } else if (n.type === 'lexical_declaration' || n.type === 'variable_declaration') {
      const m = /require\((['"])([^'"]+)\1\)/.exec(n.text);
      if (m) for (const id of descendants(n.namedChild(0)?.childForFieldName('name') ?? n, new Set(['identifier', 'shorthand_property_identifier_pattern']))) out.set(id.text, m[2]);
    }
  }
  return out;
}

/** The identifier an expression hangs off: `pg.cursor().execute` → `pg`. */
function rootIdentifier(n: Node | null | undefined): Node | undefined {
  for (let i = 0; n && i < 12; i++) {
    if (n.type === 'identifier') return n;
    n = n.childForFieldName('object') ?? n.childForFieldName('function') ?? n.childForFieldName('constructor') ?? (n.type === 'await' || n.type === 'await_expression' || n.type === 'parenthesized_expression' ? n.namedChild(0) : null);
  }
  return undefined;
}

/** The value a name is bound to: a single local definition, else a module-level assignment. */
function valueOf(ctx: FixContext, id: Node): Node | undefined {
  const local = singleDefinition(ctx, id);
  if (local) return local;
  const stmt = ctx.python ? py.moduleBinding(ctx, id.text) : ts.moduleBinding(ctx, id.text);
  if (!stmt) return undefined;
  if (ctx.python) return stmt.namedChild(0)?.type === 'assignment' ? stmt.namedChild(0)!.childForFieldName('right') ?? undefined : undefined;
  const d = namedChildren(stmt).find((c) => c.type === 'variable_declarator' && c.childForFieldName('name')?.text === id.text);
  return d?.childForFieldName('value') ?? undefined;
}

/** Modules the connection of a call comes from, following the receiver through its definitions. */
function connectionModules(ctx: FixContext, call: Node): string[] {
  const imports = importMap(ctx);
  const out: string[] = [];
  let cur = rootIdentifier(calleeOf(call));
  const seen = new Set<string>();
  for (let hop = 0; cur && hop < 6 && !seen.has(cur.text); hop++) {
    seen.add(cur.text);
    const mod = imports.get(cur.text);
    if (mod) {
      out.push(mod);
      break;
    }
    const value = valueOf(ctx, cur);
    if (!value) break;
    const url = /create_engine\(\s*[rf]?["']([a-z]+)/.exec(value.text);
    if (url) out.push(`url:${url[1]}`);
    cur = rootIdentifier(value);
  }
  return out;
}

function placeholderFor(ctx: FixContext, call: Node): Placeholder {
  if (ctx.python && calleeName(calleeOf(call)?.text) === 'text') return 'named';
  const drivers = ctx.python ? PY_DRIVERS : TS_DRIVERS;
  for (const mod of connectionModules(ctx, call)) for (const [re, style] of drivers) if (re.test(mod)) return style;
  // The connection comes from elsewhere: go by the one driver family the file imports, if only one.
  const mods = importedModules(ctx);
  const styles = new Set(drivers.filter(([re]) => mods.some((m) => re.test(m))).map(([, style]) => style));
  if (styles.size === 1) return [...styles][0];
  return 'qmark';
}

/** Adds the bound values to the call: after the query argument, or to the statement a `prepare` returns. */
function passValues(ctx: FixContext, call: Node, queryArg: Node, a: Analysed, placeholder: Placeholder): boolean {
  const name = calleeName(calleeOf(call)?.text);
  if (ctx.python) {
    if (name === 'executescript' || name === 'executemany') return false;
    const others = positionalArgs(call).filter((p) => p.id !== queryArg.id);
    if (placeholder === 'named') {
      // SQLAlchemy text(): the values go, by name, to the execute() that runs it.
      const dict = `{${a.values.map((v, i) => `${ctx.str(`p${i + 1}`)}: ${v}`).join(', ')}}`;
      if (name !== 'text') {
        if (others.length > 0) return false;
        ctx.edits.insert(queryArg.endIndex, `, ${dict}`);
        return true;
      }
      const outer = call.parent?.parent;
      if (outer?.type === 'call' && positionalArgs(outer)[0]?.id === call.id) {
        if (positionalArgs(outer).length > 1) return false;
        ctx.edits.insert(call.endIndex, `, ${dict}`);
        return true;
      }
      // `stmt = text(...)` then `conn.execute(stmt)`: the one call that runs the variable takes the values.
      const assign = call.parent;
      const variable = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
      if (variable?.type !== 'identifier' || !ctx.toolFn) return false;
      const runs = descendants(ctx.toolFn, new Set(['call'])).filter((c) => c.startIndex > call.endIndex && positionalArgs(c)[0]?.text === variable.text);
      if (runs.length !== 1 || positionalArgs(runs[0]).length > 1) return false;
      ctx.edits.insert(positionalArgs(runs[0])[0].endIndex, `, ${dict}`);
      return true;
    }
    if (/^read_sql(_query)?$/.test(name)) {
      if (/\bparams\s*=/.test(call.text)) return false;
      const list = call.childForFieldName('arguments')!;
      ctx.edits.insert(list.endIndex - 1, `${/,\s*$/.test(list.text.slice(0, -1)) ? ' ' : ', '}params=${pyTuple(a.values)}`);
      return true;
    }
    if (others.length > 0 || positionalArgs(call)[0]?.id !== queryArg.id) return false;
    ctx.edits.insert(queryArg.endIndex, placeholder === 'numeric' ? a.values.map((v) => `, ${v}`).join('') : `, ${pyTuple(a.values)}`);
    return true;
  }
  const args = positionalArgs(call);
  if (args[0]?.id !== queryArg.id) return false;
  if (name === 'prepare') {
    // better-sqlite3: db.prepare(sql).all(...values)
    const member = call.parent;
    const run = member?.parent;
    if (member?.type !== 'member_expression' || run?.type !== 'call_expression' || positionalArgs(run).length > 0) return false;
    const list = run.childForFieldName('arguments')!;
    ctx.edits.insert(list.startIndex + 1, a.values.join(', '));
    return true;
  }
  if (name === 'exec' || /Unsafe$/.test(name)) return false;
  // A callback may follow the query (node sqlite3, mysql): the values go between them.
  if (args[1] && !isFunction(args[1])) return false;
  const values = `[${a.values.join(', ')}]`;
  const text = /sequelize/i.test(calleeOf(call)?.text ?? '') ? `{ replacements: ${values} }` : values;
  ctx.edits.insert(queryArg.endIndex, `, ${text}`);
  return true;
}

function pyTuple(values: string[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}

/** Prisma `$queryRawUnsafe(`...${x}...`)` → the tagged `$queryRaw`...`` that binds the values itself. */
function prismaTagged(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const callee = calleeOf(call);
  const prop = callee?.type === 'member_expression' ? callee.childForFieldName('property') : undefined;
  if (!prop || !/^\$(queryRaw|executeRaw)Unsafe$/.test(prop.text) || arg.type !== 'template_string' || positionalArgs(call).length !== 1) return undefined;
  const segments = tsSegments(arg);
  if (!segments) return undefined;
  // Quotes around a substitution belong to the SQL literal the binding replaces.
  let text = '';
  const src = ctx.doc.text;
  let at = arg.startIndex;
  for (const c of namedChildren(arg)) {
    if (c.type !== 'template_substitution') continue;
    let before = src.slice(at, c.startIndex);
    let skip = 0;
    if (before.endsWith("'") && src[c.endIndex] === "'") {
      before = before.slice(0, -1);
      skip = 1;
    }
    text += before + c.text;
    at = c.endIndex + skip;
  }
  text += src.slice(at, arg.endIndex);
  ctx.edits.replace(prop.startIndex, prop.endIndex, prop.text.replace(/Unsafe$/, ''));
  const list = call.childForFieldName('arguments')!;
  ctx.edits.replace(list.startIndex, list.endIndex, text);
  return `Use the tagged ${prop.text.replace(/Unsafe$/, '')}\`…\` so Prisma binds the values`;
}

// ------------------------------------------------------------------ the builder

export const buildSql: Builder = (ctx: FixContext) => {
  const call = ctx.callNode();
  const arg = ctx.argNode() ?? (call ? positionalArgs(call)[0] : undefined);
  if (!call || !arg) return undefined;
  if (!ctx.python) {
    const tagged = prismaTagged(ctx, call, arg);
    if (tagged) return tagged;
  }
  const construction = findConstruction(ctx, arg);
  if (!construction) return guard(ctx, call, arg);
  const placeholder = construction.viaText ? 'named' : placeholderFor(ctx, call);
  const analysed = analyse(ctx, construction.segments, placeholder);
  if (!analysed) return guard(ctx, call, arg);
  // A name (table, column, condition) cannot be bound: it is replaced by the allowlisted constant it equals,
  // so the SQL text is built from the module's constants only.
  const checks: Lines = [];
  const names = new Map<Node, string>();
  for (const p of analysed.pieces) {
    if (!('name' in p)) continue;
    if (/^[A-Z][A-Z0-9_]*$/.test(p.name.text)) continue; // a module constant, not model input
    const list = ensureAllowlist(ctx, ...NAME_LISTS[p.kind]);
    const expr = p.name.text;
    if (/\n/.test(expr)) return undefined;
    const local = ctx.fresh(ctx.python ? `${p.kind}_name` : `${p.kind}Name`);
    const item = ctx.fresh('allowed');
    names.set(p.name, local);
    if (ctx.python) {
      checks.push(`${local} = next((${item} for ${item} in ${list} if ${item} == ${expr}), None)`, ...guardLines(ctx, `${local} is None`, refusal(ctx, `${p.kind} not allowed`, expr)));
    } else {
      const array = notIn(ctx, 'x', list).includes('.includes(') ? list : `Array.from(${list})`;
      checks.push(`const ${local} = ${array}.find((${item}) => ${item} === ${expr});`, ...guardLines(ctx, `${local} === undefined`, refusal(ctx, `${p.kind} not allowed`, expr)));
    }
  }
  if (analysed.values.length > 0 && !passValues(ctx, call, arg, analysed, placeholder)) return guard(ctx, call, arg);
  ctx.edits.replace(construction.node.startIndex, construction.node.endIndex, literal(ctx, analysed, construction.multiline, names));
  if (checks.length > 0 && !ctx.insertBefore(construction.node, checks)) return undefined;
  if (analysed.values.length === 0) return 'Build the SQL from allowlisted names only';
  return checks.length > 0 ? 'Bind the values as query parameters and take the names from an allowlist' : 'Bind the values as query parameters';
};

/** SQL the model writes: allow only the tables of ALLOWED_TABLES, on a read-only connection. */
function guard(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const allowed = ensureAllowlist(ctx, 'ALLOWED_TABLES', 'tables agent tools may query', 'customers');
  const c = ctx.python ? '#' : '//';
  const ro = readOnly(ctx);
  const note = ro ? [] : [`${c} Agent Boundary: also open this connection read-only (${ctx.python ? 'sqlite3: "file:app.db?mode=ro", uri=True' : 'better-sqlite3: { readonly: true }'}).`];
  let lines: Lines;
  if (ctx.python) {
    const re = py.moduleRef(ctx, 're');
    const q3 = ctx.quote.repeat(3);
    const fn = py.ensureFunction(ctx, 'sql_tables', [
      'def sql_tables(sql):',
      `\t${q3}Agent Boundary: the tables a SQL statement names (after FROM, JOIN, INTO, UPDATE, TABLE).${q3}`,
      `\treturn {name.lower() for name in ${re}.findall(r${ctx.quote}\\b(?:from|join|into|update|table)\\s+\\W?([\\w.]+)${ctx.quote}, sql, ${re}.IGNORECASE)}`,
    ]);
    const table = ctx.fresh('table');
    lines = [...note, ...guardLines(ctx, `not all(${table} in ${allowed} for ${table} in ${fn}(${arg.text}))`, refusal(ctx, 'query uses a table outside ALLOWED_TABLES'))];
  } else {
    const t = ctx.typed;
    const fn = ts.ensureFunction(ctx, 'sqlTables', [
      '/** Agent Boundary: the tables a SQL statement names (after FROM, JOIN, INTO, UPDATE, TABLE). */',
      `function sqlTables(sql${t ? ': string' : ''})${t ? ': string[]' : ''} {`,
      `\tconst tables${t ? ': string[]' : ''} = [];`,
      '\tconst pattern = /\\b(?:from|join|into|update|table)\\s+\\W?([\\w.]+)/gi;',
      '\tfor (let m = pattern.exec(sql); m; m = pattern.exec(sql)) tables.push(m[1].toLowerCase());',
      '\treturn tables;',
      '}',
    ]);
    const table = ctx.fresh('table');
    const member = notIn(ctx, table, allowed).replace(/^!/, '');
    lines = [...note, ...guardLines(ctx, `!${fn}(${arg.text}).every((${table}) => ${member})`, refusal(ctx, 'query uses a table outside ALLOWED_TABLES'))];
  }
  return ctx.insertBefore(call, lines) ? 'Allow only the tables in ALLOWED_TABLES, on a read-only connection' : undefined;
}

/** Makes a `sqlite3.connect(x)` / `new Database(x)` inside the tool read-only; false when there is none. */
function readOnly(ctx: FixContext): boolean {
  if (!ctx.toolFn) return false;
  for (const n of descendants(ctx.toolFn, new Set(['call', 'new_expression']))) {
    const callee = calleeOf(n)?.text ?? '';
    const args = positionalArgs(n);
    if (ctx.python && /(^|\.)duckdb\.connect$/.test(callee) && args.length === 1 && !/read_only/.test(n.text)) {
      ctx.edits.insert(args[0].endIndex, ', read_only=True');
      return true;
    }
    if (ctx.python && /(^|\.)sqlite3\.connect$|^connect$/.test(callee) && args.length === 1 && !/mode=ro|uri\s*=/.test(n.text)) {
      const a = args[0];
      const q = ctx.quote;
      const target = a.type === 'string' && pyStringParts(a)?.prefix === '' ? `${q}file:${pyStringParts(a)!.inner}?mode=ro${q}` : `f${q}file:{${a.text}}?mode=ro${q}`;
      ctx.edits.replace(a.startIndex, a.endIndex, `${target}, uri=True`);
      return true;
    }
    if (!ctx.python && n.type === 'new_expression' && /^(Database|sqlite\.Database|Sqlite)$/.test(callee) && args.length === 1) {
      ctx.edits.insert(args[0].endIndex, ', { readonly: true }');
      return true;
    }
  }
  return false;
}
