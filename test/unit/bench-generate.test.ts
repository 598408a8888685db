// The benchmark corpus generator: deterministic, the size asked for, and code that parses.
// (Speed itself is measured by `npm run bench`, never asserted here.)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateLargeFile, generateTree } from '../../bench/generate';
import { grammarFor, initParsers, parse } from '../../server/src/parse/parser';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe('bench corpus generator', () => {
  let dir: string;
  before(async () => {
    await initParsers();
    dir = mkdtempSync(join(tmpdir(), 'ab-gen-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the number of files asked for, identical for the same seed', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const sa = generateTree(a, 300, 7, 'mixed');
    const sb = generateTree(b, 300, 7, 'mixed');
    assert.equal(sa.files, 300);
    assert.deepEqual(sa, sb);
    const fa = listFiles(a);
    assert.equal(fa.length, 300);
    for (const f of fa) assert.equal(readFileSync(f, 'utf8'), readFileSync(join(b, relative(a, f)), 'utf8'), relative(a, f));
    const c = join(dir, 'c');
    generateTree(c, 300, 8, 'mixed');
    assert.notEqual(readFileSync(listFiles(c)[5], 'utf8'), readFileSync(fa[5], 'utf8'));
  });

  it('makes files of 20 to 600 lines that parse without errors, mostly not tools', () => {
    const root = join(dir, 'mixed');
    generateTree(root, 400, 3, 'mixed');
    const files = listFiles(root);
    let tools = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n').length - 1;
      assert.ok(lines >= 20 && lines <= 600, `${relative(root, f)}: ${lines} lines`);
      const grammar = grammarFor(f);
      assert.ok(grammar, f);
      const tree = parse(grammar, text);
      assert.equal(tree.rootNode.hasError, false, `${relative(root, f)} has a syntax error`);
      tree.delete();
      if (/\/tools\//.test(f)) tools++;
    }
    assert.ok(files.some((f) => f.endsWith('.py')) && files.some((f) => f.endsWith('.ts')));
    assert.ok(tools > 0 && tools < files.length / 4, `${tools} tool files of ${files.length}`);
  });

  it('covers every framework of the benchmark across a tree', () => {
    const root = join(dir, 'frameworks');
    generateTree(root, 600, 5, 'mixed');
    const all = listFiles(root).map((f) => readFileSync(f, 'utf8')).join('\n');
    const markers = ['@tool\n', '@function_tool', '(BaseTool):', '@mcp.tool()', '@agent.tool', "from 'ai'", 'server.registerTool(', 'createTool({', "from '@langchain/core/tools'"];
    for (const m of markers) assert.ok(all.includes(m), `no ${JSON.stringify(m)} in the tree`);
  });

  it('makes the 2,000-line edit-benchmark files, valid in both languages', () => {
    for (const lang of ['python', 'ts'] as const) {
      const text = generateLargeFile(lang, 2000, 11);
      const lines = text.split('\n').length - 1;
      assert.ok(lines >= 1900 && lines <= 2100, `${lang}: ${lines} lines`);
      const tree = parse(lang === 'python' ? 'python' : 'typescript', text);
      assert.equal(tree.rootNode.hasError, false, `${lang} large file has a syntax error`);
      tree.delete();
      assert.equal(generateLargeFile(lang, 2000, 11), text);
    }
  });
});
