// A minimal LSP client for the tests: spawns the bundled server over stdio and speaks JSON-RPC to it.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createEngine } from '../../server/src/engine';
import type { Finding } from '../../server/src/model/findings';

export const REPO = join(__dirname, '..', '..');
export const SERVER = join(REPO, 'server', 'out', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    newest = Math.max(newest, ent.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the bundles unless server/out/server.js is newer than every server source (`npm test` builds first). */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(SERVER).mtimeMs;
  } catch {
    // not built yet
  }
  if (built < newestMtime(join(REPO, 'server', 'src'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'ignore' });
}

export interface ClientOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic). */
  pull?: boolean;
  /** What workspace/configuration answers for section agentBoundary. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
}

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: Array<{ token: unknown; value: { kind: string; percentage?: number } }> = [];
  readonly messages: Array<{ type: number; message: string }> = [];
  private waiters: Array<() => void> = [];
  stderr = '';

  constructor(private readonly opts: ClientOptions = {}) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification('$/progress', (p: { token: unknown; value: { kind: string; percentage?: number } }) => {
      this.progress.push(p);
      this.wake();
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.wake();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.opts.settings ?? {}));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.listen();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `check` returns a value (re-checked whenever a notification arrives). */
  async until<T>(check: () => T | undefined): Promise<T> {
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async initialize(rootPath: string): Promise<InitializeResult> {
    const rootUri = pathToFileURL(rootPath).href;
    const result = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      initializationOptions: this.opts.initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true, showMessage: {} },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
          ...(this.opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** The diagnostics of the first publish for `uri` at `version` or later. */
  diagnosticsAt(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.until(() => this.published.find((p) => p.uri === uri && (version === undefined || (p.version ?? -1) >= version))?.diagnostics);
  }

  async close(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** A temporary workspace holding `files` (relative path → text); realpath'd so URIs match the server's. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ab-lsp-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** What a diagnostic comparison looks at: rule id and range. */
export interface Shape {
  code: string;
  range: [number, number, number, number];
}

export function shapeOfDiagnostics(ds: Diagnostic[]): Shape[] {
  return sortShapes(ds.map((d) => ({ code: String(d.code), range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] })));
}

export function shapeOfFindings(fs: Finding[]): Shape[] {
  return sortShapes(fs.map((f) => ({ code: f.ruleId, range: [f.span.start.line, f.span.start.col, f.span.end.line, f.span.end.col] })));
}

function sortShapes(s: Shape[]): Shape[] {
  return s.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.code.localeCompare(b.code));
}

/** A fresh engine's findings for one file's text, as the CLI would report them in that file. */
export async function engineFindings(root: string, path: string, text: string): Promise<Finding[]> {
  const engine = await createEngine({ roots: [root] });
  return engine.analyzeFile(path, text).findings.filter((f) => f.file === path && !f.suppressed);
}

/** The CLI's JSON report of `dir` (paths relative to it), to compare the server's diagnostics with. */
export function cliReport(dir: string, ...args: string[]): { files: string[]; findings: Finding[] } {
  const out = execFileSync(process.execPath, [join(REPO, 'server/out/cli.js'), 'scan', dir, '--format', 'json', '--fail-on', 'none', ...args], { encoding: 'utf8' });
  return JSON.parse(out) as { files: string[]; findings: Finding[] };
}
