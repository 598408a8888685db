// The language server's state and behaviour; server.ts only wires connection events to these methods.
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type SymbolInformation,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceFoldersChangeEvent,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { version } from '../../../package.json';
import { ConfigError, isConfigFileName, loadConfig } from '../config/load';
import { DEFAULT_MAX_FILE_SIZE, type ProjectConfig } from '../config/types';
import { codeActionsFor } from '../fixes/index';
import type { FileResult, Finding } from '../model/findings';
import { RULE_IDS } from '../rules/types';
import { readSource } from '../scan/read';
import { DEFAULT_EXCLUDED_DIRS, isSourceFile } from '../scan/walk';
import { Analyzer } from './analyzer';
import { isOurDiagnostic, ruleMeta, toDiagnostics } from './diagnostics';
import { DocumentStore, type OpenDocument } from './documents';
import { toSarifString } from './sarif';
import { indexWorkspace, scanWorkspace, type ScanSummary } from './scan';
import { Scheduler } from './scheduler';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, SettingsCache, mergeConfig, normalizeSettings, type Settings } from './settings';
import { codeLenses, hoverFor, toolSymbols } from './tools';
import { isFileUri, pathToUri, uriToPath } from './uri';

export const COMMANDS = {
  scanWorkspace: 'agentBoundary.scanWorkspace',
  /** Runs a workspace scan and returns the SARIF log as a string (the VS Code client writes it to a file). */
  sarif: 'agentBoundary.server.sarif',
  /** The rule catalog: id, title, severity, documentation. */
  rules: 'agentBoundary.server.rules',
} as const;

/** Sent when the server starts or finishes a workspace scan, for the client's status bar. */
export const STATUS_NOTIFICATION = 'agentBoundary/status';
export interface StatusParams {
  state: 'idle' | 'scanning';
}

/** Scheduler keys of files that are not open (document keys are their URIs; these cannot be). */
const SCANNED_KEY = '\0scanned:';
const INDEXED_KEY = '\0indexed:';

export interface Folder {
  uri: string;
  path: string;
}

/** An analysed file: an open document (with its version) or a file of the last workspace scan. */
export interface Entry {
  uri: string;
  path: string;
  /** The document version analysed; null for a file read from disk. */
  version: number | null;
  result: FileResult;
  diagnostics: Diagnostic[];
  resultId: string;
}

export interface Context {
  settings: Settings;
  config: ProjectConfig;
  roots: string[];
  /** The folder that include/exclude globs are relative to. */
  globBase: string;
}

interface FileConfig {
  config?: ProjectConfig;
  file?: string;
}

export class AgentBoundaryService {
  readonly docs = new DocumentStore();
  /** Results of open documents, by URI. */
  private readonly open = new Map<string, Entry>();
  /** Results of the last workspace scan (disk content), by path. */
  readonly scanned = new Map<string, Entry>();
  private readonly settings: SettingsCache;
  private readonly fileConfigs = new Map<string, FileConfig>();
  readonly analyzer: Analyzer;
  private readonly scheduler: Scheduler;
  folders: Folder[] = [];
  private capabilities: ClientCapabilities = {};
  /** The client pulls diagnostics of open documents (textDocument/diagnostic); we push the rest. */
  private pullMode = false;
  private trusted = true;
  /** Settings sent with didChangeConfiguration, for clients without workspace/configuration. */
  private pushedSettings: unknown;
  /**
   * Findings that one file's analysis places in another (a tool defined in B, registered in A): target
   * path → origin path → findings. They are shown in the target next to its own findings.
   */
  private readonly contributions = new Map<string, Map<string, Finding[]>>();
  private readonly targetsOf = new Map<string, Set<string>>();
  /** Files shown only because of contributions (neither open nor scanned), to clear them later. */
  private readonly contributedOnly = new Set<string>();
  private resultCounter = 0;
  private readonly toldOnce = new Set<string>();
  private scanRun: Promise<ScanSummary> | undefined;
  /**
   * Results of the background index (every workspace file analysed quietly, nothing published): it
   * teaches the engine which functions other files register as tools, and lists tools as symbols.
   */
  private readonly indexed = new Map<string, FileResult>();
  private indexGeneration = 0;

