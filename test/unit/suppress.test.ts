import assert from 'node:assert/strict';
import { META_RULE_ID, applySuppressions, parseSuppressions, selectorMatches } from '../../server/src/rules/suppress';
import { makeFinding, span } from './cli-helpers';

const lines = (...l: string[]): string => l.join('\n');

describe('suppression comments', () => {
  it('parses Python and JS comments with selectors and reasons', () => {
    const text = lines(
      'x = 1  # agent-boundary: ignore[net] gateway enforces the allowlist',
      '// agent-boundary: ignore[net, fs/unscoped-path] fixed root',
      '/* agent-boundary: ignore[*] generated code */',
      '# agent-boundary: ignore[sql]',
    );
    const c = parseSuppressions(text);
    assert.deepEqual(
      c.map((x) => [x.line, x.selectors, x.reason, x.ownLine]),
      [
        [0, ['net'], 'gateway enforces the allowlist', false],
        [1, ['net', 'fs/unscoped-path'], 'fixed root', true],
        [2, ['*'], 'generated code', true],
        [3, ['sql'], '', true],
      ],
    );
  });

  it('matches *, a category and a rule id, not a different category or a partial word', () => {
    assert.ok(selectorMatches('*', 'net/unscoped-request'));
    assert.ok(selectorMatches('net', 'net/unscoped-request'));
    assert.ok(selectorMatches('net/unscoped-request', 'net/unscoped-request'));
    assert.ok(!selectorMatches('fs', 'net/unscoped-request'));
    assert.ok(!selectorMatches('ne', 'net/unscoped-request'));
    assert.ok(!selectorMatches('net/other', 'net/unscoped-request'));
  });

  it('silences a finding on the same line and records the reason', () => {
    const text = lines('def t(url):', '    return requests.get(url)  # agent-boundary: ignore[net] proxy enforces hosts');
    const [f] = applySuppressions([makeFinding({ line: 1 })], text);
    assert.deepEqual(f.suppressed, { reason: 'proxy enforces hosts', line: 1 });
  });

  it('silences a finding from a comment alone on the line above', () => {
    const text = lines('def t(url):', '    // agent-boundary: ignore[net/unscoped-request] internal service only', '    return fetch(url)');
    const [f] = applySuppressions([makeFinding({ line: 2 })], text);
    assert.equal(f.suppressed?.reason, 'internal service only');
  });

  it('does not reach two lines down, nor from a trailing comment to the next line', () => {
    const text = lines(
      '# agent-boundary: ignore[net] too far away',
      '',
      'requests.get(a)',
      'x = 1  # agent-boundary: ignore[net] covers only this line',
      'requests.get(b)',
    );
    const out = applySuppressions([makeFinding({ line: 2 }), makeFinding({ line: 4 })], text);
    assert.deepEqual(
      out.map((f) => f.suppressed),
      [undefined, undefined],
    );
  });

  it('covers a finding on the tool name from above the decorators', () => {
    const text = lines('# agent-boundary: ignore[audit] audited by the gateway', '@tool', 'def fetch_page(url):', '    return 1');
    const tool = { ...makeFinding().tool, span: span(1, 0, 3, 12), nameSpan: span(2, 4, 2, 14) };
    const onName = makeFinding({ ruleId: 'audit/no-audit-record', category: 'audit', line: 2, tool });
    onName.span = tool.nameSpan;
    const inBody = makeFinding({ ruleId: 'audit/no-audit-record', category: 'audit', line: 3, tool });
    const out = applySuppressions([onName, inBody], text);
    assert.deepEqual(
      out.map((f) => f.suppressed?.reason),
      ['audited by the gateway', undefined],
    );
  });

  it('does not silence a finding of another category', () => {
    const text = lines('# agent-boundary: ignore[fs] only files', 'requests.get(url)');
    const [f] = applySuppressions([makeFinding({ line: 1 })], text);
    assert.equal(f.suppressed, undefined);
  });

  it('without a reason does not silence, and adds a note at the comment', () => {
    const text = lines('def t(url):', '    return requests.get(url)  # agent-boundary: ignore[net]');
    const out = applySuppressions([makeFinding({ line: 1 })], text);
    assert.equal(out.length, 2);
    assert.equal(out[0].suppressed, undefined);
    const note = out[1];
    assert.equal(note.ruleId, META_RULE_ID);
    assert.equal(note.severity, 'note');
    assert.equal(note.span.start.line, 1);
    assert.equal(note.span.start.col, '    return requests.get(url)  '.length);
    assert.match(note.message, /no reason/);
    assert.match(note.message, /net\/unscoped-request/);
  });

  it('a comment without a reason that matches nothing adds nothing', () => {
    const text = lines('# agent-boundary: ignore[sql]', 'requests.get(url)');
    const out = applySuppressions([makeFinding({ line: 1 })], text);
    assert.deepEqual(
      out.map((f) => f.ruleId),
      ['net/unscoped-request'],
    );
  });

  it('is idempotent', () => {
    const text = lines('# agent-boundary: ignore[net]', 'requests.get(a)', 'requests.get(b)  # agent-boundary: ignore[*] vetted');
    const once = applySuppressions([makeFinding({ line: 1 }), makeFinding({ line: 2 })], text);
    const twice = applySuppressions(once, text);
    assert.deepEqual(twice, once);
    assert.equal(once.filter((f) => f.ruleId === META_RULE_ID).length, 1);
    assert.equal(once.filter((f) => f.suppressed).length, 1);
  });

  it('clears a suppression whose comment is gone', () => {
    const [f] = applySuppressions([makeFinding({ line: 0, suppressed: { reason: 'old', line: 0 } })], 'requests.get(url)');
    assert.equal(f.suppressed, undefined);
  });

  it('handles CRLF line endings', () => {
    const text = 'def t(url):\r\n    # agent-boundary: ignore[net] gateway\r\n    return requests.get(url)\r\n';
    const [f] = applySuppressions([makeFinding({ line: 2 })], text);
    assert.equal(f.suppressed?.reason, 'gateway');
  });
});
