// sql: a query built by f-string / template / concatenation / %-formatting / .format becomes constant text
// with bound parameters where the interpolations are values (placeholder style by driver); names in
// identifier positions are checked against ALLOWED_TABLES / ALLOWED_COLUMNS. SQL the model writes whole
// gets a guard instead: the tables it names must be in ALLOWED_TABLES, and the connection read-only.
import type { FixContext, Lines } from './context';
import { calleeName, calleeOf, ensureAllowlist, guardLines, positionalArgs, refusal, type Builder } from './common';
import * as py from './pymod';
import { descendants, isFunction, namedChildren, type Node } from './syntax';
import * as ts from './tsmod';

type Placeholder = 'qmark' | 'format' | 'numeric' | 'named';

type Segment = { lit: string } | { expr: Node; plain: boolean };

interface Construction {
  /** The node holding the built query text (replaced by the new text). */
  node: Node;
  segments: Segment[];
  /** Python: emit a triple-quoted literal (the query spans lines). */
  multiline: boolean;
}

// ------------------------------------------------------------------ string literals

const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function decodeEscapes(raw: string, python: boolean): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (m, e: string) => {
    if (e[0] === 'u' && e.length > 1) return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e in PY_ESCAPES) return PY_ESCAPES[e];
    if (!python && (e === '`' || e === '$')) return e;
    return python ? m : e;
  });
}

