// The SARIF reporter: structure checked field by field, and the whole log checked by Microsoft's validator.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, formatSarif, ruleName } from '../../server/src/report/sarif';
import { allRules } from '../../server/src/rules/catalog';
import { META_RULE_ID, applySuppressions } from '../../server/src/rules/suppress';
import type { ScanReport } from '../../server/src/scan/scan';
import { REPO, makeFinding, skipWithoutValidator, span, tempDir, validateSarif } from './cli-helpers';

const TOOL = { name: 'agent-boundary', version: '0.1.0', informationUri: 'https://github.com/agent-boundary/agent-boundary' };

const ROOT = '/work/project';

function sampleReport(): ScanReport {
  const file = `${ROOT}/agents/web tools.py`;
  const text = [
    'from langchain_core.tools import tool',
    '@tool',
    'def fetch_page(url: str) -> str:',
    '    return _download(url)',
    '@tool',
    'def fetch_ok(url: str) -> str:',
    '    # agent-boundary: ignore[net] the egress proxy enforces the allowlist',
    '    return requests.get(url).text',
    '    return requests.post(url)  # agent-boundary: ignore[net]',
  ].join('\n');
  const helper = `${ROOT}/agents/net.py`;
  const net = makeFinding({
    file,
    line: 3,
    fingerprint: 'a1b2c3',
    flow: [
      { file, span: span(2, 15, 2, 18), message: "parameter 'url'" },
      { file, span: span(3, 11, 3, 25), message: 'passed to _download()' },
      { file: helper, span: span(9, 11, 9, 29), message: 'reaches requests.get()' },
    ],
  });
  const audit = makeFinding({ file, line: 2, ruleId: 'audit/no-audit-record', category: 'audit', severity: 'warning', fingerprint: 'd4e5f6', param: undefined, sink: undefined });
  const suppressed = makeFinding({ file, line: 7, fingerprint: '0a0b0c' });
  const reasonless = makeFinding({ file, line: 8, fingerprint: '0d0e0f' });
  const findings = applySuppressions([net, audit, suppressed, reasonless], text);
  return {
    root: ROOT,
    files: [file, helper],
    findings,
    tools: [],
    skipped: [
      { file: `${ROOT}/big.py`, reason: 'too-large', detail: '2000000 bytes, over maxFileSize 1048576' },
      { file: `${ROOT}/blob.js`, reason: 'binary', detail: 'NUL byte in the first 8 KiB' },
    ],
    replaced: [`${ROOT}/latin1.py`],
    withSyntaxErrors: [],
    startTime: new Date('2026-11-26T05:00:00Z'),
    endTime: new Date('2026-11-26T05:00:01Z'),
  };
}

