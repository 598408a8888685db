// The language client: starts the bundled server (server/out/server.js) over node IPC for Python and
// TypeScript/JavaScript documents, and keeps a status bar item with the server state and finding counts.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'agentBoundary';
export const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
/** Must match the server's DIAGNOSTIC_SOURCE and STATUS_NOTIFICATION (server/src/lsp). */
export const DIAGNOSTIC_SOURCE = 'Agent Boundary';
const STATUS_NOTIFICATION = 'agentBoundary/status';
export const SCAN_COMMAND = 'agentBoundary.scanWorkspace';

export interface ScanSummary {
  files: number;
  analysed: number;
  skipped: number;
  findings: number;
  filesWithFindings: number;
  tools: number;
  cancelled: boolean;
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    // A function: evaluated at every (re)start, so granting trust and restarting takes effect.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    middleware: {
      executeCommand: async (command, args, next) => {
        const result: unknown = await next(command, args);
        if (command === SCAN_COMMAND && isSummary(result)) void vscode.window.showInformationMessage(describeScan(result));
        return result;
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'Agent Boundary', serverOptions, clientOptions);
}

function isSummary(x: unknown): x is ScanSummary {
  return !!x && typeof x === 'object' && typeof (x as ScanSummary).files === 'number';
}

export function describeScan(s: ScanSummary): string {
  const head = s.cancelled ? 'Agent Boundary: scan cancelled' : 'Agent Boundary: scan finished';
  const skipped = s.skipped ? `, ${s.skipped} skipped` : '';
  return `${head}: ${s.analysed} of ${s.files} files analysed${skipped}; ${s.tools} agent tools; ${s.findings} findings in ${s.filesWithFindings} files.`;
}

interface Counts {
  error: number;
  warning: number;
  info: number;
}

/** The status bar item: server state, and the counts of Agent Boundary diagnostics by severity. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('agentBoundary.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: 'starting' | 'running' | 'stopped' | 'scanning' = 'starting';
  /** Our diagnostics per document, by severity; updated only for the documents an event names. */
  private readonly counts = new Map<string, Counts>();

  constructor() {
    this.item.name = 'Agent Boundary';
    this.item.command = 'agentBoundary.showOutput';
    this.subscriptions.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.count(uri);
        this.render();
      }),
    );
    for (const [uri] of vscode.languages.getDiagnostics()) this.count(uri);
    this.render();
    this.item.show();
  }

  private count(uri: vscode.Uri): void {
    const c: Counts = { error: 0, warning: 0, info: 0 };
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) c.error++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) c.warning++;
      else c.info++;
    }
    if (c.error + c.warning + c.info) this.counts.set(uri.toString(), c);
    else this.counts.delete(uri.toString());
  }

  /** Follows the client's state and the server's scan notifications. */
  attach(client: LanguageClient): void {
    this.subscriptions.push(
      client.onDidChangeState((e) => {
        this.state = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
        this.render();
      }),
    );
    if (client.state === State.Running) this.state = 'running';
    // Handlers registered on the client survive restarts (it re-installs them on each connection).
    this.subscriptions.push(
      client.onNotification(STATUS_NOTIFICATION, (p: { state?: string }) => {
        this.state = p?.state === 'scanning' ? 'scanning' : 'running';
        this.render();
      }),
    );
    this.render();
  }

  private render(): void {
    const counts: Counts = { error: 0, warning: 0, info: 0 };
    for (const c of this.counts.values()) {
      counts.error += c.error;
      counts.warning += c.warning;
      counts.info += c.info;
    }
    const icon = this.state === 'scanning' || this.state === 'starting' ? '$(sync~spin)' : this.state === 'stopped' ? '$(circle-slash)' : '$(shield)';
    this.item.text = `${icon} Agent Boundary ${counts.error} $(error) ${counts.warning} $(warning) ${counts.info} $(info)`;
    this.item.tooltip = `Agent Boundary: server ${this.state}; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes. Click for the output.`;
    this.item.backgroundColor = this.state === 'stopped' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