/** Python string node → prefix, delimiter, and the source between the delimiters. */
function pyStringParts(n: Node): { prefix: string; delim: string; inner: string } | undefined {
  const m = /^([rRbBuUfF]*)("""|'''|"|')([\s\S]*)\2$/.exec(n.text);
  return m ? { prefix: m[1].toLowerCase(), delim: m[2], inner: m[3] } : undefined;
}

/** Segments of one Python string literal (f-string interpolations become expressions). */
function pySegments(n: Node): Segment[] | undefined {
  const parts = pyStringParts(n);
  if (!parts || parts.prefix.includes('b') || parts.prefix.includes('r')) return undefined;
  const out: Segment[] = [];
  const fmt = parts.prefix.includes('f');
  const innerStart = n.startIndex + parts.prefix.length + parts.delim.length;
  let at = innerStart;
  const lit = (s: string): string => decodeEscapes(fmt ? s.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : s, true);
  for (const c of namedChildren(n)) {
    if (c.type !== 'interpolation') continue;
    out.push({ lit: lit(n.tree.rootNode.text.slice(at, c.startIndex)) });
    const expr = c.childForFieldName('expression');
    if (!expr) return undefined;
    const plain = !c.childForFieldName('type_conversion') && !c.childForFieldName('format_specifier') && !/=\s*$/.test(c.text.slice(1, -1));
    out.push({ expr, plain });
    at = c.endIndex;
  }
  out.push({ lit: lit(n.tree.rootNode.text.slice(at, n.endIndex - parts.delim.length)) });
  return out;
}

function tsSegments(n: Node): Segment[] | undefined {
  if (n.type === 'string') return [{ lit: decodeEscapes(n.text.slice(1, -1), false) }];
  if (n.type !== 'template_string') return undefined;
  const out: Segment[] = [];
  let at = n.startIndex + 1;
  const src = n.tree.rootNode.text;
  for (const c of namedChildren(n)) {
    if (c.type !== 'template_substitution') continue;
    out.push({ lit: decodeEscapes(src.slice(at, c.startIndex), false) });
    const expr = c.namedChild(0);
    if (!expr) return undefined;
    out.push({ expr, plain: true });
    at = c.endIndex;
  }
  out.push({ lit: decodeEscapes(src.slice(at, n.endIndex - 1), false) });
  return out;
}

function stringSegments(ctx: FixContext, n: Node): Segment[] | undefined {
  if (ctx.python) {
    if (n.type === 'string') return pySegments(n);
    if (n.type === 'concatenated_string') {
      const all: Segment[] = [];
      for (const c of namedChildren(n)) {
        const s = c.type === 'string' ? pySegments(c) : undefined;
        if (!s) return undefined;
        all.push(...s);
      }
      return all;
    }
    return undefined;
  }
  return tsSegments(n);
}

// ------------------------------------------------------------------ query constructions

function unwrapParens(n: Node): Node {
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** Splits a built query into literal text and interpolated expressions; undefined when it is not one. */
function segmentsOf(ctx: FixContext, node: Node): Segment[] | undefined {
  const n = unwrapParens(node);
  const direct = stringSegments(ctx, n);
  if (direct) return direct;
  if ((n.type === 'binary_operator' || n.type === 'binary_expression') && n.childForFieldName('operator')?.text === '+') {
    const left = segmentsOf(ctx, n.childForFieldName('left')!) ?? [{ expr: n.childForFieldName('left')!, plain: true }];
    const right = segmentsOf(ctx, n.childForFieldName('right')!) ?? [{ expr: n.childForFieldName('right')!, plain: true }];
    return [...left, ...right];
  }
  if (ctx.python && n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '%') {
    const fmt = unwrapParens(n.childForFieldName('left')!);
    const right = unwrapParens(n.childForFieldName('right')!);
    const parts = fmt.type === 'string' ? pyStringParts(fmt) : undefined;
    if (!parts || parts.prefix !== '' || right.type === 'dictionary') return undefined;
    const values = right.type === 'tuple' ? namedChildren(right) : [right];
    return percentSegments(decodeEscapes(parts.inner, true), values);
  }
  if (ctx.python && n.type === 'call') {
    const fn = n.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
      const obj = unwrapParens(fn.childForFieldName('object')!);
      const parts = obj.type === 'string' ? pyStringParts(obj) : undefined;
      if (!parts || parts.prefix !== '') return undefined;
      return formatSegments(decodeEscapes(parts.inner, true), n);
    }
  }
  return undefined;
}

function percentSegments(text: string, values: Node[]): Segment[] | undefined {
  const out: Segment[] = [];
  let lit = '';
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') {
      lit += text[i];
      continue;
    }
    const m = /^%(%|[sdif])/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length - 1;
    if (m[1] === '%') {
      lit += '%';
      continue;
    }
    if (v >= values.length) return undefined;
    out.push({ lit }, { expr: values[v++], plain: true });
    lit = '';
  }
  if (v !== values.length) return undefined;
  out.push({ lit });
  return out;
}

function formatSegments(text: string, call: Node): Segment[] | undefined {
  const positional = positionalArgs(call);
  const keywords = new Map<string, Node>();
  for (const a of namedChildren(call.childForFieldName('arguments'))) {
    if (a.type === 'keyword_argument') keywords.set(a.childForFieldName('name')!.text, a.childForFieldName('value')!);
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
  }
  const out: Segment[] = [];
  let lit = '';
  let auto = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      lit += c;
      i++;
      continue;
    }
    if (c !== '{') {
      lit += c;
      continue;
    }
    const m = /^\{(\w*)\}/.exec(text.slice(i));
    if (!m) return undefined;
    const key = m[1];
    const expr = key === '' ? positional[auto++] : /^\d+$/.test(key) ? positional[Number(key)] : keywords.get(key);
    if (!expr) return undefined;
    out.push({ lit }, { expr, plain: true });
    lit = '';
    i += m[0].length - 1;
  }
  out.push({ lit });
  return out;
}

/** The query's construction: the argument itself, or the one assignment of the named variable before the sink. */
function findConstruction(ctx: FixContext, arg: Node): Construction | undefined {
  const direct = segmentsOf(ctx, arg);
  if (direct) return withExprs(direct) ? { node: arg, segments: direct, multiline: /\n/.test(arg.text) } : undefined;
  if (arg.type !== 'identifier' || !ctx.toolFn) return undefined;
  const assigns: Node[] = [];
  for (const n of descendants(ctx.toolFn)) {
    if (n.type === 'assignment' && n.childForFieldName('left')?.text === arg.text) assigns.push(n.childForFieldName('right')!);
    if (n.type === 'augmented_assignment' && n.childForFieldName('left')?.text === arg.text) return undefined;
    if (n.type === 'variable_declarator' && n.childForFieldName('name')?.text === arg.text && n.childForFieldName('value')) assigns.push(n.childForFieldName('value')!);
    if (n.type === 'assignment_expression' && n.childForFieldName('left')?.text === arg.text) assigns.push(n.childForFieldName('right')!);
  }
  if (assigns.length !== 1 || !assigns[0] || assigns[0].startIndex > arg.startIndex) return undefined;
  const segments = segmentsOf(ctx, assigns[0]);
  return segments && withExprs(segments) ? { node: assigns[0], segments, multiline: /\n/.test(assigns[0].text) } : undefined;
}

function withExprs(segments: Segment[]): boolean {
  return segments.some((s) => 'expr' in s);
}

// ------------------------------------------------------------------ SQL positions

/** The query with its interpolations classified: bound values become placeholders, names stay. */
interface Analysed {
  pieces: ({ lit: string } | { placeholder: string } | { name: Node; kind: 'table' | 'column' })[];
  values: string[];
}

const TABLE_BEFORE = /\b(from|join|into|update|table|exists)\s*$/i;
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
    pieces.push({ name: s.expr, kind: TABLE_BEFORE.test(sql) ? 'table' : 'column' });
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

function escTemplate(s: string): string {
  return s.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
}

function encodePy(s: string, quote: string, triple: boolean): string {
  let out = s.replace(/\\/g, '\\\\');
  if (!triple) out = out.replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  else out = out.replace(new RegExp(`${quote}${quote}${quote}`, 'g'), `\\${quote}\\${quote}\\${quote}`).replace(new RegExp(`${quote}$`), `\\${quote}`);
  return out.replace(/\t/g, '\\t');
}

/** The new query text: a plain literal, or an f-string / template when names stay interpolated. */
function literal(ctx: FixContext, a: Analysed, multiline: boolean): string {
  const interpolating = a.pieces.some((p) => 'name' in p);
  const flat = (p: Analysed['pieces'][number]): string => ('lit' in p ? p.lit : 'placeholder' in p ? p.placeholder : '');
  if (ctx.python) {
    const triple = multiline && a.pieces.some((p) => flat(p).includes('\n'));
    const q = triple ? ctx.quote.repeat(3) : ctx.quote;
    const body = a.pieces
      .map((p) => {
        if ('name' in p) return `{${p.name.text}}`;
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
  return `\`${a.pieces.map((p) => ('name' in p ? `\${${p.name.text}}` : escTemplate(flat(p)))).join('')}\``;
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

function placeholderFor(ctx: FixContext, call: Node): Placeholder {
  const mods = importedModules(ctx);
  const has = (re: RegExp): boolean => mods.some((m) => re.test(m));
  if (ctx.python) {
    if (calleeName(calleeOf(call)?.text) === 'text') return 'named';
    if (has(/^asyncpg/)) return 'numeric';
    if (has(/^(psycopg2?|pymysql|MySQLdb|mysql\.connector|pg8000|aiomysql|aiopg)\b/) && !has(/^(sqlite3|aiosqlite|duckdb)\b/)) return 'format';
    return 'qmark';
  }
  if (has(/^(pg|pg-pool|@neondatabase\/serverless|@vercel\/postgres|postgres|pg-promise)$/) && !has(/^(mysql2?|better-sqlite3|sqlite3?|bun:sqlite|node:sqlite)(\/|$)/)) return 'numeric';
  return 'qmark';
}

/** Adds the bound values to the call: after the query argument, or to the statement a `prepare` returns. */
function passValues(ctx: FixContext, call: Node, queryArg: Node, a: Analysed, placeholder: Placeholder): boolean {
  const name = calleeName(calleeOf(call)?.text);
  if (ctx.python) {
    if (name === 'executescript' || name === 'executemany') return false;
    const others = positionalArgs(call).filter((p) => p.id !== queryArg.id);
    if (name === 'text' && placeholder === 'named') {
      // SQLAlchemy text(): the values go to the execute() that runs it.
      const outer = call.parent?.parent;
      if (outer?.type !== 'call' || positionalArgs(outer)[0]?.id !== call.id || positionalArgs(outer).length > 1) return false;
      const dict = a.values.map((v, i) => `${ctx.str(`p${i + 1}`)}: ${v}`).join(', ');
      ctx.edits.insert(call.endIndex, `, {${dict}}`);
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
  const placeholder = placeholderFor(ctx, call);
  const analysed = analyse(ctx, construction.segments, placeholder);
  if (!analysed) return guard(ctx, call, arg);
  const checks: Lines = [];
  for (const p of analysed.pieces) {
    if (!('name' in p)) continue;
    if (/^[A-Z][A-Z0-9_]*$/.test(p.name.text)) continue; // a module constant, not model input
    const list = p.kind === 'table' ? ensureAllowlist(ctx, 'ALLOWED_TABLES', 'tables agent tools may query', 'customers') : ensureAllowlist(ctx, 'ALLOWED_COLUMNS', 'column names agent tools may use in queries', 'created_at');
    const expr = p.name.text;
    if (/\n/.test(expr)) return undefined;
    checks.push(...guardLines(ctx, ctx.python ? `${expr} not in ${list}` : `!${list}.has(${expr})`, refusal(ctx, `${p.kind} not allowed`, expr)));
  }
  if (analysed.values.length > 0 && !passValues(ctx, call, arg, analysed, placeholder)) return guard(ctx, call, arg);
  ctx.edits.replace(construction.node.startIndex, construction.node.endIndex, literal(ctx, analysed, construction.multiline));
  if (checks.length > 0 && !ctx.insertBefore(construction.node, checks)) return undefined;
  if (analysed.values.length === 0) return 'Check the table and column names against an allowlist';
  return checks.length > 0 ? 'Bind the values as query parameters and allowlist the names' : 'Bind the values as query parameters';
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
    lines = [...note, ...guardLines(ctx, `not ${fn}(${arg.text}) <= ${allowed}`, refusal(ctx, 'query uses a table outside ALLOWED_TABLES'))];
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
    lines = [...note, ...guardLines(ctx, `!${fn}(${arg.text}).every((table) => ${allowed}.has(table))`, refusal(ctx, 'query uses a table outside ALLOWED_TABLES'))];
  }
  return ctx.insertBefore(call, lines) ? 'Allow only the tables in ALLOWED_TABLES, on a read-only connection' : undefined;
}

/** Makes a `sqlite3.connect(x)` / `new Database(x)` inside the tool read-only; false when there is none. */
function readOnly(ctx: FixContext): boolean {
  if (!ctx.toolFn) return false;
  for (const n of descendants(ctx.toolFn, new Set(['call', 'new_expression']))) {
    const callee = calleeOf(n)?.text ?? '';
    const args = positionalArgs(n);
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
