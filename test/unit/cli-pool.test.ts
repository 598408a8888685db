// The scan pool: outcomes in input order whatever the worker count, files that vanish after discovery,
// workers replaced after a crash.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { FileOutcome } from '../../server/src/scan/analyze';
import { analyzeFiles, defaultJobs } from '../../server/src/scan/pool';
import { ensureBuilt, tempDir, writeFiles } from './cli-helpers';

const TOOL_PY = ['import requests', 'from langchain_core.tools import tool', '', '@tool', 'def fetch(url: str) -> str:', '    """Fetch."""', '    return requests.get(url).text', ''].join('\n');

describe('scan pool', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, cleanup } = tempDir('ab-pool-')));
  afterEach(() => {
    delete process.env.AGENT_BOUNDARY_TEST_CRASH_ON;
    cleanup();
  });

  async function run(files: string[], jobs: number): Promise<FileOutcome[]> {
    const out: FileOutcome[] = [];
    await analyzeFiles(files, { jobs, config: {}, roots: [dir], maxFileSize: 1 << 20 }, (o) => out.push(o));
    return out;
  }

  it('delivers outcomes in input order, the same with and without workers; a vanished file is a stated skip', async () => {
    const names = ['a.py', 'b.py', 'c.py', 'd.py', 'e.py', 'f.py'];
    writeFiles(dir, Object.fromEntries(names.map((n, i) => [n, i % 2 ? 'x = 1\n' : TOOL_PY])));
    const files = [...names.map((n) => join(dir, n)), join(dir, 'gone.py')];
    const inProcess = await run(files, 1);
    const workers = await run(files, 3);
    assert.deepEqual(
      workers.map((o) => o.file),
      files,
    );
    assert.deepEqual(workers, inProcess);
    assert.ok(inProcess[0].findings.some((f) => f.ruleId === 'net/unscoped-request'));
    const gone = inProcess[6];
    assert.equal(gone.skip?.reason, 'vanished');
    assert.match(gone.skip?.detail ?? '', /ENOENT/);
  });

  it('replaces a worker that crashes and goes on with the other files', async () => {
    const names = ['a.py', 'crash1.py', 'b.py', 'crash2.py', 'c.py'];
    writeFiles(dir, Object.fromEntries(names.map((n) => [n, TOOL_PY])));
    process.env.AGENT_BOUNDARY_TEST_CRASH_ON = 'crash1.py';
    const out = await run(
      names.map((n) => join(dir, n)),
      2,
    );
    assert.deepEqual(
      out.map((o) => [o.file.slice(dir.length + 1), o.skip?.reason ?? o.findings.length > 0]),
      [
        ['a.py', true],
        ['crash1.py', 'analysis-failed'],
        ['b.py', true],
        ['crash2.py', true],
        ['c.py', true],
      ],
    );
  });

  it('runs small scans in-process by default and caps workers at the CPU count', () => {
    assert.equal(defaultJobs(10), 1);
    assert.equal(defaultJobs(1999), 1);
    assert.equal(defaultJobs(100_000), availableParallelism());
    assert.equal(defaultJobs(2000), Math.min(20, availableParallelism()));
  });
});
