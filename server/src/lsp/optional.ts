// Modules written in parallel by other parts of the project, loaded only if present so that the server
// builds and runs without them. esbuild bundles a require() inside try/catch when the file exists and
// leaves it unresolved (caught at run time) when it does not.
import type { CodeAction, Diagnostic } from 'vscode-languageserver';

/** The quick-fix entry point agreed with server/src/fixes/index.ts. */
export type CodeActionsFor = (params: { uri: string; text: string; languageId: string; diagnostics: Diagnostic[] }) => CodeAction[];

let fixes: CodeActionsFor | null | undefined;

export function quickFixes(): CodeActionsFor | undefined {
  if (fixes === undefined) {
    fixes = null;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const m = require('../fixes/index') as { codeActionsFor?: unknown };
      if (typeof m.codeActionsFor === 'function') fixes = m.codeActionsFor as CodeActionsFor;
    } catch {
      // Not written yet: no code actions.
    }
  }
  return fixes ?? undefined;
}
