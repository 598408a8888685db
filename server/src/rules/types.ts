// The shape of one rule of the catalog (rules/catalog.yaml), as the engine and reporters read it.
import type { Category, Severity } from '../model/findings';

export interface RuleMeta {
  /** `net/unscoped-request`: the category before the slash. */
  id: string;
  category: Category | string;
  /** Short description of the pattern flagged, e.g. "Request to a model-chosen host". */
  title: string;
  defaultSeverity: Severity;
  /**
   * Message template; placeholders {tool}, {param}, {sink}, {detail} are filled by the engine.
   * One sentence naming the tool, parameter and sink, then the short citation of the order.
   */
  message: string;
  /** Short citation of the executive order (ORDER.md wording), appended to every diagnostic. */
  citation: string;
  /** e.g. ["CWE-918"] */
  cwe: string[];
  /** e.g. ["LLM06:2025 Excessive Agency"] */
  owasp: string[];
  /** SARIF security-severity, "0.0".."10.0" */
  securitySeverity: string;
  /** Whether a quick fix exists (beyond suppression). */
  fixable: boolean;
  /** Path of the documentation page relative to the repository root, e.g. docs/rules/net-unscoped-request.md */
  doc: string;
  /** Public URL of the documentation page (helpUri / codeDescription.href). */
  helpUri: string;
}

/** The rule ids the engine emits. The catalog must hold exactly these (the parity test checks). */
export const RULE_IDS = [
  'net/unscoped-request',
  'fs/unscoped-path',
  'sql/unscoped-query',
  'exec/model-controlled-command',
  'exec/model-controlled-code',
  'secret/model-chosen-key',
  'secret/credential-store-read',
  'txn/payment-without-approval',
  'txn/message-without-approval',
  'txn/destructive-action-without-approval',
  'audit/no-audit-record',
  'tls/verification-disabled',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
