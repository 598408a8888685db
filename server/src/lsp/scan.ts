// The workspace scan: every supported file of every workspace folder, found with the CLI's discovery
// (.gitignore, default excludes, the config's include/exclude), with window/workDoneProgress and
// cancellation. Large folders are analysed on the CLI's worker threads, across the cores; small ones, and
// open documents (whose text is the editor's), by the server's own engine one file per event-loop turn.
// Either way the server keeps answering while it runs.
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { DEFAULT_MAX_FILE_SIZE } from '../config/types';
import type { FileResult } from '../model/findings';
import type { FileOutcome } from '../scan/analyze';
import { analyzeOnWorkers, workersFor } from '../scan/pool';
import { discoverFiles } from '../scan/walk';
import type { AgentBoundaryService, Context, Folder } from './service';

/** A folder with at least this many files to analyse goes to worker threads; below, starting them costs more than they save. */
export const WORKERS_FROM = 200;

export interface ScanSummary {
  folders: number;
  /** Files discovered. */
  files: number;
  analysed: number;
  /** Files not analysed (too large, binary, unreadable...), including those the walk skipped. */
  skipped: number;
  /** Diagnostics now shown for the scanned files. */
  findings: number;
  filesWithFindings: number;
  tools: number;
  cancelled: boolean;
  /** Why files were skipped, by reason. */
  skippedReasons: Record<string, number>;
  /** Worker threads the scan ran on (0: all on the server's thread). */
  workers: number;
}

function resultOf(o: FileOutcome): FileResult {
  if (o.skip) return { file: o.file, findings: [], tools: [], skipped: `${o.skip.reason}: ${o.skip.detail}` };
  return { file: o.file, findings: o.findings, tools: o.tools, syntaxErrors: o.syntaxErrors };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function scanWorkspace(svc: AgentBoundaryService, attached: WorkDoneProgressReporter | undefined, token?: CancellationToken): Promise<ScanSummary> {
  let progress: WorkDoneProgressReporter;
  const tokens: CancellationToken[] = token ? [token] : [];
  if (attached) progress = attached;
  else {
    const created = await svc.connection.window.createWorkDoneProgress();
    tokens.push(created.token);
    progress = created;
  }
  const cancelled = (): boolean => tokens.some((t) => t.isCancellationRequested);
  const summary: ScanSummary = { folders: svc.folders.length, files: 0, analysed: 0, skipped: 0, findings: 0, filesWithFindings: 0, tools: 0, cancelled: false, skippedReasons: {}, workers: 0 };
  const skip = (reason: string): void => {
    summary.skipped++;
    summary.skippedReasons[reason] = (summary.skippedReasons[reason] ?? 0) + 1;
  };

  progress.begin('Agent Boundary: scanning the workspace', 0, 'Finding files…', true);
  try {
    const jobs = new Map<string, { folder: Folder; ctx: Context }>();
    for (const folder of svc.folders) {
      const ctx = await svc.contextFor(folder.uri, folder.path);
      if (!ctx.settings.enable) continue;
      try {
        const walked = discoverFiles([folder.path], folder.path, { config: ctx.config, globBase: ctx.globBase });
        for (const s of walked.skipped) skip(s.reason);
        // Nested workspace folders: the innermost folder's settings win.
        for (const f of walked.files) if (!jobs.has(f) || svc.folderFor(f) === folder) jobs.set(f, { folder, ctx });
      } catch (e) {
        svc.log(`Scanning ${folder.path} failed: ${(e as Error)?.message ?? String(e)}`);
      }
      if (cancelled()) break;
    }
    summary.files = jobs.size;
    const previous = new Set(svc.scanned.keys());
    let done = 0;
    const record = (path: string, result: FileResult | undefined): void => {
      previous.delete(path);
      if (result) {
        if (result.skipped) skip(result.skipped.split(':')[0]);
        else summary.analysed++;
        svc.recordScanned(path, result);
      }
      done++;
      progress.report(Math.floor((done / jobs.size) * 100), `${done}/${jobs.size} files`);
    };
    // Closed files of a large folder go to the workers, folder by folder (each has its own configuration).
    const byContext = new Map<Context, string[]>();
    for (const [path, { ctx }] of jobs) {
      if (svc.isOpen(path)) continue;
      const list = byContext.get(ctx);
      if (list) list.push(path);
      else byContext.set(ctx, [path]);
    }
    const onWorkers = new Set<string>();
    for (const [ctx, files] of byContext) {
      if (cancelled()) break;
      if (files.length < WORKERS_FROM) continue;
      const workers = workersFor(files.length);
      const ran = await analyzeOnWorkers(
        files,
        workers,
        { config: ctx.config, roots: ctx.roots, maxFileSize: ctx.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, cancelled },
        (o) => {
          onWorkers.add(o.file);
          record(o.file, resultOf(o));
        },
      ).catch((e: unknown) => {
        svc.log(`Worker threads failed (${(e as Error)?.message ?? String(e)}); the server's thread goes on with the scan`);
        return false;
      });
      if (ran) summary.workers = Math.max(summary.workers, workers);
    }
    // The rest, and whatever the workers did not finish, on the server's engine.
    for (const [path, { ctx }] of jobs) {
      if (cancelled()) break;
      if (onWorkers.has(path)) continue;
      const open = svc.isOpen(path);
      record(path, open ? await svc.resultForOpen(open) : await svc.analyzer.analyze(path, undefined, ctx.config, ctx.roots));
      await turn();
    }
    summary.cancelled = cancelled();
    // Files gone since the last complete scan lose their diagnostics.
    if (!summary.cancelled) for (const path of previous) svc.forgetScanned(path);
    for (const path of jobs.keys()) {
      const entry = svc.scanned.get(path);
      if (!entry) continue;
      summary.findings += entry.diagnostics.length;
      if (entry.diagnostics.length) summary.filesWithFindings++;
      summary.tools += entry.result.tools.length;
    }
  } finally {
    progress.done();
  }
  return summary;
}

/**
 * The background index: every file of every workspace folder analysed quietly, one per event-loop
 * turn, skipping files an editor or the last scan already covers. Stops when `current()` turns false.
 */
export async function indexWorkspace(svc: AgentBoundaryService, current: () => boolean): Promise<number> {
  let n = 0;
  for (const folder of [...svc.folders]) {
    const ctx = await svc.contextFor(folder.uri, folder.path);
    if (!ctx.settings.enable || !current()) continue;
    let files: string[];
    try {
      files = discoverFiles([folder.path], folder.path, { config: ctx.config, globBase: ctx.globBase }).files;
    } catch (e) {
      svc.log(`Indexing ${folder.path} failed: ${(e as Error)?.message ?? String(e)}`);
      continue;
    }
    for (const path of files) {
      await svc.editorIdle();
      if (!current()) return n;
      if (svc.isOpen(path) || svc.scanned.has(path) || svc.folderFor(path) !== folder) continue;
      const result = await svc.analyzer.analyze(path, undefined, ctx.config, ctx.roots);
      if (!current()) return n;
      svc.recordIndexed(path, result);
      n++;
      await turn();
    }
  }
  return n;
}
