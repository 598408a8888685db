// Finding → LSP Diagnostic. What a quick fix needs travels in `data`, so code actions are rebuilt from
// the request alone and the server keeps no fix state.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { FixData, Finding, Severity } from '../model/findings';
import type { Span } from '../model/ir';
import { getRule } from '../rules/catalog';
import { META_RULE } from '../rules/suppress';
import type { RuleMeta } from '../rules/types';
import { pathToUri } from './uri';

export const DIAGNOSTIC_SOURCE = 'Agent Boundary';

/** Diagnostic.data of every Agent Boundary diagnostic. */
export interface DiagnosticData {
  ruleId: string;
  fix?: FixData;
  fingerprint: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

export function toRange(span: Span): Range {
  return { start: { line: span.start.line, character: span.start.col }, end: { line: span.end.line, character: span.end.col } };
}

/** The catalog entry, or undefined when the catalog cannot be read or does not know the id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  if (id === META_RULE.id) return META_RULE;
  try {
    return getRule(id);
  } catch {
    return undefined;
  }
}

/**
 * `uriOf` maps a file path to the URI the client knows it by (an open document's own URI), so related
 * locations in open files match what the editor shows.
 */
export function toDiagnostic(f: Finding, uriOf: (path: string) => string = pathToUri): Diagnostic {
  const d: Diagnostic = {
    range: toRange(f.span),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    message: f.message,
  };
  const help = ruleMeta(f.ruleId)?.helpUri;
  if (help) d.codeDescription = { href: help };
  const related: DiagnosticRelatedInformation[] = f.flow.map((step) => ({
    location: { uri: uriOf(step.file), range: toRange(step.span) },
    message: step.message,
  }));
  if (related.length) d.relatedInformation = related;
  const data: DiagnosticData = { ruleId: f.ruleId, fix: f.fix, fingerprint: f.fingerprint };
  d.data = data;
  return d;
}

/** Suppressed findings are not shown; everything else becomes a diagnostic, in document order. */
export function toDiagnostics(findings: Finding[], uriOf?: (path: string) => string): Diagnostic[] {
  return findings
    .filter((f) => !f.suppressed)
    .sort((a, b) => a.span.start.line - b.span.start.line || a.span.start.col - b.span.start.col || a.ruleId.localeCompare(b.ruleId))
    .map((f) => toDiagnostic(f, uriOf));
}

export function isOurDiagnostic(d: Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE;
}
