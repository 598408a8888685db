// Shared by the CLI, SARIF, config and suppression tests: run the built CLI, build temp projects, make findings.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import type { Span } from '../../server/src/model/ir';
import type { Finding } from '../../server/src/model/findings';

export const REPO = resolve(__dirname, '..', '..');
export const CLI_FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
export const BIN = join(REPO, 'bin', 'agent-boundary.js');
const VALIDATOR = join(REPO, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

/** The CLI runs from its bundle; build it when a bare `mocha` run finds none. */
export function ensureBuilt(): void {
  if (existsSync(join(REPO, 'server', 'out', 'cli.js')) && existsSync(join(REPO, 'server', 'out', 'worker.js'))) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'ab-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a fixture project (test/fixtures/cli/NAME) into `dest`. */
export function copyFixture(name: string, dest: string): void {
  cpSync(join(CLI_FIXTURES, name), dest, { recursive: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, body] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, body);
  }
}

export function span(line: number, col = 0, endLine = line, endCol = col + 1): Span {
  return { start: { line, col }, end: { line: endLine, col: endCol } };
}

/** A finding as the engine would report it; `line` is zero-based. */
export function makeFinding(over: Partial<Finding> & { line?: number } = {}): Finding {
  const { line = 3, ...rest } = over;
  const file = rest.file ?? '/project/agent.py';
  return {
    ruleId: 'net/unscoped-request',
    category: 'net',
    severity: 'error',
    file,
    span: span(line, 4, line, 20),
    message: "Tool 'fetch_page' sends requests to a URL chosen by the model (parameter 'url') via requests.get with no host allowlist.",
    tool: { name: 'fetch_page', framework: 'langchain', file, span: span(0, 0, 8, 0), nameSpan: span(1, 4, 1, 14), bodySpan: span(1, 0, 8, 0) },
    param: 'url',
    sink: 'requests.get',
    flow: [],
    fingerprint: `fp-${rest.ruleId ?? 'net/unscoped-request'}-${line}`,
    ...rest,
  };
}

/** Runs `Sarif.Multitool validate`; it exits 0 either way and lists problems as results of its own log. */
export function validateSarif(file: string): { errors: string[]; warnings: string[] } {
  const out = `${file}.validation.json`;
  execFileSync(VALIDATOR, ['validate', '--output', out, file], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  const log = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
  const run = log.runs[0];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const r of run.results ?? []) {
    const rule = r.ruleIndex !== undefined ? run.tool.driver.rules?.[r.ruleIndex] : undefined;
    const level = r.level ?? rule?.defaultConfiguration?.level ?? 'warning';
    const text = `${r.ruleId}: ${r.message.text ?? `${r.message.id} ${(r.message.arguments ?? []).join(' | ')}`}`;
    if (level === 'error') errors.push(text);
    else if (level === 'warning') warnings.push(text);
  }
  return { errors, warnings };
}

/** The validator ships for linux-x64 only (@microsoft/sarif-multitool-linux). */
export function skipWithoutValidator(ctx: Mocha.Context): void {
  if (!existsSync(VALIDATOR)) {
    console.log(`      (skipped: ${VALIDATOR} is missing; @microsoft/sarif-multitool ships it for Linux)`);
    ctx.skip();
  }
}
