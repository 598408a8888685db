// What the analysis reports: findings with their flow, and the inventory of detected tools.
import type { Language, Span } from './ir';

export const CATEGORIES = ['net', 'fs', 'sql', 'exec', 'secret', 'txn', 'audit'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Severity = 'error' | 'warning' | 'note';

export interface Location {
  /** Absolute file system path. */
  file: string;
  span: Span;
}

export interface FlowStep extends Location {
  /** e.g. "parameter 'url'", "passed to _download()", "reaches httpx.get()" */
  message: string;
}

export interface ToolRef {
  name: string;
  /** Framework id from rules/frameworks, e.g. 'langchain', 'mcp-python', 'vercel-ai'. */
  framework: string;
  file: string;
  /** The whole tool (decorators + def, the class, the registering statement). */
  span: Span;
  /** The tool's name or declaration: where audit/txn findings sit. */
  nameSpan: Span;
  /** Span of the function holding the tool body (execute/handler/_run). */
  bodySpan: Span;
  /** First body line and its indentation (for fixes that insert at the top of the tool). */
  bodyStart?: { line: number; col: number; indent: string };
  /** Whether the body is an arrow with expression body (fixes must wrap it in a block). */
  exprBody?: boolean;
}

/** What a quick fix needs, carried in Diagnostic.data; the fix builders re-read the document for the rest. */
export interface FixData {
  category: Category;
  language: Language;
  /** The sink (or helper) call: its callee text and span. */
  call?: { span: Span; callee: string; argsSpan: Span };
  /** The model-controlled argument expression at the anchor, its span and source text. */
  arg?: { span: Span; text: string };
  /** The tool parameter the value comes from. */
  param?: string;
  /** Statement holding the anchor: fixes insert guards above it. */
  stmt?: { span: Span; indent: string };
  tool: { name: string; framework: string; nameSpan: Span; bodyStart?: { line: number; col: number; indent: string }; exprBody?: boolean; span: Span };
  /** Sink-specific facts: 'shell-string', 'fstring-sql', 'template-sql', 'concat-sql', 'env-key' ... */
  shape?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Primary location: inside the tool (sink line or helper call; tool name for audit/txn). */
  file: string;
  span: Span;
  message: string;
  tool: ToolRef;
  param?: string;
  /** Qualified sink name, e.g. 'requests.get', 'fs.readFile', 'os.environ[]'. */
  sink?: string;
  /** parameter → (helper calls) → sink; the last step is the sink. */
  flow: FlowStep[];
  fix?: FixData;
  /** Stable across unrelated edits: hash of rule, file (relative), tool name, sink and param. */
  fingerprint: string;
  /** Set when an inline `agent-boundary: ignore[...]` comment silences it. */
  suppressed?: { reason: string; line: number };
}

/** A tool and what it may touch, for the inventory / CodeLens. */
export interface ToolSummary {
  tool: ToolRef;
  /** Per category: 'unscoped' (a finding), 'scoped' (capability present and scoped), absent when unused. */
  capabilities: Partial<Record<Exclude<Category, 'audit'>, 'unscoped' | 'scoped'>>;
  audit: 'present' | 'missing' | 'n/a';
  approval: 'present' | 'missing' | 'n/a';
}

export interface FileResult {
  file: string;
  findings: Finding[];
  tools: ToolSummary[];
  /** Present when the file was not analysed: why (too large, binary, unreadable, not UTF-8...). */
  skipped?: string;
  /** Syntax errors seen (the file was still analysed as far as it parsed). */
  syntaxErrors?: number;
}
