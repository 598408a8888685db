// The language server's pure parts: the scheduler's coalescing, settings and their merge with the
// project config, and the CodeLens summary.
import assert from 'node:assert/strict';
import type { ToolSummary } from '../../server/src/model/findings';
import { Scheduler } from '../../server/src/lsp/scheduler';
import { DEFAULT_SETTINGS, mergeConfig, normalizeSettings } from '../../server/src/lsp/settings';
import { lensTitle } from '../../server/src/lsp/tools';
import { uriToPath } from '../../server/src/lsp/uri';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('LSP scheduler', function () {
  it('folds requests made before a run starts into one run', async function () {
    let runs = 0;
    const s = new Scheduler(async () => {
      runs++;
    });
    for (let i = 0; i < 50; i++) s.request('a');
    await s.settled('a');
    assert.equal(runs, 1);
  });

  it('keeps postponing while requests keep arriving one per event-loop turn, then runs once', async function () {
    let runs = 0;
    const s = new Scheduler(async () => {
      runs++;
    });
    for (let i = 0; i < 20; i++) {
      s.request('a');
      await turn();
    }
    await s.settled('a');
    assert.equal(runs, 1);
  });

  it('runs once more after requests that arrive while a run is in flight', async function () {
    const seen: number[] = [];
    let state = 0;
    let release!: () => void;
    const s = new Scheduler(async () => {
      seen.push(state);
      if (seen.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    s.request('a');
    while (seen.length === 0) await turn();
    for (state = 1; state <= 10; state++) s.request('a');
    state = 10;
    release();
    await s.settled('a');
    assert.deepEqual(seen, [0, 10], 'one follow-up run, and it sees the latest state');
  });

  it('reports idle only when no key has a pending or running analysis', async function () {
    let release!: () => void;
    const done: string[] = [];
    const s = new Scheduler(async (key) => {
      if (key === 'slow') await new Promise<void>((resolve) => (release = resolve));
      done.push(key);
    });
    s.request('fast');
    s.request('slow');
    let idle = false;
    const waiting = s.idle().then(() => (idle = true));
    while (!release) await turn();
    await turn();
    assert.equal(idle, false, 'a run is still in flight');
    release();
    await waiting;
    assert.deepEqual(done.sort(), ['fast', 'slow']);
  });

  it('keeps documents apart and survives a failing run', async function () {
    const runs: string[] = [];
    const s = new Scheduler(async (key) => {
      runs.push(key);
      if (key === 'bad') throw new Error('boom');
    });
    s.request('bad');
    s.request('good');
    await Promise.all([s.settled('bad'), s.settled('good')]);
    assert.deepEqual(runs.sort(), ['bad', 'good']);
    s.request('bad');
    await s.settled('bad');
    assert.equal(runs.length, 3);
    assert.equal(s.pending('bad'), false);
  });
});

describe('LSP settings', function () {
  it('normalises what the client sends, dropping values of the wrong type', function () {
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    const s = normalizeSettings({ enable: 'yes', rules: { net: 'off', fs: 'loud', audit: 'note' }, allowedHosts: ['a.example.com', 3, ''], maxFileSize: -1, scanOnStartup: true });
    assert.equal(s.enable, true);
    assert.deepEqual(s.rules, { net: 'off', audit: 'note' });
    assert.deepEqual(s.allowedHosts, ['a.example.com']);
    assert.equal(s.maxFileSize, undefined);
    assert.equal(s.scanOnStartup, true);
  });

  it('merges settings over the project file; an untrusted workspace keeps neither the file nor custom names', function () {
    const settings = normalizeSettings({ rules: { net: 'warning' }, guards: ['my_guard'], allowedHosts: ['b.example.com'], maxFileSize: 10 });
    const file = { rules: { net: 'off' as const, fs: 'note' as const }, guards: ['team_guard'], loggers: ['audit_event'], allowedHosts: ['a.example.com'], exclude: ['gen/**'] };
    assert.deepEqual(mergeConfig(settings, file, true), {
      exclude: ['gen/**'],
      allowedHosts: ['a.example.com', 'b.example.com'],
      guards: ['team_guard', 'my_guard'],
      loggers: ['audit_event'],
      rules: { net: 'warning', fs: 'note' },
      maxFileSize: 10,
    });
    assert.deepEqual(mergeConfig(settings, file, false), { allowedHosts: ['b.example.com'], rules: { net: 'warning' }, maxFileSize: 10 });
  });
});

describe('LSP views', function () {
  it('summarises a tool for its CodeLens', function () {
    const tool = { name: 't', framework: 'langchain', file: '/x.py', span: span(), nameSpan: span(), bodySpan: span() };
    const t: ToolSummary = { tool, capabilities: { net: 'unscoped', sql: 'scoped' }, audit: 'missing', approval: 'n/a' };
    assert.equal(lensTitle(t), 'network: unscoped · files: — · database: scoped · audit: missing');
    assert.equal(lensTitle({ ...t, capabilities: { txn: 'unscoped' }, approval: 'missing', audit: 'present' }), 'network: — · files: — · transactions: unscoped · approval: missing · audit: present');
  });

  it('gives unsaved buffers a path whose extension selects the front-end', function () {
    assert.equal(uriToPath('untitled:Untitled-1', 'python'), '/untitled:/Untitled-1.py');
    assert.equal(uriToPath('untitled:Untitled-2', 'typescriptreact'), '/untitled:/Untitled-2.tsx');
    assert.equal(uriToPath('file:///tmp/a%20b.py'), '/tmp/a b.py');
  });
});

function span() {
  return { start: { line: 0, col: 0 }, end: { line: 0, col: 1 } };
}
