// "Suppress on this line (with a reason)": an own-line `agent-boundary: ignore[<category>]` comment above
// the finding, indented like it, with a reason placeholder the user replaces (a reasonless one does not silence).
import type { TextEdit } from 'vscode-languageserver';
import { Doc } from './document';

export function suppressionEdit(text: string, line: number, category: string, python: boolean): TextEdit {
  const doc = new Doc(text);
  const indent = /^[ \t]*/.exec(doc.lineText(line))![0];
  const marker = python ? '#' : '//';
  const at = doc.positionAt(doc.lineStart(line));
  return { range: { start: at, end: at }, newText: `${indent}${marker} agent-boundary: ignore[${category}] <reason: fill in>${doc.eol}` };
}
