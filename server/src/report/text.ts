// Human-readable report: `path:line:col  severity  ruleId  message` per finding, then a summary.
import type { Finding } from '../model/findings';
import { SKIP_REASON_LABELS, type SkipReason } from '../scan/read';
import { summarize, type ScanReport } from '../scan/scan';
import { relativePosix } from '../scan/walk';

/** `file` relative to `cwd` with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  return relativePosix(cwd, file) || '.';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function findingLine(f: Finding, cwd: string): string {
  const where = `${displayPath(f.file, cwd)}:${f.span.start.line + 1}:${f.span.start.col + 1}`;
  return `${where}  ${f.severity}  ${f.ruleId}  ${f.message.replace(/\s*\n\s*/g, ' ')}`;
}

export function formatText(r: ScanReport, cwd: string): string {
  return [...textReport(r, cwd)].join('');
}

/** The text report in pieces: a line per finding as it is read, then the summary. */
export function* textReport(r: ScanReport, cwd: string): Generator<string> {
  let shown = 0;
  for (const f of r.findings) {
    if (f.suppressed) continue;
    yield `${findingLine(f, cwd)}\n`;
    shown++;
  }
  const out: string[] = [];
  const s = summarize(r);
  if (shown) out.push('');
  const counts = `${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${plural(s.findings.note, 'note')}`;
  out.push(`${plural(s.files, 'file')} scanned: ${counts}, ${s.suppressed} suppressed.`);
  if (r.skipped.length) {
    const per = Object.entries(s.skipped).map(([reason, n]) => `${SKIP_REASON_LABELS[reason as SkipReason]} ${n}`);
    out.push(`Skipped ${plural(r.skipped.length, 'file')}: ${per.join(', ')}.`);
    for (const k of r.skipped) out.push(`  ${displayPath(k.file, cwd)}: ${SKIP_REASON_LABELS[k.reason]} (${k.detail.split('\n')[0]})`);
  }
  if (r.replaced.length) {
    out.push(`Decoded with replacement (invalid UTF-8, still analysed): ${plural(r.replaced.length, 'file')}.`);
    for (const f of r.replaced) out.push(`  ${displayPath(f, cwd)}`);
  }
  if (r.withSyntaxErrors.length) out.push(`Analysed as far as they parse (syntax errors): ${plural(r.withSyntaxErrors.length, 'file')}.`);
  yield out.join('\n') + '\n';
}
