// Runs test/e2e/nvim/test.lua in headless Neovim (Debian's 0.7.2: no `-l`, so `-c 'luafile …'`) against
// the bundled language server, on a fresh copy of the fixture workspace, with a timeout.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteResults } from '../vscode/suite/index';

const ROOT = join(__dirname, '..', '..', '..');

export interface NeovimRun extends SuiteResults {
  runDir: string;
  seconds: number;
}

/** One fixture: the finding of `category` on the line containing `sink` is fixed by its preferred action. */
interface Case {
  file: string;
  filetype: string;
  category: string;
  sink: string;
}

const CASES: Case[] = [
  { file: 'tools/fetch_page.py', filetype: 'python', category: 'net', sink: 'requests.get(' },
  { file: 'tools/read_note.js', filetype: 'javascript', category: 'fs', sink: 'readFile(path' },
];

export async function runNeovim(timeoutMs: number): Promise<NeovimRun> {
  const t0 = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), 'ab-e2e-nvim-'));
  const all: SuiteResults = { passed: 0, failed: 0, tests: [], errors: [] };
  for (const c of CASES) {
    const r = await runCase(c, join(runDir, c.file.replace(/\W/g, '_')), timeoutMs);
    all.passed += r.passed;
    all.failed += r.failed;
    all.tests.push(...r.tests.map((t) => ({ ...t, title: `${c.file}: ${t.title}` })));
    all.errors.push(...r.errors.map((e) => `${c.file}: ${e}`));
  }
  if (all.failed === 0 && all.errors.length === 0 && !process.env.AB_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
  return { ...all, runDir, seconds: Math.round((Date.now() - t0) / 100) / 10 };
}

async function runCase(c: Case, caseDir: string, timeoutMs: number): Promise<SuiteResults> {
  const ws = join(caseDir, 'workspace');
  cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), ws, { recursive: true });
  const results = join(caseDir, 'results.json');
  const server = join(ROOT, 'server', 'out', 'server.js');
  if (!existsSync(server)) return { passed: 0, failed: 0, tests: [], errors: [`${server} is missing: run npm run build`] };

  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'test.lua')}`], {
    cwd: ws,
    env: {
      ...process.env,
      AB_SERVER: server,
      AB_ROOT: ws,
      AB_FILE: join(ws, c.file),
      AB_FILETYPE: c.filetype,
      AB_CATEGORY: c.category,
      AB_SINK: c.sink,
      AB_RESULTS: results,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Neovim runs in its own process group (with the language server it starts): stop it on any way out.
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  const onSignal = () => {
    killGroup();
    process.exit(130);
  };
  process.on('exit', killGroup);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
  clearTimeout(timer);
  killGroup(); // a language server left behind
  process.off('exit', killGroup);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);

  if (!existsSync(results)) {
    const why = timedOut ? `Neovim timed out after ${timeoutMs / 1000} s` : `Neovim exited (${code}) without results`;
    return { passed: 0, failed: 0, tests: [], errors: [`${why}; output:\n${output.slice(-4000)}`] };
  }
  const r = JSON.parse(readFileSync(results, 'utf8')) as SuiteResults;
  // json_encode turns an empty Lua table into [] or {}; normalise.
  r.tests = Array.isArray(r.tests) ? r.tests : [];
  r.errors = Array.isArray(r.errors) ? r.errors : [];
  if (code !== 0 && r.failed === 0 && r.errors.length === 0) r.errors.push(`Neovim exited with ${code}:\n${output.slice(-4000)}`);
  return r;
}
