// One scan: discover files, analyse them (pool), merge what comes back into one deterministic report.
import { dirname, resolve, sep } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, type ProjectConfig } from '../config/types';
import type { Finding, Severity, ToolSummary } from '../model/findings';
import type { FileOutcome } from './analyze';
import { analyzeFiles } from './pool';
import type { Skip, SkipReason } from './read';
import { comparePaths, discoverFiles, repositoryRoot } from './walk';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  config: ProjectConfig;
  /** Folder the config's include/exclude globs are relative to. */
  globBase?: string;
  /** Worker count; undefined: chosen from the CPU count and the number of files. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScanReport {
  /** The folder every reported path is relative to (SARIF %SRCROOT%). */
  root: string;
  /** Analysed files (absolute, sorted); skipped files are not in it. */
  files: string[];
  /** Merged, de-duplicated, mapped through the config's rule settings, sorted. */
  findings: Finding[];
  tools: ToolSummary[];
  skipped: Skip[];
  /** Files with invalid UTF-8, analysed after replacing it with U+FFFD. */
  replaced: string[];
  /** Files analysed despite syntax errors. */
  withSyntaxErrors: string[];
  startTime: Date;
  endTime: Date;
}

export interface ScanSummary {
  files: number;
  findings: Record<Severity, number>;
  suppressed: number;
  skipped: Partial<Record<SkipReason, number>>;
  decodedWithReplacement: number;
  withSyntaxErrors: number;
}

/** The scan root: the folder given, the folder of the file given, or the deepest folder holding every path. */
export function scanRoot(paths: string[], cwd: string, isDir: (p: string) => boolean): string {
  const dirs = paths.map((p) => resolve(cwd, p)).map((p) => (isDir(p) ? p : dirname(p)));
  let root = dirs[0];
  for (const d of dirs.slice(1)) {
    while (root !== dirname(root) && d !== root && !d.startsWith(root.endsWith(sep) ? root : root + sep)) root = dirname(root);
  }
  return root;
}

/**
 * Merges per-file outcomes into one report: findings de-duplicated by (file, rule, line, tool) — a tool
 * registered in one file and defined in another can be reported from both; the first kept — and sorted.
 * (The engine has already applied suppressions and the config's rule settings.)
 */
export class ReportBuilder {
  private readonly files: string[] = [];
  private readonly skipped: Skip[] = [];
  private readonly replaced: string[] = [];
  private readonly withSyntaxErrors: string[] = [];
  private readonly findings = new Map<string, Finding>();
  private readonly tools = new Map<string, ToolSummary>();

  constructor(
    private readonly root: string,
    private readonly startTime = new Date(),
  ) {}

  skip(s: Skip): void {
    this.skipped.push(s);
  }

  add(o: FileOutcome): void {
    if (o.skip) return this.skip(o.skip);
    this.files.push(o.file);
    if (o.replaced) this.replaced.push(o.file);
    if (o.syntaxErrors) this.withSyntaxErrors.push(o.file);
    for (const f of o.findings) {
      const key = `${f.file}\0${f.ruleId}\0${f.span.start.line}\0${f.tool.name}`;
      if (!this.findings.has(key)) this.findings.set(key, f);
    }
    for (const t of o.tools) {
      const key = `${t.tool.file}\0${t.tool.name}\0${t.tool.nameSpan.start.line}`;
      if (!this.tools.has(key)) this.tools.set(key, t);
    }
  }

  finish(endTime = new Date()): ScanReport {
    return {
      root: this.root,
      files: [...this.files].sort(comparePaths),
      findings: [...this.findings.values()].sort(compareFindings),
      tools: [...this.tools.values()].sort((a, b) => comparePaths(a.tool.file, b.tool.file) || a.tool.nameSpan.start.line - b.tool.nameSpan.start.line || comparePaths(a.tool.name, b.tool.name)),
      skipped: [...this.skipped].sort((a, b) => comparePaths(a.file, b.file)),
      replaced: [...this.replaced].sort(comparePaths),
      withSyntaxErrors: [...this.withSyntaxErrors].sort(comparePaths),
      startTime: this.startTime,
      endTime,
    };
  }
}

export async function runScan(opts: ScanOptions, root: string): Promise<ScanReport> {
  const report = new ReportBuilder(root);
  const maxFileSize = opts.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const walked = discoverFiles(opts.paths, opts.cwd, { config: opts.config, globBase: opts.globBase ?? root });
  for (const s of walked.skipped) report.skip(s);
  // Imports resolve within the scan root and, when it sits inside a repository, the repository root.
  const repo = repositoryRoot(root);
  const roots = repo && repo !== root ? [root, repo] : [root];
  await analyzeFiles(walked.files, { jobs: opts.jobs, config: opts.config, roots, maxFileSize, onProgress: opts.onProgress }, (o) => report.add(o));
  return report.finish();
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePaths(a.file, b.file) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.col - b.span.start.col ||
    comparePaths(a.ruleId, b.ruleId) ||
    comparePaths(a.tool.name, b.tool.name)
  );
}

export function summarize(r: ScanReport): ScanSummary {
  const findings: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  let suppressed = 0;
  for (const f of r.findings) {
    if (f.suppressed) suppressed++;
    else findings[f.severity]++;
  }
  const skipped: Partial<Record<SkipReason, number>> = {};
  for (const s of r.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  return { files: r.files.length, findings, suppressed, skipped, decodedWithReplacement: r.replaced.length, withSyntaxErrors: r.withSyntaxErrors.length };
}

const RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** Whether an unsuppressed finding at or above `failOn` exists (exit code 1). */
export function shouldFail(findings: Finding[], failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  return findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[failOn]);
}
