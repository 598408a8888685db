// The extension in the real VS Code extension host, on a copy of test/e2e/fixtures/workspace.
// Each `waitFor` bounds how long a result may take to arrive; it never asserts on elapsed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const SOURCE = 'Agent Boundary';
const WAIT_MS = 90_000;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace is open');
  return f.uri;
}

function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...rel.split('/'));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return String(c ?? '');
}

function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => ({ code: codeOf(d), line: d.range.start.line, message: d.message })));
}

/** Polls `probe` until it returns something other than undefined; fails with `what` after WAIT_MS. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`fixture ${doc.uri.path} has no line containing ${needle}`);
}

async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('Agent Boundary in VS Code', () => {
  const extensionId = process.env.AB_E2E_EXTENSION_ID ?? 'agent-boundary.agent-boundary';

  it('activates when a Python file is opened', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is loaded from the development path`);
    await open('tools/fetch_page.py');
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
  });

  it('reports the unscoped request of a tool as a diagnostic on its line', async () => {
    const doc = await open('tools/fetch_page.py');
    const sinkLine = lineOf(doc, 'requests.get(');
    const diags = await waitFor('Agent Boundary diagnostics on tools/fetch_page.py', () => {
      const ds = ours(doc.uri);
      return ds.length ? ds : undefined;
    });
    const net = diags.find((d) => codeOf(d).startsWith('net/'));
    assert.ok(net, `a net/* diagnostic among ${describeDiagnostics(diags)}`);
    assert.equal(net.range.start.line, sinkLine, 'anchored on the requests.get line');
    assert.match(net.message, /fetch_page/, 'the message names the tool');
    assert.match(net.message, /url/, 'the message names the parameter');
  });

  it('shows a CodeLens over the tool summarising its network access', async () => {
    const doc = await open('tools/fetch_page.py');
    const lenses = await waitFor('CodeLenses on tools/fetch_page.py', async () => {
      const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      return ls?.some((l) => l.command?.title) ? ls : undefined;
    });
    const titles = lenses.map((l) => l.command?.title ?? '');
    const lens = lenses.find((l) => /network/i.test(l.command?.title ?? ''));
    assert.ok(lens, `a lens mentioning network access among ${JSON.stringify(titles)}`);
    assert.match(lens.command!.title, /network\W+unscoped/i);
    const defLine = lineOf(doc, 'def fetch_page');
    assert.ok(Math.abs(lens.range.start.line - defLine) <= 2, `lens on the tool (line ${lens.range.start.line}, def on ${defLine})`);

    // Hovering the tool's name (where the lens sits) gives the detail.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, lens.range.start);
    const text = (hovers ?? [])
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /fetch_page/, `the hover names the tool: ${text}`);
    assert.match(text, /network\W+unscoped/i, `the hover gives the network state: ${text}`);
  });

  it('lists the tool among the workspace symbols', async () => {
    const symbols = await waitFor('a workspace symbol for fetch_page', async () => {
      const ss = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'fetch_page');
      return ss?.some((x) => x.name === 'fetch_page') ? ss : undefined;
    });
    const sym = symbols.find((x) => x.name === 'fetch_page')!;
    assert.equal(sym.location.uri.toString(), fixture('tools/fetch_page.py').toString());
  });

  it('applies the preferred quick fix, which clears the finding and adds no other', async () => {
    const doc = await open('tools/fetch_page.py');
    const before = await waitFor('diagnostics before the fix', () => {
      const ds = ours(doc.uri);
      return ds.some((d) => codeOf(d).startsWith('net/')) ? ds : undefined;
    });
    const net = before.find((d) => codeOf(d).startsWith('net/'))!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      net.range,
      vscode.CodeActionKind.QuickFix.value,
      100,
    );
    // A bare Command has a string `command`; a CodeAction has a `command` object, if any.
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    // vscode.executeCodeActionProvider does not carry an action's `diagnostics` over; the request was for
    // the finding's range, so the preferred quick fix there is the one for it.
    const preferred = fixes.find((a) => a.isPreferred);
    const seen = fixes.map((a) => ({ title: a.title, isPreferred: a.isPreferred }));
    assert.ok(preferred, `a preferred quick fix for ${codeOf(net)} among ${JSON.stringify(seen)}`);
    const textBefore = doc.getText();
    if (preferred.edit) assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'the workspace edit applies');
    if (preferred.command) await vscode.commands.executeCommand(preferred.command.command, ...(preferred.command.arguments ?? []));
    assert.notEqual(doc.getText(), textBefore, 'the fix changed the document');

    const after = await waitFor('the net finding to clear', () => {
      const ds = ours(doc.uri);
      return ds.some((d) => codeOf(d) === codeOf(net)) ? undefined : ds;
    });
    const codesBefore = before.filter((d) => d !== net).map(codeOf).sort();
    assert.deepEqual(after.map(codeOf).sort(), codesBefore, 'no new finding appears after the fix');
    await doc.save();
  });

  it('scans the workspace and reports on a file that was never opened', async () => {
    const unopened = fixture('tools/read_note.js');
    const clean = fixture('tools/report.py');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'read_note.js is not open');
    // agentBoundary.scanOnStartup is false in the fixture's settings: nothing has analysed this file yet.
    assert.deepEqual(ours(unopened), [], 'no diagnostics before the scan');

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('agentBoundary.scanWorkspace'), 'the Scan Workspace command is registered');
    await vscode.commands.executeCommand('agentBoundary.scanWorkspace');

    const diags = await waitFor('diagnostics on tools/read_note.js from the workspace scan', () => {
      const ds = ours(unopened);
      return ds.length ? ds : undefined;
    });
    assert.ok(diags.some((d) => codeOf(d).startsWith('fs/')), `an fs/* finding among ${describeDiagnostics(diags)}`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the scan did not open the file');
    assert.deepEqual(ours(clean), [], 'a script that is not agent code stays clean');
  });
});
