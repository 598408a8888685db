// Quick fixes for Agent Boundary diagnostics. Stateless: each action is rebuilt from the request — the
// document text and the FixData each diagnostic carries — and offered only if the file still parses after it.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Category, FixData } from '../model/findings';
import { buildAudit } from './audit';
import type { Builder } from './common';
import { FixContext, styleOf, type Style } from './context';
import { buildExec } from './exec';
import { buildFs } from './fs';
import { buildNet } from './net';
import { buildSecret } from './secret';
import { buildSql } from './sql';
import { suppressionEdit } from './suppress';
import { grammarOf, syntaxErrorCount, tryParse, type Tree } from './syntax';
import { buildTls } from './tls';
import { buildTxn } from './txn';

const BUILDERS: Record<Category | 'tls', Builder> = {
  net: buildNet,
  fs: buildFs,
  sql: buildSql,
  exec: buildExec,
  secret: buildSecret,
  txn: buildTxn,
  audit: buildAudit,
  tls: buildTls,
};

interface DiagnosticData {
  ruleId?: string;
  fix?: FixData;
  fingerprint?: string;
}

export interface CodeActionsParams {
  uri: string;
  text: string;
  languageId: string;
  diagnostics: Diagnostic[];
}

export function codeActionsFor(params: CodeActionsParams): CodeAction[] {
  const { uri, text, languageId } = params;
  const grammar = grammarOf(uri, languageId);
  const tree = grammar ? tryParse(grammar, text) : undefined;
  const errorsBefore = tree ? syntaxErrorCount(tree) : 0;
  let style: Style | undefined;
  const out: CodeAction[] = [];
  for (const diagnostic of params.diagnostics) {
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    const ruleId = data.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
    if (!ruleId || ruleId.startsWith('meta/') || typeof diagnostic.range?.start?.line !== 'number') continue;
    const category = ruleId.split('/')[0];
    if (grammar && tree && data.fix && category in BUILDERS) {
      style ??= styleOf(tree, text, grammar === 'python');
      const fix = buildFix(uri, text, languageId, grammar === 'python', tree, ruleId, data.fix, diagnostic, errorsBefore, style);
      if (fix) out.push(action(fix.title, uri, fix.edits, diagnostic, true));
    }
    const python = grammar ? grammar === 'python' : data.fix?.language === 'python';
    const edit = suppressionEdit(text, diagnostic.range.start.line, category, python);
    out.push(action('Suppress on this line (with a reason)', uri, [edit], diagnostic, false));
  }
  return out;
}

function action(title: string, uri: string, edits: TextEdit[], diagnostic: Diagnostic, isPreferred: boolean): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } } };
  if (isPreferred) a.isPreferred = true;
  return a;
}

function buildFix(
  uri: string,
  text: string,
  languageId: string,
  python: boolean,
  tree: Tree,
  ruleId: string,
  data: FixData,
  diagnostic: Diagnostic,
  errorsBefore: number,
  style: Style,
): { title: string; edits: TextEdit[] } | undefined {
  try {
    const typed = !python && languageId !== 'javascript' && languageId !== 'javascriptreact' && !/\.(c|m)?jsx?$/i.test(uri) && data.language !== 'javascript';
    const range = { start: { line: diagnostic.range.start.line, col: diagnostic.range.start.character }, end: { line: diagnostic.range.end.line, col: diagnostic.range.end.character } };
    const ctx = new FixContext(uri, text, tree, { ...data, language: python ? 'python' : data.language === 'python' ? 'typescript' : data.language }, ruleId, range, typed, style);
    const title = BUILDERS[ruleId.split('/')[0] as keyof typeof BUILDERS](ctx);
    if (!title) return undefined;
    ctx.finish();
    if (ctx.edits.size === 0) return undefined;
    // Never offer a fix that leaves the file with more syntax errors than it had.
    const after = tryParse(python ? 'python' : grammarOf(uri, languageId) ?? 'typescript', ctx.edits.apply());
    if (!after || syntaxErrorCount(after) > errorsBefore) return undefined;
    return { title, edits: ctx.edits.toTextEdits() };
  } catch {
    return undefined;
  }
}
