// Activation: the output channel, the language client, the status bar and the commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusBar, createClient } from './client';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Agent Boundary', { log: true });
  client = createClient(context, output);
  const status = new StatusBar();
  status.attach(client);
  context.subscriptions.push(
    output,
    status,
    ...registerCommands(context, client, output),
    // Trust changes what the server may read (the workspace's config file): start it again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
  );
  // Awaited so that the server's commands (Scan Workspace) exist before a palette invocation runs.
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
