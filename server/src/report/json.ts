// Machine-readable report: one JSON object. Paths are relative to `root` with forward slashes; spans keep
// the engine's zero-based line/column, and each finding also carries 1-based `line` and `column`.
import type { Finding, FlowStep, ToolRef, ToolSummary } from '../model/findings';
import { summarize, type ScanReport } from '../scan/scan';
import { relativePosix } from '../scan/walk';
import { Lazy, jsonChunks } from './stream';

export const JSON_REPORT_VERSION = 1;

export function formatJson(r: ScanReport, tool: { name: string; version: string }): string {
  return [...jsonReport(r, tool)].join('');
}

/** The report in pieces, findings and tools read one at a time (the CLI writes it as it goes). */
export function* jsonReport(r: ScanReport, tool: { name: string; version: string }): Generator<string> {
  const rel = (p: string): string => relativePosix(r.root, p);
  const toolRef = (t: ToolRef): ToolRef => ({ ...t, file: rel(t.file) });
  const step = (s: FlowStep): FlowStep => ({ ...s, file: rel(s.file) });
  const finding = (f: Finding) => ({
    ...f,
    file: rel(f.file),
    line: f.span.start.line + 1,
    column: f.span.start.col + 1,
    tool: toolRef(f.tool),
    flow: f.flow.map(step),
  });
  const summary = (t: ToolSummary): ToolSummary => ({ ...t, tool: toolRef(t.tool) });
  const doc = {
    version: JSON_REPORT_VERSION,
    tool,
    root: r.root,
    files: r.files.map(rel),
    findings: new Lazy(r.findings, finding),
    tools: new Lazy(r.tools, summary),
    skipped: r.skipped.map((s) => ({ ...s, file: rel(s.file) })),
    decodedWithReplacement: r.replaced.map(rel),
    summary: summarize(r),
  };
  yield* jsonChunks(doc);
  yield '\n';
}
