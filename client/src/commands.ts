// The palette commands the client implements itself. "Scan Workspace" is the server's own command
// (agentBoundary.scanWorkspace, registered by the language client from the server's capabilities).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from './client';

/** Must match COMMANDS in server/src/lsp/service.ts. */
const SERVER_SARIF = 'agentBoundary.server.sarif';
const SERVER_RULES = 'agentBoundary.server.rules';

interface RuleInfo {
  id: string;
  title: string;
  category: string;
  defaultSeverity: string;
  doc: string;
  helpUri: string;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('agentBoundary.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('agentBoundary.restartServer', async () => {
      output.appendLine('Restarting the Agent Boundary server…');
      await client.restart();
    }),
    vscode.commands.registerCommand('agentBoundary.showRuleDocumentation', (ruleId?: unknown) => showRuleDocumentation(context, client, typeof ruleId === 'string' ? ruleId : undefined)),
    vscode.commands.registerCommand('agentBoundary.exportSarif', () => exportSarif(client, output)),
  ];
}

/** The rule of the Agent Boundary diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  const d = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((x) => x.source === DIAGNOSTIC_SOURCE && x.range.contains(pos));
  const code = d?.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object' && typeof code.value === 'string') return code.value;
  return undefined;
}

async function showRuleDocumentation(context: vscode.ExtensionContext, client: LanguageClient, given: string | undefined): Promise<void> {
  const rules = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_RULES, arguments: [] })) as RuleInfo[];
  let id = given ?? ruleAtCursor();
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, detail: `default severity: ${r.defaultSeverity}` })),
      { placeHolder: 'Agent Boundary rule' },
    );
    id = pick?.label;
  }
  if (!id) return;
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    void vscode.window.showWarningMessage(`Agent Boundary: no rule named ${id}.`);
    return;
  }
  // The page shipped in the extension works offline; the public URL is the fallback.
  const local = vscode.Uri.joinPath(context.extensionUri, rule.doc);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(rule.helpUri));
  }
}

async function exportSarif(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'agent-boundary.sarif') : undefined,
    filters: { SARIF: ['sarif', 'json'] },
    saveLabel: 'Export SARIF',
  });
  if (!target) return;
  try {
    const sarif = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_SARIF, arguments: [] })) as string;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(sarif));
    const open = await vscode.window.showInformationMessage(`Agent Boundary: SARIF written to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) await vscode.window.showTextDocument(target);
  } catch (e) {
    output.appendLine(`Export SARIF failed: ${(e as Error)?.message ?? String(e)}`);
    void vscode.window.showErrorMessage(`Agent Boundary: Export SARIF failed: ${(e as Error)?.message ?? String(e)}`);
  }
}
