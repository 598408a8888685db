// Deterministic generator of agent-code trees for the benchmarks.
//
// A tree is a set of packages (Python or TypeScript), each laid out like a real service: tool
// modules for the frameworks of RISK-MODEL (unscoped and scoped tools, some calling helpers in
// other files), the helper modules they import, agent wiring, and a majority of ordinary code
// (models, utilities, API clients and repositories, CLI scripts, tests, config). File sizes vary
// from 20 to 600 lines. The same (files, seed, lang) always yields byte-identical trees.
//
//   npx tsx bench/generate.ts --out DIR [--files 1000] [--seed 1] [--lang python|ts|mixed]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Rng } from './rng';

export type Lang = 'python' | 'ts';
export type LangMix = 'python' | 'ts' | 'mixed';
type Kind = 'tool' | 'agent' | 'helper' | 'model' | 'util' | 'service' | 'cli' | 'test' | 'config' | 'init';
type Cap = 'net' | 'fs' | 'sql' | 'exec' | 'secret' | 'txn' | 'none';

/** Bump when templates change, so cached trees are regenerated. */
export const GENERATOR_VERSION = 3;

const KIND_WEIGHTS: Record<Exclude<Kind, 'init' | 'agent'>, number> = {
  tool: 13,
  helper: 7,
  model: 16,
  util: 18,
  service: 14,
  cli: 6,
  test: 20,
  config: 6,
};

const CAP_WEIGHTS: Record<Cap, number> = { net: 22, fs: 16, sql: 14, exec: 8, secret: 6, txn: 10, none: 24 };

const NOUNS = [
  'invoice', 'customer', 'order', 'report', 'ticket', 'weather', 'repo', 'document', 'account', 'shipment',
  'product', 'payment', 'employee', 'contract', 'calendar', 'message', 'article', 'dataset', 'metric', 'booking',
  'refund', 'lead', 'campaign', 'incident', 'release', 'user', 'note', 'recipe', 'flight', 'policy',
];
const VERBS = ['fetch', 'get', 'load', 'read', 'list', 'search', 'sync', 'lookup', 'download', 'query', 'find', 'export'];
const DOMAINS = ['example.com', 'internal.example.org', 'api.acme.io', 'data.contoso.net', 'svc.initech.dev'];
const WORDS = [
  'the', 'agent', 'returns', 'a', 'short', 'summary', 'of', 'records', 'matching', 'filter', 'for', 'current',
  'user', 'with', 'pagination', 'and', 'retries', 'when', 'upstream', 'is', 'slow', 'cached', 'results', 'fresh',
];

// ---------------------------------------------------------------------------------------------
// Plan: packages, files, and what each module exports (so other files can import it).

interface Export {
  name: string;
  cap: Cap;
  role: 'sink' | 'guard' | 'audit' | 'model' | 'util' | 'tool';
}

interface FilePlan {
  rel: string;
  kind: Kind;
  lang: Lang;
  /** Python dotted module, or the TS path without extension (relative to the tree root). */
  module: string;
  seed: number;
  lines: number;
  exports: Export[];
}

interface PackagePlan {
  name: string;
  lang: Lang;
  /** TS packages that write `./x.js` in relative imports (ESM style) instead of `./x`. */
  jsSuffix: boolean;
  files: FilePlan[];
}

interface TreePlan {
  packages: PackagePlan[];
  /** Shared helper packages other packages import from (one per language present). */
  common: Partial<Record<Lang, PackagePlan>>;
}

const SUBDIR: Record<Exclude<Kind, 'init'>, string> = {
  tool: 'tools',
  agent: 'agents',
  helper: 'lib',
  model: 'models',
  util: 'utils',
  service: 'services',
  cli: 'scripts',
  test: 'tests',
  config: 'config',
};

function fileLines(rng: Rng): number {
  // Log-normal around 120 lines, clipped to the 20–600 range seen in real repositories.
  // The cap leaves room for the last block, which may overshoot the target.
  const n = Math.round(Math.exp(Math.log(120) + 0.75 * rng.normal()));
  return Math.min(550, Math.max(20, n));
}

