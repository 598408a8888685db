// The language server over stdio, driven by a plain JSON-RPC client: what an editor sees.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CodeLens, Diagnostic, DocumentDiagnosticReport, Hover, SymbolInformation, TextEdit, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getRule } from '../../server/src/rules/catalog';
import { CLI_SCRIPT, LANGCHAIN_TOOL, SECOND_TOOL, VERCEL_TOOL } from './fixtures';
import { TestClient, cliReport, engineFindings, ensureBuilt, makeWorkspace, removeWorkspace, shapeOfDiagnostics, shapeOfFindings, uriOf } from './harness';
import { WORKERS_FROM } from '../../server/src/lsp/scan';

const ORIGIN = { line: 0, character: 0 };

describe('language server (stdio)', function () {
  let ws: string;
  const clients: TestClient[] = [];
  const workspaces: string[] = [];
  const client = (opts?: ConstructorParameters<typeof TestClient>[0]): TestClient => {
    const c = new TestClient(opts);
    clients.push(c);
    return c;
  };

  before(function () {
    ensureBuilt();
    ws = makeWorkspace({
      'agent/tools.py': LANGCHAIN_TOOL,
      'agent/fetch.ts': VERCEL_TOOL,
      'agent/unopened.py': LANGCHAIN_TOOL.replace('fetch_page', 'fetch_unopened'),
      'scripts/cli.py': CLI_SCRIPT,
      'node_modules/pkg/tool.py': LANGCHAIN_TOOL,
    });
  });

  afterEach(async function () {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  after(function () {
    for (const dir of [ws, ...workspaces]) removeWorkspace(dir);
  });

  async function expectEngineParity(c: TestClient, rel: string, text: string, languageId: string): Promise<Diagnostic[]> {
    const path = join(ws, rel);
    const uri = uriOf(path);
    await c.open(uri, text, languageId);
    const diagnostics = await c.diagnosticsAt(uri, 1);
    const expected = shapeOfFindings(await engineFindings(ws, path, text));
    assert.ok(
      expected.some((s) => s.code === 'net/unscoped-request'),
      `the engine finds no net/unscoped-request in ${rel} (found: ${expected.map((s) => s.code).join(', ') || 'nothing'})`,
    );
    assert.deepEqual(shapeOfDiagnostics(diagnostics), expected);
    return diagnostics;
  }

  it('initializes with incremental sync and its providers', async function () {
    const c = client();
    const init = await c.initialize(ws);
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.codeActionProvider && caps.codeLensProvider && caps.hoverProvider && caps.workspaceSymbolProvider);
    assert.ok(caps.executeCommandProvider?.commands.includes('agentBoundary.scanWorkspace'));
    assert.equal(caps.diagnosticProvider, undefined, 'a client without pull support gets pushed diagnostics');
  });

  it('publishes the engine findings of a LangChain tool, with rule links, flow and fix data', async function () {
    const c = client();
    await c.initialize(ws);
    const diagnostics = await expectEngineParity(c, 'agent/tools.py', LANGCHAIN_TOOL, 'python');
    for (const d of diagnostics) {
      assert.equal(d.source, 'Agent Boundary');
      assert.equal(d.codeDescription?.href, getRule(String(d.code)).helpUri);
      const data = d.data as { ruleId: string; fingerprint: string };
      assert.equal(data.ruleId, d.code);
      assert.equal(typeof data.fingerprint, 'string');
    }
    const net = diagnostics.find((d) => d.code === 'net/unscoped-request');
    assert.equal(net?.range.start.line, 7, 'anchored on the requests.get line');
    assert.ok(net?.relatedInformation?.length, 'the flow parameter → sink is in relatedInformation');
    assert.match(JSON.stringify(net?.message), /fetch_page/);
  });

  it('publishes the engine findings of a Vercel AI SDK tool', async function () {
    const c = client();
    await c.initialize(ws);
    await expectEngineParity(c, 'agent/fetch.ts', VERCEL_TOOL, 'typescript');
  });

  it('shows a CodeLens, a hover and a workspace symbol for a detected tool', async function () {
    const c = client();
    await c.initialize(ws);
    const uri = uriOf(join(ws, 'agent/tools.py'));
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    const lenses = await c.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 5, 'on the tool name');
    assert.match(lenses[0].command?.title ?? '', /^network: unscoped · files: — · .*audit: missing$/);
    const hover = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 6 } });
    assert.match(JSON.stringify(hover?.contents ?? null), /fetch_page.*network: \*\*unscoped\*\*/);
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: ORIGIN }), null);
    const symbols = await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'fetch_p' });
    assert.deepEqual(
      symbols.filter((s) => s.location.uri === uri).map((s) => [s.name, s.location.range.start.line]),
      [['fetch_page', 5]],
    );
  });

  it('offers quick fixes whose preferred edit clears the finding', async function () {
    const c = client();
    await c.initialize(ws);
    const uri = uriOf(join(ws, 'agent/tools.py'));
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    const diagnostics = await c.diagnosticsAt(uri, 1);
    const net = diagnostics.find((d) => d.code === 'net/unscoped-request');
    assert.ok(net, 'a net finding to fix');
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: net.range,
      context: { diagnostics: [net], only: ['quickfix'] },
    });
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.ok(actions.some((a) => /suppress/i.test(a.title)), 'a suppression action is offered');
    const preferred = actions.find((a) => a.isPreferred);
    const edits: TextEdit[] | undefined = preferred?.edit?.changes?.[uri];
    assert.ok(edits?.length, 'a preferred action with edits of this document');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, LANGCHAIN_TOOL), edits);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await c.diagnosticsAt(uri, 2);
    assert.ok(!after.some((d) => d.code === 'net/unscoped-request'), `net finding still reported after the fix:\n${fixed}`);
  });

  it('ends 1,000 rapid edits with the diagnostics of a fresh analysis of the final text', async function () {
    const c = client();
    await c.initialize(ws);
    const path = join(ws, 'agent/tools.py');
    const uri = uriOf(path);
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    // Type SECOND_TOOL at the end one character at a time (every intermediate state is half-written
    // code), then fill the rest of the 1,000 edits by typing and deleting a character inside the docstring.
    let doc = TextDocument.create(uri, 'python', 1, LANGCHAIN_TOOL);
    const edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }> = [];
    const push = (e: (typeof edits)[number]): void => {
      edits.push(e);
      doc = TextDocument.update(doc, [e], doc.version + 1);
    };
    for (const ch of SECOND_TOOL) {
      const end = doc.positionAt(doc.getText().length);
      push({ range: { start: end, end }, text: ch });
    }
    const at = doc.positionAt(doc.getText().indexOf('web page') + 3);
    while (edits.length < 1000) {
      push({ range: { start: at, end: at }, text: 'x' });
      if (edits.length < 1000) push({ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' });
    }
    let version = 1;
    for (const e of edits) void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [e] });
    assert.equal(version, 1001);
    const finalText = doc.getText();
    const diagnostics = await c.diagnosticsAt(uri, 1001);
    const mine = c.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(mine, [...mine].sort((a, b) => a - b), 'no older version is published after a newer one');
    const expected = shapeOfFindings(await engineFindings(ws, path, finalText));
    assert.ok(expected.some((s) => s.code === 'fs/unscoped-path'), 'the typed tool is flagged by a fresh analysis');
    assert.deepEqual(shapeOfDiagnostics(diagnostics), expected);
  });

  it('answers pull diagnostics for a client that supports them', async function () {
    const c = client({ pull: true });
    const init = await c.initialize(ws);
    assert.ok(init.capabilities.diagnosticProvider, 'diagnosticProvider advertised');
    const path = join(ws, 'agent/tools.py');
    const uri = uriOf(path);
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    const report = await c.conn.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full');
    assert.deepEqual(shapeOfDiagnostics(report.items), shapeOfFindings(await engineFindings(ws, path, LANGCHAIN_TOOL)));
    assert.ok(report.items.length > 0);
    const again = await c.conn.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    const workspace = await c.conn.sendRequest<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const item = workspace.items.find((i) => i.uri === uri);
    assert.equal(item?.kind, 'full');
    assert.equal(item?.version, 1);
  });

  it('scans the workspace with progress and publishes diagnostics for files that are not open', async function () {
    const c = client();
    await c.initialize(ws);
    const summary = await c.conn.sendRequest<{ files: number; analysed: number; findings: number; tools: number; cancelled: boolean }>('workspace/executeCommand', {
      command: 'agentBoundary.scanWorkspace',
      arguments: [],
    });
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, 4, 'tools.py, fetch.ts, unopened.py, cli.py (node_modules is excluded)');
    assert.equal(summary.analysed, 4);
    const unopened = join(ws, 'agent/unopened.py');
    const diagnostics = await c.diagnosticsAt(uriOf(unopened));
    assert.deepEqual(shapeOfDiagnostics(diagnostics), shapeOfFindings(await engineFindings(ws, unopened, LANGCHAIN_TOOL.replace('fetch_page', 'fetch_unopened'))));
    assert.ok(diagnostics.some((d) => d.code === 'net/unscoped-request'));
    assert.ok(!c.published.some((p) => p.uri.includes('node_modules')), 'excluded folders are not analysed');
    assert.ok(!c.published.some((p) => p.uri.endsWith('cli.py') && p.diagnostics.length > 0), 'a CLI script is not agent code');
    const kinds = c.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(c.progress.some((p) => p.value.kind === 'report' && p.value.percentage === 100));
    const symbols = await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(symbols.some((s) => s.name === 'fetch_unopened'), 'tools of scanned files are workspace symbols');

    // The same findings as the CLI, file by file: rule, range and message.
    const cli = cliReport(ws);
    assert.equal(cli.files.length, 4);
    for (const rel of cli.files) {
      const uri = uriOf(join(ws, rel));
      const lsp = c.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
      const expected = cli.findings.filter((f) => f.file === rel && !f.suppressed);
      assert.deepEqual(shapeOfDiagnostics(lsp), shapeOfFindings(expected), rel);
      assert.deepEqual(lsp.map((d) => d.message).sort(), expected.map((f) => f.message).sort(), rel);
    }
  });

  it('exports the workspace scan as SARIF and lists the rules', async function () {
    const c = client();
    await c.initialize(ws);
    const sarif = JSON.parse(await c.conn.sendRequest<string>('workspace/executeCommand', { command: 'agentBoundary.server.sarif', arguments: [] })) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    assert.equal(sarif.version, '2.1.0');
    const flagged = sarif.runs[0].results.filter((r) => r.ruleId === 'net/unscoped-request').map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(flagged.sort(), ['agent/fetch.ts', 'agent/tools.py', 'agent/unopened.py']);
    const rules = await c.conn.sendRequest<Array<{ id: string; helpUri: string }>>('workspace/executeCommand', { command: 'agentBoundary.server.rules', arguments: [] });
    const net = rules.find((r) => r.id === 'net/unscoped-request');
    assert.equal(net?.helpUri, getRule('net/unscoped-request').helpUri);
  });

  it('re-analyses an open tool when the helper it imports changes', async function () {
    const helperText = 'import requests\n\n\ndef download(u):\n    return requests.get(u).text\n';
    const toolText = 'from langchain_core.tools import tool\n\nfrom helpers import download\n\n\n@tool\ndef fetch_via_helper(url: str) -> str:\n    """Fetch through a helper."""\n    return download(url)\n';
    const dir = makeWorkspace({ 'helpers.py': helperText, 'uses_helper.py': toolText });
    workspaces.push(dir);
    const c = client();
    await c.initialize(dir);
    const helper = join(dir, 'helpers.py');
    const toolPath = join(dir, 'uses_helper.py');
    const toolUri = uriOf(toolPath);
    const helperUri = uriOf(helper);
    await c.open(helperUri, helperText, 'python');
    await c.open(toolUri, toolText, 'python');
    const before = await c.diagnosticsAt(toolUri, 1);
    assert.ok(before.some((d) => d.code === 'net/unscoped-request' && d.range.start.line === 8), 'the helper call is flagged in the tool');
    const published = c.published.length;
    const guarded = helperText.replace('    return requests', '    if not u.startswith("https://api.example.com/"):\n        raise ValueError("host not allowed")\n    return requests');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: helperUri, version: 2 }, contentChanges: [{ text: guarded }] });
    const after = await c.until(() => c.published.slice(published).find((p) => p.uri === toolUri)?.diagnostics);
    assert.ok(!after.some((d) => d.code === 'net/unscoped-request'), 'the unsaved guard in the helper scopes the tool');
  });

  it('shows findings of a tool defined in one file and registered in another in the defining file', async function () {
    const implText = 'import requests\n\n\ndef fetch(url: str) -> str:\n    """Fetch a page."""\n    return requests.get(url).text\n';
    const agentText = 'from langgraph.prebuilt import create_react_agent\n\nfrom tools_impl import fetch\n\nagent = create_react_agent("openai:gpt-4o", tools=[fetch])\n';
    const dir = makeWorkspace({ 'tools_impl.py': implText, 'agent.py': agentText });
    workspaces.push(dir);
    const c = client();
    await c.initialize(dir);
    const implUri = uriOf(join(dir, 'tools_impl.py'));
    const agentUri = uriOf(join(dir, 'agent.py'));
    await c.open(agentUri, agentText, 'python');
    const contributed = await c.diagnosticsAt(implUri);
    assert.ok(contributed.some((d) => d.code === 'net/unscoped-request' && d.range.start.line === 5), 'flagged in the file that defines the tool');
    await c.open(implUri, implText, 'python');
    const own = await c.diagnosticsAt(implUri, 1);
    assert.ok(own.some((d) => d.code === 'net/unscoped-request' && d.range.start.line === 5), 'still flagged once the defining file is open');
    assert.equal(own.filter((d) => d.code === 'net/unscoped-request').length, 1, 'once');
    let published = c.published.length;
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: implUri } });
    const closed = await c.until(() => c.published.slice(published).filter((p) => p.uri === implUri)[1]?.diagnostics);
    assert.ok(closed.some((d) => d.code === 'net/unscoped-request'), 'closing the defining file keeps what the registering file places in it');
    published = c.published.length;
    // Unregistering the tool (an unsaved edit of agent.py) clears what it placed in tools_impl.py.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: agentUri, version: 2 }, contentChanges: [{ text: 'agent = None\n' }] });
    // The registering file's new result is published first, then what it places in others.
    const after = await c.until(() => {
      const at = c.published.findIndex((p, i) => i >= published && p.uri === agentUri && p.version === 2);
      return at < 0 ? undefined : c.published.slice(at).find((p) => p.uri === implUri)?.diagnostics;
    });
    assert.ok(!after.some((d) => d.code === 'net/unscoped-request'), 'a plain function is not a tool');
  });

  it('flags a tool registered by a file that was never opened (background index)', async function () {
    const implText = 'import requests\n\n\ndef fetch(url: str) -> str:\n    """Fetch a page."""\n    return requests.get(url).text\n';
    const agentText = 'from langgraph.prebuilt import create_react_agent\n\nfrom tools_impl import fetch\n\nagent = create_react_agent("openai:gpt-4o", tools=[fetch])\n';
    const dir = makeWorkspace({ 'tools_impl.py': implText, 'agent.py': agentText });
    workspaces.push(dir);
    const c = client();
    await c.initialize(dir);
    const implUri = uriOf(join(dir, 'tools_impl.py'));
    await c.open(implUri, implText, 'python');
    const flagged = await c.until(() => c.published.find((p) => p.uri === implUri && p.diagnostics.some((d) => d.code === 'net/unscoped-request'))?.diagnostics);
    const cli = cliReport(dir);
    assert.deepEqual(shapeOfDiagnostics(flagged), shapeOfFindings(cli.findings.filter((f) => f.file === 'tools_impl.py')));
    assert.ok(!c.published.some((p) => p.uri === uriOf(join(dir, 'agent.py'))), 'the index publishes nothing for files that are not open');
    // An unsaved guard in the tool clears the finding: the registering file is analysed again too.
    const guarded = implText.replace('    return requests', '    if not url.startswith("https://api.example.com/"):\n        raise ValueError("host not allowed")\n    return requests');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: implUri, version: 2 }, contentChanges: [{ text: guarded }] });
    await c.until(() => {
      const last = c.published.filter((p) => p.uri === implUri).at(-1);
      return last?.version === 2 && !last.diagnostics.some((d) => d.code === 'net/unscoped-request') ? true : undefined;
    });
  });

  it('analyses an untitled document and skips one over maxFileSize', async function () {
    const c = client({ settings: { maxFileSize: 100 } });
    await c.initialize(ws);
    const small = client();
    await small.initialize(ws);
    await small.open('untitled:Untitled-1', LANGCHAIN_TOOL, 'python');
    const diagnostics = await small.diagnosticsAt('untitled:Untitled-1', 1);
    assert.ok(diagnostics.some((d) => d.code === 'net/unscoped-request'), 'an unsaved buffer is analysed');
    const uri = uriOf(join(ws, 'agent/tools.py'));
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    assert.deepEqual(await c.diagnosticsAt(uri, 1), [], `a ${LANGCHAIN_TOOL.length}-byte file is over maxFileSize 100`);
  });

  it('re-analyses an open tool when a helper changes on disk (didChangeWatchedFiles)', async function () {
    const helperText = 'import requests\n\n\ndef download(u):\n    return requests.get(u).text\n';
    const toolText = 'from langchain_core.tools import tool\n\nfrom helpers import download\n\n\n@tool\ndef fetch_via_helper(url: str) -> str:\n    """Fetch through a helper."""\n    return download(url)\n';
    const dir = makeWorkspace({ 'helpers.py': helperText, 'uses_helper.py': toolText });
    workspaces.push(dir);
    const c = client();
    await c.initialize(dir);
    const toolUri = uriOf(join(dir, 'uses_helper.py'));
    await c.open(toolUri, toolText, 'python');
    assert.ok((await c.diagnosticsAt(toolUri, 1)).some((d) => d.code === 'net/unscoped-request'));
    const published = c.published.length;
    writeFileSync(join(dir, 'helpers.py'), helperText.replace('    return requests', '    if not u.startswith("https://api.example.com/"):\n        raise ValueError("host not allowed")\n    return requests'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, 'helpers.py')), type: 2 }] });
    const after = await c.until(() => c.published.slice(published).find((p) => p.uri === toolUri)?.diagnostics);
    assert.ok(!after.some((d) => d.code === 'net/unscoped-request'), 'the saved guard in the helper scopes the tool');
  });

  it('scans a large folder on worker threads, with the findings the CLI reports', async function () {
    const files: Record<string, string> = {};
    for (let i = 0; i < WORKERS_FROM + 20; i++) {
      files[`pkg${i % 7}/tool_${i}.py`] = i % 3 ? `def helper_${i}(x):\n    return x + ${i}\n` : LANGCHAIN_TOOL.replace('fetch_page', `fetch_${i}`);
    }
    const dir = makeWorkspace(files);
    workspaces.push(dir);
    const c = client();
    await c.initialize(dir);
    const summary = await c.conn.sendRequest<{ files: number; analysed: number; cancelled: boolean; workers: number }>('workspace/executeCommand', {
      command: 'agentBoundary.scanWorkspace',
      arguments: [],
    });
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, WORKERS_FROM + 20);
    assert.equal(summary.analysed, WORKERS_FROM + 20);
    assert.ok(summary.workers >= 1, 'the scan ran on worker threads');
    const cli = cliReport(dir, '--jobs', '1');
    assert.ok(cli.findings.length >= 70);
    for (const rel of Object.keys(files)) {
      const lsp = c.published.filter((p) => p.uri === uriOf(join(dir, rel))).at(-1)?.diagnostics ?? [];
      assert.deepEqual(shapeOfDiagnostics(lsp), shapeOfFindings(cli.findings.filter((f) => f.file === rel)), rel);
    }
  });

  it('stops a workspace scan when its progress is cancelled', async function () {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`pkg/tool_${i}.py`] = LANGCHAIN_TOOL.replace('fetch_page', `fetch_${i}`);
    const dir = makeWorkspace(files);
    workspaces.push(dir);
    const c = client();
    c.conn.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
      // Cancel as soon as the progress exists: the scan checks before each file.
      setImmediate(() => void c.conn.sendNotification('window/workDoneProgress/cancel', { token: p.token }));
      return null;
    });
    await c.initialize(dir);
    const summary = await c.conn.sendRequest<{ files: number; analysed: number; cancelled: boolean }>('workspace/executeCommand', { command: 'agentBoundary.scanWorkspace', arguments: [] });
    assert.equal(summary.files, 300);
    assert.equal(summary.cancelled, true);
    assert.ok(summary.analysed < 300, `analysed ${summary.analysed} files after the cancellation`);
    assert.equal(c.progress.at(-1)?.value.kind, 'end');
  });

  it('applies settings per resource and the project config file, which an untrusted workspace ignores', async function () {
    const dir = makeWorkspace({ 'tools.py': LANGCHAIN_TOOL, 'agent-boundary.json': JSON.stringify({ rules: { net: 'off' } }) });
    try {
      const uri = uriOf(join(dir, 'tools.py'));
      const trusted = client({ settings: { rules: { audit: 'note' } } });
      await trusted.initialize(dir);
      await trusted.open(uri, LANGCHAIN_TOOL, 'python');
      const a = await trusted.diagnosticsAt(uri, 1);
      assert.ok(!a.some((d) => d.code === 'net/unscoped-request'), "the project file turns 'net' off");
      assert.ok(a.some((d) => d.code === 'audit/no-audit-record' && d.severity === 3), 'the setting makes audit a note (Information)');
      assert.equal(trusted.messages.length, 0);

      const untrusted = client({ initializationOptions: { trusted: false } });
      await untrusted.initialize(dir);
      await untrusted.open(uri, LANGCHAIN_TOOL, 'python');
      const b = await untrusted.diagnosticsAt(uri, 1);
      assert.ok(b.some((d) => d.code === 'net/unscoped-request'), 'the workspace config file is ignored');
      await untrusted.until(() => (untrusted.messages.length ? true : undefined));
      assert.equal(untrusted.messages.length, 1);
      assert.match(untrusted.messages[0].message, /not trusted/);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('answers malformed requests with errors and keeps serving', async function () {
    const c = client();
    await c.initialize(ws);
    const uri = uriOf(join(ws, 'agent/tools.py'));
    await c.open(uri, LANGCHAIN_TOOL, 'python');
    const code = async (method: string, params: unknown): Promise<number | undefined> => {
      try {
        await c.conn.sendRequest(method, params);
        return undefined;
      } catch (e) {
        return (e as { code?: number }).code;
      }
    };
    assert.equal(await code('agentBoundary/noSuchMethod', {}), -32601);
    assert.equal(await code('textDocument/hover', {}), -32602);
    assert.equal(await code('textDocument/hover', { textDocument: { uri }, position: 'top' }), -32602);
    assert.equal(await code('textDocument/codeLens', { textDocument: 42 }), -32602);
    assert.equal(await code('workspace/executeCommand', { command: 'agentBoundary.noSuchCommand' }), -32602);
    // Notifications for documents that were never opened are ignored.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.py', version: 3 }, contentChanges: [{ text: 'x' }] });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///nowhere.py' } });
    const lenses = await c.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1, 'still serving');
    assert.equal(c.proc.exitCode, null);
  });
});
