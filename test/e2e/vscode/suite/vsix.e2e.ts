// The packaged extension (.vsix), installed into the VS Code server with --install-extension: it is found
// among the installed extensions (not a development path), activates on a Python file and reports on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Agent Boundary installed from its .vsix', () => {
  it('is installed, activates on a Python file and reports diagnostics', async () => {
    const id = process.env.AB_E2E_EXTENSION_ID ?? 'agent-boundary.agent-boundary';
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `extension ${id} is installed`);
    assert.ok(ext.extensionUri.path.includes('/extensions/'), `loaded from the extensions folder (${ext.extensionUri.path})`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'tools', 'fetch_page.py'));
    await vscode.window.showTextDocument(doc);
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    const diags = await waitFor('Agent Boundary diagnostics from the packaged server', () => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Agent Boundary');
      return ds.length ? ds : undefined;
    });
    assert.ok(diags.length > 0);
  });
});
