// The benchmark suite (issue 4): `npm run bench [-- --json] [-- --tree DIR]`.
//
// Measures, in one run on this machine:
//   scan_vs_bandit   our CLI scan (default jobs) / Bandit, on the same generated Python tree
//   scan_vs_parse    our CLI scan with --jobs 1 / a bare parse (same discovery, reader and tree-sitter
//                    parser, one thread, no analysis) of the same files
//   edit_p50/p95_ms  didChange → publishDiagnostics of that version, through the real server over stdio (half the
//                    edits inside tool bodies, half in the other code),
//                    on 2,000-line Python and TS files (the worse of the two languages is reported)
//   peak_rss_mb      max resident memory of the CLI process tree while scanning the large tree
//   parallel_speedup CLI --jobs 1 / CLI with all cores, same tree
// Each timing is repeated (interleaved, --repeat N, default 3) and the median is used; the spread is printed.
// With --json the last line of stdout is one JSON object. Nothing here asserts on time: `npm test` never runs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { GENERATOR_VERSION, generateLargeFile, generateTree, type Lang, type LangMix } from './generate';
import { LspClient } from './lsp-client';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const PARSE_ONLY = join(ROOT, 'bench', 'out', 'parse-only.js');
// Outside the repository: the scanner honours the repository's .gitignore, which lists bench output.
const TREES = process.env.AGENT_BOUNDARY_BENCH_TREES ?? join(tmpdir(), 'agent-boundary-bench');

const GOALS = {
  scan_vs_bandit: { max: 0.1 },
  scan_vs_parse: { max: 2.0 },
  edit_p95_ms: { max: 20 },
  peak_rss_mb: { max: 300 },
  parallel_speedup: { min: 1.7 },
} as const;
type GoalKey = keyof typeof GOALS;

interface Options {
  json: boolean;
  tree?: string;
  repeat: number;
  banditRepeat: number;
  pyFiles: number;
  files: number;
  edits: number;
  editLines: number;
  install: boolean;
  skip: Set<string>;
  /** Niceness for the measured processes (e.g. -10 as root, on a machine others are using). */
  nice?: number;
  /** Markdown file to write the run into (bench/RESULTS.md); the text after its RESULTS_KEEP marker is kept. */
  results?: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { json: false, repeat: 3, banditRepeat: 0, pyFiles: 1000, files: 10000, edits: 480, editLines: 2000, install: true, skip: new Set() };
  const num = (i: number, flag: string) => {
    const v = Number(argv[i]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} needs a positive integer`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--tree') o.tree = resolve(argv[++i] ?? '');
    else if (a === '--repeat') o.repeat = num(++i, a);
    else if (a === '--bandit-repeat') o.banditRepeat = num(++i, a);
    else if (a === '--py-files') o.pyFiles = num(++i, a);
    else if (a === '--files') o.files = num(++i, a);
    else if (a === '--edits') o.edits = num(++i, a);
    else if (a === '--edit-lines') o.editLines = num(++i, a);
    else if (a === '--no-install') o.install = false;
    else if (a === '--results') o.results = resolve(argv[++i] ?? 'bench/RESULTS.md');
    else if (a === '--nice') {
      o.nice = Number(argv[++i]);
      if (!Number.isInteger(o.nice)) throw new Error('--nice needs an integer');
    }
    else if (a === '--skip') for (const s of (argv[++i] ?? '').split(',')) o.skip.add(s.trim());
    else if (a === '-h' || a === '--help') {
      process.stdout.write(
        'npm run bench -- [--json] [--tree DIR] [--repeat 3] [--bandit-repeat N] [--py-files 1000] [--files 10000]\n' +
          '                 [--edits 480] [--edit-lines 2000] [--no-install] [--skip bandit,parse,edit,rss,speedup] [--nice N]\n' +
          '                 [--results bench/RESULTS.md]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!o.banditRepeat) o.banditRepeat = o.repeat;
  if (o.tree && !existsSync(o.tree)) throw new Error(`--tree ${o.tree}: no such directory`);
  return o;
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Set from --nice: every measured process (ours, Bandit, the bare parse, the language server) runs under `nice -n`. */
let niceness: number | undefined;

// ---------------------------------------------------------------------------------------------
// Statistics.

interface Stat {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the samples at or below it.
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const fmtS = (ms: number) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtStat = (st: Stat) => `${fmtS(st.median)} [${fmtS(st.min)}–${fmtS(st.max)}]`;
/** A timing for the JSON: wall and CPU medians, min and max, and every sample, in whole ms. */
const ms = (t: { wall: Stat; cpu: Stat }) => ({
  wall_median: Math.round(t.wall.median),
  wall_min: Math.round(t.wall.min),
  wall_max: Math.round(t.wall.max),
  wall_samples: t.wall.samples.map(Math.round),
  cpu_median: Math.round(t.cpu.median),
});

// ---------------------------------------------------------------------------------------------
// Processes: wall time, and the resident memory of the whole process tree.

interface RunResult {
  ms: number;
  /** CPU time (user + system) of the process and its waited-for children: less sensitive to other load than wall time. */
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Max over samples of the summed VmRSS of the process and its descendants, and the max VmHWM of any one. */
  peakRssMb?: number;
}

function procStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${out[i]}/task/${t}/children`, 'utf8').split(/\s+/)) if (c) out.push(Number(c));
      } catch {
        // The task ended meanwhile.
      }
    }
  }
  return out;
}

