// One scan: discover files, analyse them (pool), merge what comes back into one deterministic report.
import { dirname, resolve, sep } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, type ProjectConfig } from '../config/types';
import type { Finding, Severity, ToolSummary } from '../model/findings';
import type { ReportList } from '../report/stream';
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
  findings: ReportList<Finding>;
  tools: ReportList<ToolSummary>;
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

/** What sorts a finding in the report: file, position, rule, tool. */
interface FindingKey {
  file: string;
  line: number;
  col: number;
  ruleId: string;
  tool: string;
}

const findingKey = (f: Finding): FindingKey => ({ file: f.file, line: f.span.start.line, col: f.span.start.col, ruleId: f.ruleId, tool: f.tool.name });

function compareFindingKeys(a: FindingKey, b: FindingKey): number {
  return comparePaths(a.file, b.file) || a.line - b.line || a.col - b.col || comparePaths(a.ruleId, b.ruleId) || comparePaths(a.tool, b.tool);
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareFindingKeys(findingKey(a), findingKey(b));
}

/**
 * Items kept as JSON text and parsed again each time the list is read. Over a large tree the findings and
 * tool summaries as objects took about eight times the memory of their JSON (every span three objects,
 * every path its own copy), and the report is read only once or twice.
 */
class Packed<T> implements ReportList<T> {
  constructor(private readonly json: string[]) {}
  get length(): number {
    return this.json.length;
  }
  *[Symbol.iterator](): Iterator<T> {
    for (const j of this.json) yield JSON.parse(j) as T;
  }
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
  private readonly findings = new Map<string, { key: FindingKey; json: string }>();
  private readonly tools = new Map<string, { file: string; line: number; name: string; json: string }>();

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
      const key = findingKey(f);
      const id = `${key.file}\0${key.ruleId}\0${key.line}\0${key.tool}`;
      if (!this.findings.has(id)) this.findings.set(id, { key, json: JSON.stringify(f) });
    }
    for (const t of o.tools) {
      const id = `${t.tool.file}\0${t.tool.name}\0${t.tool.nameSpan.start.line}`;
      if (!this.tools.has(id)) this.tools.set(id, { file: t.tool.file, line: t.tool.nameSpan.start.line, name: t.tool.name, json: JSON.stringify(t) });
    }
  }

  finish(endTime = new Date()): ScanReport {
    const findings = [...this.findings.values()].sort((a, b) => compareFindingKeys(a.key, b.key));
    const tools = [...this.tools.values()].sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line || comparePaths(a.name, b.name));
    return {
      root: this.root,
      files: [...this.files].sort(comparePaths),
      findings: new Packed<Finding>(findings.map((f) => f.json)),
      tools: new Packed<ToolSummary>(tools.map((t) => t.json)),
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
export function shouldFail(findings: Iterable<Finding>, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  for (const f of findings) if (!f.suppressed && RANK[f.severity] >= RANK[failOn]) return true;
  return false;
}
