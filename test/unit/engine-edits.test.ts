// Editors analyse each keystroke incrementally: only the top-level statement an edit is in is re-parsed
// and re-lowered (a Python statement even on its own), and only the tools that statement can change are
// analysed again (server/src/analysis/pieces.ts). Whatever was typed before, once the text parses without
// error the result must be the one a fresh engine gives for that text. (Speed is measured by `npm run
// bench`, never asserted here.)
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateLargeFile } from '../../bench/generate';
import { createEngine, type Engine } from '../../server/src/engine';
import { FIXTURES, fixtureFiles } from './annotations';

/** The texts a user produces typing `chars` at `at`, one character at a time, then deleting them again. */
export function keystrokes(text: string, at: number, chars: string): string[] {
  const out: string[] = [];
  for (let k = 1; k <= chars.length; k++) out.push(text.slice(0, at) + chars.slice(0, k) + text.slice(at));
  for (let k = chars.length - 1; k >= 0; k--) out.push(text.slice(0, at) + chars.slice(0, k) + text.slice(at));
  return out;
}

/** Edits spread over the file: at line ends (often a syntax error while typed), inside names, new lines, brackets. */
export function editSequence(text: string, every: number): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const start = offset;
    offset += line.length + 1;
    if (i % every !== 0) return;
    const end = start + line.length;
    const word = /[A-Za-z_]\w*/.exec(line);
    switch ((i / every) % 5) {
      case 0:
        out.push(...keystrokes(text, end, 'ab'));
        break;
      case 1:
        if (word) out.push(...keystrokes(text, start + word.index + 1, 'x'));
        break;
      case 2:
        out.push(...keystrokes(text, end, '\n'));
        break;
      case 3:
        out.push(...keystrokes(text, end, ' (['));
        break;
      default:
        out.push(...keystrokes(text, start, line.trim() ? 'z' : 'q = 1'));
    }
  });
  return out;
}

if (typeof describe === "function") describe('incremental edits give the results of a fresh analysis', function () {
  this.timeout(300_000);
  let fresh: Engine;
  before(async function () {
    fresh = await createEngine({ roots: [FIXTURES] });
  });

  async function replay(file: string, original: string, every: number): Promise<{ compared: number; broken: number }> {
    const editor = await createEngine({ roots: [FIXTURES], incremental: true });
    editor.analyzeFile(file, original);
    let compared = 0;
    let broken = 0;
    const texts = editSequence(original, every);
    texts.forEach((text, step) => {
      const got = editor.analyzeFile(file, text);
      const want = fresh.analyzeFile(file, text);
      assert.equal(got.skipped, undefined, `${relative(FIXTURES, file)} step ${step}: ${got.skipped}`);
      if (want.syntaxErrors) {
        // A syntax error being typed stays inside its statement in the editor; only error-free texts compare.
        broken++;
        return;
      }
      assert.deepEqual(got, want, `${relative(FIXTURES, file)}, step ${step} of ${texts.length}`);
      compared++;
    });
    return { compared, broken };
  }

  it('on the tool fixtures, Python and TypeScript', async function () {
    const files = fixtureFiles().filter((f) => /\.(py|ts|js)$/.test(f) && /\b(tool|Tool|mcp|createTool|registerTool)\b/.test(readFileSync(f, 'utf8')));
    assert.ok(files.length > 20, 'fixtures with tools found');
    let compared = 0;
    let broken = 0;
    // Every fourth file, edits every third line: each kind of edit reaches every kind of statement.
    for (const file of files.filter((_, i) => i % 4 === 0)) {
      const r = await replay(file, readFileSync(file, 'utf8'), 3);
      compared += r.compared;
      broken += r.broken;
    }
    assert.ok(compared > 500, `${compared} error-free texts compared`);
    assert.ok(broken > 100, `${broken} texts with a syntax error typed`);
  });

  it('follows what a tool depends on: helpers it calls, and module statements that are not plain definitions', async function () {
    // Each case: a module, and one edit outside every tool that changes a tool's findings.
    const py = [
      'import requests',
      'from langchain_core.tools import tool',
      'try:',
      '    client = requests.Session()',
      'except ImportError:',
      '    client = None',
      '',
      'def _get(url):',
      '    return requests.get(url).text',
      '',
      '@tool',
      'def fetch(url: str) -> str:',
      '    """Fetch."""',
      '    return client.get(url).text',
      '',
      '@tool',
      'def fetch_page(url: str) -> str:',
      '    """Fetch a page."""',
      '    return _get(url)',
      '',
    ].join('\n');
    const ts = [
      "import { tool } from 'ai';",
      "import { z } from 'zod';",
      "import { Pool } from 'pg';",
      "import { execSync } from 'node:child_process';",
      'let store: Pool | null = null;',
      'if (process.env.DATABASE_URL) store = new Pool();',
      'function go(c: string) { return execSync(c); }',
      'export const query = tool({ inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => JSON.stringify((await store.query(q)).rows) });',
      'export const run = tool({ inputSchema: z.object({ c: z.string() }), execute: async ({ c }) => String(go(c)) });',
      '',
    ].join('\n');
    const cases: [string, string, string, string][] = [
      ['python/dep_edit.py', py, 'requests.Session()', 'SafeSession()'],
      ['python/dep_edit.py', py, 'return requests.get(url).text', 'return url'],
      ['ts/depEdit.ts', ts, 'store = new Pool()', 'store = makeStore()'],
      ['ts/depEdit.ts', ts, 'return execSync(c);', 'return c;'],
    ];
    for (const [name, before, from, to] of cases) {
      const file = join(FIXTURES, name);
      const after = before.replace(from, to);
      assert.notDeepEqual(fresh.analyzeFile(file, before).findings, fresh.analyzeFile(file, after).findings, `${name}: ${from} → ${to} changes a finding`);
      const editor = await createEngine({ roots: [FIXTURES], incremental: true });
      for (const text of [before, after, before]) assert.deepEqual(editor.analyzeFile(file, text), fresh.analyzeFile(file, text), `${name}: ${from} → ${to}`);
    }
  });

  it('on a generated 400-line module per language, with helpers and tools of every framework', async function () {
    for (const lang of ['python', 'ts'] as const) {
      const file = join(FIXTURES, lang === 'python' ? 'python' : 'ts', lang === 'python' ? 'generated_edit.py' : 'generatedEdit.ts');
      const r = await replay(file, generateLargeFile(lang, 400, 7), 4);
      assert.ok(r.compared > 150 && r.broken > 20, `${lang}: ${r.compared} compared, ${r.broken} broken`);
    }
  });
});
