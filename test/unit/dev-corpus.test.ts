// The development corpus in ../shared/bench/dev (outside the repository: a fresh clone skips this),
// scanned to SARIF by the CLI and scored by the corpus's own scorer.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const BENCH = join(REPO, '..', 'shared', 'bench');
const BIN = join(REPO, 'bin', 'agent-boundary.js');

describe('development corpus (../shared/bench/dev)', function () {
  this.timeout(120000);
  it('scores precision and recall of at least 0.97 with ../shared/bench/score.mjs', function () {
    if (!existsSync(join(BENCH, 'dev', 'labels.json')) || !existsSync(join(BENCH, 'score.mjs'))) {
      console.log(`      (skipped: ${BENCH} is absent; the development corpus is not part of the repository)`);
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'ab-dev-'));
    try {
      const sarif = join(dir, 'dev.sarif');
      execFileSync(process.execPath, [BIN, 'scan', join(BENCH, 'dev', 'cases'), '--format', 'sarif', '--output', sarif, '--fail-on', 'none']);
      const r = spawnSync(process.execPath, [join(BENCH, 'score.mjs'), '--labels', join(BENCH, 'dev', 'labels.json'), '--sarif', sarif, '--min-precision', '0.97', '--min-recall', '0.97'], { encoding: 'utf8' });
      console.log(`      ${r.stdout.trim().split('\n').pop()}`);
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