  constructor(readonly connection: Connection) {
    this.settings = new SettingsCache((uri) =>
      this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
    );
    this.analyzer = new Analyzer((path) => this.readFile(path), (m) => this.log(m));
    this.scheduler = new Scheduler((key) =>
      key.startsWith(SCANNED_KEY) ? this.reanalyseScanned(key.slice(SCANNED_KEY.length))
      : key.startsWith(INDEXED_KEY) ? this.reindex(key.slice(INDEXED_KEY.length))
      : this.validate(key),
    );
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  private tellOnce(key: string, type: MessageType, message: string): void {
    if (this.toldOnce.has(key)) return;
    this.toldOnce.add(key);
    void this.connection.sendNotification('window/showMessage', { type, message });
  }

  // ------------------------------------------------------------------ lifecycle

  initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities ?? {};
    const opts = (params.initializationOptions ?? {}) as { trusted?: unknown; diagnosticMode?: unknown };
    this.trusted = opts.trusted !== false;
    this.pullMode = !!this.capabilities.textDocument?.diagnostic && opts.diagnosticMode !== 'push';
    if (params.workspaceFolders?.length) {
      this.folders = params.workspaceFolders.filter((f) => isFileUri(f.uri)).map((f) => ({ uri: f.uri, path: uriToPath(f.uri) }));
    } else if (params.rootUri && isFileUri(params.rootUri)) {
      this.folders = [{ uri: params.rootUri, path: uriToPath(params.rootUri) }];
    } else if (params.rootPath) {
      this.folders = [{ uri: pathToUri(params.rootPath), path: params.rootPath }];
    }
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'agent-boundary', version },
    };
    if (this.pullMode) {
      // Workspace diagnostics stay pushed: advertising them would make VS Code show scan results twice.
      result.capabilities.diagnosticProvider = { identifier: 'agent-boundary', interFileDependencies: true, workspaceDiagnostics: false };
    }
    return result;
  }

  async initialized(): Promise<void> {
    const dyn = this.capabilities.workspace;
    if (dyn?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (dyn?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/{agent-boundary,.agent-boundary}.{json,yaml,yml}' }, { globPattern: '**/*.{py,pyi,ts,tsx,mts,cts,js,jsx,mjs,cjs}' }],
        })
        .catch(() => undefined);
    }
    if (!this.trusted) {
      this.tellOnce(
        'untrusted',
        MessageType.Warning,
        'Agent Boundary: this workspace is not trusted, so its agent-boundary config file and custom guard, logger and approval names are ignored. Trust the workspace to use them.',
      );
    }
    for (const f of this.folders) void this.analyzer.warmUp({}, this.roots(f.path));
    const wantScan = await Promise.all(this.folders.map((f) => this.settingsFor(f.uri).then((s) => s.enable && s.scanOnStartup)));
    if (wantScan.some(Boolean)) void this.scan(undefined).catch((e: unknown) => this.log(`Startup scan failed: ${String(e)}`));
    else this.startIndex();
  }

  /** (Re)starts the background index; a run still going stops at its next file. */
  private startIndex(): void {
    const generation = ++this.indexGeneration;
    this.indexed.clear();
    const started = Date.now();
    void indexWorkspace(this, () => generation === this.indexGeneration)
      .then((n) => this.log(`Indexed ${n} files in ${Date.now() - started} ms.`))
      .catch((e: unknown) => this.log(`Indexing failed: ${(e as Error)?.stack ?? String(e)}`));
  }

  /** A background-index result: kept for symbols; what it places in other files shows only where a file is already shown. */
  recordIndexed(path: string, result: FileResult): void {
    if (this.docs.byPath(path) || this.scanned.has(path)) return;
    this.indexed.set(path, result);
    this.contribute(path, result.findings, true);
  }

  // ------------------------------------------------------------------ documents

  didOpen(params: DidOpenTextDocumentParams): void {
    const doc = this.docs.open(params);
    this.analyzer.invalidate(doc.path);
    // The open document now owns the file's diagnostics; in pull mode the client asks for them itself.
    if (this.pullMode && (this.scanned.get(doc.path)?.diagnostics.length || this.contributedOnly.delete(doc.path))) {
      void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    }
    this.scheduler.request(doc.uri);
    this.dependentsChanged(doc.path);
  }

  didChange(params: DidChangeTextDocumentParams): void {
    const doc = this.docs.change(params);
    if (!doc) return;
    this.analyzer.invalidate(doc.path);
    this.scheduler.request(doc.uri);
    this.dependentsChanged(doc.path);
  }

  didClose(params: DidCloseTextDocumentParams): void {
    const doc = this.docs.close(params.textDocument.uri);
    if (!doc) return;
    this.scheduler.forget(doc.uri);
    this.open.delete(doc.uri);
    this.analyzer.invalidate(doc.path);
    // What was shown for the editor's text goes; the file on disk is shown again if it was scanned.
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    this.contributedOnly.delete(doc.path);
    if (this.scanned.has(doc.path)) void this.reanalyseScanned(doc.path);
    else {
      if (this.targetsOf.has(doc.path)) void this.contributeFromDisk(doc.path);
      // What other files' analyses place in this one is still true of the file on disk.
      this.refresh(doc.path);
    }
    this.dependentsChanged(doc.path);
  }

  /** Files that import `path` are analysed again (their helper changed); true when an open one is. */
  private dependentsChanged(path: string): boolean {
    let reopened = false;
    for (const dep of this.analyzer.dependentsOf(path)) {
      const open = this.docs.byPath(dep);
      if (open) {
        this.analyzer.invalidate(dep);
        this.scheduler.request(open.uri);
        reopened = true;
      } else if (this.scanned.has(dep)) {
        // Through the scheduler: a burst of edits in the helper costs one analysis of each dependent.
        this.analyzer.invalidate(dep);
        this.scheduler.request(SCANNED_KEY + dep);
      } else if (this.indexed.has(dep)) {
        this.analyzer.invalidate(dep);
        this.scheduler.request(INDEXED_KEY + dep);
      }
    }
    return reopened;
  }

  /** Cross-file analysis reads helpers through this: an open document's text wins over the disk. */
  private readFile(path: string): string | undefined {
    const open = this.docs.byPath(path);
    if (open) return open.doc.getText();
    // The CLI's reader: a FIFO or device named like a module must not block the server.
    const src = readSource(path, DEFAULT_MAX_FILE_SIZE);
    return 'text' in src ? src.text : undefined;
  }

  private async validate(uri: string): Promise<void> {
    const first = this.docs.get(uri);
    if (!first) return;
    const ctx = await this.contextFor(first.uri, first.path);
    const doc = this.docs.get(uri);
    if (!doc) return;
    const version = doc.doc.version;
    // The edits are not used by the engine yet; taking them keeps the list bounded.
    this.docs.takeEdits(doc);
    const result = ctx.settings.enable
      ? await this.analyzer.analyze(doc.path, doc.doc.getText(), ctx.config, ctx.roots)
      : emptyResult(doc.path);
    // A newer version has arrived meanwhile: its own run is scheduled, and this result is stale.
    if (this.docs.get(uri) !== doc || doc.doc.version !== version) return;
    const entry = this.makeEntry(uri, doc.path, version, result);
    this.open.set(uri, entry);
    if (!this.pullMode) void this.connection.sendDiagnostics({ uri, version, diagnostics: entry.diagnostics });
    this.contribute(doc.path, result.findings);
  }

  private makeEntry(uri: string, path: string, version: number | null, result: FileResult): Entry {
    return { uri, path, version, result, diagnostics: this.diagnosticsFor(path, result.findings), resultId: String(++this.resultCounter) };
  }

  /** A file's own findings plus those other files' analyses place in it, each once. */
  private diagnosticsFor(path: string, findings: Finding[]): Diagnostic[] {
    const all = findings.filter((f) => f.file === path);
    for (const list of this.contributions.get(path)?.values() ?? []) all.push(...list);
    const seen = new Set<string>();
    const unique = all.filter((f) => {
      const key = `${f.ruleId}\0${f.span.start.line}\0${f.span.start.col}\0${f.tool.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    try {
      return toDiagnostics(unique, (p) => this.docs.byPath(p)?.uri ?? pathToUri(p));
    } catch (e) {
      // A malformed finding must not leave the previous diagnostics standing.
      this.log(`Mapping the findings of ${path} failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  }

  /**
   * Records what the analysis of `origin` found in other files, and refreshes those files. A quiet
   * contribution (background index) publishes nothing for a file that shows nothing yet.
   */
  private contribute(origin: string, findings: Finding[], quiet = false): void {
    const affected = new Set(this.targetsOf.get(origin) ?? []);
    for (const t of affected) {
      const m = this.contributions.get(t);
      m?.delete(origin);
      if (m?.size === 0) this.contributions.delete(t);
    }
    const targets = new Set<string>();
    for (const f of findings) {
      if (f.file === origin) continue;
      let m = this.contributions.get(f.file);
      if (!m) this.contributions.set(f.file, (m = new Map()));
      m.set(origin, [...(m.get(origin) ?? []), f]);
      targets.add(f.file);
      affected.add(f.file);
    }
    if (targets.size) this.targetsOf.set(origin, targets);
    else this.targetsOf.delete(origin);
    for (const t of affected) if (t !== origin) this.refresh(t, quiet);
  }

  /** Recomputes and republishes the diagnostics of `path` after contributions to it changed. */
  private refresh(path: string, quiet = false): void {
    const doc = this.docs.byPath(path);
    if (doc) {
      const entry = this.open.get(doc.uri);
      if (!entry) return; // Its own analysis, still to come, will include the contributions.
      const next = this.makeEntry(entry.uri, path, entry.version, entry.result);
      this.open.set(doc.uri, next);
      if (!this.pullMode) void this.connection.sendDiagnostics({ uri: next.uri, version: next.version ?? undefined, diagnostics: next.diagnostics });
      else this.requestRefresh();
      return;
    }
    const scanned = this.scanned.get(path);
    if (scanned) {
      const next = this.makeEntry(scanned.uri, path, null, scanned.result);
      this.scanned.set(path, next);
      void this.connection.sendDiagnostics({ uri: next.uri, diagnostics: next.diagnostics });
      return;
    }
    if (quiet && !this.contributedOnly.has(path)) return;
    const diagnostics = this.diagnosticsFor(path, []);
    if (diagnostics.length) this.contributedOnly.add(path);
    else if (!this.contributedOnly.delete(path)) return;
    void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics });
  }

  private requestRefresh(): void {
    if (this.capabilities.workspace?.diagnostics?.refreshSupport) {
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }
  }

  /**
   * Open documents were re-analysed for a reason the client cannot see (a file changed on disk, the
   * configuration changed): pull clients must ask again, and CodeLenses may have changed.
   */
  private refreshViews(): void {
    if (this.pullMode) this.requestRefresh();
    if (this.capabilities.workspace?.codeLens?.refreshSupport) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  /** Stores a workspace-scan result; publishes it unless an open document owns the file. */
  recordScanned(path: string, result: FileResult): void {
    const entry = this.makeEntry(pathToUri(path), path, null, result);
    const before = this.scanned.get(path);
    this.scanned.set(path, entry);
    const shown = !!before?.diagnostics.length || this.contributedOnly.delete(path);
    if (!this.docs.byPath(path) && (entry.diagnostics.length || shown)) {
      void this.connection.sendDiagnostics({ uri: entry.uri, diagnostics: entry.diagnostics });
    }
    if (!this.docs.byPath(path)) this.contribute(path, result.findings);
  }

  forgetScanned(path: string): void {
    const had = this.scanned.delete(path);
    if (this.docs.byPath(path)) return;
    if (had) void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
    this.contribute(path, []);
  }

  /** The result for an open document's current version, analysing it first if needed. */
  private async current(uri: string): Promise<Entry | undefined> {
    for (;;) {
      const doc = this.docs.get(uri);
      if (!doc) return this.scanned.get(uriToPath(uri));
      const entry = this.open.get(uri);
      if (entry && entry.version === doc.doc.version && !this.scheduler.pending(uri)) return entry;
      if (!this.scheduler.pending(uri)) this.scheduler.request(uri);
      await this.scheduler.settled(uri);
    }
  }

  private async reanalyseScanned(path: string): Promise<void> {
    if (this.docs.byPath(path)) return;
    if (!existsSync(path)) {
      this.forgetScanned(path);
      return;
    }
    const ctx = await this.contextFor(pathToUri(path), path);
    const result = ctx.settings.enable ? await this.analyzer.analyze(path, undefined, ctx.config, ctx.roots) : emptyResult(path);
    if (this.docs.byPath(path)) return;
    this.recordScanned(path, result);
  }

  /** A closed file that places findings in others (it registers their tools): its saved text now counts. */
  private async contributeFromDisk(path: string): Promise<void> {
    const ctx = await this.contextFor(pathToUri(path), path);
    const result = ctx.settings.enable && existsSync(path) ? await this.analyzer.analyze(path, undefined, ctx.config, ctx.roots) : emptyResult(path);
    if (!this.docs.byPath(path)) this.contribute(path, result.findings);
  }

  /** A file changed on disk that no editor shows: keep the index (and what it registers) current. */
  private async reindex(path: string): Promise<void> {
    const folder = this.folderFor(path);
    if (!folder || !isSourceFile(path) || relative(folder.path, path).split(sep).some((d) => DEFAULT_EXCLUDED_DIRS.has(d))) return;
    if (!existsSync(path)) {
      this.indexed.delete(path);
      this.contribute(path, [], true);
      return;
    }
    const ctx = await this.contextFor(folder.uri, folder.path);
    if (!ctx.settings.enable) return;
    this.recordIndexed(path, await this.analyzer.analyze(path, undefined, ctx.config, ctx.roots));
  }

  // ------------------------------------------------------------------ settings and configuration

  async settingsFor(uri: string): Promise<Settings> {
    if (this.capabilities.workspace?.configuration) return this.settings.get(uri);
    const pushed = (this.pushedSettings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    return pushed === undefined ? { ...DEFAULT_SETTINGS } : normalizeSettings(pushed);
  }

  folderFor(path: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) {
      const prefix = f.path.endsWith(sep) ? f.path : f.path + sep;
      if ((path === f.path || path.startsWith(prefix)) && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }

  roots(path: string): string[] {
    return this.folders.length ? this.folders.map((f) => f.path) : [dirname(path)];
  }

  /** The project config file for files under `dir`; never read in an untrusted workspace. */
  private fileConfig(dir: string): FileConfig {
    if (!this.trusted) return {};
    let fc = this.fileConfigs.get(dir);
    if (!fc) {
      try {
        fc = loadConfig(dir);
      } catch (e) {
        const message = e instanceof ConfigError ? e.message : String(e);
        this.log(message);
        this.tellOnce(`config:${message}`, MessageType.Error, `Agent Boundary: ${message}`);
        fc = {};
      }
      this.fileConfigs.set(dir, fc);
    }
    return fc;
  }

  async contextFor(uri: string, path: string): Promise<Context> {
    const settings = await this.settingsFor(uri);
    const folder = this.folderFor(path);
    const dir = folder?.path ?? dirname(path);
    const fc = isFileUri(uri) ? this.fileConfig(dir) : {};
    return {
      settings,
      config: mergeConfig(settings, fc.config, this.trusted),
      roots: this.roots(path),
      globBase: fc.file ? dirname(fc.file) : dir,
    };
  }

  didChangeConfiguration(params: DidChangeConfigurationParams): void {
    this.pushedSettings = params?.settings;
    this.configurationChanged();
  }

  private configurationChanged(): void {
    this.settings.clear();
    this.fileConfigs.clear();
    this.analyzer.reset();
    for (const doc of this.docs.all()) this.scheduler.request(doc.uri);
    for (const path of this.scanned.keys()) void this.reanalyseScanned(path);
    this.refreshViews();
    // The engines were dropped with what they had learnt from other files: index again.
    this.startIndex();
  }

  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    let configChanged = false;
    let reopened = false;
    for (const change of params.changes ?? []) {
      if (!isFileUri(change.uri)) continue;
      const path = uriToPath(change.uri);
      if (isConfigFileName(path)) {
        configChanged = true;
        continue;
      }
      this.analyzer.invalidate(path);
      if (this.docs.byPath(path)) continue;
      if (this.scanned.has(path)) void this.reanalyseScanned(path);
      else void this.reindex(path);
      if (this.dependentsChanged(path)) reopened = true;
    }
    if (configChanged) this.configurationChanged();
    else if (reopened) this.refreshViews();
  }

  didChangeWorkspaceFolders(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => f.uri));
    this.folders = this.folders.filter((f) => !removed.has(f.uri));
    for (const f of e.added) if (isFileUri(f.uri)) this.folders.push({ uri: f.uri, path: uriToPath(f.uri) });
    this.configurationChanged();
  }

  // ------------------------------------------------------------------ requests

  async documentDiagnostic(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const uri = requireUri(params?.textDocument?.uri);
    const entry = await this.current(uri);
    if (!entry) return { kind: 'full', items: [] };
    if (params.previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
    return { kind: 'full', resultId: entry.resultId, items: entry.diagnostics };
  }

  async workspaceDiagnostic(params: WorkspaceDiagnosticParams): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map((params?.previousResultIds ?? []).map((p) => [p.uri, p.value]));
    const entries: Entry[] = [];
    for (const doc of this.docs.all()) {
      const e = await this.current(doc.uri);
      if (e) entries.push(e);
    }
    for (const e of this.scanned.values()) if (!this.docs.byPath(e.path)) entries.push(e);
    const items: WorkspaceDocumentDiagnosticReport[] = entries.map((e) =>
      previous.get(e.uri) === e.resultId
        ? { kind: 'unchanged', uri: e.uri, version: e.version, resultId: e.resultId }
        : { kind: 'full', uri: e.uri, version: e.version, resultId: e.resultId, items: e.diagnostics },
    );
    return { items };
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const uri = requireUri(params?.textDocument?.uri);
    const ours = (params.context?.diagnostics ?? []).filter(isOurDiagnostic);
    const doc = this.docs.get(uri);
    if (!doc || ours.length === 0) return [];
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    try {
      return codeActionsFor({ uri, text: doc.doc.getText(), languageId: doc.languageId, diagnostics: ours });
    } catch (e) {
      this.log(`Building quick fixes for ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  }

  async codeLens(params: CodeLensParams): Promise<CodeLens[]> {
    const entry = await this.current(requireUri(params?.textDocument?.uri));
    return entry ? codeLenses(entry.result) : [];
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    const uri = requireUri(params?.textDocument?.uri);
    const pos = params.position;
    if (!pos || typeof pos.line !== 'number' || typeof pos.character !== 'number') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'position must be { line: number, character: number }');
    }
    const entry = await this.current(uri);
    return entry ? hoverFor(entry.result, pos) : null;
  }

  async workspaceSymbols(params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
    const all = new Map<string, { uri: string; result: FileResult }>();
    for (const [path, result] of this.indexed) all.set(path, { uri: pathToUri(path), result });
    for (const e of this.scanned.values()) all.set(e.path, e);
    for (const doc of this.docs.all()) {
      const e = await this.current(doc.uri);
      if (e) all.set(e.path, e);
    }
    return toolSymbols(all.values(), typeof params?.query === 'string' ? params.query : '');
  }

  async executeCommand(params: ExecuteCommandParams, token: CancellationToken, workDone: WorkDoneProgressReporter): Promise<unknown> {
    switch (params?.command) {
      case COMMANDS.scanWorkspace:
        return this.scan(WorkDoneProgressReporter.isNullInstance(workDone) ? undefined : workDone, token);
      case COMMANDS.sarif:
        return this.sarif(token);
      case COMMANDS.rules:
        return RULE_IDS.map((id) => ruleMeta(id))
          .filter((r) => r !== undefined)
          .map((r) => ({ id: r.id, title: r.title, category: r.category, defaultSeverity: r.defaultSeverity, doc: r.doc, helpUri: r.helpUri }));
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${String(params?.command)}`);
    }
  }

  /** One scan at a time: a second request while one runs gets the running scan's summary. */
  scan(workDone: WorkDoneProgressReporter | undefined, token?: CancellationToken): Promise<ScanSummary> {
    this.scanRun ??= (async () => {
      void this.connection.sendNotification(STATUS_NOTIFICATION, { state: 'scanning' } satisfies StatusParams);
      try {
        return await scanWorkspace(this, workDone, token);
      } finally {
        this.scanRun = undefined;
        void this.connection.sendNotification(STATUS_NOTIFICATION, { state: 'idle' } satisfies StatusParams);
      }
    })();
    return this.scanRun;
  }

  private async sarif(token: CancellationToken): Promise<string> {
    const start = new Date();
    const summary = await this.scan(undefined, token);
    if (summary.cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The workspace scan was cancelled.');
    const results: FileResult[] = [];
    for (const e of this.scanned.values()) {
      const open = this.docs.byPath(e.path);
      results.push(open ? ((await this.current(open.uri))?.result ?? e.result) : e.result);
    }
    return toSarifString(results, this.folders.map((f) => f.path), start, new Date());
  }

  /** Resolves when no document analysis is waiting: background work goes after the editor's. */
  editorIdle(): Promise<void> {
    return this.scheduler.idle();
  }

  /** Whether an open document owns the diagnostics of `path` (the scan must not publish over them). */
  isOpen(path: string): OpenDocument | undefined {
    return this.docs.byPath(path);
  }

  async resultForOpen(doc: OpenDocument): Promise<FileResult | undefined> {
    return (await this.current(doc.uri))?.result;
  }
}

function emptyResult(file: string): FileResult {
  return { file, findings: [], tools: [] };
}

function requireUri(uri: unknown): string {
  if (typeof uri !== 'string' || uri.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
  return uri;
}

