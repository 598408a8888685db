// Views on the detected tools: the CodeLens summary line, the hover detail and workspace symbols.
import { MarkupKind, SymbolKind, type CodeLens, type Hover, type Position, type SymbolInformation } from 'vscode-languageserver';
import type { Category, FileResult, Finding, ToolSummary } from '../model/findings';
import type { Span } from '../model/ir';
import { ruleMeta, toRange } from './diagnostics';

type Capability = Exclude<Category, 'audit'>;

const LABEL: Record<Capability, string> = {
  net: 'network',
  fs: 'files',
  sql: 'database',
  exec: 'commands',
  secret: 'secrets',
  txn: 'transactions',
};
const ORDER: Capability[] = ['net', 'fs', 'sql', 'exec', 'secret', 'txn'];
/** Shown even when unused ("files: —"): what most tools touch, so the absence is news too. */
const ALWAYS: ReadonlySet<Capability> = new Set(['net', 'fs']);

/** `network: unscoped · files: — · audit: missing` */
export function lensTitle(t: ToolSummary): string {
  const parts: string[] = [];
  for (const c of ORDER) {
    const state = t.capabilities[c];
    if (state || ALWAYS.has(c)) parts.push(`${LABEL[c]}: ${state ?? '—'}`);
  }
  if (t.approval !== 'n/a') parts.push(`approval: ${t.approval}`);
  parts.push(`audit: ${t.audit === 'n/a' ? '—' : t.audit}`);
  return parts.join(' · ');
}

/** Tools defined in this file (an analysis also reports tools it registers from other files). */
function ownTools(result: FileResult): FileResult['tools'] {
  return result.tools.filter((t) => t.tool.file === result.file);
}

export function codeLenses(result: FileResult): CodeLens[] {
  return ownTools(result).map((t) => ({
    range: toRange(t.tool.nameSpan),
    // An empty command id: VS Code shows the title as plain text, other clients ignore it.
    command: { title: lensTitle(t), command: '' },
  }));
}

function contains(span: Span, pos: Position): boolean {
  const { start, end } = span;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.col) return false;
  if (pos.line === end.line && pos.character > end.col) return false;
  return true;
}

function findingsOf(result: FileResult, t: ToolSummary): Finding[] {
  return result.findings.filter((f) => !f.suppressed && f.tool.name === t.tool.name && f.tool.nameSpan.start.line === t.tool.nameSpan.start.line);
}

export function hoverFor(result: FileResult, pos: Position): Hover | null {
  const t = ownTools(result).find((x) => contains(x.tool.nameSpan, pos));
  if (!t) return null;
  const lines = [`**Agent tool \`${t.tool.name}\`** (${t.tool.framework})`, ''];
  for (const c of ORDER) {
    const state = t.capabilities[c];
    if (state) lines.push(`- ${LABEL[c]}: **${state}**`);
  }
  if (!ORDER.some((c) => t.capabilities[c])) lines.push('- reaches no network, file, database, command, secret or transaction sink');
  if (t.approval !== 'n/a') lines.push(`- human approval: **${t.approval}**`);
  lines.push(`- audit record: **${t.audit}**`);
  const findings = findingsOf(result, t);
  if (findings.length) {
    lines.push('', 'Findings:');
    for (const f of findings) {
      const help = ruleMeta(f.ruleId)?.helpUri;
      const id = help ? `[${f.ruleId}](${help})` : `\`${f.ruleId}\``;
      lines.push(`- line ${f.span.start.line + 1}: ${id}${f.sink ? ` via \`${f.sink}\`` : ''}${f.param ? ` (parameter \`${f.param}\`)` : ''}`);
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(t.tool.nameSpan) };
}

export function toolSymbols(results: Iterable<{ uri: string; result: FileResult }>, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const { uri, result } of results) {
    for (const t of ownTools(result)) {
      if (q && !t.tool.name.toLowerCase().includes(q)) continue;
      out.push({
        name: t.tool.name,
        kind: SymbolKind.Function,
        location: { uri, range: toRange(t.tool.nameSpan) },
        containerName: `${t.tool.framework} tool · ${lensTitle(t)}`,
      });
    }
  }
  return out;
}
