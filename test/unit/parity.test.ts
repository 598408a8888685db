// Every rule id the engine emits has its catalog entry, its documentation page with every section,
// positive and negative fixture annotations, and (when fixable) a quick-fix test.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules, fillTemplate, formatMessage, loadCatalog, repoRoot, ruleDocPath } from '../../server/src/rules/catalog';
import { RULE_IDS } from '../../server/src/rules/types';
import { fileAnnotations, fixtureFiles } from './annotations';

const ROOT = repoRoot();
const DOC_SECTIONS = ['What it does', 'Why it matters', 'Example', 'Use instead', 'How the fix works', 'What counts as scoped', 'References'];
const PLACEHOLDERS = new Set(['tool', 'param', 'sink', 'detail']);

describe('rule parity', function () {
  it('the catalog holds exactly the ids in RULE_IDS', function () {
    assert.deepEqual(allRules().map((r) => r.id).sort(), [...RULE_IDS].sort());
  });

  it('messages use only known placeholders and stay short with the citation', function () {
    for (const r of allRules()) {
      for (const m of r.message.matchAll(/\{(\w+)\}/g)) assert.ok(PLACEHOLDERS.has(m[1]), `${r.id}: unknown placeholder {${m[1]}}`);
      const full = formatMessage(r.id, { tool: 'fetch_page', param: 'url', sink: 'requests.get', detail: 'network access' });
      assert.doesNotMatch(full, /\{\w+\}/, `${r.id}: unfilled placeholder`);
      assert.ok(full.length <= 360, `${r.id}: diagnostic is ${full.length} chars`);
      assert.ok(full.endsWith(' Not legal advice.'), r.id);
      assert.match(r.citation, /June 2, 2026/, `${r.id}: citation names the order's date`);
      assert.doesNotMatch(`${r.message} ${r.citation}`, /\billegal\b|\bviolat/i, `${r.id}: never call code illegal`);
    }
  });

  it('a message without a parameter drops its parenthesised group', function () {
    assert.equal(
      fillTemplate("Tool '{tool}' reads (parameter '{param}') via {sink}.", { tool: 't', sink: 'open' }),
      "Tool 't' reads via open.",
    );
  });

  const docsIndex = join(ROOT, 'docs', 'rules', 'README.md');
  for (const id of RULE_IDS) {
    it(`${id} has its documentation page with every section`, function () {
      const path = ruleDocPath(id);
      assert.ok(existsSync(path), `missing ${path}`);
      const text = readFileSync(path, 'utf8');
      const headings = [...text.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]);
      for (const s of DOC_SECTIONS) assert.ok(headings.includes(s), `${id}: doc lacks section '## ${s}' (has: ${headings.join(', ')})`);
      assert.match(text, new RegExp(`^# ${id.replace('/', '\\/')}\\b`, 'm'), `${id}: doc title`);
      for (const cwe of allRules().find((r) => r.id === id)!.cwe) assert.ok(text.includes(cwe), `${id}: doc cites ${cwe}`);
      assert.match(text, /not legal advice/i, `${id}: doc says it is not legal advice`);
      assert.match(text, /```python/, `${id}: Python example`);
      assert.match(text, /```(ts|typescript)/, `${id}: TypeScript example`);
    });
  }

  it('the rules index lists every rule', function () {
    const index = readFileSync(docsIndex, 'utf8');
    for (const id of RULE_IDS) assert.ok(index.includes(`${id.replace('/', '-')}.md`), `docs/rules/README.md lacks ${id}`);
  });

  const counts = new Map<string, { ruleid: number; ok: number }>(RULE_IDS.map((id) => [id, { ruleid: 0, ok: 0 }]));
  for (const file of fixtureFiles()) {
    for (const a of fileAnnotations(file)) {
      const c = counts.get(a.ruleId);
      if (c) c[a.kind]++;
    }
  }
  for (const id of RULE_IDS) {
    it(`${id} has positive and negative fixture annotations`, function () {
      const c = counts.get(id)!;
      assert.ok(c.ruleid >= 1, `${id}: no '# ruleid: ${id}' annotation under test/fixtures`);
      assert.ok(c.ok >= 1, `${id}: no '# ok: ${id}' annotation under test/fixtures`);
    });
  }

  // Fix builders and their tests are organised per category (`describe('exec', ...)`), so a rule counts
  // as tested when a fix test names its id or has a describe block for its category.
  const unitDir = __dirname;
  const fixTests = readdirSync(unitDir).filter((f) => /^fixes.*\.test\.ts$/.test(f));
  const fixText = fixTests.map((f) => readFileSync(join(unitDir, f), 'utf8')).join('\n');
  for (const r of allRules().filter((x) => x.fixable)) {
    if (!fixTests.length) {
      it.skip(`${r.id} has a quick-fix test — PENDING: test/unit/fixes*.test.ts does not exist yet`);
      continue;
    }
    it(`${r.id} has a quick-fix test in test/unit/fixes*.test.ts`, function () {
      const named = fixText.includes(r.id);
      const categoryBlock = new RegExp(`describe\\(\\s*['"\`]${r.category}\\b`).test(fixText);
      assert.ok(named || categoryBlock, `${r.id} is fixable but ${fixTests.join(', ')} neither names it nor has a describe('${r.category}') block`);
    });
  }
});

describe('rule catalog loading', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'ab-catalog-'));
    cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  function breakCatalog(edit: (yaml: string) => string): string {
    const p = join(dir, 'rules', 'catalog.yaml');
    writeFileSync(p, edit(readFileSync(p, 'utf8')));
    try {
      loadCatalog(dir);
    } catch (e) {
      return (e as Error).message;
    }
    assert.fail('a broken catalog loaded without error');
  }

  it('loads the shipped catalog', function () {
    assert.equal(loadCatalog(dir).length, RULE_IDS.length);
  });

  it('names the rule and key of a bad value', function () {
    const msg = breakCatalog((y) => y.replace('securitySeverity: "9.8"', 'securitySeverity: "high"'));
    assert.match(msg, /rule 'exec\/model-controlled-command', key 'securitySeverity'/);
  });

  it('names the rule of a missing key and an unknown key', function () {
    const msg = breakCatalog((y) => y.replace(/(id: fs\/unscoped-path\n)(\s+)category: fs\n/, '$1$2categ: fs\n'));
    assert.match(msg, /rule 'fs\/unscoped-path'.*category/);
    assert.match(msg, /'categ'/);
  });

  it('rejects a doc path that does not match the id', function () {
    const msg = breakCatalog((y) => y.replace('doc: docs/rules/sql-unscoped-query.md', 'doc: docs/rules/sql.md'));
    assert.match(msg, /rule 'sql\/unscoped-query', key 'doc'/);
  });
});
