// The document a fix edits: offsets ↔ LSP positions, the file's own style (line ending, indentation,
// quotes), and a set of edits kept as offsets until they become LSP TextEdits.
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import type { Span } from '../model/ir';

export class Doc {
  readonly eol: string;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
    this.eol = /\r\n/.test(text) ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(p: { line: number; col?: number; character?: number }): number {
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, p.line)];
    const col = p.col ?? p.character ?? 0;
    return Math.min(start + col, this.lineEnd(p.line));
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)];
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text[end - 1] === '\n') end--;
    if (end > this.lineStart(line) && this.text[end - 1] === '\r') end--;
    return end;
  }

  /** Offset of the start of the line after the one holding `offset` (end of text for the last line). */
  nextLineStart(offset: number): number {
    const line = this.positionAt(offset).line;
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Leading whitespace of the line holding `offset`. */
  indentAt(offset: number): string {
    return /^[ \t]*/.exec(this.lineText(this.positionAt(offset).line))![0];
  }

  /** Whether only whitespace precedes `offset` on its line. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStart(this.positionAt(offset).line), offset).trim() === '';
  }

  spanOffsets(span: Span): [number, number] {
    return [this.offsetAt(span.start), this.offsetAt(span.end)];
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The indentation step of a file: a tab, or the most common smallest increase in leading spaces. */
export function detectIndentUnit(text: string, fallback: string): string {
  const counts = new Map<number, number>();
  let prev = 0;
  let tabs = 0;
  let spaces = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.startsWith('\t')) {
      tabs++;
      continue;
    }
    const n = lead.length;
    if (n > 0) spaces++;
    if (n > prev && n - prev <= 8) counts.set(n - prev, (counts.get(n - prev) ?? 0) + 1);
    prev = n;
  }
  if (tabs > spaces) return '\t';
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  return best > 0 ? ' '.repeat(best) : fallback;
}

/** An edit on the original text, by offsets; `order` sorts insertions made at the same offset. */
interface OffsetEdit {
  start: number;
  end: number;
  text: string;
  order: number;
  seq: number;
}

/** Edits of one fix. Insertions at one offset are concatenated by `order`, then by creation. */
export class EditSet {
  private readonly edits: OffsetEdit[] = [];
  private seq = 0;

  constructor(readonly doc: Doc) {}

  insert(offset: number, text: string, order = 5): void {
    this.edits.push({ start: offset, end: offset, text, order, seq: this.seq++ });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: 5, seq: this.seq++ });
  }

  get size(): number {
    return this.edits.length;
  }

  /** The text with the edits applied (for checks before offering a fix). */
  apply(): string {
    let out = '';
    let at = 0;
    for (const e of this.normalized()) {
      out += this.doc.text.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.doc.text.slice(at);
  }

  /** LSP text edits; throws when two replacements overlap (a builder bug: the fix is then not offered). */
  toTextEdits(): TextEdit[] {
    return this.normalized().map((e) => ({ range: this.doc.range(e.start, e.end), newText: e.text }));
  }

  private normalized(): { start: number; end: number; text: string }[] {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order || a.seq - b.seq);
    const out: { start: number; end: number; text: string }[] = [];
    for (const e of sorted) {
      const last = out[out.length - 1];
      if (last && last.start === last.end && e.start === last.start) {
        // Insertion(s) followed by an insertion or replacement at the same offset: one edit.
        last.text += e.text;
        last.end = e.end;
        continue;
      }
      if (last && e.start < last.end) throw new Error('overlapping edits');
      out.push({ start: e.start, end: e.end, text: e.text });
    }
    return out;
  }
}
