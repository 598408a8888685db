// The command line: `agent-boundary scan [paths…]` and `agent-boundary lsp --stdio`.
// Exit codes: 0 nothing at or above --fail-on, 1 something was found, 2 usage or configuration error.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/load';
import type { Severity } from './model/findings';
import { jsonReport } from './report/json';
import { TOOL_INFO as TOOL, sarifReport } from './report/sarif';
import { writeChunks } from './report/stream';
import { textReport } from './report/text';
import { runScan, scanRoot, shouldFail } from './scan/scan';
import { PathError } from './scan/walk';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

const HELP = `Usage: agent-boundary scan [paths…] [options]
       agent-boundary lsp --stdio

Finds AI agent tools that reach networks, files, databases, shells, credentials
and transactions without scoping, approval or audit logging.

Options for scan (paths default to "."):
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of stdout
  --config FILE              configuration file (default: agent-boundary.json,
                             .agent-boundary.json, agent-boundary.yaml/.yml or
                             .agent-boundary.yaml/.yml at the scan root or above)
  --fail-on error|warning|note|none
                             lowest severity that makes the exit code 1 (default: warning)
  --jobs N                   worker threads (default: up to the CPU count, none for
                             small scans; 1 = analyse in-process)
  --no-progress              no progress line on stderr
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or configuration error.`;

class UsageError extends Error {}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a positive integer (got '${value}')`);
  return Number(value);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function progressReporter(enabled: boolean): { update: (done: number, total: number) => void; clear: () => void } {
  if (!enabled) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\ragent-boundary: ${done}/${total} files`);
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

async function scan(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      jobs: { type: 'string' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = oneOf('format', values.format, FORMATS, 'text');
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON, 'warning') as Severity | 'none';
  const jobs = parseJobs(values.jobs);
  const cwd = process.cwd();
  const paths = positionals.length ? positionals : ['.'];

  const root = scanRoot(paths, cwd, isDir);
  const loaded = loadConfig(root, values.config ? resolve(cwd, values.config) : undefined);
  const globBase = loaded.file && !values.config ? dirname(loaded.file) : root;
  const progress = progressReporter(Boolean(process.stderr.isTTY) && !values['no-progress']);
  let report;
  try {
    report = await runScan({ paths, cwd, config: loaded.config, globBase, jobs, onProgress: progress.update }, root);
  } finally {
    progress.clear();
  }

  // Written as it is made: a large tree's report is never one string in memory.
  const chunks = format === 'json' ? jsonReport(report, TOOL) : format === 'sarif' ? sarifReport(report, TOOL, cwd) : textReport(report, cwd);
  if (values.output) {
    try {
      writeChunks(chunks, resolve(cwd, values.output));
    } catch (e) {
      throw new UsageError(`cannot write --output ${values.output}: ${(e as Error).message}`);
    }
  } else {
    writeChunks(chunks);
  }
  return shouldFail(report.findings, failOn) ? 1 : 0;
}

function lsp(argv: string[]): number | undefined {
  const { values } = parseArgs({ args: argv, strict: true, options: { stdio: { type: 'boolean' } } });
  if (!values.stdio) throw new UsageError('lsp needs --stdio');
  let server: { startServer?: () => void };
  try {
    // A separate bundle (server/out/server.js); a computed path keeps esbuild from inlining it.
    server = require(join(__dirname, 'server.js')) as typeof server;
  } catch (e) {
    throw new UsageError(`the language server is not available: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof server.startServer !== 'function') throw new UsageError('the language server bundle exports no startServer()');
  server.startServer();
  return undefined;
}

export async function main(argv: string[]): Promise<number | undefined> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${TOOL.version}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'scan') return await scan(rest);
    if (command === 'lsp') return lsp(rest);
    throw new UsageError(`unknown command '${command}'`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof PathError || e instanceof ConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`agent-boundary: ${(e as Error).message}\n`);
      if (!(e instanceof ConfigError)) process.stderr.write('Run agent-boundary --help for usage.\n');
      return 2;
    }
    process.stderr.write(`agent-boundary: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

// Run when executed (bin/agent-boundary.js requires this bundle), not when imported.
if (require.main === module || /agent-boundary(\.js)?$/.test(require.main?.filename ?? '')) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== undefined) process.exitCode = code;
  });
}
