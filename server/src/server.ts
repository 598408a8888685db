// The language server's wiring: a connection (node IPC, --stdio, --socket or --pipe, chosen from the
// command line) whose events are handed to the service in lsp/. `agent-boundary lsp --stdio` calls
// startServer(); run directly as server/out/server.js, the bundle starts itself.
import { format } from 'node:util';
import {
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  type Connection,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { AgentBoundaryService } from './lsp/service';

export function startServer(connection: Connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all)): Connection {
  const service = new AgentBoundaryService(connection);

  connection.onInitialize((params) => service.initialize(params));
  connection.onInitialized(() => void service.initialized().catch((e: unknown) => service.log(`initialized failed: ${describe(e)}`)));

  connection.onDidOpenTextDocument((p) => service.didOpen(p));
  connection.onDidChangeTextDocument((p) => service.didChange(p));
  connection.onDidCloseTextDocument((p) => service.didClose(p));
  connection.onDidChangeConfiguration((p) => service.didChangeConfiguration(p));
  connection.onDidChangeWatchedFiles((p) => service.didChangeWatchedFiles(p));
  connection.onNotification('workspace/didChangeWorkspaceFolders', (p: { event?: Parameters<AgentBoundaryService['didChangeWorkspaceFolders']>[0] }) => {
    if (p?.event) service.didChangeWorkspaceFolders(p.event);
  });

  connection.languages.diagnostics.on((p) => service.documentDiagnostic(p));
  connection.languages.diagnostics.onWorkspace((p) => service.workspaceDiagnostic(p));
  connection.onCodeAction((p) => service.codeActions(p));
  connection.onCodeLens((p) => service.codeLens(p));
  connection.onHover((p) => service.hover(p));
  connection.onWorkspaceSymbol((p) => service.workspaceSymbols(p));
  connection.onExecuteCommand((p, token, workDone) => service.executeCommand(p, token, workDone));

  // Requests fail one by one (the library answers them with an error); nothing in user code or a
  // client's message may take the whole server down.
  process.on('uncaughtException', (e) => service.log(`Uncaught exception: ${describe(e)}`));
  process.on('unhandledRejection', (e) => service.log(`Unhandled rejection: ${describe(e)}`));

  connection.listen();
  return connection;
}

/**
 * Over stdio, a message that is not JSON (or has a broken header) is answered with a JSON-RPC Parse
 * error (id null) and skipped; stdout carries the protocol, so the console goes to the client's log.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    const reply: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${e.message.split('\n')[0]}` } };
    writer.write(reply).catch(() => undefined);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  reader.onClose(() => process.exit(0));
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

function describe(e: unknown): string {
  return (e as Error)?.stack ?? String(e);
}

// Started directly (`node server/out/server.js --stdio`, or by the VS Code client over IPC) — but not
// when this module is bundled into, or required by, the CLI.
if (require.main === module && /[\\/]server\.[cm]?[jt]s$/.test(__filename)) startServer();