describe('SARIF report', () => {
  const log = JSON.parse(formatSarif(sampleReport(), TOOL, ROOT)) as Sarif.Log;
  const run = log.runs[0];
  const rules = run.tool.driver.rules ?? [];

  it('is SARIF 2.1.0 with SRCROOT as a file URI ending in /', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-schema-2\.1\.0\.json$/);
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///work/project/' } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('describes every catalog rule with help, CWE tags and a security severity', () => {
    assert.equal(run.tool.driver.name, 'agent-boundary');
    assert.equal(run.tool.driver.version, '0.1.0');
    for (const meta of allRules()) {
      const d = rules.find((r) => r.id === meta.id);
      assert.ok(d, `rules[] lacks ${meta.id}`);
      assert.equal(d.name, ruleName(meta.id));
      assert.equal(d.shortDescription?.text, meta.title);
      assert.ok(d.fullDescription?.text);
      assert.equal(d.helpUri, meta.helpUri);
      assert.equal(d.defaultConfiguration?.level, meta.defaultSeverity);
      const tags = d.properties?.tags ?? [];
      assert.ok(tags.includes('security'));
      for (const cwe of meta.cwe) assert.ok(tags.includes(`external/cwe/${cwe.toLowerCase()}`), `${meta.id} lacks the ${cwe} tag`);
      assert.equal(d.properties?.['security-severity'], meta.securitySeverity);
      assert.ok(d.properties?.precision);
      if (existsSync(join(REPO, meta.doc))) assert.equal(d.help?.markdown, readFileSync(join(REPO, meta.doc), 'utf8'));
    }
    assert.equal(ruleName('net/unscoped-request'), 'NetUnscopedRequest');
  });

  it('locates results relative to SRCROOT with 1-based regions and a valid ruleIndex', () => {
    const net = run.results?.find((r) => r.ruleId === 'net/unscoped-request' && !r.suppressions);
    assert.ok(net);
    assert.equal(rules[net.ruleIndex ?? -1].id, 'net/unscoped-request');
    assert.equal(net.level, 'error');
    const loc = net.locations?.[0].physicalLocation;
    assert.equal(loc?.artifactLocation?.uri, 'agents/web%20tools.py');
    assert.equal(loc?.artifactLocation?.uriBaseId, 'SRCROOT');
    assert.deepEqual(loc?.region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 21 });
    assert.equal(run.artifacts?.[loc?.artifactLocation?.index ?? -1].location?.uri, 'agents/web%20tools.py');
    assert.deepEqual(net.partialFingerprints, { [FINGERPRINT_KEY]: 'a1b2c3' });
  });

  it('carries the flow as relatedLocations and one thread flow', () => {
    const net = run.results?.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === 'a1b2c3');
    assert.deepEqual(
      net?.relatedLocations?.map((l) => [l.id, l.physicalLocation?.artifactLocation?.uri, l.physicalLocation?.region?.startLine, l.message?.text]),
      [
        [1, 'agents/web%20tools.py', 3, "parameter 'url'"],
        [2, 'agents/web%20tools.py', 4, 'passed to _download()'],
        [3, 'agents/net.py', 10, 'reaches requests.get()'],
      ],
    );
    const steps = net?.codeFlows?.[0].threadFlows[0].locations ?? [];
    assert.deepEqual(
      steps.map((s) => s.location?.message?.text),
      ["parameter 'url'", 'passed to _download()', 'reaches requests.get()'],
    );
  });

  it('marks in-source suppressions with their justification, and notes a suppression without a reason', () => {
    const sup = run.results?.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === '0a0b0c');
    assert.deepEqual(sup?.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'the egress proxy enforces the allowlist' }]);
    const unsilenced = run.results?.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === '0d0e0f');
    assert.equal(unsilenced?.suppressions, undefined);
    const note = run.results?.find((r) => r.ruleId === META_RULE_ID);
    assert.equal(note?.level, 'note');
    assert.equal(note?.locations?.[0].physicalLocation?.region?.startLine, 9);
    assert.ok(rules.some((r) => r.id === META_RULE_ID));
  });

  it('reports skipped and re-decoded files as tool execution notifications', () => {
    const inv = run.invocations?.[0];
    assert.equal(inv?.executionSuccessful, true);
    assert.deepEqual(
      inv?.toolExecutionNotifications?.map((n) => [n.descriptor?.id, n.level, n.locations?.[0].physicalLocation?.artifactLocation?.uri]),
      [
        ['skipped/too-large', 'warning', 'big.py'],
        ['skipped/binary', 'warning', 'blob.js'],
        ['decoded-with-replacement', 'note', 'latin1.py'],
      ],
    );
    assert.match(inv?.toolExecutionNotifications?.[0].message.text ?? '', /larger than maxFileSize/);
  });

  it('uses an absolute file URI for a file outside SRCROOT', () => {
    const r = sampleReport();
    r.findings = [makeFinding({ file: '/elsewhere/x.py' })];
    const out = JSON.parse(formatSarif(r, TOOL, ROOT)) as Sarif.Log;
    const loc = out.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation;
    assert.equal(loc?.uri, pathToFileURL('/elsewhere/x.py').href);
    assert.equal(loc?.uriBaseId, undefined);
  });

  it('passes the Microsoft SARIF validator with no errors', function () {
    skipWithoutValidator(this);
    const { dir, cleanup } = tempDir('ab-sarif-');
    try {
      const file = join(dir, 'sample.sarif');
      writeFileSync(file, formatSarif(sampleReport(), TOOL, ROOT));
      const { errors } = validateSarif(file);
      assert.deepEqual(errors, []);
    } finally {
      cleanup();
    }
  });

  it('the validator helper does report errors (a broken log fails)', function () {
    skipWithoutValidator(this);
    const { dir, cleanup } = tempDir('ab-sarif-');
    try {
      const broken = JSON.parse(formatSarif(sampleReport(), TOOL, ROOT)) as Sarif.Log;
      const loc = broken.runs[0].results?.[0].locations?.[0].physicalLocation;
      if (loc?.region) loc.region.startLine = 0;
      const file = join(dir, 'broken.sarif');
      writeFileSync(file, JSON.stringify(broken));
      assert.ok(validateSarif(file).errors.length > 0);
    } finally {
      cleanup();
    }
  });
});
