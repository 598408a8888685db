// Reads the semgrep-style annotations of the fixtures under test/fixtures: a comment line
// `# ruleid: a, b` / `// ok: a` says which findings the next non-annotation line must (not) carry.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '..', 'fixtures');
/** The annotated trees; other folders under test/fixtures (cli/ ...) belong to other tests. */
export const ANNOTATED_DIRS = ['python', 'ts'].map((d) => join(FIXTURES, d));
const SOURCE_EXT = new Set(['.py', '.pyi', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const ANNOTATION = /^\s*(?:#|\/\/|\{?\/\*)\s*(ruleid|ok):\s*([^*}]+?)\s*(?:\*\/\}?)?\s*$/;

export interface Annotation {
  kind: 'ruleid' | 'ok';
  ruleId: string;
  /** 1-based line of the comment. */
  commentLine: number;
  /** 1-based line it applies to (next non-annotation line), or undefined at end of file. */
  line: number | undefined;
}

export function fixtureFiles(): string[] {
  return ANNOTATED_DIRS.flatMap((d) => sourceFiles(d)).sort();
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (SOURCE_EXT.has(extname(e.name))) out.push(p);
  }
  return out;
}

export function annotations(text: string): Annotation[] {
  const lines = text.split(/\r?\n/);
  const out: Annotation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]);
    if (!m) continue;
    let target = i + 1;
    while (target < lines.length && ANNOTATION.test(lines[target])) target++;
    for (const id of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      out.push({ kind: m[1] as 'ruleid' | 'ok', ruleId: id, commentLine: i + 1, line: target < lines.length ? target + 1 : undefined });
    }
  }
  return out;
}

export function fileAnnotations(file: string): Annotation[] {
  return annotations(readFileSync(file, 'utf8'));
}