function identifier(rng: Rng, used: Set<string>, make: () => string): string {
  for (let i = 0; ; i++) {
    const base = make();
    const name = i < 4 ? base : `${base}_${i}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function pascal(snake: string): string {
  const c = camel(snake);
  return c[0].toUpperCase() + c.slice(1);
}

function planExports(kind: Kind, lang: Lang, rng: Rng, used: Set<string>): Export[] {
  const name = (s: string) => (lang === 'python' ? s : camel(s));
  const out: Export[] = [];
  if (kind === 'helper') {
    const caps: Cap[] = ['net', 'fs', 'sql', 'exec', 'secret', 'txn'];
    const n = rng.int(2, 4);
    for (let i = 0; i < n; i++) {
      const cap = rng.pick(caps);
      const noun = rng.pick(NOUNS);
      const fn = { net: `fetch_${noun}_json`, fs: `read_${noun}_file`, sql: `run_${noun}_query`, exec: `run_${noun}_command`, secret: `${noun}_credential`, txn: `submit_${noun}_refund`, none: noun }[cap];
      out.push({ name: identifier(rng, used, () => name(fn)), cap, role: 'sink' });
    }
    out.push({ name: identifier(rng, used, () => name(`ensure_${rng.pick(['allowed_host', 'host_allowed', 'trusted_url'])}`)), cap: 'net', role: 'guard' });
    out.push({ name: identifier(rng, used, () => name(`ensure_${rng.pick(['inside_root', 'safe_path', 'path_in_workspace'])}`)), cap: 'fs', role: 'guard' });
    out.push({ name: identifier(rng, used, () => name(`audit_${rng.pick(['event', 'tool_call', 'action'])}`)), cap: 'none', role: 'audit' });
  } else if (kind === 'model') {
    const n = rng.int(2, 5);
    for (let i = 0; i < n; i++) out.push({ name: identifier(rng, used, () => pascal(rng.pick(NOUNS))), cap: 'none', role: 'model' });
  } else if (kind === 'util') {
    const n = rng.int(2, 6);
    for (let i = 0; i < n; i++) out.push({ name: identifier(rng, used, () => name(rng.pick(UTIL_NAMES))), cap: 'none', role: 'util' });
  }
  return out;
}

const UTIL_NAMES = ['slugify', 'chunked', 'truncate', 'dedupe', 'flatten', 'clamp', 'merge_dicts', 'parse_iso', 'retry', 'normalize_whitespace'];

export function planTree(files: number, seed: number, mix: LangMix): TreePlan {
  const rng = new Rng(seed);
  const packages: PackagePlan[] = [];
  const common: Partial<Record<Lang, PackagePlan>> = {};
  const usedPkg = new Set<string>();
  let remaining = files;
  let fileSeed = 0;
  while (remaining > 0) {
    let size = Math.min(remaining, rng.int(15, 60));
    if (remaining - size < 12) size = remaining;
    remaining -= size;
    const lang: Lang = mix === 'mixed' ? (rng.chance(0.55) ? 'python' : 'ts') : mix;
    const isCommon = !common[lang];
    const name = isCommon ? (lang === 'python' ? 'common' : 'shared') : identifier(rng, usedPkg, () => `${rng.pick(NOUNS)}_${rng.pick(['service', 'agent', 'bot', 'api', 'worker', 'assistant'])}`);
    const pkg: PackagePlan = { name, lang, jsSuffix: lang === 'ts' && rng.chance(0.3), files: [] };
    const kinds: Kind[] = ['helper', 'model', 'util'];
    if (isCommon) kinds.push('helper');
    while (kinds.length < size) kinds.push(rng.weighted(KIND_WEIGHTS));
    if (kinds.filter((k) => k === 'tool').length >= 2 && size > 8) kinds[kinds.length - 1] = 'agent';
    kinds.length = size;
    if (lang === 'python') {
      // Each used subdirectory and the package root get an __init__.py, in place of the last planned files.
      const sub = (ks: Kind[]) => new Set(ks.map((k) => SUBDIR[k as Exclude<Kind, 'init'>]));
      let nInit = 0;
      for (;;) {
        const need = sub(kinds.slice(0, size - nInit)).size + 1;
        if (need <= nInit) break;
        nInit = need;
      }
      const body = kinds.slice(0, size - nInit);
      const inits = sub(body).size + 1;
      while (body.length < size - inits) body.push('util');
      while (body.length < size) body.push('init');
      kinds.splice(0, kinds.length, ...body);
    }
    const used = new Set<string>();
    const perDir = new Map<string, number>();
    const initDirs = lang === 'python' ? ['', ...new Set(kinds.filter((k) => k !== 'init').map((k) => SUBDIR[k as Exclude<Kind, 'init'>]))] : [];
    let initIndex = 0;
    for (const kind of kinds) {
      const fr = rng.fork(fileSeed++);
      let rel: string;
      let lines = fileLines(fr);
      if (kind === 'init') {
        const dir = initDirs[initIndex++];
        rel = join(name, dir, '__init__.py');
        lines = fr.int(20, 40);
      } else {
        const dir = SUBDIR[kind];
        const count = (perDir.get(dir) ?? 0) + 1;
        perDir.set(dir, count);
        const stem = identifier(fr, used, () => {
          const noun = fr.pick(NOUNS);
          return kind === 'test' ? `test_${noun}` : kind === 'tool' ? `${noun}_tools` : kind === 'helper' ? `${noun}_${fr.pick(['client', 'io', 'store', 'ops'])}` : kind === 'agent' ? `${noun}_agent` : kind === 'config' ? `settings_${noun}` : `${noun}${kind === 'model' ? '' : '_' + kind}`;
        });
        const tsStem = kind === 'test' ? `${camel(stem.replace(/^test_/, ''))}.test` : camel(stem);
        rel = lang === 'python' ? join(name, dir, `${stem}.py`) : join(name, 'src', dir, `${tsStem}.ts`);
      }
      const module = lang === 'python' ? rel.replace(/\.py$/, '').split('/').join('.').replace(/\.__init__$/, '') : rel.replace(/\.ts$/, '');
      pkg.files.push({ rel, kind, lang, module, seed: fr.int(0, 2 ** 31), lines, exports: planExports(kind, lang, fr, used) });
    }
    if (isCommon) common[lang] = pkg;
    packages.push(pkg);
  }
  return { packages, common };
}

// ---------------------------------------------------------------------------------------------
// Shared context for one file's content.

interface Ctx {
  rng: Rng;
  file: FilePlan;
  pkg: PackagePlan;
  tree: TreePlan;
  used: Set<string>;
}

function helpersFor(ctx: Ctx, role: Export['role'], cap?: Cap): { file: FilePlan; exp: Export }[] {
  const out: { file: FilePlan; exp: Export }[] = [];
  const pkgs = [ctx.pkg, ctx.tree.common[ctx.pkg.lang]].filter((p): p is PackagePlan => !!p);
  for (const p of pkgs) {
    for (const f of p.files) {
      if (f === ctx.file) continue;
      for (const e of f.exports) if (e.role === role && (cap === undefined || e.cap === cap)) out.push({ file: f, exp: e });
    }
  }
  return out;
}

function sentence(rng: Rng, min = 5, max = 12): string {
  const n = rng.int(min, max);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(rng.pick(WORDS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function indent(lines: string[], by: string): string[] {
  return lines.map((l) => (l ? by + l : l));
}

// ---------------------------------------------------------------------------------------------
// Python.

class PyImports {
  private plain = new Set<string>();
  private from = new Map<string, Set<string>>();
  imp(m: string): void {
    this.plain.add(m);
  }
  add(m: string, name: string): void {
    let s = this.from.get(m);
    if (!s) this.from.set(m, (s = new Set()));
    s.add(name);
  }
  render(): string[] {
    const out = [...this.plain].sort().map((m) => `import ${m}`);
    for (const m of [...this.from.keys()].sort()) out.push(`from ${m} import ${[...this.from.get(m)!].sort().join(', ')}`);
    return out;
  }
}

interface PyState extends Ctx {
  im: PyImports;
  pre: string[];
  preKeys: Set<string>;
}

function pyPre(s: PyState, key: string, lines: string[]): void {
  if (s.preKeys.has(key)) return;
  s.preKeys.add(key);
  s.pre.push(...lines);
}

function pyLogger(s: PyState): string {
  s.im.imp('logging');
  pyPre(s, 'logger', ['logger = logging.getLogger(__name__)']);
  return 'logger';
}

function pyAllowedHosts(s: PyState): string {
  pyPre(s, 'hosts', [`ALLOWED_HOSTS = {"${s.rng.pick(DOMAINS)}", "${s.rng.pick(DOMAINS)}"}`]);
  return 'ALLOWED_HOSTS';
}

function pyDataDir(s: PyState): string {
  s.im.imp('os');
  pyPre(s, 'datadir', [`DATA_DIR = os.path.realpath(os.environ.get("DATA_DIR", "/srv/${s.rng.pick(NOUNS)}s"))`]);
  return 'DATA_DIR';
}

function pyDb(s: PyState): string {
  s.im.imp('sqlite3');
  pyPre(s, 'db', [`DB_PATH = "${s.rng.pick(NOUNS)}s.db"`]);
  return 'DB_PATH';
}

function pyImportHelper(s: PyState, h: { file: FilePlan; exp: Export }): string {
  s.im.add(h.file.module, h.exp.name);
  return h.exp.name;
}

interface PyBody {
  params: { name: string; type: string }[];
  lines: string[];
  isAsync: boolean;
  /** OpenAI Agents approval in the decorator. */
  needsApproval?: boolean;
}

/** The body of a tool (no def line), for a capability, scoped or not, maybe through a helper of another file. */
function pyToolBody(s: PyState, cap: Cap, scoped: boolean, logged: boolean, framework: string): PyBody {
  const r = s.rng;
  const noun = r.pick(NOUNS);
  const lines: string[] = [];
  const params: { name: string; type: string }[] = [];
  let isAsync = false;
  let needsApproval: boolean | undefined;
  const audit = helpersFor(s, 'audit');
  if (logged) {
    if (audit.length && r.chance(0.3)) lines.push(`${pyImportHelper(s, r.pick(audit))}("${noun}", ${'{'}"source": "agent"${'}'})`);
    else lines.push(`${pyLogger(s)}.info("tool call: %s", "${noun}")`);
  }
  const validate = (p: string) => {
    if (r.chance(0.5)) lines.push(`if not ${p}:`, `    raise ValueError("${p} is required")`);
    if (r.chance(0.3)) lines.push(`${p} = ${p}.strip()`);
  };
  const viaHelper = (role: Export['role'], c: Cap) => {
    const hs = helpersFor(s, role, c);
    return hs.length && r.chance(0.35) ? pyImportHelper(s, r.pick(hs)) : undefined;
  };
  switch (cap) {
    case 'net': {
      const style = scoped ? r.int(0, 2) : -1;
      const p = style === 1 ? 'query' : r.pick(['url', 'endpoint', 'page_url', 'target']);
      params.push({ name: p, type: 'str' });
      validate(p);
      if (style === 1) {
        // Constant scheme and host: the model only picks the query.
        s.im.imp('requests');
        lines.push(`response = requests.get(f"https://${r.pick(DOMAINS)}/v1/${noun}s?q={query}", timeout=10)`, 'response.raise_for_status()', 'data = response.json()');
        break;
      }
      const helper = viaHelper('sink', 'net');
      if (scoped) {
        const guard = viaHelper('guard', 'net');
        if (guard) lines.push(`${guard}(${p})`);
        else if (style === 0) {
          s.im.add('urllib.parse', 'urlparse');
          lines.push(`host = urlparse(${p}).hostname`, `if host not in ${pyAllowedHosts(s)}:`, `    raise ValueError(f"host {host!r} is not allowed")`);
        } else {
          lines.push(`if not ${p}.startswith("https://${r.pick(DOMAINS)}/"):`, `    return "refused: unknown host"`);
        }
      }
      if (helper) lines.push(`data = ${helper}(${p})`);
      else if (r.chance(0.3)) {
        s.im.imp('httpx');
        isAsync = true;
        lines.push('async with httpx.AsyncClient(timeout=15) as client:', `    response = await client.get(${p})`, '    data = response.json()');
      } else {
        s.im.imp('requests');
        lines.push(`response = requests.get(${p}, headers={"Accept": "application/json"}, timeout=10)`, 'response.raise_for_status()', 'data = response.json()');
      }
      break;
    }
    case 'fs': {
      const p = r.pick(['filename', 'path', 'relative_path', 'name']);
      params.push({ name: p, type: 'str' });
      validate(p);
      const root = pyDataDir(s);
      const helper = viaHelper('sink', 'fs');
      if (scoped) {
        const guard = viaHelper('guard', 'fs');
        if (guard) lines.push(`full = ${guard}(os.path.join(${root}, ${p}))`);
        else if (r.chance(0.5)) lines.push(`full = os.path.realpath(os.path.join(${root}, ${p}))`, `if not full.startswith(${root} + os.sep):`, `    raise PermissionError("path escapes the data directory")`);
        else lines.push(`full = os.path.join(${root}, os.path.basename(${p}))`);
      } else lines.push(`full = os.path.join(${root}, ${p})`);
      if (helper) lines.push(`data = ${helper}(full)`);
      else if (r.chance(0.3)) {
        s.im.add('pathlib', 'Path');
        lines.push('data = Path(full).read_text(encoding="utf-8")');
      } else lines.push('with open(full, encoding="utf-8") as fh:', '    data = fh.read()');
      break;
    }
    case 'sql': {
      const p = r.pick(['customer_id', 'status', 'region', 'sku']);
      params.push({ name: p, type: 'str' });
      validate(p);
      const db = pyDb(s);
      const table = `${noun}s`;
      const helper = viaHelper('sink', 'sql');
      if (helper && !scoped) lines.push(`data = ${helper}(f"SELECT * FROM ${table} WHERE ${p} = '{${p}}'")`);
      else {
        lines.push(`conn = sqlite3.connect(${db})`, 'try:');
        if (scoped) lines.push(`    rows = conn.execute("SELECT id, total, created_at FROM ${table} WHERE ${p} = ? LIMIT 50", (${p},)).fetchall()`);
        else if (r.chance(0.5)) lines.push(`    rows = conn.execute(f"SELECT id, total, created_at FROM ${table} WHERE ${p} = '{${p}}'").fetchall()`);
        else lines.push(`    sql = "SELECT id, total FROM ${table} WHERE ${p} = '" + ${p} + "'"`, '    rows = conn.execute(sql).fetchall()');
        lines.push('finally:', '    conn.close()', 'data = [dict(zip(("id", "total", "created_at"), row)) for row in rows]');
      }
      break;
    }
    case 'exec': {
      const p = r.pick(['command', 'cmd', 'script', 'args']);
      params.push({ name: p, type: 'str' });
      validate(p);
      s.im.imp('subprocess');
      if (scoped) {
        s.im.imp('shlex');
        pyPre(s, 'programs', [`ALLOWED_PROGRAMS = {"git", "ls", "grep", "wc"}`]);
        lines.push(`argv = shlex.split(${p})`, 'if not argv or argv[0] not in ALLOWED_PROGRAMS:', `    raise PermissionError(f"program not allowed: {argv[:1]}")`, 'proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)');
      } else if (r.chance(0.7)) lines.push(`proc = subprocess.run(${p}, shell=True, capture_output=True, text=True, timeout=30)`);
      else {
        s.im.imp('os');
        lines.push(`status = os.system(f"cd /tmp && ${'{'}${p}${'}'}")`, 'proc = subprocess.CompletedProcess(args=[], returncode=status, stdout="", stderr="")');
      }
      lines.push('data = {"code": proc.returncode, "out": proc.stdout[-4000:]}');
      break;
    }
    case 'secret': {
      const p = r.pick(['key', 'name', 'variable']);
      params.push({ name: p, type: 'str' });
      s.im.imp('os');
      if (scoped) lines.push(`token = os.environ["${noun.toUpperCase()}_API_KEY"]`, `data = {"${p}": ${p}, "configured": bool(token)}`);
      else lines.push(`value = os.environ.get(${p})`, `data = {"${p}": ${p}, "value": value}`);
      break;
    }
    case 'txn': {
      params.push({ name: 'charge_id', type: 'str' }, { name: 'amount', type: 'int' });
      const helper = viaHelper('sink', 'txn');
      if (scoped) {
        if (framework === 'openai-agents') needsApproval = true;
        else lines.push('answer = input(f"Refund {amount} on {charge_id}? [y/N] ")', 'if answer.strip().lower() != "y":', '    return "cancelled by the operator"');
      }
      if (helper) lines.push(`data = ${helper}(charge_id, amount)`);
      else {
        s.im.imp('stripe');
        lines.push('refund = stripe.Refund.create(charge=charge_id, amount=amount)', 'data = {"id": refund.id, "status": refund.status}');
      }
      break;
    }
    case 'none': {
      const p = r.pick(['text', 'expression', 'items', 'topic']);
      params.push({ name: p, type: 'str' });
      validate(p);
      lines.push(`words = ${p}.split()`, 'counts: dict[str, int] = {}', 'for word in words:', '    counts[word.lower()] = counts.get(word.lower(), 0) + 1', 'data = sorted(counts.items(), key=lambda kv: -kv[1])[:10]');
      break;
    }
  }
  if (r.chance(0.4)) params.push({ name: 'limit', type: 'int = 20' });
  // Post-processing, as real tools shape what goes back to the model.
  if (r.chance(0.5)) {
    s.im.imp('json');
    lines.push('# Keep the answer small: the model only needs the first records.', 'text = json.dumps(data, default=str)', 'if len(text) > 8000:', '    text = text[:8000] + "..."', 'return text');
  } else lines.push('return str(data)');
  return { params, lines, isAsync, needsApproval };
}

function pyDoc(s: PyState, params: { name: string }[]): string[] {
  const r = s.rng;
  const doc = [`"""${sentence(r)}`];
  if (params.length && r.chance(0.6)) {
    doc.push('', 'Args:');
    for (const p of params) doc.push(`    ${p.name}: ${sentence(r, 3, 7)}`);
  }
  if (doc.length === 1) return [doc[0] + '"""'];
  doc.push('"""');
  return doc;
}

function pyToolBlock(s: PyState, framework: string): string[] {
  const r = s.rng;
  const cap = r.weighted(CAP_WEIGHTS);
  const scoped = r.chance(0.45);
  const logged = r.chance(0.55);
  const body = pyToolBody(s, cap, scoped, logged, framework);
  const noun = r.pick(NOUNS);
  const name = identifier(r, s.used, () => `${r.pick(VERBS)}_${noun}${cap === 'none' ? '_stats' : ''}`);
  const sig = body.params.map((p) => `${p.name}: ${p.type}`).join(', ');
  const def = body.isAsync ? 'async def' : 'def';
  const inner = [...pyDoc(s, body.params), ...body.lines];
  switch (framework) {
    case 'langchain': {
      const alias = s.preKeys.has('lc-alias') ? 'lc_tool' : 'tool';
      return [alias === 'tool' ? '@tool' : '@lc_tool', `${def} ${name}(${sig}) -> str:`, ...indent(inner, '    ')];
    }
    case 'openai-agents':
      return [body.needsApproval ? '@function_tool(needs_approval=True)' : '@function_tool', `${def} ${name}(${sig}) -> str:`, ...indent(inner, '    ')];
    case 'crewai': {
      const cls = `${pascal(name)}Tool`;
      return [
        `class ${cls}(BaseTool):`,
        `    name: str = "${name}"`,
        `    description: str = "${sentence(r)}"`,
        '',
        `    ${body.isAsync ? 'async def _arun' : 'def _run'}(self, ${sig}) -> str:`,
        ...indent(inner, '        '),
      ];
    }
    case 'fastmcp':
      return ['@mcp.tool()', `${def} ${name}(${sig}) -> str:`, ...indent(inner, '    ')];
    case 'pydantic-ai': {
      if (r.chance(0.5)) return ['@agent.tool_plain', `${def} ${name}(${sig}) -> str:`, ...indent(inner, '    ')];
      return ['@agent.tool', `${def} ${name}(ctx: RunContext[Deps], ${sig}) -> str:`, ...indent(inner, '    ')];
    }
  }
  throw new Error(framework);
}

function pyFrameworkPreamble(s: PyState, framework: string): void {
  switch (framework) {
    case 'langchain':
      if (s.rng.chance(0.25)) {
        s.preKeys.add('lc-alias');
        s.im.add('langchain_core.tools', 'tool as lc_tool');
      } else s.im.add('langchain_core.tools', 'tool');
      break;
    case 'openai-agents':
      s.im.add('agents', 'function_tool');
      break;
    case 'crewai':
      s.im.add('crewai.tools', 'BaseTool');
      break;
    case 'fastmcp':
      s.im.add('mcp.server.fastmcp', 'FastMCP');
      pyPre(s, 'mcp', [`mcp = FastMCP("${s.file.module.split('.')[0]}")`]);
      break;
    case 'pydantic-ai':
      s.im.add('pydantic_ai', 'Agent');
      s.im.add('pydantic_ai', 'RunContext');
      s.im.add('dataclasses', 'dataclass');
      pyPre(s, 'agent', ['', '@dataclass', 'class Deps:', '    tenant: str', '    user_id: str', '', '', `agent = Agent("openai:gpt-4o", deps_type=Deps, system_prompt="${sentence(s.rng)}")`]);
      break;
  }
}

// Non-tool Python blocks. Each returns a top-level definition.

function pyPrivateHelper(s: PyState): string[] {
  const r = s.rng;
  const name = identifier(r, s.used, () => `_${r.pick(['format', 'clean', 'score', 'group'])}_${r.pick(NOUNS)}s`);
  return [
    `def ${name}(rows: list[dict], key: str = "id") -> dict[str, list[dict]]:`,
    `    """${sentence(r)}"""`,
    '    grouped: dict[str, list[dict]] = {}',
    '    for row in rows:',
    '        value = str(row.get(key, "")).strip()',
    '        if not value:',
    '            continue',
    '        grouped.setdefault(value, []).append(row)',
    '    return grouped',
  ];
}

function pyModelBlock(s: PyState, cls: string): string[] {
  const r = s.rng;
  const fields = r.int(3, 9);
  if (r.chance(0.5)) {
    s.im.add('pydantic', 'BaseModel');
    s.im.add('pydantic', 'Field');
    const out = [`class ${cls}(BaseModel):`, `    """${sentence(r)}"""`, ''];
    for (let i = 0; i < fields; i++) {
      const f = r.pick(FIELDS);
      out.push(`    ${f[0]}_${i}: ${f[1]} = Field(default=${f[2]}, description="${sentence(r, 2, 5)}")`);
    }
    out.push('', '    def display_name(self) -> str:', `        return f"${cls}({self.model_dump()})"`);
    return out;
  }
  s.im.add('dataclasses', 'dataclass');
  s.im.add('dataclasses', 'field');
  const out = ['@dataclass', `class ${cls}:`];
  for (let i = 0; i < fields; i++) {
    const f = r.pick(FIELDS);
    out.push(`    ${f[0]}_${i}: ${f[1]} = ${f[1].startsWith('list') ? 'field(default_factory=list)' : f[2]}`);
  }
  out.push('', '    def to_dict(self) -> dict:', '        return {k: v for k, v in self.__dict__.items() if v is not None}', '', '    @classmethod', `    def from_dict(cls, raw: dict) -> "${cls}":`, '        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}', '        return cls(**known)');
  return out;
}

const FIELDS: [string, string, string][] = [
  ['name', 'str', '""'],
  ['count', 'int', '0'],
  ['amount', 'float', '0.0'],
  ['active', 'bool', 'True'],
  ['tags', 'list[str]', '[]'],
  ['owner', 'str | None', 'None'],
  ['created_at', 'str', '""'],
];

function pyUtilBlock(s: PyState, name: string): string[] {
  const r = s.rng;
  const base = UTIL_NAMES.find((u) => name.startsWith(u)) ?? 'truncate';
  const doc = `    """${sentence(r)}"""`;
  switch (base) {
    case 'slugify':
      s.im.imp('re');
      return [`def ${name}(value: str, sep: str = "-") -> str:`, doc, '    value = value.lower().strip()', '    value = re.sub(r"[^a-z0-9]+", sep, value)', '    return value.strip(sep)'];
    case 'chunked':
      s.im.add('typing', 'Iterable');
      s.im.add('typing', 'Iterator');
      return [`def ${name}(items: Iterable, size: int) -> Iterator[list]:`, doc, '    batch: list = []', '    for item in items:', '        batch.append(item)', '        if len(batch) == size:', '            yield batch', '            batch = []', '    if batch:', '        yield batch'];
    case 'dedupe':
      return [`def ${name}(items: list, key=None) -> list:`, doc, '    seen = set()', '    out = []', '    for item in items:', '        marker = key(item) if key else item', '        if marker in seen:', '            continue', '        seen.add(marker)', '        out.append(item)', '    return out'];
    case 'flatten':
      return [`def ${name}(nested: list) -> list:`, doc, '    out: list = []', '    for item in nested:', '        if isinstance(item, (list, tuple)):', `            out.extend(${name}(list(item)))`, '        else:', '            out.append(item)', '    return out'];
    case 'clamp':
      return [`def ${name}(value: float, low: float, high: float) -> float:`, doc, '    if low > high:', '        low, high = high, low', '    return max(low, min(high, value))'];
    case 'merge_dicts':
      return [`def ${name}(base: dict, override: dict) -> dict:`, doc, '    merged = dict(base)', '    for key, value in override.items():', '        if isinstance(value, dict) and isinstance(merged.get(key), dict):', `            merged[key] = ${name}(merged[key], value)`, '        else:', '            merged[key] = value', '    return merged'];
    case 'parse_iso':
      s.im.add('datetime', 'datetime');
      s.im.add('datetime', 'timezone');
      return [`def ${name}(text: str) -> datetime | None:`, doc, '    if not text:', '        return None', '    try:', '        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))', '    except ValueError:', '        return None', '    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)'];
    case 'retry':
      s.im.imp('time');
      s.im.imp('functools');
      return [`def ${name}(attempts: int = 3, delay: float = 0.5):`, doc, '    def decorate(fn):', '        @functools.wraps(fn)', '        def wrapper(*args, **kwargs):', '            for attempt in range(attempts):', '                try:', '                    return fn(*args, **kwargs)', '                except Exception:', '                    if attempt == attempts - 1:', '                        raise', '                    time.sleep(delay * (2**attempt))', '        return wrapper', '    return decorate'];
    case 'normalize_whitespace':
      return [`def ${name}(text: str) -> str:`, doc, '    return " ".join(text.split())'];
    default:
      return [`def ${name}(text: str, limit: int = 200, suffix: str = "...") -> str:`, doc, '    if len(text) <= limit:', '        return text', '    return text[: max(0, limit - len(suffix))] + suffix'];
  }
}

function pyHelperExport(s: PyState, e: Export): string[] {
  const r = s.rng;
  const doc = `    """${sentence(r)}"""`;
  const log = pyLogger(s);
  if (e.role === 'guard' && e.cap === 'net') {
    s.im.add('urllib.parse', 'urlparse');
    const hosts = pyAllowedHosts(s);
    return [`def ${e.name}(url: str) -> str:`, doc, '    host = urlparse(url).hostname or ""', `    if host not in ${hosts}:`, '        raise PermissionError(f"host not allowed: {host}")', '    return url'];
  }
  if (e.role === 'guard') {
    s.im.imp('os');
    const root = pyDataDir(s);
    return [`def ${e.name}(path: str) -> str:`, doc, '    resolved = os.path.realpath(path)', `    if not resolved.startswith(${root} + os.sep):`, '        raise PermissionError(f"outside the data directory: {path}")', '    return resolved'];
  }
  if (e.role === 'audit') {
    s.im.imp('json');
    return [`def ${e.name}(action: str, details: dict) -> None:`, doc, `    ${log}.info("audit %s %s", action, json.dumps(details, default=str))`];
  }
  switch (e.cap) {
    case 'net':
      s.im.imp('requests');
      return [`def ${e.name}(url: str, timeout: float = 10.0) -> dict:`, doc, '    response = requests.get(url, timeout=timeout)', '    response.raise_for_status()', `    ${log}.debug("fetched %s", url)`, '    return response.json()'];
    case 'fs':
      return [`def ${e.name}(path: str) -> str:`, doc, '    with open(path, encoding="utf-8") as fh:', '        return fh.read()'];
    case 'sql':
      pyDb(s);
      return [`def ${e.name}(sql: str) -> list:`, doc, '    conn = sqlite3.connect(DB_PATH)', '    try:', '        return conn.execute(sql).fetchall()', '    finally:', '        conn.close()'];
    case 'exec':
      s.im.imp('subprocess');
      return [`def ${e.name}(command: str) -> str:`, doc, '    proc = subprocess.run(command, shell=True, capture_output=True, text=True)', '    return proc.stdout'];
    case 'secret':
      s.im.imp('os');
      return [`def ${e.name}(name: str) -> str | None:`, doc, '    return os.environ.get(name)'];
    default:
      s.im.imp('stripe');
      return [`def ${e.name}(charge_id: str, amount: int) -> dict:`, doc, '    refund = stripe.Refund.create(charge=charge_id, amount=amount)', '    return {"id": refund.id, "status": refund.status}'];
  }
}

function pyServiceBlock(s: PyState): string[] {
  const r = s.rng;
  const noun = r.pick(NOUNS);
  const cls = identifier(r, s.used, () => `${pascal(noun)}${r.pick(['Client', 'Repository', 'Service'])}`);
  if (cls.includes('Repository')) {
    s.im.imp('sqlite3');
    return [
      `class ${cls}:`,
      `    """${sentence(r)}"""`,
      '',
      '    def __init__(self, path: str) -> None:',
      '        self.conn = sqlite3.connect(path)',
      '',
      `    def get(self, ${noun}_id: int) -> tuple | None:`,
      `        return self.conn.execute("SELECT * FROM ${noun}s WHERE id = ?", (${noun}_id,)).fetchone()`,
      '',
      '    def list_recent(self, table: str, limit: int = 20) -> list:',
      '        # Internal maintenance code; the table name comes from our own configuration.',
      '        return self.conn.execute(f"SELECT * FROM {table} ORDER BY id DESC LIMIT {int(limit)}").fetchall()',
      '',
      `    def delete(self, ${noun}_id: int) -> None:`,
      `        self.conn.execute("DELETE FROM ${noun}s WHERE id = ?", (${noun}_id,))`,
      '        self.conn.commit()',
    ];
  }
  s.im.imp('requests');
  return [
    `class ${cls}:`,
    `    """${sentence(r)}"""`,
    '',
    `    def __init__(self, base_url: str = "https://${r.pick(DOMAINS)}", token: str | None = None) -> None:`,
    '        self.base_url = base_url.rstrip("/")',
    '        self.session = requests.Session()',
    '        if token:',
    '            self.session.headers["Authorization"] = f"Bearer {token}"',
    '',
    `    def get_${noun}(self, ident: str) -> dict:`,
    `        response = self.session.get(f"{self.base_url}/${noun}s/{ident}", timeout=10)`,
    '        response.raise_for_status()',
    '        return response.json()',
    '',
    `    def list_${noun}s(self, page: int = 1) -> list[dict]:`,
    '        items: list[dict] = []',
    '        while True:',
    `            response = self.session.get(f"{self.base_url}/${noun}s", params={"page": page}, timeout=10)`,
    '            batch = response.json().get("items", [])',
    '            if not batch:',
    '                return items',
    '            items.extend(batch)',
    '            page += 1',
  ];
}

function pyCliBlock(s: PyState): string[] {
  const r = s.rng;
  s.im.imp('argparse');
  s.im.imp('requests');
  s.im.imp('subprocess');
  s.im.imp('sys');
  const name = identifier(r, s.used, () => 'main');
  return [
    `def ${name}(argv: list[str] | None = None) -> int:`,
    `    parser = argparse.ArgumentParser(description="${sentence(r)}")`,
    '    parser.add_argument("url")',
    '    parser.add_argument("--out", default="-")',
    '    parser.add_argument("--post-hook", default="")',
    '    args = parser.parse_args(argv)',
    '    # A developer tool: the operator chooses the URL and the hook, not a model.',
    '    response = requests.get(args.url, timeout=30)',
    '    if args.out == "-":',
    '        sys.stdout.write(response.text)',
    '    else:',
    '        with open(args.out, "w", encoding="utf-8") as fh:',
    '            fh.write(response.text)',
    '    if args.post_hook:',
    '        subprocess.run(args.post_hook, shell=True, check=False)',
    '    return 0',
  ];
}

function pyTestBlock(s: PyState, target?: { file: FilePlan; exp: Export }): string[] {
  const r = s.rng;
  const name = identifier(r, s.used, () => `test_${r.pick(['parses', 'handles', 'rejects', 'returns', 'keeps'])}_${r.pick(NOUNS)}`);
  if (target && target.exp.role === 'util') {
    s.im.add(target.file.module, target.exp.name);
    return [`def ${name}():`, `    result = ${target.exp.name}.__name__`, `    assert result == "${target.exp.name}"`, `    assert callable(${target.exp.name})`];
  }
  if (target && target.exp.role === 'model') {
    s.im.add(target.file.module, target.exp.name);
    return [`def ${name}():`, `    assert ${target.exp.name}.__name__ == "${target.exp.name}"`, `    assert isinstance(${target.exp.name}, type)`];
  }
  s.im.imp('pytest');
  const a = r.int(1, 90);
  return ['@pytest.mark.parametrize("value, expected", [', `    (${a}, ${a * 2}),`, `    (${a + 1}, ${(a + 1) * 2}),`, '])', `def ${name}(value, expected):`, '    assert value * 2 == expected', '    assert isinstance(value, int)'];
}

function pyConfigBlock(s: PyState): string[] {
  const r = s.rng;
  s.im.imp('os');
  const n = r.pick(NOUNS).toUpperCase();
  return [
    `${n}_TIMEOUT_${r.int(1, 999)} = float(os.environ.get("${n}_TIMEOUT", "${r.int(5, 60)}"))`,
    `${n}_BASE_URL_${r.int(1, 999)} = os.environ.get("${n}_BASE_URL", "https://${r.pick(DOMAINS)}")`,
    `${n}_FEATURES_${r.int(1, 999)} = {`,
    `    "cache": ${r.chance(0.5) ? 'True' : 'False'},`,
    `    "batch_size": ${r.int(10, 500)},`,
    `    "region": "${r.pick(['eu-west-1', 'us-east-1', 'ap-south-1'])}",`,
    '}',
  ];
}

function pyFile(ctx: Ctx): string {
  const s: PyState = { ...ctx, im: new PyImports(), pre: [], preKeys: new Set() };
  const r = s.rng;
  const f = s.file;
  const blocks: string[][] = [];
  let lines = 4;
  const add = (b: string[]) => {
    blocks.push(b);
    lines += b.length + 2;
  };
  const more = () => lines < f.lines;
  switch (f.kind) {
    case 'init':
      add([`__version__ = "${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 9)}"`]);
      add(['__all__ = [', ...Array.from({ length: r.int(3, 12) }, () => `    "${r.pick(NOUNS)}",`), ']']);
      while (more()) add([`# ${sentence(r)}`]);
      break;
    case 'tool': {
      const framework = r.pick(['langchain', 'openai-agents', 'crewai', 'fastmcp', 'pydantic-ai']);
      pyFrameworkPreamble(s, framework);
      add(pyToolBlock(s, framework));
      while (more()) add(r.chance(0.8) ? pyToolBlock(s, framework) : pyPrivateHelper(s));
      break;
    }
    case 'agent': {
      const toolFiles = s.pkg.files.filter((x) => x.kind === 'tool');
      if (!toolFiles.length) {
        while (more() || blocks.length === 0) add(pyPrivateHelper(s));
        break;
      }
      s.im.add('langgraph.prebuilt', 'create_react_agent');
      s.im.add('langchain_openai', 'ChatOpenAI');
      const imported: string[] = [];
      const tf = r.pick(toolFiles);
      s.im.imp(tf.module);
      imported.push(`${tf.module}`);
      add(['def build_agent(model_name: str = "gpt-4o-mini"):', `    """${sentence(r)}"""`, '    model = ChatOpenAI(model=model_name, temperature=0)', `    tools = [getattr(${tf.module}, name) for name in dir(${tf.module}) if not name.startswith("_")]`, '    return create_react_agent(model, tools=tools)']);
      while (more()) add(r.chance(0.5) ? pyPrivateHelper(s) : pyUtilBlock(s, identifier(r, s.used, () => r.pick(UTIL_NAMES))));
      break;
    }
    case 'helper':
      for (const e of f.exports) add(pyHelperExport(s, e));
      while (more()) add(pyPrivateHelper(s));
      break;
    case 'model':
      for (const e of f.exports) add(pyModelBlock(s, e.name));
      while (more()) add(pyModelBlock(s, identifier(r, s.used, () => pascal(r.pick(NOUNS)) + 'Record')));
      break;
    case 'util':
      for (const e of f.exports) add(pyUtilBlock(s, e.name));
      while (more()) add(pyUtilBlock(s, identifier(r, s.used, () => `_${r.pick(UTIL_NAMES)}`)));
      break;
    case 'service':
      add(pyServiceBlock(s));
      while (more()) add(r.chance(0.6) ? pyServiceBlock(s) : pyPrivateHelper(s));
      break;
    case 'cli':
      add(pyCliBlock(s));
      while (more()) add(r.chance(0.5) ? pyPrivateHelper(s) : pyUtilBlock(s, identifier(r, s.used, () => `_${r.pick(UTIL_NAMES)}`)));
      add(['if __name__ == "__main__":', '    raise SystemExit(main())']);
      break;
    case 'test': {
      const targets = [...helpersFor(s, 'util'), ...helpersFor(s, 'model')];
      while (more() || blocks.length === 0) add(pyTestBlock(s, targets.length && r.chance(0.6) ? r.pick(targets) : undefined));
      break;
    }
    case 'config':
      while (more() || blocks.length === 0) add(pyConfigBlock(s));
      break;
  }
  const head = [`"""${sentence(r)}"""`, ''];
  for (;;) {
    const out = [...head, ...s.im.render()];
    if (s.pre.length) out.push('', ...s.pre);
    for (const b of blocks) out.push('', '', ...b);
    if (out.length >= 20) return out.join('\n') + '\n';
    add(f.kind === 'init' ? [`# ${sentence(r)}`] : pyPrivateHelper(s));
  }
}

// ---------------------------------------------------------------------------------------------
// TypeScript.

class TsImports {
  private named = new Map<string, Set<string>>();
  private ns = new Map<string, string>();
  add(m: string, name: string): void {
    let s = this.named.get(m);
    if (!s) this.named.set(m, (s = new Set()));
    s.add(name);
  }
  star(m: string, as: string): void {
    this.ns.set(m, as);
  }
  render(): string[] {
    const out: string[] = [];
    for (const [m, as] of [...this.ns].sort()) out.push(`import * as ${as} from '${m}';`);
    for (const m of [...this.named.keys()].sort()) out.push(`import { ${[...this.named.get(m)!].sort().join(', ')} } from '${m}';`);
    return out;
  }
}

interface TsState extends Ctx {
  im: TsImports;
  pre: string[];
  preKeys: Set<string>;
}

function tsPre(s: TsState, key: string, lines: string[]): void {
  if (s.preKeys.has(key)) return;
  s.preKeys.add(key);
  s.pre.push(...lines);
}

function tsImportHelper(s: TsState, h: { file: FilePlan; exp: Export }): string {
  let rel = relative(dirname(s.file.module), h.file.module);
  if (!rel.startsWith('.')) rel = './' + rel;
  s.im.add(s.pkg.jsSuffix ? rel + '.js' : rel, h.exp.name);
  return h.exp.name;
}

function tsLogger(s: TsState): string {
  s.im.add('pino', 'pino');
  tsPre(s, 'logger', [`const logger = pino({ name: '${s.pkg.name}' });`]);
  return 'logger';
}

function tsAllowedHosts(s: TsState): string {
  tsPre(s, 'hosts', [`const ALLOWED_HOSTS = new Set(['${s.rng.pick(DOMAINS)}', '${s.rng.pick(DOMAINS)}']);`]);
  return 'ALLOWED_HOSTS';
}

function tsRoot(s: TsState): string {
  s.im.star('node:path', 'path');
  tsPre(s, 'root', [`const DATA_ROOT = path.resolve(process.env.DATA_ROOT ?? '/srv/${s.rng.pick(NOUNS)}s');`]);
  return 'DATA_ROOT';
}

interface TsBody {
  params: { name: string; zod: string }[];
  lines: string[];
  needsApproval?: boolean;
}

function tsToolBody(s: TsState, cap: Cap, scoped: boolean, logged: boolean, framework: string): TsBody {
  const r = s.rng;
  const noun = r.pick(NOUNS);
  const lines: string[] = [];
  const params: { name: string; zod: string }[] = [];
  let needsApproval: boolean | undefined;
  const audit = helpersFor(s, 'audit');
  if (logged) {
    if (audit.length && r.chance(0.3)) lines.push(`${tsImportHelper(s, r.pick(audit))}('${noun}', { source: 'agent' });`);
    else lines.push(`${tsLogger(s)}.info({ tool: '${noun}' }, 'tool call');`);
  }
  const validate = (p: string) => {
    if (r.chance(0.4)) lines.push(`if (!${p}) {`, `  throw new Error('${p} is required');`, '}');
  };
  const viaHelper = (role: Export['role'], c: Cap) => {
    const hs = helpersFor(s, role, c);
    return hs.length && r.chance(0.35) ? tsImportHelper(s, r.pick(hs)) : undefined;
  };
  switch (cap) {
    case 'net': {
      const constHost = scoped && r.chance(0.35);
      const p = constHost ? 'query' : r.pick(['url', 'endpoint', 'pageUrl', 'target']);
      params.push({ name: p, zod: `z.string().describe('${sentence(r, 3, 6)}')` });
      validate(p);
      if (constHost) {
        // Constant scheme and host: the model only picks the query.
        lines.push(`const res = await fetch(\`https://${r.pick(DOMAINS)}/v1/${noun}s?q=\${encodeURIComponent(query)}\`);`, 'const data = await res.json();');
        break;
      }
      const helper = viaHelper('sink', 'net');
      if (scoped) {
        const guard = viaHelper('guard', 'net');
        if (guard) lines.push(`${guard}(${p});`);
        else lines.push(`const host = new URL(${p}).host;`, `if (!${tsAllowedHosts(s)}.has(host)) {`, '  throw new Error(`host not allowed: ${host}`);', '}');
      }
      if (helper) lines.push(`const data = await ${helper}(${p});`);
      else if (r.chance(0.3)) {
        s.im.add('axios', 'default as axios');
        lines.push(`const { data } = await axios.get(${p}, { timeout: 10_000 });`);
      } else lines.push(`const res = await fetch(${p}, { headers: { accept: 'application/json' } });`, 'const data = await res.json();');
      break;
    }
    case 'fs': {
      const p = r.pick(['filePath', 'name', 'relativePath']);
      params.push({ name: p, zod: 'z.string()' });
      validate(p);
      const root = tsRoot(s);
      s.im.star('node:fs/promises', 'fs');
      const helper = viaHelper('sink', 'fs');
      if (scoped) {
        const guard = viaHelper('guard', 'fs');
        if (guard) lines.push(`const full = ${guard}(path.join(${root}, ${p}));`);
        else if (r.chance(0.5)) lines.push(`const full = path.resolve(${root}, ${p});`, `if (!full.startsWith(${root} + path.sep)) {`, "  throw new Error('path escapes the data root');", '}');
        else lines.push(`const full = path.join(${root}, path.basename(${p}));`);
      } else lines.push(`const full = path.join(${root}, ${p});`);
      if (helper) lines.push(`const data = await ${helper}(full);`);
      else lines.push("const data = await fs.readFile(full, 'utf8');");
      break;
    }
    case 'sql': {
      const p = r.pick(['customerId', 'status', 'region']);
      params.push({ name: p, zod: 'z.string()' });
      validate(p);
      s.im.add('../db' + (s.pkg.jsSuffix ? '.js' : ''), 'db');
      const helper = viaHelper('sink', 'sql');
      if (helper && !scoped) lines.push(`const data = await ${helper}(\`SELECT * FROM ${noun}s WHERE ${p} = '\${${p}}'\`);`);
      else if (scoped) lines.push(`const { rows } = await db.query('SELECT id, total FROM ${noun}s WHERE ${p} = $1 LIMIT 50', [${p}]);`, 'const data = rows;');
      else lines.push(`const { rows } = await db.query(\`SELECT id, total FROM ${noun}s WHERE ${p} = '\${${p}}'\`);`, 'const data = rows;');
      break;
    }
    case 'exec': {
      const p = r.pick(['command', 'cmd', 'script']);
      params.push({ name: p, zod: 'z.string()' });
      validate(p);
      s.im.add('node:util', 'promisify');
      if (scoped) {
        s.im.add('node:child_process', 'execFile');
        tsPre(s, 'programs', ["const ALLOWED_PROGRAMS = new Set(['git', 'ls', 'grep']);"]);
        lines.push(`const [program, ...argv] = ${p}.split(/\\s+/);`, 'if (!ALLOWED_PROGRAMS.has(program)) {', '  throw new Error(`program not allowed: ${program}`);', '}', 'const { stdout } = await promisify(execFile)(program, argv);', 'const data = stdout;');
      } else {
        s.im.add('node:child_process', 'exec');
        lines.push(`const { stdout } = await promisify(exec)(${p});`, 'const data = stdout;');
      }
      break;
    }
    case 'secret': {
      const p = r.pick(['key', 'name', 'variable']);
      params.push({ name: p, zod: 'z.string()' });
      if (scoped) lines.push(`const token = process.env.${noun.toUpperCase()}_API_KEY;`, `const data = { ${p}, configured: Boolean(token) };`);
      else lines.push(`const value = process.env[${p}];`, `const data = { ${p}, value };`);
      break;
    }
    case 'txn': {
      params.push({ name: 'chargeId', zod: 'z.string()' }, { name: 'amount', zod: 'z.number().int()' });
      const helper = viaHelper('sink', 'txn');
      if (scoped) needsApproval = true;
      if (helper) lines.push(`const data = await ${helper}(chargeId, amount);`);
      else {
        s.im.add('../payments' + (s.pkg.jsSuffix ? '.js' : ''), 'stripe');
        lines.push('const refund = await stripe.refunds.create({ charge: chargeId, amount });', 'const data = { id: refund.id, status: refund.status };');
      }
      break;
    }
    case 'none': {
      const p = r.pick(['text', 'expression', 'topic']);
      params.push({ name: p, zod: 'z.string()' });
      lines.push('const counts = new Map<string, number>();', `for (const word of ${p}.toLowerCase().split(/\\s+/)) {`, '  counts.set(word, (counts.get(word) ?? 0) + 1);', '}', 'const data = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);');
      break;
    }
  }
  if (r.chance(0.5)) lines.push('// Keep the answer small: the model only needs the first records.', 'const text = JSON.stringify(data);', "return text.length > 8000 ? text.slice(0, 8000) + '...' : text;");
  else lines.push('return JSON.stringify(data);');
  return { params, lines, needsApproval };
}

function tsToolBlock(s: TsState, framework: string): string[] {
  const r = s.rng;
  const cap = r.weighted(CAP_WEIGHTS);
  const scoped = r.chance(0.45);
  const logged = r.chance(0.55);
  // Mastra and MCP handlers have no approval flag: scoped transactions there ask through a workspace gate.
  const body = tsToolBody(s, cap, scoped, logged, framework);
  const noun = r.pick(NOUNS);
  const name = identifier(r, s.used, () => camel(`${r.pick(VERBS)}_${noun}${cap === 'none' ? '_stats' : ''}`));
  const destructure = `{ ${body.params.map((p) => p.name).join(', ')} }`;
  const schema = `z.object({ ${body.params.map((p) => `${p.name}: ${p.zod}`).join(', ')} })`;
  const desc = sentence(r);
  s.im.add('zod', 'z');
  const approvalGate = (lines: string[]) => {
    if (!body.needsApproval) return lines;
    s.im.add('../approval' + (s.pkg.jsSuffix ? '.js' : ''), 'requestApproval');
    return [`if (!(await requestApproval('${name}', { chargeId, amount }))) {`, "  return 'cancelled by the operator';", '}', ...lines];
  };
  switch (framework) {
    case 'vercel-ai':
      s.im.add('ai', 'tool');
      return [`export const ${name} = tool({`, `  description: '${desc}',`, `  inputSchema: ${schema},`, ...(body.needsApproval ? ['  needsApproval: true,'] : []), `  execute: async (${destructure}) => {`, ...indent(body.lines, '    '), '  },', '});'];
    case 'mcp-ts':
      return [`server.registerTool(`, `  '${name}',`, `  { description: '${desc}', inputSchema: { ${body.params.map((p) => `${p.name}: ${p.zod}`).join(', ')} } },`, `  async (${destructure}) => {`, ...indent(approvalGate(body.lines.slice(0, -1)), '    '), `    return { content: [{ type: 'text', text: String(${body.lines[body.lines.length - 1].replace(/^return /, '').replace(/;$/, '')}) }] };`, '  },', ');'];
    case 'mastra':
      s.im.add('@mastra/core/tools', 'createTool');
      return [`export const ${name} = createTool({`, `  id: '${name}',`, `  description: '${desc}',`, `  inputSchema: ${schema},`, '  execute: async ({ context }) => {', `    const ${destructure} = context;`, ...indent(approvalGate(body.lines), '    '), '  },', '});'];
    case 'langchain-js': {
      // A file that also uses the AI SDK's `tool` imports LangChain's under an alias.
      const fn = s.preKeys.has('mixed-fw') ? 'lcTool' : 'tool';
      s.im.add('@langchain/core/tools', fn === 'tool' ? 'tool' : 'tool as lcTool');
      return [`export const ${name} = ${fn}(`, `  async (${destructure}) => {`, ...indent(approvalGate(body.lines), '    '), '  },', `  { name: '${name}', description: '${desc}', schema: ${schema} },`, ');'];
    }
  }
  throw new Error(framework);
}

function tsPrivateHelper(s: TsState): string[] {
  const r = s.rng;
  const name = identifier(r, s.used, () => camel(`${r.pick(['format', 'clean', 'score', 'group'])}_${r.pick(NOUNS)}s`));
  return [
    `function ${name}(rows: Array<Record<string, unknown>>, key = 'id'): Map<string, Array<Record<string, unknown>>> {`,
    '  const grouped = new Map<string, Array<Record<string, unknown>>>();',
    '  for (const row of rows) {',
    "    const value = String(row[key] ?? '').trim();",
    '    if (!value) continue;',
    '    const bucket = grouped.get(value) ?? [];',
    '    bucket.push(row);',
    '    grouped.set(value, bucket);',
    '  }',
    '  return grouped;',
    '}',
  ];
}

const TS_FIELDS: [string, string][] = [
  ['name', 'string'],
  ['count', 'number'],
  ['amount', 'number'],
  ['active', 'boolean'],
  ['tags', 'string[]'],
  ['owner', 'string | null'],
  ['createdAt', 'string'],
];

function tsModelBlock(s: TsState, cls: string): string[] {
  const r = s.rng;
  const n = r.int(3, 9);
  const fields = Array.from({ length: n }, (_, i) => {
    const f = r.pick(TS_FIELDS);
    return [`${f[0]}${i}`, f[1]] as const;
  });
  if (r.chance(0.5)) {
    return [`/** ${sentence(r)} */`, `export interface ${cls} {`, ...fields.map(([k, t]) => `  ${k}${r.chance(0.3) ? '?' : ''}: ${t};`), '}'];
  }
  return [
    `export class ${cls} {`,
    ...fields.map(([k, t]) => `  ${k}: ${t} = ${t === 'string' ? "''" : t === 'number' ? '0' : t === 'boolean' ? 'false' : t === 'string[]' ? '[]' : 'null'};`),
    '',
    `  static fromJSON(raw: Partial<${cls}>): ${cls} {`,
    `    return Object.assign(new ${cls}(), raw);`,
    '  }',
    '',
    '  toJSON(): Record<string, unknown> {',
    '    return { ...this };',
    '  }',
    '}',
  ];
}

function tsUtilBlock(s: TsState, name: string, exported: boolean): string[] {
  const r = s.rng;
  const ex = exported ? 'export ' : '';
  const base = UTIL_NAMES.map(camel).find((u) => name.startsWith(u)) ?? 'truncate';
  const doc = `/** ${sentence(r)} */`;
  switch (base) {
    case 'slugify':
      return [doc, `${ex}function ${name}(value: string, sep = '-'): string {`, '  return value', '    .toLowerCase()', '    .trim()', "    .replace(/[^a-z0-9]+/g, sep)", "    .replace(new RegExp(`^${sep}+|${sep}+$`, 'g'), '');", '}'];
    case 'chunked':
      return [doc, `${ex}function* ${name}<T>(items: Iterable<T>, size: number): Generator<T[]> {`, '  let batch: T[] = [];', '  for (const item of items) {', '    batch.push(item);', '    if (batch.length === size) {', '      yield batch;', '      batch = [];', '    }', '  }', '  if (batch.length) yield batch;', '}'];
    case 'dedupe':
      return [doc, `${ex}function ${name}<T>(items: T[], key: (t: T) => unknown = (t) => t): T[] {`, '  const seen = new Set<unknown>();', '  return items.filter((item) => {', '    const k = key(item);', '    if (seen.has(k)) return false;', '    seen.add(k);', '    return true;', '  });', '}'];
    case 'clamp':
      return [doc, `${ex}function ${name}(value: number, low: number, high: number): number {`, '  if (low > high) [low, high] = [high, low];', '  return Math.max(low, Math.min(high, value));', '}'];
    case 'mergeDicts':
      return [doc, `${ex}function ${name}(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {`, '  const merged: Record<string, unknown> = { ...base };', '  for (const [key, value] of Object.entries(override)) {', "    const prev = merged[key];", "    merged[key] = prev && typeof prev === 'object' && value && typeof value === 'object'", `      ? ${name}(prev as Record<string, unknown>, value as Record<string, unknown>)`, '      : value;', '  }', '  return merged;', '}'];
    case 'parseIso':
      return [doc, `${ex}function ${name}(text: string): Date | undefined {`, '  if (!text) return undefined;', '  const d = new Date(text);', '  return Number.isNaN(d.getTime()) ? undefined : d;', '}'];
    case 'retry':
      return [doc, `${ex}async function ${name}<T>(fn: () => Promise<T>, attempts = 3, delayMs = 500): Promise<T> {`, '  for (let i = 0; ; i++) {', '    try {', '      return await fn();', '    } catch (err) {', '      if (i >= attempts - 1) throw err;', '      await new Promise((r) => setTimeout(r, delayMs * 2 ** i));', '    }', '  }', '}'];
    default:
      return [doc, `${ex}function ${name}(text: string, limit = 200, suffix = '...'): string {`, '  return text.length <= limit ? text : text.slice(0, Math.max(0, limit - suffix.length)) + suffix;', '}'];
  }
}

function tsHelperExport(s: TsState, e: Export): string[] {
  const r = s.rng;
  const doc = `/** ${sentence(r)} */`;
  const log = tsLogger(s);
  if (e.role === 'guard' && e.cap === 'net') return [doc, `export function ${e.name}(url: string): string {`, '  const host = new URL(url).host;', `  if (!${tsAllowedHosts(s)}.has(host)) throw new Error(\`host not allowed: \${host}\`);`, '  return url;', '}'];
  if (e.role === 'guard') {
    const root = tsRoot(s);
    return [doc, `export function ${e.name}(p: string): string {`, '  const resolved = path.resolve(p);', `  if (!resolved.startsWith(${root} + path.sep)) throw new Error(\`outside the data root: \${p}\`);`, '  return resolved;', '}'];
  }
  if (e.role === 'audit') return [doc, `export function ${e.name}(action: string, details: Record<string, unknown>): void {`, `  ${log}.info({ action, ...details }, 'audit');`, '}'];
  switch (e.cap) {
    case 'net':
      return [doc, `export async function ${e.name}(url: string): Promise<unknown> {`, '  const res = await fetch(url);', '  if (!res.ok) throw new Error(`HTTP ${res.status}`);', `  ${log}.debug({ url }, 'fetched');`, '  return res.json();', '}'];
    case 'fs':
      s.im.star('node:fs/promises', 'fs');
      return [doc, `export async function ${e.name}(p: string): Promise<string> {`, "  return fs.readFile(p, 'utf8');", '}'];
    case 'sql':
      s.im.add('../db' + (s.pkg.jsSuffix ? '.js' : ''), 'db');
      return [doc, `export async function ${e.name}(sql: string): Promise<unknown[]> {`, '  const { rows } = await db.query(sql);', '  return rows;', '}'];
    case 'exec':
      s.im.add('node:child_process', 'execSync');
      return [doc, `export function ${e.name}(command: string): string {`, "  return execSync(command, { encoding: 'utf8' });", '}'];
    case 'secret':
      return [doc, `export function ${e.name}(name: string): string | undefined {`, '  return process.env[name];', '}'];
    default:
      s.im.add('../payments' + (s.pkg.jsSuffix ? '.js' : ''), 'stripe');
      return [doc, `export async function ${e.name}(chargeId: string, amount: number) {`, '  const refund = await stripe.refunds.create({ charge: chargeId, amount });', '  return { id: refund.id, status: refund.status };', '}'];
  }
}

function tsServiceBlock(s: TsState): string[] {
  const r = s.rng;
  const noun = r.pick(NOUNS);
  const cls = identifier(r, s.used, () => `${pascal(noun)}${r.pick(['Client', 'Repository', 'Service'])}`);
  if (cls.includes('Repository')) {
    s.im.add('../db' + (s.pkg.jsSuffix ? '.js' : ''), 'db');
    return [
      `export class ${cls} {`,
      `  async get(id: number) {`,
      `    const { rows } = await db.query('SELECT * FROM ${noun}s WHERE id = $1', [id]);`,
      '    return rows[0];',
      '  }',
      '',
      '  // Internal maintenance code; the table comes from our own configuration.',
      '  async listRecent(table: string, limit = 20) {',
      '    const { rows } = await db.query(`SELECT * FROM ${table} ORDER BY id DESC LIMIT ${Number(limit)}`);',
      '    return rows;',
      '  }',
      '}',
    ];
  }
  return [
    `export class ${cls} {`,
    `  constructor(private readonly baseUrl = 'https://${r.pick(DOMAINS)}', private readonly token?: string) {}`,
    '',
    `  async get${pascal(noun)}(id: string): Promise<unknown> {`,
    `    const res = await fetch(\`\${this.baseUrl}/${noun}s/\${encodeURIComponent(id)}\`, {`,
    '      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},',
    '    });',
    '    if (!res.ok) throw new Error(`HTTP ${res.status}`);',
    '    return res.json();',
    '  }',
    '',
    `  async list${pascal(noun)}s(page = 1): Promise<unknown[]> {`,
    '    const items: unknown[] = [];',
    '    for (;;) {',
    `      const res = await fetch(\`\${this.baseUrl}/${noun}s?page=\${page}\`);`,
    '      const body = (await res.json()) as { items?: unknown[] };',
    '      if (!body.items?.length) return items;',
    '      items.push(...body.items);',
    '      page += 1;',
    '    }',
    '  }',
    '}',
  ];
}

function tsCliBlock(s: TsState): string[] {
  s.im.add('node:child_process', 'execSync');
  s.im.add('node:fs', 'writeFileSync');
  return [
    'async function main(argv: string[]): Promise<number> {',
    '  const [url, out = "-", hook] = argv;',
    '  // A developer tool: the operator chooses the URL and the hook, not a model.',
    '  const res = await fetch(url);',
    '  const text = await res.text();',
    "  if (out === '-') process.stdout.write(text);",
    '  else writeFileSync(out, text);',
    "  if (hook) execSync(hook, { stdio: 'inherit' });",
    '  return 0;',
    '}',
  ];
}

function tsTestBlock(s: TsState, target?: { file: FilePlan; exp: Export }): string[] {
  const r = s.rng;
  s.im.add('vitest', 'describe');
  s.im.add('vitest', 'it');
  s.im.add('vitest', 'expect');
  const title = `${r.pick(['parses', 'handles', 'rejects', 'returns', 'keeps'])} ${r.pick(NOUNS)}s`;
  if (target) {
    const n = tsImportHelper(s, target);
    return [`describe('${n}', () => {`, `  it('${title}', () => {`, `    expect(${n}).toBeDefined();`, `    expect(typeof ${n}).not.toBe('undefined');`, '  });', '});'];
  }
  const a = r.int(1, 90);
  return [`describe('${title}', () => {`, "  it('doubles', () => {", `    expect(${a} * 2).toBe(${a * 2});`, '  });', '});'];
}

function tsConfigBlock(s: TsState): string[] {
  const r = s.rng;
  const n = camel(r.pick(NOUNS));
  return [`export const ${identifier(r, s.used, () => `${n}Config`)} = {`, `  baseUrl: process.env.${n.toUpperCase()}_BASE_URL ?? 'https://${r.pick(DOMAINS)}',`, `  timeoutMs: Number(process.env.${n.toUpperCase()}_TIMEOUT ?? ${r.int(1000, 60000)}),`, `  batchSize: ${r.int(10, 500)},`, `  region: '${r.pick(['eu-west-1', 'us-east-1', 'ap-south-1'])}',`, '} as const;'];
}

function tsFile(ctx: Ctx): string {
  const s: TsState = { ...ctx, im: new TsImports(), pre: [], preKeys: new Set() };
  const r = s.rng;
  const f = s.file;
  const blocks: string[][] = [];
  let lines = 4;
  const add = (b: string[]) => {
    blocks.push(b);
    lines += b.length + 1;
  };
  const more = () => lines < f.lines;
  switch (f.kind) {
    case 'tool': {
      const framework = r.pick(['vercel-ai', 'mcp-ts', 'mastra', 'langchain-js']);
      if (framework === 'mcp-ts') {
        s.im.add('@modelcontextprotocol/sdk/server/mcp.js', 'McpServer');
        tsPre(s, 'server', [`export const server = new McpServer({ name: '${s.pkg.name}', version: '1.${r.int(0, 9)}.0' });`]);
      }
      add(tsToolBlock(s, framework));
      while (more()) add(r.chance(0.8) ? tsToolBlock(s, framework) : tsPrivateHelper(s));
      break;
    }
    case 'agent': {
      const toolFiles = s.pkg.files.filter((x) => x.kind === 'tool');
      if (!toolFiles.length) {
        while (more() || blocks.length === 0) add(tsPrivateHelper(s));
        break;
      }
      const tf = r.pick(toolFiles);
      let rel = relative(dirname(f.module), tf.module);
      if (!rel.startsWith('.')) rel = './' + rel;
      s.im.star(rel + (s.pkg.jsSuffix ? '.js' : ''), 'toolset');
      s.im.add('ai', 'generateText');
      s.im.add('@ai-sdk/openai', 'openai');
      add(['export async function runAgent(prompt: string) {', '  const { text } = await generateText({', "    model: openai('gpt-4o-mini'),", '    tools: { ...toolset },', '    prompt,', '  });', '  return text;', '}']);
      while (more()) add(r.chance(0.5) ? tsPrivateHelper(s) : tsUtilBlock(s, identifier(r, s.used, () => camel(r.pick(UTIL_NAMES))), false));
      break;
    }
    case 'helper':
      for (const e of f.exports) add(tsHelperExport(s, e));
      while (more()) add(tsPrivateHelper(s));
      break;
    case 'model':
      for (const e of f.exports) add(tsModelBlock(s, e.name));
      while (more()) add(tsModelBlock(s, identifier(r, s.used, () => pascal(r.pick(NOUNS)) + 'Record')));
      break;
    case 'util':
      for (const e of f.exports) add(tsUtilBlock(s, e.name, true));
      while (more()) add(tsUtilBlock(s, identifier(r, s.used, () => camel(r.pick(UTIL_NAMES))), false));
      break;
    case 'service':
      add(tsServiceBlock(s));
      while (more()) add(r.chance(0.6) ? tsServiceBlock(s) : tsPrivateHelper(s));
      break;
    case 'cli':
      add(tsCliBlock(s));
      while (more()) add(r.chance(0.5) ? tsPrivateHelper(s) : tsUtilBlock(s, identifier(r, s.used, () => camel(r.pick(UTIL_NAMES))), false));
      add(['main(process.argv.slice(2)).then((code) => process.exit(code));']);
      break;
    case 'test': {
      const targets = [...helpersFor(s, 'util'), ...helpersFor(s, 'model')];
      while (more() || blocks.length === 0) add(tsTestBlock(s, targets.length && r.chance(0.6) ? r.pick(targets) : undefined));
      break;
    }
    case 'config':
    case 'init':
      while (more() || blocks.length === 0) add(tsConfigBlock(s));
      break;
  }
  const head = `// ${sentence(r)}`;
  for (;;) {
    const out = [head, ...s.im.render()];
    if (s.pre.length) out.push('', ...s.pre);
    for (const b of blocks) out.push('', ...b);
    if (out.length >= 20) return out.join('\n') + '\n';
    add(tsPrivateHelper(s));
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points.

export interface TreeStats {
  files: number;
  bytes: number;
  lines: number;
}

/** Writes the tree under `dir` (emptied first). */
export function generateTree(dir: string, files: number, seed: number, mix: LangMix): TreeStats {
  rmSync(dir, { recursive: true, force: true });
  const plan = planTree(files, seed, mix);
  const stats: TreeStats = { files: 0, bytes: 0, lines: 0 };
  const made = new Set<string>();
  for (const pkg of plan.packages) {
    for (const file of pkg.files) {
      const ctx: Ctx = { rng: new Rng(file.seed), file, pkg, tree: plan, used: new Set(file.exports.map((e) => e.name)) };
      const text = file.lang === 'python' ? pyFile(ctx) : tsFile(ctx);
      const full = join(dir, file.rel);
      const d = dirname(full);
      if (!made.has(d)) {
        mkdirSync(d, { recursive: true });
        made.add(d);
      }
      writeFileSync(full, text);
      stats.files++;
      stats.bytes += Buffer.byteLength(text);
      stats.lines += text.split('\n').length - 1;
    }
  }
  return stats;
}

/**
 * One large module of about `lines` lines for the edit benchmark: tools of several frameworks
 * interleaved with ordinary code, as in a big hand-written tools file.
 */
export function generateLargeFile(lang: Lang, lines: number, seed: number): string {
  const plan = planTree(lang === 'python' ? 40 : 30, seed, lang);
  const pkg = plan.packages[0];
  const file: FilePlan = { rel: lang === 'python' ? `${pkg.name}/tools/big_tools.py` : `${pkg.name}/src/tools/bigTools.ts`, kind: 'tool', lang, module: '', seed, lines, exports: [] };
  file.module = lang === 'python' ? `${pkg.name}.tools.big_tools` : file.rel.replace(/\.ts$/, '');
  const rng = new Rng(seed);
  const ctx: Ctx = { rng, file, pkg, tree: plan, used: new Set() };
  if (lang === 'python') {
    const s: PyState = { ...ctx, im: new PyImports(), pre: [], preKeys: new Set() };
    const blocks: string[][] = [];
    let n = 0;
    const fws = ['langchain', 'openai-agents', 'crewai', 'fastmcp', 'pydantic-ai'];
    for (const fw of fws) pyFrameworkPreamble(s, fw);
    while (n < lines - 60) {
      const r = rng.next();
      const b = r < 0.55 ? pyToolBlock(s, rng.pick(fws)) : r < 0.7 ? pyPrivateHelper(s) : r < 0.85 ? pyUtilBlock(s, identifier(rng, s.used, () => `_${rng.pick(UTIL_NAMES)}`)) : pyServiceBlock(s);
      blocks.push(b);
      n += b.length + 2;
    }
    const out = [`"""${sentence(rng)}"""`, '', ...s.im.render(), '', ...s.pre];
    for (const b of blocks) out.push('', '', ...b);
    return out.join('\n') + '\n';
  }
  const s: TsState = { ...ctx, im: new TsImports(), pre: [], preKeys: new Set() };
  s.im.add('@modelcontextprotocol/sdk/server/mcp.js', 'McpServer');
  tsPre(s, 'server', [`export const server = new McpServer({ name: 'big', version: '1.0.0' });`]);
  s.preKeys.add('mixed-fw');
  const blocks: string[][] = [];
  let n = 0;
  const fws = ['vercel-ai', 'mcp-ts', 'mastra', 'langchain-js'];
  while (n < lines - 40) {
    const r = rng.next();
    const b = r < 0.55 ? tsToolBlock(s, rng.pick(fws)) : r < 0.7 ? tsPrivateHelper(s) : r < 0.85 ? tsUtilBlock(s, identifier(rng, s.used, () => camel(rng.pick(UTIL_NAMES))), false) : tsServiceBlock(s);
    blocks.push(b);
    n += b.length + 1;
  }
  const out = [`// ${sentence(rng)}`, ...s.im.render(), '', ...s.pre];
  for (const b of blocks) out.push('', ...b);
  return out.join('\n') + '\n';
}

function main(argv: string[]): void {
  const arg = (name: string, def: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : def;
  };
  const out = arg('--out', '');
  if (!out) {
    process.stderr.write('usage: generate.ts --out DIR [--files N] [--seed S] [--lang python|ts|mixed]\n');
    process.exit(2);
  }
  const mix = arg('--lang', 'mixed') as LangMix;
  if (!['python', 'ts', 'mixed'].includes(mix)) throw new Error(`--lang must be python, ts or mixed`);
  const stats = generateTree(out, Number(arg('--files', '1000')), Number(arg('--seed', '1')), mix);
  process.stdout.write(`${stats.files} files, ${stats.lines} lines, ${(stats.bytes / 1e6).toFixed(1)} MB in ${out}\n`);
}

if (require.main === module) main(process.argv.slice(2));
