// String literals as the fixes read and write them: a built string (f-string, template literal,
// concatenation, %-formatting, str.format) split into literal text and interpolated expressions, and
// literal text encoded back for Python or TS source.
import type { FixContext } from './context';
import { positionalArgs } from './common';
import { descendants, namedChildren, type Node } from './syntax';

export type Segment = { lit: string } | { expr: Node; plain: boolean };

const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

export function decodeEscapes(raw: string, python: boolean): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (m, e: string) => {
    if (e[0] === 'u' && e.length > 1) return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e in PY_ESCAPES) return PY_ESCAPES[e];
    if (!python && (e === '`' || e === '$')) return e;
    return python ? m : e;
  });
}

/** Python string node → prefix, delimiter, and the source between the delimiters. */
export function pyStringParts(n: Node): { prefix: string; delim: string; inner: string } | undefined {
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

export function tsSegments(n: Node): Segment[] | undefined {
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

export function unwrapParens(n: Node): Node {
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** Splits a built query into literal text and interpolated expressions; undefined when it is not one. */
export function segmentsOf(ctx: FixContext, node: Node): Segment[] | undefined {
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

export function escTemplate(s: string): string {
  return s.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
}

export function encodePy(s: string, quote: string, triple: boolean): string {
  let out = s.replace(/\\/g, '\\\\');
  if (!triple) out = out.replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  else out = out.replace(new RegExp(`${quote}${quote}${quote}`, 'g'), `\\${quote}\\${quote}\\${quote}`).replace(new RegExp(`${quote}$`), `\\${quote}`);
  return out.replace(/\t/g, '\\t');
}

/** The one assignment of a local before `use` in the tool (`path = os.path.join(...)`), if it has exactly one. */
export function singleDefinition(ctx: FixContext, use: Node): Node | undefined {
  if (use.type !== 'identifier' || !ctx.toolFn) return undefined;
  const values: Node[] = [];
  for (const n of descendants(ctx.toolFn)) {
    // `with sqlite3.connect(db) as conn:`
    if (n.type === 'as_pattern' && n.childForFieldName('alias')?.text === use.text && n.namedChild(0)) {
      values.push(n.namedChild(0)!);
      continue;
    }
    const left = n.childForFieldName('left') ?? (n.type === 'variable_declarator' ? n.childForFieldName('name') : null);
    if (left?.text !== use.text) continue;
    if (n.type === 'augmented_assignment' || n.type === 'for_statement' || n.type === 'for_in_statement' || n.type === 'for_in_clause') return undefined;
    if (n.type === 'assignment' || n.type === 'assignment_expression') values.push(n.childForFieldName('right')!);
    if (n.type === 'variable_declarator' && n.childForFieldName('value')) values.push(n.childForFieldName('value')!);
  }
  return values.length === 1 && values[0] && values[0].endIndex <= use.startIndex ? values[0] : undefined;
}
