// Inline suppression: `# agent-boundary: ignore[net] reason` or `// agent-boundary: ignore[net,fs] reason`
// on a finding's primary line, or alone on the line above, silences it (for a finding on a tool's name,
// also alone on the line above the tool's declaration and its decorators). A suppression must carry a
// reason: one without does not silence, and a note-level `meta/suppression-without-reason` finding
// sits at the comment instead. Pure and language-neutral (it reads comments by their marker only).
import { createHash } from 'node:crypto';
import type { Finding } from '../model/findings';
import type { RuleMeta } from './types';

export const META_RULE_ID = 'meta/suppression-without-reason';

/** Catalog-style metadata for the one rule this module emits (it is not a risk rule of the catalog). */
export const META_RULE: RuleMeta = {
  id: META_RULE_ID,
  category: 'meta',
  title: 'Suppression comment without a reason',
  defaultSeverity: 'note',
  message: 'This agent-boundary suppression has no reason, so it does not silence the finding; add why the access is acceptable after the brackets.',
  citation: '',
  cwe: [],
  owasp: [],
  securitySeverity: '0.0',
  fixable: false,
  doc: 'README.md',
  helpUri: 'https://github.com/agent-boundary/agent-boundary/blob/main/README.md#suppressing-a-finding',
};

export interface SuppressionComment {
  /** Zero-based line of the comment. */
  line: number;
  /** Zero-based column where the comment marker starts. */
  col: number;
  /** Zero-based column where the comment ends on that line. */
  endCol: number;
  /** `*`, a category (`net`) or a rule id (`net/unscoped-request`). */
  selectors: string[];
  /** Empty when none was given. */
  reason: string;
  /** Whether the comment is alone on its line (then it also covers the next line). */
  ownLine: boolean;
}

const COMMENT = /(#|\/\/|\/\*|<!--)\s*agent-boundary:\s*ignore\[([^\]]*)\]([^\n]*)/;

/** Every suppression comment of a source text. */
export function parseSuppressions(text: string): SuppressionComment[] {
  const out: SuppressionComment[] = [];
  if (!text.includes('agent-boundary:')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, line) => {
    const m = COMMENT.exec(lineText);
    if (!m) return;
    const selectors = m[2]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const reason = m[3]
      .replace(/\s*(\*\/|-->)\s*$/, '')
      .replace(/^\s*[:\-–—]\s*/, '')
      .trim();
    out.push({ line, col: m.index, endCol: lineText.length, selectors, reason, ownLine: lineText.slice(0, m.index).trim() === '' });
  });
  return out;
}

/** Whether a selector of `ignore[...]` names the rule: `*`, the rule id, or a prefix of it (`net`). */
export function selectorMatches(selector: string, ruleId: string): boolean {
  return selector === '*' || selector === ruleId || ruleId.startsWith(`${selector}/`);
}

function covers(c: SuppressionComment, f: Finding): boolean {
  const line = f.span.start.line;
  // A finding on the tool's name (audit, txn) is also covered from above the whole declaration, decorators included.
  const onToolName = line === f.tool.nameSpan.start.line && c.ownLine && f.tool.span.start.line === c.line + 1;
  if (line !== c.line && !(c.ownLine && line === c.line + 1) && !onToolName) return false;
  return c.selectors.some((s) => selectorMatches(s, f.ruleId));
}

/**
 * Marks findings of one file silenced by its comments (`Finding.suppressed`, line zero-based) and adds
 * a `meta/suppression-without-reason` note for each reasonless comment that would have silenced one.
 * `text` is the text of the file the findings are in. Idempotent.
 */
export function applySuppressions(findings: Finding[], text: string): Finding[] {
  const real = findings.filter((f) => f.ruleId !== META_RULE_ID);
  const comments = parseSuppressions(text);
  if (comments.length === 0) return real.map((f) => (f.suppressed ? withoutSuppression(f) : f));
  const out: Finding[] = [];
  const notes = new Map<number, Finding>();
  for (const f of real) {
    const matching = comments.filter((c) => covers(c, f));
    const withReason = matching.find((c) => c.reason !== '');
    if (withReason) {
      out.push({ ...f, suppressed: { reason: withReason.reason, line: withReason.line } });
      continue;
    }
    out.push(f.suppressed ? withoutSuppression(f) : f);
    for (const c of matching) if (!notes.has(c.line)) notes.set(c.line, reasonlessNote(c, f));
  }
  return [...out, ...[...notes.values()]];
}

function withoutSuppression(f: Finding): Finding {
  const copy = { ...f };
  delete copy.suppressed;
  return copy;
}

function reasonlessNote(c: SuppressionComment, silenced: Finding): Finding {
  const span = { start: { line: c.line, col: c.col }, end: { line: c.line, col: c.endCol } };
  return {
    ruleId: META_RULE_ID,
    category: silenced.category,
    severity: 'note',
    file: silenced.file,
    span,
    message: `This suppression has no reason, so ${silenced.ruleId} is still reported: write why the access is acceptable after ignore[${c.selectors.join(',')}].`,
    tool: silenced.tool,
    flow: [],
    fingerprint: createHash('sha256').update(`${META_RULE_ID}\0${silenced.fingerprint}`).digest('hex').slice(0, 32),
  };
}
