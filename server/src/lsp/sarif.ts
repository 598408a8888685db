// SARIF for the VS Code "Export SARIF" command: the workspace scan's results through the CLI's reporter.
import { version } from '../../../package.json';
import type { FileResult, Finding, ToolSummary } from '../model/findings';
import { formatSarif } from '../report/sarif';
import { SKIP_REASON_LABELS, type Skip, type SkipReason } from '../scan/read';
import { compareFindings, scanRoot, type ScanReport } from '../scan/scan';
import { comparePaths } from '../scan/walk';

const TOOL = { name: 'agent-boundary', version, informationUri: 'https://github.com/agent-boundary/agent-boundary' };

function skipOf(r: FileResult): Skip {
  const [reason, ...rest] = (r.skipped ?? '').split(': ');
  return reason in SKIP_REASON_LABELS
    ? { file: r.file, reason: reason as SkipReason, detail: rest.join(': ') }
    : { file: r.file, reason: 'analysis-failed', detail: r.skipped ?? '' };
}

export function toSarifString(results: FileResult[], folders: string[], startTime: Date, endTime: Date): string {
  const root = folders.length ? scanRoot(folders, folders[0], () => true) : process.cwd();
  const findings = new Map<string, Finding>();
  const tools = new Map<string, ToolSummary>();
  const files: string[] = [];
  const skipped: Skip[] = [];
  const withSyntaxErrors: string[] = [];
  for (const r of results) {
    if (r.skipped) {
      skipped.push(skipOf(r));
      continue;
    }
    files.push(r.file);
    if (r.syntaxErrors) withSyntaxErrors.push(r.file);
    for (const f of r.findings) {
      const key = `${f.file}\0${f.ruleId}\0${f.span.start.line}\0${f.tool.name}`;
      if (!findings.has(key)) findings.set(key, f);
    }
    for (const t of r.tools) {
      const key = `${t.tool.file}\0${t.tool.name}\0${t.tool.nameSpan.start.line}`;
      if (!tools.has(key)) tools.set(key, t);
    }
  }
  const report: ScanReport = {
    root,
    files: files.sort(comparePaths),
    findings: [...findings.values()].sort(compareFindings),
    tools: [...tools.values()],
    skipped: skipped.sort((a, b) => comparePaths(a.file, b.file)),
    replaced: [],
    withSyntaxErrors,
    startTime,
    endTime,
  };
  return formatSarif(report, TOOL, root);
}
