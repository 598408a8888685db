import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, applyRuleConfig, findConfigFile, loadConfig, parseConfig, ruleSetting } from '../../server/src/config/load';
import { makeFinding, tempDir } from './cli-helpers';

function problem(text: string, file = 'agent-boundary.json'): string {
  try {
    parseConfig(text, file);
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return e.message;
  }
  assert.fail('expected a ConfigError');
}

describe('project configuration', () => {
  it('accepts every documented key in JSON and YAML', () => {
    const json = {
      include: ['src/**'],
      exclude: ['**/generated/**'],
      allowedHosts: ['api.example.com', '*.example.org'],
      guards: ['check_url'],
      loggers: ['audit_log'],
      approvals: ['ask_human'],
      rules: { 'net/unscoped-request': 'warning', audit: 'off' },
      maxFileSize: 2048,
    };
    assert.deepEqual(parseConfig(JSON.stringify(json), 'agent-boundary.json'), json);
    const yaml = 'include: [src/**]\nrules:\n  net/unscoped-request: warning\n  audit: "off"\nmaxFileSize: 2048\n';
    assert.deepEqual(parseConfig(yaml, '.agent-boundary.yaml'), { include: ['src/**'], rules: { 'net/unscoped-request': 'warning', audit: 'off' }, maxFileSize: 2048 });
  });

  it('treats an empty YAML file as an empty config', () => {
    assert.deepEqual(parseConfig('', 'agent-boundary.yml'), {});
  });

  it('names the rule whose severity is wrong', () => {
    const msg = problem('{"rules": {"net/unscoped-request": "fatal"}}');
    assert.match(msg, /rules\.net\/unscoped-request: must be one of error, warning, note, off/);
    assert.match(msg, /agent-boundary\.json/);
  });

  it('names an unknown top-level key', () => {
    assert.match(problem('{"excludes": ["x"]}'), /excludes: unknown key/);
  });

  it('names a key of the wrong type, with its index inside arrays', () => {
    assert.match(problem('{"include": "src/**"}'), /include: must be an array/);
    assert.match(problem('{"allowedHosts": ["ok", 3]}'), /allowedHosts\[1\]: must be a string/);
    assert.match(problem('maxFileSize: big\n', 'agent-boundary.yaml'), /maxFileSize: must be an integer/);
  });

  it('names an unknown rule id or category', () => {
    assert.match(problem('{"rules": {"nett": "off"}}'), /rules\.nett: unknown rule id or category/);
    assert.match(problem('{"rules": {"net/typo": "off"}}'), /rules\.net\/typo: unknown rule id or category/);
  });

  it('reports malformed JSON and YAML with the file name', () => {
    assert.match(problem('{"rules": ', 'cfg/agent-boundary.json'), /cfg\/agent-boundary\.json: not valid JSON/);
    assert.match(problem('rules: [a\n', 'x.yaml'), /x\.yaml: not valid YAML/);
  });

  it('finds the config at the scan root, else above it up to the repository root', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
      mkdirSync(join(dir, 'repo', 'pkg', 'src'), { recursive: true });
      writeFileSync(join(dir, 'agent-boundary.json'), '{}'); // outside the repository: never used
      assert.equal(findConfigFile(join(dir, 'repo', 'pkg', 'src')), undefined);
      writeFileSync(join(dir, 'repo', '.agent-boundary.yaml'), 'rules: {audit: "off"}\n');
      assert.equal(findConfigFile(join(dir, 'repo', 'pkg', 'src')), join(dir, 'repo', '.agent-boundary.yaml'));
      writeFileSync(join(dir, 'repo', 'pkg', 'agent-boundary.json'), '{"rules": {"net": "note"}}');
      const loaded = loadConfig(join(dir, 'repo', 'pkg'));
      assert.equal(loaded.file, join(dir, 'repo', 'pkg', 'agent-boundary.json'));
      assert.deepEqual(loaded.config, { rules: { net: 'note' } });
      assert.throws(() => loadConfig(dir, join(dir, 'missing.json')), /config file not found/);
    } finally {
      cleanup();
    }
  });
});

describe('rule settings', () => {
  it('prefers the rule id over its category', () => {
    const rules = { net: 'note', 'net/unscoped-request': 'error' } as const;
    assert.equal(ruleSetting('net/unscoped-request', rules), 'error');
    assert.equal(ruleSetting('net/other', rules), 'note');
    assert.equal(ruleSetting('fs/unscoped-path', rules), undefined);
  });

  it('drops findings turned off and re-levels the others; idempotent', () => {
    const findings = [
      makeFinding({ ruleId: 'net/unscoped-request', line: 1 }),
      makeFinding({ ruleId: 'audit/no-audit-record', category: 'audit', line: 2, severity: 'warning' }),
      makeFinding({ ruleId: 'fs/unscoped-path', category: 'fs', line: 3 }),
    ];
    const config = { rules: { audit: 'off', 'net/unscoped-request': 'note' } } as const;
    const once = applyRuleConfig(findings, config);
    assert.deepEqual(
      once.map((f) => [f.ruleId, f.severity]),
      [
        ['net/unscoped-request', 'note'],
        ['fs/unscoped-path', 'error'],
      ],
    );
    assert.deepEqual(applyRuleConfig(once, config), once);
    assert.equal(applyRuleConfig(findings, {}), findings);
  });
});