/** CPU time of the children this process has waited for (cutime + cstime of /proc/self/stat), in ms. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function run(cmd: string, args: string[], opts: { cwd?: string; rss?: boolean; captureStdout?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const cpu0 = childrenCpuMs();
    if (niceness !== undefined) {
      args = ['-n', String(niceness), cmd, ...args];
      cmd = 'nice';
    }
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, stdio: ['ignore', opts.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 100000) stderr += d.toString();
    });
    let peakSumKb = 0;
    let peakHwmKb = 0;
    let timer: NodeJS.Timeout | undefined;
    if (opts.rss && child.pid) {
      const pid = child.pid;
      const sample = () => {
        let sum = 0;
        for (const p of descendants(pid)) {
          const st = procStatus(p);
          if (!st) continue;
          sum += st.rss;
          peakHwmKb = Math.max(peakHwmKb, st.hwm);
        }
        peakSumKb = Math.max(peakSumKb, sum);
      };
      timer = setInterval(sample, 10);
    }
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (timer) clearInterval(timer);
      const r: RunResult = { ms, cpuMs: childrenCpuMs() - cpu0, code, stdout, stderr };
      if (opts.rss) r.peakRssMb = Math.max(peakSumKb, peakHwmKb) / 1024;
      resolvePromise(r);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Corpora.

interface Tree {
  dir: string;
  label: string;
  files: number;
  bytes: number;
}

function generated(name: string, files: number, seed: number, mix: LangMix): Tree {
  const dir = join(TREES, name);
  const stampFile = `${dir}.json`;
  const want = { version: GENERATOR_VERSION, files, seed, mix };
  if (existsSync(stampFile) && existsSync(dir)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as typeof want & { bytes: number };
    if (stamp.version === want.version && stamp.files === files && stamp.seed === seed && stamp.mix === mix) return { dir, label: `generated ${mix}, seed ${seed}`, files, bytes: stamp.bytes };
  }
  log(`generating ${files} ${mix} files (seed ${seed}) in ${dir}`);
  const stats = generateTree(dir, files, seed, mix);
  writeFileSync(stampFile, JSON.stringify({ ...want, bytes: stats.bytes, lines: stats.lines }));
  return { dir, label: `generated ${mix}, seed ${seed}`, files: stats.files, bytes: stats.bytes };
}

// ---------------------------------------------------------------------------------------------
// Bandit (Debian package `bandit`).

function banditVersion(): string | undefined {
  const r = spawnSync('bandit', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return /bandit\s+([\d.]+)/.exec(r.stdout + r.stderr)?.[1] ?? 'unknown';
}

function ensureBandit(install: boolean): { version?: string; problem?: string } {
  let version = banditVersion();
  if (version) return { version };
  if (!install) return { problem: 'bandit is not installed (and --no-install was given); install it with `apt-get install bandit`' };
  if (process.platform !== 'linux' || spawnSync('apt-get', ['--version']).status !== 0) return { problem: 'bandit is not installed and apt-get is not available; install Bandit 1.6+ and re-run' };
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!asRoot && !sudo) return { problem: 'bandit is not installed and installing it needs root: run `sudo apt-get install bandit` and re-run' };
  const apt = (args: string[]) => {
    const cmd = asRoot ? 'apt-get' : 'sudo';
    const full = asRoot ? args : ['-n', 'apt-get', ...args];
    return spawnSync(cmd, full, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  log('bandit not found: installing the Debian package (apt-get install bandit)');
  let r = apt(['install', '-y', '-q', '-o', 'DPkg::Lock::Timeout=300', 'bandit']);
  if (r.status !== 0) {
    apt(['update', '-q', '-o', 'DPkg::Lock::Timeout=300']);
    r = apt(['install', '-y', '-q', '-o', 'DPkg::Lock::Timeout=300', 'bandit']);
  }
  version = banditVersion();
  if (version) return { version };
  return { problem: `installing bandit with apt-get failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' ')}` };
}

// ---------------------------------------------------------------------------------------------
// Timed commands.

interface Variant {
  name: string;
  /** Runs the command once; throws on failure. */
  run: () => Promise<{ ms: number; cpuMs: number }>;
}

