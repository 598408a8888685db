// The built CLI end to end: options, exit codes, formats, bad input, parallel scanning and suppression.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import pkg from '../../package.json';
import { BIN, REPO, copyFixture, ensureBuilt, runCli, skipWithoutValidator, tempDir, validateSarif, writeFiles } from './cli-helpers';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  suppressed?: { reason: string; line: number };
}
interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  files: string[];
  findings: JsonFinding[];
  tools: unknown[];
  skipped: { file: string; reason: string; detail: string }[];
  decodedWithReplacement: string[];
  summary: { files: number; findings: Record<string, number>; suppressed: number; skipped: Record<string, number>; decodedWithReplacement: number };
}

function scanJson(args: string[], cwd?: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = runCli(['scan', ...args, '--format', 'json'], { cwd });
  assert.equal(r.stderr, '', 'no stderr output when stderr is not a terminal');
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const TOOL_PY = [
  'import requests',
  'from langchain_core.tools import tool',
  '',
  '',
  '@tool',
  'def fetch_page(url: str) -> str:',
  '    """Fetch a web page for the agent."""',
  '    return requests.get(url, timeout=10).text',
  '',
].join('\n');

describe('agent-boundary CLI', function () {
  let dir: string;
  let cleanup: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  describe('usage', () => {
    it('prints its version and help', () => {
      assert.deepEqual(runCli(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
      const help = runCli(['--help']);
      assert.equal(help.code, 0);
      for (const opt of ['--format', '--output', '--config', '--fail-on', '--jobs', '--no-progress', 'lsp --stdio']) assert.ok(help.stdout.includes(opt), opt);
      assert.equal(runCli(['scan', '--help']).code, 0);
    });

    it('exits 2 with a message on usage errors', () => {
      const cases: [string[], RegExp][] = [
        [[], /Usage/],
        [['frobnicate'], /unknown command 'frobnicate'/],
        [['scan', '--bogus'], /Unknown option '--bogus'/],
        [['scan', '--format', 'xml'], /--format must be one of text, json, sarif \(got 'xml'\)/],
        [['scan', '--fail-on', 'critical'], /--fail-on must be one of error, warning, note, none/],
        [['scan', '--jobs', '0'], /--jobs must be a positive integer/],
        [['scan', '--jobs', 'many'], /--jobs must be a positive integer/],
        [['scan', '--format'], /--format/],
        [['scan', 'test/fixtures/cli/does-not-exist'], /does-not-exist: no such file or directory/],
        [['lsp'], /lsp needs --stdio/],
      ];
      for (const [args, message] of cases) {
        const r = runCli(args);
        assert.equal(r.code, 2, `${args.join(' ')}: exit code`);
        assert.match(r.stdout + r.stderr, message, args.join(' '));
      }
    });

    it('exits 2 on a bad configuration, naming the bad key', () => {
      writeFiles(dir, { 'a.py': 'x = 1\n', 'agent-boundary.json': '{"rules": {"net/unscoped-request": "fatal"}}' });
      let r = runCli(['scan', dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /agent-boundary\.json: invalid configuration/);
      assert.match(r.stderr, /rules\.net\/unscoped-request: must be one of error, warning, note, off/);

      writeFiles(dir, { 'other.yaml': 'include: [src]\nexlude: [tests]\n' });
      r = runCli(['scan', dir, '--config', join(dir, 'other.yaml')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /exlude: unknown key/);

      r = runCli(['scan', dir, '--config', join(dir, 'missing.yaml')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /missing\.yaml: config file not found/);
    });
  });

  describe('terminal and language server', () => {
    it('shows progress on stderr only when it is a terminal, and clears it', function () {
      if (!existsSync('/usr/bin/script')) {
        console.log('      (skipped: util-linux `script` is needed to give the CLI a terminal)');
        this.skip();
      }
      writeFiles(dir, { 'a.py': 'x = 1\n', 'b.py': 'x = 2\n', 'c.ts': 'let x = 3;\n' });
      const run = (extra: string) =>
        execFileSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${BIN}" scan "${dir}" --output "${join(dir, 'r.txt')}" ${extra}`, '/dev/null'], { encoding: 'utf8' });
      const tty = run('');
      assert.match(tty, /\ragent-boundary: 3\/3 files\r\x1b\[K$/);
      assert.equal(run('--no-progress'), '');
      assert.equal(runCli(['scan', dir, '--output', join(dir, 'r.txt')]).stderr, '');
    });

    it('lsp --stdio starts the language server', async () => {
      const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      const send = (msg: object) => {
        const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      let out = '';
      const initialized = new Promise<void>((done) =>
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('"id":1')) done();
        }),
      );
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      await initialized;
      assert.match(out, /"capabilities"/);
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
      assert.equal(await exited, 0);
    });
  });

  describe('reports', () => {
    it('JSON: one object with files, findings, tools, skipped and a summary; nothing on stderr', () => {
      const { code, report } = scanJson(['test/fixtures/cli/project']);
      assert.equal(report.version, 1);
      assert.deepEqual(report.tool, { name: 'agent-boundary', version: pkg.version, informationUri: 'https://github.com/agent-boundary/agent-boundary' });
      assert.deepEqual(report.files, ['agent.py', 'fetch_cli.py', 'src/tools.ts']);
      assert.ok(Array.isArray(report.findings) && Array.isArray(report.tools) && Array.isArray(report.skipped));
      assert.equal(report.summary.files, 3);
      assert.deepEqual(
        (report.tools as { tool: { name: string; file: string } }[]).map((t) => [t.tool.file, t.tool.name]),
        [
          ['agent.py', 'fetch_page'],
          ['src/tools.ts', 'fetchPage'],
        ],
      );
      assert.deepEqual(
        report.findings.map((f) => [f.file, f.line, f.ruleId]),
        [
          ['agent.py', 6, 'audit/no-audit-record'],
          ['agent.py', 8, 'net/unscoped-request'],
          ['src/tools.ts', 4, 'audit/no-audit-record'],
          ['src/tools.ts', 8, 'net/unscoped-request'],
        ],
      );
      assert.deepEqual(report.summary.findings, { error: 2, warning: 2, note: 0 });
      assert.equal(code, 1);
    });

    it('text: a summary line; --output writes the file and leaves stdout empty', () => {
      const clean = runCli(['scan', 'test/fixtures/cli/clean']);
      assert.match(clean.stdout, /^1 file scanned: 0 errors, 0 warnings, 0 notes, 0 suppressed\.\n$/);
      assert.equal(clean.code, 0);
      for (const format of ['text', 'json', 'sarif']) {
        const out = join(dir, `report.${format}`);
        const r = runCli(['scan', 'test/fixtures/cli/clean', '--format', format, '--output', out]);
        assert.equal(r.stdout, '');
        assert.equal(r.code, 0);
        const expected = runCli(['scan', 'test/fixtures/cli/clean', '--format', format]).stdout;
        const strip = (s: string) => s.replace(/"(start|end)TimeUtc": "[^"]*"/g, '');
        assert.equal(strip(readFileSync(out, 'utf8')), strip(expected));
      }
      const bad = runCli(['scan', 'test/fixtures/cli/clean', '--output', join(dir, 'no/such/dir/x.txt')]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /cannot write --output/);
    });

    it('SARIF of a scan passes the Microsoft validator', function () {
      skipWithoutValidator(this);
      copyFixture('project', join(dir, 'project'));
      copyFixture('suppress', join(dir, 'suppress'));
      writeFiles(dir, { 'blob.py': Buffer.from([0x78, 0, 0x79]) });
      const out = join(dir, 'scan.sarif');
      runCli(['scan', dir, '--format', 'sarif', '--output', out]);
      const log = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
      assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT?.uri, `file://${dir}/`);
      assert.deepEqual(validateSarif(out).errors, []);
    });
  });

  describe('bad input', () => {
    it('skips binary, oversize, FIFO, dangling-link, looping and folder-named files, counted per reason, without hanging', () => {
      writeFiles(dir, {
        'ok.py': 'x = 1\n',
        'blob.py': Buffer.concat([Buffer.from('x = 1\n'), Buffer.from([0, 1, 2])]),
        'big.ts': `// ${'x'.repeat(300)}\n`,
        'empty.js': '',
        'dir.py/inner.py': 'y = 2\n',
        'real/a.py': 'z = 3\n',
        '.agent-boundary.yml': 'maxFileSize: 200\n',
      });
      symlinkSync(join(dir, 'missing.py'), join(dir, 'dangling.py'));
      symlinkSync(join(dir, 'real'), join(dir, 'real', 'loop'));
      execFileSync('mkfifo', [join(dir, 'pipe.py')]);
      const { code, report } = scanJson([dir]);
      assert.equal(code, 0);
      assert.deepEqual(report.files, ['dir.py/inner.py', 'empty.js', 'ok.py', 'real/a.py']);
      assert.deepEqual(
        report.skipped.map((s) => [s.file, s.reason]),
        [
          ['big.ts', 'too-large'],
          ['blob.py', 'binary'],
          ['dangling.py', 'unreadable'],
          ['pipe.py', 'not-a-file'],
          ['real/loop', 'symlink-loop'],
        ],
      );
      assert.deepEqual(report.summary.skipped, { 'too-large': 1, binary: 1, unreadable: 1, 'not-a-file': 1, 'symlink-loop': 1 });
      assert.match(report.skipped[0].detail, /over maxFileSize 200/);

      const text = runCli(['scan', '--jobs', '2'], { cwd: dir }).stdout;
      assert.match(text, /^4 files scanned: 0 errors, 0 warnings, 0 notes, 0 suppressed\.$/m);
      assert.match(text, /^Skipped 5 files: larger than maxFileSize 1, binary 1, unreadable 1, not a regular file 1, symlink loop or already scanned through another link 1\.$/m);
      assert.match(text, /^ {2}big\.ts: larger than maxFileSize \(\d+ bytes, over maxFileSize 200\)$/m);
    });

    it('counts files decoded with replacement and still analyses them', () => {
      writeFiles(dir, { 'latin1.py': Buffer.from('# caf\xe9\nx = 1\n', 'latin1'), 'ok.py': 'x = 1\n' });
      const { report } = scanJson([dir]);
      assert.deepEqual(report.files, ['latin1.py', 'ok.py']);
      assert.deepEqual(report.decodedWithReplacement, ['latin1.py']);
      assert.equal(report.summary.decodedWithReplacement, 1);
      assert.match(runCli(['scan'], { cwd: dir }).stdout, /Decoded with replacement \(invalid UTF-8, still analysed\): 1 file\.\n {2}latin1\.py/);
    });

    it('a worker that crashes on one file does not end the scan', () => {
      writeFiles(dir, { 'a.py': 'x = 1\n', 'b.py': 'x = 2\n', 'crash.py': 'x = 3\n', 'd.py': 'x = 4\n', 'e.py': 'x = 5\n' });
      const r = runCli(['scan', dir, '--format', 'json', '--jobs', '2'], { env: { AGENT_BOUNDARY_TEST_CRASH_ON: 'crash.py' } });
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(r.code, 0);
      assert.deepEqual(report.files, ['a.py', 'b.py', 'd.py', 'e.py']);
      assert.deepEqual(
        report.skipped.map((s) => [s.file, s.reason]),
        [['crash.py', 'analysis-failed']],
      );
      assert.match(report.skipped[0].detail, /worker crashed: test crash on/);
    });

    it('analyses a file named on the command line even when ignored; rejects a file that is not source code', () => {
      writeFiles(dir, { '.gitignore': 'ignored.py\n', 'ignored.py': 'x = 1\n', 'notes.txt': 'hello\n' });
      const { report } = scanJson([join(dir, 'ignored.py')]);
      assert.deepEqual(report.files, ['ignored.py']);
      const r = runCli(['scan', join(dir, 'notes.txt')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /notes\.txt: not a Python, TypeScript or JavaScript file/);
    });

    it('respects .gitignore and the default excludes', () => {
      writeFiles(dir, {
        '.gitignore': 'generated/\n',
        'generated/tool.py': TOOL_PY,
        'node_modules/pkg/tool.py': TOOL_PY,
        '.venv/lib/tool.py': TOOL_PY,
        'dist/tool.js': 'x',
        'src/app.py': 'x = 1\n',
      });
      const { code, report } = scanJson([dir]);
      assert.deepEqual(report.files, ['src/app.py']);
      assert.deepEqual(report.findings, []);
      assert.equal(code, 0);
    });
  });

  describe('determinism', () => {
    it('prints the same report with --jobs 1 and --jobs 2', () => {
      const targets = ['test/fixtures/cli', ...(existsSync(join(REPO, '..', 'shared', 'bench', 'dev', 'cases')) ? ['../shared/bench/dev/cases'] : [])];
      for (const target of targets) {
        for (const format of ['text', 'json']) {
          const one = runCli(['scan', target, '--format', format, '--jobs', '1']);
          const two = runCli(['scan', target, '--format', format, '--jobs', '2']);
          assert.equal(two.stdout, one.stdout, `${target} ${format}`);
          assert.equal(two.code, one.code);
        }
        const strip = (s: string) => s.replace(/"(start|end)TimeUtc": "[^"]*"/g, '');
        assert.equal(strip(runCli(['scan', target, '--format', 'sarif', '--jobs', '2']).stdout), strip(runCli(['scan', target, '--format', 'sarif', '--jobs', '1']).stdout));
      }
    });
  });

  describe('findings, --fail-on and suppression', () => {
    it('reports a LangChain tool requesting a model-chosen URL, and nothing in the CLI script', () => {
      const r = runCli(['scan', 'test/fixtures/cli/project']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^test\/fixtures\/cli\/project\/agent\.py:8:\d+ {2}error {2}net\/unscoped-request {2}Tool 'fetch_page' .*url/m);
      assert.match(r.stdout, /^test\/fixtures\/cli\/project\/agent\.py:[5-6]:\d+ {2}warning {2}audit\/no-audit-record {2}.*fetch_page/m);
      assert.match(r.stdout, /^test\/fixtures\/cli\/project\/src\/tools\.ts:8:\d+ {2}error {2}net\/unscoped-request {2}/m);
      assert.doesNotMatch(r.stdout, /fetch_cli\.py/);
      assert.match(r.stdout, /^3 files scanned: 2 errors, 2 warnings, 0 notes, 0 suppressed\.$/m);
    });

    it('--fail-on sets the lowest severity that fails; config severities and off apply', () => {
      writeFiles(dir, { 'tool.py': TOOL_PY });
      assert.equal(runCli(['scan', dir]).code, 1);
      assert.equal(runCli(['scan', dir, '--fail-on', 'error']).code, 1);
      assert.equal(runCli(['scan', dir, '--fail-on', 'none']).code, 0);
      writeFiles(dir, { 'agent-boundary.json': JSON.stringify({ rules: { net: 'note', 'audit/no-audit-record': 'off' } }) });
      const { code, report } = scanJson([dir]);
      assert.equal(code, 0);
      assert.deepEqual(
        report.findings.map((f) => [f.ruleId, f.severity, f.line]),
        [['net/unscoped-request', 'note', 8]],
      );
      assert.equal(runCli(['scan', dir, '--fail-on', 'note']).code, 1);
    });

    it('an inline suppression with a reason silences; one without a reason does not, and says so', () => {
      const { code, report } = scanJson(['test/fixtures/cli/suppress']);
      const net = report.findings.filter((f) => f.ruleId === 'net/unscoped-request');
      assert.deepEqual(
        net.map((f) => [f.line, f.suppressed?.reason]),
        [
          [14, 'the egress gateway in front of this service enforces the host allowlist'],
          [21, undefined],
        ],
      );
      const meta = report.findings.filter((f) => f.ruleId === 'meta/suppression-without-reason');
      assert.deepEqual(
        meta.map((f) => [f.line, f.severity]),
        [[21, 'note']],
      );
      assert.equal(report.summary.suppressed, 1);
      assert.equal(code, 1);
      const text = runCli(['scan', 'test/fixtures/cli/suppress']).stdout;
      assert.doesNotMatch(text, /agent\.py:14:/);
      assert.match(text, /agent\.py:21:\d+ {2}note {2}meta\/suppression-without-reason {2}This suppression has no reason/);
      assert.match(text, /1 suppressed\./);
    });

    it('suppressed findings never count toward the exit code', () => {
      writeFiles(dir, { 'tool.py': TOOL_PY.replace('@tool', '# agent-boundary: ignore[*] internal sandbox without network egress\n@tool').replace('    return requests', '    # agent-boundary: ignore[net] sandboxed\n    return requests') });
      const { code, report } = scanJson([dir]);
      assert.ok(report.findings.length > 0, 'the findings are still reported, as suppressed');
      assert.ok(report.findings.every((f) => f.suppressed));
      assert.equal(code, 0);
    });

    it('analyses BOM, CRLF and non-UTF-8 files with the right line numbers', () => {
      writeFiles(dir, {
        'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TOOL_PY)]),
        'crlf.py': TOOL_PY.replace(/\n/g, '\r\n'),
        'latin1.py': Buffer.concat([Buffer.from('# r\xe9sum\xe9 fetcher\n', 'latin1'), Buffer.from(TOOL_PY)]),
      });
      const { report } = scanJson([dir]);
      const net = report.findings.filter((f) => f.ruleId === 'net/unscoped-request').map((f) => [f.file, f.line]);
      assert.deepEqual(net, [
        ['bom.py', 8],
        ['crlf.py', 8],
        ['latin1.py', 9],
      ]);
      assert.deepEqual(report.decodedWithReplacement, ['latin1.py']);
    });

    it('SARIF partialFingerprints survive unrelated edits and tell findings apart', () => {
      const fingerprints = (): [string, number, string][] => {
        const log = JSON.parse(runCli(['scan', dir, '--format', 'sarif']).stdout) as Sarif.Log;
        return (log.runs[0].results ?? []).map((r) => [r.ruleId ?? '', r.locations?.[0].physicalLocation?.region?.startLine ?? 0, r.partialFingerprints?.['agentBoundary/v1'] ?? '']);
      };
      writeFiles(dir, { 'tool.py': TOOL_PY });
      const before = fingerprints();
      assert.equal(before.length, 2);
      assert.notEqual(before[0][2], before[1][2]);
      assert.ok(before.every(([, , fp]) => fp.length > 0));
      writeFiles(dir, { 'tool.py': `"""Fetch helpers."""\nimport os\n\nTIMEOUT = 10\n\n${TOOL_PY}` });
      const after = fingerprints();
      assert.deepEqual(
        after.map(([id, line]) => [id, line]),
        before.map(([id, line]) => [id, line + 5]),
      );
      assert.deepEqual(
        after.map(([, , fp]) => fp),
        before.map(([, , fp]) => fp),
      );
    });

    it('scans the dev corpus: findings, exit 1, valid SARIF', function () {
      const cases = join(REPO, '..', 'shared', 'bench', 'dev', 'cases');
      if (!existsSync(cases)) {
        console.log(`      (skipped: ${cases} is absent; the dev corpus lives in ../shared outside the repository)`);
        this.skip();
      }
      const r = runCli(['scan', cases]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /net\/unscoped-request/);
      skipWithoutValidator(this);
      const out = join(dir, 'dev.sarif');
      execFileSync(process.execPath, [BIN, 'scan', cases, '--format', 'sarif', '--output', out, '--fail-on', 'none']);
      assert.deepEqual(validateSarif(out).errors, []);
    });
  });
});