interface Timing {
  wall: Stat;
  cpu: Stat;
}

/** Runs every variant `repeat` times, interleaved (a, b, c, a, b, c, ...), so that drift hits all alike. */
async function measure(variants: Variant[], repeat: (v: Variant) => number): Promise<Map<string, Timing>> {
  const samples = new Map<string, { wall: number[]; cpu: number[] }>(variants.map((v) => [v.name, { wall: [], cpu: [] }]));
  const rounds = Math.max(...variants.map(repeat));
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) {
      if (r >= repeat(v)) continue;
      const { ms, cpuMs } = await v.run();
      samples.get(v.name)!.wall.push(ms);
      samples.get(v.name)!.cpu.push(cpuMs);
      log(`  ${v.name}: ${fmtS(ms)} (cpu ${fmtS(cpuMs)}, load ${loadavg()[0].toFixed(1)})`);
    }
  }
  return new Map([...samples].map(([k, s]) => [k, { wall: stat(s.wall), cpu: stat(s.cpu) }]));
}

interface ScanInfo {
  files: number;
  findings: number;
  tools: number;
  skipped: number;
}

function cliArgs(dir: string, jobs: number | undefined, out: string, config?: string): string[] {
  const a = [CLI, 'scan', dir, '--format', 'json', '--output', out, '--no-progress', '--fail-on', 'none'];
  if (jobs !== undefined) a.push('--jobs', String(jobs));
  if (config) a.push('--config', config);
  return a;
}

async function cliScan(dir: string, jobs: number | undefined, config?: string, rss = false): Promise<RunResult & { info: ScanInfo }> {
  const out = join(tmpdir(), `agent-boundary-bench-${process.pid}.json`);
  const r = await run(process.execPath, cliArgs(dir, jobs, out, config), { rss });
  if (r.code !== 0 && r.code !== 1) throw new Error(`agent-boundary scan exited with ${r.code}: ${r.stderr.trim().slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { files: unknown[]; findings: unknown[]; tools: unknown[]; skipped: unknown[] };
  rmSync(out, { force: true });
  return { ...r, info: { files: report.files.length, findings: report.findings.length, tools: report.tools.length, skipped: report.skipped.length } };
}

interface ParseInfo {
  files: number;
  bytes: number;
  parseMs: number;
  totalMs: number;
}

async function bareParse(dir: string, include: string[] = []): Promise<RunResult & { info: ParseInfo }> {
  const args = [PARSE_ONLY, dir];
  for (const g of include) args.push('--include', g);
  const r = await run(process.execPath, args, { captureStdout: true });
  if (r.code !== 0) throw new Error(`bare parse failed (${r.code}): ${r.stderr.trim().slice(-2000)}`);
  return { ...r, info: JSON.parse(r.stdout.trim().split('\n').pop()!) as ParseInfo };
}

async function banditScan(dir: string): Promise<RunResult> {
  const out = join(tmpdir(), `bandit-bench-${process.pid}.json`);
  const r = await run('bandit', ['-q', '-r', dir, '-f', 'json', '-o', out]);
  // Bandit exits 1 when it reports issues; anything else (or no report) is a failure.
  if ((r.code !== 0 && r.code !== 1) || !existsSync(out)) throw new Error(`bandit exited with ${r.code}: ${r.stderr.trim().slice(-2000)}`);
  rmSync(out, { force: true });
  return r;
}

// ---------------------------------------------------------------------------------------------
// Edit latency through the language server.

interface EditResult {
  lang: Lang;
  lines: number;
  edits: number;
  samples: number[];
  /** The first `toolEdits` samples are edits inside tool bodies, the rest in other code. */
  toolEdits: number;
  openMs: number;
  diagnosticsAtOpen: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Where to type: lines inside tool bodies (the enclosing tool must be re-analysed) or lines of the other
 * code of the file (helpers, clients, utilities), spread evenly over the file.
 */
function editSites(lang: Lang, lines: string[], count: number, where: 'tools' | 'other'): { line: number; col: number }[] {
  const candidates: number[] = [];
  let inTool = false;
  let decorated = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (lang === 'python') {
      // A tool is a decorated function (the def right after a tool decorator) or a BaseTool class.
      if (/^@(tool|lc_tool|function_tool|mcp\.tool|agent\.tool)/.test(l)) decorated = true;
      else if (/^(async )?def /.test(l)) {
        inTool = decorated;
        decorated = false;
      } else if (/^\S/.test(l)) {
        inTool = /^class \w+\(BaseTool\)/.test(l);
        decorated = false;
      }
      if (inTool === (where === 'tools') && /^\s+\S/.test(l) && !l.includes('"""')) candidates.push(i);
    } else {
      if (/^(export const \w+ = (tool|lcTool|createTool)\(|server\.registerTool\()/.test(l)) inTool = true;
      else if (/^\S/.test(l)) inTool = false;
      if (inTool === (where === 'tools') && /^\s{4,}\S/.test(l) && !l.includes('`')) candidates.push(i);
    }
  }
  const sites: { line: number; col: number }[] = [];
  for (let k = 0; k < count; k++) {
    const line = candidates[Math.floor(((k + 0.5) * candidates.length) / count)];
    const text = lines[line];
    // Inside the first string literal when there is one (a message, a key), else at the end of the line.
    const q = text.search(/['"]/);
    sites.push({ line, col: q >= 0 ? q + 1 : text.length });
  }
  return sites;
}

async function editLatency(lang: Lang, lineCount: number, edits: number): Promise<EditResult> {
  const dir = join(TREES, 'edit');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, lang === 'python' ? 'big_tools.py' : 'bigTools.ts');
  const text = generateLargeFile(lang, lineCount, lang === 'python' ? 11 : 12);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  // e.g. AGENT_BOUNDARY_BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.AGENT_BOUNDARY_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const serverCmd = [process.execPath, ...nodeArgs, SERVER, '--stdio'];
  const client = niceness === undefined ? new LspClient(serverCmd[0], serverCmd.slice(1), dir) : new LspClient('nice', ['-n', String(niceness), ...serverCmd], dir);
  const waiting = new Map<number, (count: number) => void>();
  client.on('textDocument/publishDiagnostics', (p) => {
    const params = p as { uri: string; version?: number; diagnostics: unknown[] };
    if (params.uri !== uri) return;
    if (params.version === undefined || params.version === null) {
      // A server that sends no version: the first publication after the change is its answer.
      for (const [v, done] of waiting) {
        waiting.delete(v);
        done(params.diagnostics.length);
      }
      return;
    }
    const done = waiting.get(params.version);
    if (done) {
      waiting.delete(params.version);
      done(params.diagnostics.length);
    }
  });
  const waitFor = (version: number, timeoutMs: number) =>
    new Promise<number>((res, rej) => {
      const t = setTimeout(() => {
        waiting.delete(version);
        rej(new Error(`no diagnostics for version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(version, (n) => {
        clearTimeout(t);
        res(n);
      });
    });
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'edit' }],
      capabilities: { textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    client.notify('initialized', {});
    let version = 1;
    const t0 = performance.now();
    const opened = waitFor(version, 120000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: lang === 'python' ? 'python' : 'typescript', version, text } });
    const diagnosticsAtOpen = await opened;
    const openMs = performance.now() - t0;

    const lines = text.split('\n');
    const perSite = 6; // type three characters, then delete them one by one
    // Half of the edits inside tool bodies, half in the file's other code.
    const half = Math.ceil(edits / 2 / perSite);
    const sites = [...editSites(lang, lines, half, 'tools'), ...editSites(lang, lines, half, 'other')];
    const toolEdits = half * perSite;
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const site = sites[Math.floor(i / perSite)];
      const step = i % perSite;
      const change =
        step < 3
          ? { range: { start: { line: site.line, character: site.col + step }, end: { line: site.line, character: site.col + step } }, text: 'abc'[step] }
          : { range: { start: { line: site.line, character: site.col + (5 - step) }, end: { line: site.line, character: site.col + (6 - step) } }, text: '' };
      version++;
      const answered = waitFor(version, 30000);
      const start = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await answered;
      samples.push(performance.now() - start);
    }
    return { lang, lines: lines.length - 1, edits, samples, toolEdits, openMs, diagnosticsAtOpen, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
  } catch (e) {
    throw new Error(`${(e as Error).message}${client.stderr ? `\nserver stderr: ${client.stderr.slice(-1500)}` : ''}`);
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

const RESULTS_KEEP = '<!-- Everything below this line is kept when the benchmark rewrites this file. -->';

function writeResults(file: string, table: string[], result: Record<string, unknown>, m: ReturnType<typeof machine>): void {
  let kept = '';
  if (existsSync(file)) {
    const old = readFileSync(file, 'utf8');
    const at = old.indexOf(RESULTS_KEEP);
    if (at >= 0) kept = old.slice(at + RESULTS_KEEP.length).replace(/^\n+/, '');
  }
  const cmd = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
  const cpuInfo = (() => {
    try {
      return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? m.cpu;
    } catch {
      return m.cpu;
    }
  })();
  const md = [
    '# Benchmark results',
    '',
    `Written by \`${cmd.trim()}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${String(result.commit)}. Re-run it to reproduce; the ratios are`,
    'measured in one run on one machine (see bench/run.ts for what each one means).',
    '',
    '## Machine',
    '',
    `- ${m.nproc} cores (nproc), CPU: ${cpuInfo}`,
    `- memory: ${m.memory_gb} GB; ${m.os}; node ${m.node}; Bandit ${String(result.bandit_version ?? 'not measured')}`,
    `- 1-minute load average: ${m.load_at_start} at the start, ${String((result.machine as { load_at_end?: number } | undefined)?.load_at_end ?? '?')} at the end${m.niceness ? `; measured processes ran under \`nice -n ${m.niceness}\`` : ''}`,
    '',
    '## Table',
    '',
    '```',
    ...table,
    '```',
    '',
    '## JSON (the last line of `--json`)',
    '',
    '```json',
    JSON.stringify(result),
    '```',
    '',
    RESULTS_KEEP,
    '',
    kept,
  ];
  writeFileSync(file, md.join('\n').replace(/\n+$/, '\n'));
  log(`wrote ${file}`);
}

/** The ratios mean nothing unless both sides read the same files: stop on a generated tree, note it on a real one. */
function checkCounts(what: string, expected: number | undefined, info: ScanInfo | undefined, pinfo: ParseInfo | undefined, notes: string[]): void {
  const problem =
    expected !== undefined && info && info.files + info.skipped !== expected
      ? `${what}: the CLI analysed ${info.files} files and skipped ${info.skipped}, but the tree has ${expected}`
      : info && pinfo && info.files !== pinfo.files
        ? `${what}: the CLI analysed ${info.files} files, the bare parse ${pinfo.files}`
        : undefined;
  if (!problem) return;
  if (expected !== undefined) throw new Error(problem);
  notes.push(problem);
}

/** The commit measured, with a mark when the working tree differs from it. */
function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return head.stdout.trim() + (dirty ? ' (with uncommitted changes)' : '');
}

function machine() {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
  return {
    nproc: availableParallelism(),
    cpu,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${process.platform} ${release()}`,
    niceness: niceness ?? 0,
    /** 1-minute load average when the run started: other work on the machine skews every timing. */
    load_at_start: round(loadavg()[0], 2),
  };
}

function buildBaseline(): void {
  if (!existsSync(CLI) || !existsSync(SERVER)) {
    log('server bundles missing: running node esbuild.mjs');
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('node esbuild.mjs failed');
  }
  esbuild.buildSync({ entryPoints: [join(ROOT, 'bench', 'parse-only.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: PARSE_ONLY, logLevel: 'error' });
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  niceness = o.nice;
  buildBaseline();
  const m = machine();
  const result: Record<string, unknown> = {};
  const notes: string[] = [];
  const rows: [string, string, string, string][] = [];
  const timings: Record<string, unknown> = {};
  const jobsAll = m.nproc;
  log(`machine: ${m.nproc} cores, ${m.cpu}, ${m.memory_gb} GB, node ${m.node}`);

  // 1. Python tree: our scan against Bandit.
  let pyTree: Tree | undefined;
  let pyInclude: string[] = [];
  let pyConfig: string | undefined;
  if (!o.skip.has('bandit')) {
    if (o.tree) {
      // A real tree: compare on its Python files only (Bandit reads nothing else).
      pyTree = { dir: o.tree, label: `${o.tree} (Python files)`, files: 0, bytes: 0 };
      pyInclude = ['**/*.py', '**/*.pyi'];
      pyConfig = join(tmpdir(), `agent-boundary-bench-py-${process.pid}.json`);
      writeFileSync(pyConfig, JSON.stringify({ include: pyInclude }));
    } else pyTree = generated(`python-${o.pyFiles}-s1`, o.pyFiles, 1, 'python');
    const bandit = ensureBandit(o.install);
    if (!bandit.version) {
      notes.push(`scan_vs_bandit not measured: ${bandit.problem}`);
      log(`WARNING: ${bandit.problem}`);
      result.scan_vs_bandit = null;
    } else {
      log(`Python tree ${pyTree.dir}: our scan (the CLI's default --jobs) vs bandit ${bandit.version}`);
      let info: ScanInfo | undefined;
      let pinfo: ParseInfo | undefined;
      const st = await measure(
        [
          { name: 'bandit', run: () => banditScan(pyTree!.dir) },
          { name: 'ours', run: async () => { const r = await cliScan(pyTree!.dir, undefined, pyConfig); info = r.info; return r; } },
          { name: 'ours-jobs1', run: () => cliScan(pyTree!.dir, 1, pyConfig) },
          { name: 'parse', run: async () => { const r = await bareParse(pyTree!.dir, pyInclude); pinfo = r.info; return r; } },
        ],
        (v) => (v.name === 'bandit' ? o.banditRepeat : o.repeat),
      );
      const b = st.get('bandit')!;
      const ours = st.get('ours')!;
      const ours1 = st.get('ours-jobs1')!;
      const parse = st.get('parse')!;
      if (o.tree && pinfo) {
        pyTree.files = pinfo.files;
        pyTree.bytes = pinfo.bytes;
      } else if (pinfo) pyTree.bytes = pinfo.bytes;
      result.scan_vs_bandit = round(ours.wall.median / b.wall.median, 4);
      result.bandit_version = bandit.version;
      timings.python_tree = { dir: pyTree.dir, files: info?.files ?? pyTree.files, mb: round(pyTree.bytes / 1e6, 1), findings: info?.findings, tools: info?.tools, bandit: ms(b), scan: ms(ours), scan_jobs1: ms(ours1), bare_parse: ms(parse), cpu_ratio_scan_vs_bandit: round(ours.cpu.median / b.cpu.median, 4) };
      rows.push(['scan_vs_bandit', String(result.scan_vs_bandit), '≤ 0.10', `ours (default --jobs) ${fmtStat(ours.wall)} vs Bandit ${fmtStat(b.wall)}; ${info?.files ?? '?'} Python files, ${round(pyTree.bytes / 1e6, 1)} MB; --jobs 1: ${round(ours1.wall.median / b.wall.median, 4)}; CPU time: ${round(ours.cpu.median / b.cpu.median, 4)}`]);
      checkCounts('Python tree', o.tree ? undefined : pyTree.files, info, pinfo, notes);
    }
  }

  // 2. The large tree: scan vs bare parse, parallel speed-up, peak memory.
  const big: Tree = o.tree ? { dir: o.tree, label: o.tree, files: 0, bytes: 0 } : generated(`mixed-${o.files}-s2`, o.files, 2, 'mixed');
  if (!o.skip.has('parse') || !o.skip.has('speedup')) {
    log(`large tree ${big.dir}: CLI jobs 1, CLI jobs ${jobsAll}, bare parse`);
    let info: ScanInfo | undefined;
    let pinfo: ParseInfo | undefined;
    const st = await measure(
      [
        { name: 'jobs1', run: async () => { const r = await cliScan(big.dir, 1); info = r.info; return r; } },
        { name: `jobs${jobsAll}`, run: () => cliScan(big.dir, jobsAll) },
        { name: 'parse', run: async () => { const r = await bareParse(big.dir); pinfo = r.info; return r; } },
      ],
      () => o.repeat,
    );
    const j1 = st.get('jobs1')!;
    const jn = st.get(`jobs${jobsAll}`)!;
    const parse = st.get('parse')!;
    if (pinfo) {
      big.files = pinfo.files;
      big.bytes = pinfo.bytes;
    }
    result.scan_vs_parse = round(j1.wall.median / parse.wall.median, 3);
    result.scan_all_cores_vs_parse = round(jn.wall.median / parse.wall.median, 3);
    result.parallel_speedup = round(j1.wall.median / jn.wall.median, 3);
    result.jobs = jobsAll;
    timings.large_tree = { dir: big.dir, files: info?.files, mb: round(big.bytes / 1e6, 1), findings: info?.findings, tools: info?.tools, skipped: info?.skipped, scan_jobs1: ms(j1), scan_all_cores: ms(jn), bare_parse: ms(parse), bare_parse_parsing_only_ms: pinfo ? round(pinfo.parseMs, 0) : undefined, cpu_ratio_scan_vs_parse: round(j1.cpu.median / parse.cpu.median, 3), cpu_ratio_all_cores_vs_jobs1: round(jn.cpu.median / j1.cpu.median, 3) };
    rows.push(['scan_vs_parse', String(result.scan_vs_parse), '≤ 2.0', `scan --jobs 1 ${fmtStat(j1.wall)} vs bare parse ${fmtStat(parse.wall)}; all cores: ${result.scan_all_cores_vs_parse}; CPU time: ${round(j1.cpu.median / parse.cpu.median, 3)}`]);
    rows.push(['parallel_speedup', String(result.parallel_speedup), '≥ 1.7', `--jobs 1 ${fmtStat(j1.wall)} vs --jobs ${jobsAll} ${fmtStat(jn.wall)} on ${jobsAll} cores; CPU time all cores / jobs 1: ${round(jn.cpu.median / j1.cpu.median, 3)}`]);
    checkCounts('large tree', o.tree ? undefined : o.files, info, pinfo, notes);
  }
  if (!o.skip.has('rss')) {
    log(`large tree: peak RSS of the CLI process tree (jobs ${jobsAll})`);
    const r = await cliScan(big.dir, jobsAll, undefined, true);
    result.peak_rss_mb = round(r.peakRssMb ?? 0, 1);
    rows.push(['peak_rss_mb', String(result.peak_rss_mb), '≤ 300', `CLI scan of ${r.info.files} files, all cores, /proc sampled every 10 ms (wall ${fmtS(r.ms)})`]);
    if (!big.files) big.files = r.info.files;
  }
  result.files = big.files || null;
  result.mb = big.bytes ? round(big.bytes / 1e6, 1) : null;

  // 3. Edit latency through the language server.
  if (!o.skip.has('edit')) {
    const per: EditResult[] = [];
    for (const lang of ['python', 'ts'] as Lang[]) {
      log(`edit latency: ${o.edits} single-character edits (half in tool bodies) on a ${o.editLines}-line ${lang} file`);
      try {
        per.push(await editLatency(lang, o.editLines, o.edits));
      } catch (e) {
        notes.push(`edit latency (${lang}) not measured: ${(e as Error).message.split('\n')[0]}`);
        log(`edit latency (${lang}) failed: ${(e as Error).message}`);
      }
    }
    if (per.length === 2) {
      result.edit_p50_ms = round(Math.max(...per.map((p) => p.p50)), 2);
      result.edit_p95_ms = round(Math.max(...per.map((p) => p.p95)), 2);
    } else {
      result.edit_p50_ms = null;
      result.edit_p95_ms = null;
    }
    for (const p of per) {
      result[`edit_p50_ms_${p.lang}`] = round(p.p50, 2);
      result[`edit_p95_ms_${p.lang}`] = round(p.p95, 2);
      timings[`edit_${p.lang}`] = { lines: p.lines, edits: p.edits, open_ms: round(p.openMs, 1), diagnostics_at_open: p.diagnosticsAtOpen, p50_ms: round(p.p50, 2), p95_ms: round(p.p95, 2), max_ms: round(p.max, 2), mean_ms: round(p.samples.reduce((a, b) => a + b, 0) / p.samples.length, 2), p95_ms_after_first_20: round(percentile(p.samples.slice(20), 95), 2), p95_ms_in_tools: round(percentile(p.samples.slice(0, p.toolEdits), 95), 2), p95_ms_elsewhere: round(percentile(p.samples.slice(p.toolEdits), 95), 2), slowest: p.samples.map((v, i) => [i, round(v, 1)]).sort((a, b) => b[1] - a[1]).slice(0, 8) };
    }
    rows.push(['edit_p95_ms', String(result.edit_p95_ms), '≤ 20', per.map((p) => `${p.lang} ${p.lines} lines: p50 ${round(p.p50, 1)} ms, p95 ${round(p.p95, 1)} ms (in tools ${round(percentile(p.samples.slice(0, p.toolEdits), 95), 1)}, elsewhere ${round(percentile(p.samples.slice(p.toolEdits), 95), 1)}), max ${round(p.max, 1)} ms; ${p.edits} edits, ${p.diagnosticsAtOpen} diagnostics`).join('; ')]);
  }

  // Goals.
  const met: Partial<Record<GoalKey, boolean | null>> = {};
  for (const k of Object.keys(GOALS) as GoalKey[]) {
    const v = result[k];
    const g = GOALS[k] as { max?: number; min?: number };
    met[k] = typeof v !== 'number' ? null : g.max !== undefined ? v <= g.max : v >= (g.min ?? 0);
  }
  result.goals_met = met;
  result.all_goals_met = Object.values(met).every((x) => x === true);
  result.machine = { ...m, load_at_end: round(loadavg()[0], 2) };
  result.commit = commit();
  // Only the load before the run counts: by the end, most of it is the benchmark's own.
  if (m.load_at_start > m.nproc / 2) notes.push(`the machine was busy (1-minute load ${m.load_at_start} at start, ${round(loadavg()[0], 2)} at end, on ${m.nproc} cores): timings are skewed; re-run on a quiet machine`);
  result.timings = timings;
  if (notes.length) result.notes = notes;

  // The table.
  const out: string[] = [];
  out.push(`Agent Boundary benchmarks — ${m.nproc} cores, ${m.cpu}, ${m.memory_gb} GB RAM, node ${m.node}`);
  out.push(`large tree: ${big.dir} (${result.files ?? '?'} files, ${result.mb ?? '?'} MB)${pyTree ? `; Python tree: ${pyTree.dir}` : ''}`);
  out.push('');
  const header: [string, string, string, string, string] = ['measure', 'value', 'goal', 'met', 'detail (median [min–max] of the repeats)'];
  const table = rows.map(([k, v, g, d]) => [k, v, g, met[k as GoalKey] === true ? 'yes' : met[k as GoalKey] === false ? 'NO' : '—', d]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('  ');
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) out.push(line(r));
  for (const n of notes) out.push(`note: ${n}`);
  process.stdout.write(out.join('\n') + '\n');
  if (o.results) writeResults(o.results, out, result, m);
  if (o.json) process.stdout.write(JSON.stringify(result) + '\n');
  if (pyConfig) rmSync(pyConfig, { force: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
