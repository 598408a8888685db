// File discovery and safe reading: what a scan walks into, what it skips, and why.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSource } from '../../server/src/scan/read';
import { PathError, discoverFiles } from '../../server/src/scan/walk';
import type { ProjectConfig } from '../../server/src/config/types';
import { tempDir, writeFiles } from './cli-helpers';

describe('file discovery', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('ab-walk-')));
  afterEach(() => cleanup());

  const walk = (config: ProjectConfig = {}, paths = ['.']) => {
    const r = discoverFiles(paths, dir, { config, globBase: dir });
    return { files: r.files.map((f) => relative(dir, f)), skipped: r.skipped.map((s) => [relative(dir, s.file), s.reason]) };
  };

  it('finds every supported extension, sorted, and nothing else', () => {
    const exts = ['py', 'pyi', 'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
    writeFiles(dir, Object.fromEntries([...exts.map((e) => [`b/a.${e}`, '']), ['a/readme.md', ''], ['a/data.json', '{}'], ['a/x.PY', '']]));
    assert.deepEqual(walk().files, ['a/x.PY', ...exts.map((e) => `b/a.${e}`).sort()]);
  });

  it('skips dependencies, virtualenvs, VCS folders, build output and caches', () => {
    const skippedDirs = ['node_modules/p', '.git', '.venv', 'venv', 'lib/python3.12/site-packages/p', '__pycache__', 'dist', 'build', 'out', '.next', '.tox', '.mypy_cache', '.pytest_cache', 'coverage'];
    writeFiles(dir, Object.fromEntries([...skippedDirs.map((d) => [`${d}/m.py`, '']), ['env/pyvenv.cfg', 'home = /usr'], ['env/lib/m.py', ''], ['myenv/bin/x.py', ''], ['src/ok.py', '']]));
    assert.deepEqual(walk().files, ['myenv/bin/x.py', 'src/ok.py']);
  });

  it('walks a default-excluded folder when it is the path given', () => {
    writeFiles(dir, { 'build/gen.py': '' });
    assert.deepEqual(walk({}, ['build']).files, ['build/gen.py']);
  });

  it('respects nested .gitignore files, negation included, and the repository .gitignore above the scan path', () => {
    mkdirSync(join(dir, '.git'));
    writeFiles(dir, {
      '.gitignore': 'secret_*.py\n*.gen.ts\n',
      'pkg/.gitignore': 'local/\n!secret_ok.py\n',
      'pkg/a.py': '',
      'pkg/secret_x.py': '',
      'pkg/secret_ok.py': '',
      'pkg/local/b.py': '',
      'pkg/sub/c.gen.ts': '',
      'pkg/sub/c.ts': '',
    });
    assert.deepEqual(walk().files, ['pkg/a.py', 'pkg/secret_ok.py', 'pkg/sub/c.ts']);
    // Scanning only pkg/ still applies the repository's root .gitignore.
    assert.deepEqual(walk({}, ['pkg/sub']).files, ['pkg/sub/c.ts']);
    // ...unless that .gitignore ignores the very folder given.
    assert.deepEqual(walk({}, ['pkg/local']).files, ['pkg/local/b.py']);
  });

  it('applies include and exclude globs relative to the base folder', () => {
    writeFiles(dir, { 'src/a.py': '', 'src/a.test.ts': '', 'src/gen/b.py': '', 'scripts/c.py': '', 'd.py': '' });
    assert.deepEqual(walk({ include: ['src/**'] }).files, ['src/a.py', 'src/a.test.ts', 'src/gen/b.py']);
    assert.deepEqual(walk({ exclude: ['src/gen/**', '*.test.ts'] }).files, ['d.py', 'scripts/c.py', 'src/a.py']);
    assert.deepEqual(walk({ include: ['**/*.py'], exclude: ['scripts'] }).files, ['d.py', 'src/a.py', 'src/gen/b.py']);
  });

  it('follows a symlinked folder once and ends a symlink loop', () => {
    writeFiles(dir, { 'real/a.py': '', 'other/b.py': '' });
    symlinkSync(join(dir, 'real'), join(dir, 'real', 'loop'));
    symlinkSync(join(dir, 'other'), join(dir, 'linked'));
    symlinkSync(join(dir, 'real', 'a.py'), join(dir, 'alias.py'));
    const r = walk();
    // alias.py and real/a.py are one file: reported once, under the first path in walk order.
    assert.deepEqual(r.files, ['alias.py', 'linked/b.py']);
    assert.deepEqual(r.skipped, [
      ['other', 'symlink-loop'],
      ['real/loop', 'symlink-loop'],
    ]);
  });

  it('reports a dangling symlink, a self-loop link, a FIFO and a folder named like a source file', () => {
    writeFiles(dir, { 'ok.py': '', 'dir.py/inner.py': '' });
    symlinkSync(join(dir, 'missing.py'), join(dir, 'dangling.py'));
    symlinkSync(join(dir, 'self.py'), join(dir, 'self.py'));
    execFileSync('mkfifo', [join(dir, 'pipe.py')]);
    const r = walk();
    assert.deepEqual(r.files, ['dir.py/inner.py', 'ok.py']);
    assert.deepEqual(r.skipped, [
      ['dangling.py', 'unreadable'],
      ['pipe.py', 'not-a-file'],
      ['self.py', 'symlink-loop'],
    ]);
  });

  it('rejects a path that does not exist', () => {
    assert.throws(() => walk({}, ['nope']), (e: unknown) => e instanceof PathError && /nope: no such file or directory/.test(e.message));
  });
});

describe('reading a source file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('ab-read-')));
  afterEach(() => cleanup());

  const read = (name: string, body: string | Buffer, max = 1024) => {
    writeFiles(dir, { [name]: body });
    return readSource(join(dir, name), max);
  };

  it('strips a UTF-8 BOM and keeps CRLF text intact', () => {
    assert.deepEqual(read('bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1\r\n')])), { text: 'x = 1\r\n', replaced: false });
  });

  it('replaces invalid UTF-8 and says so', () => {
    const r = read('latin1.py', Buffer.from([0x23, 0x20, 0xe9, 0x0a, 0x78]));
    assert.deepEqual(r, { text: '# \uFFFD\nx', replaced: true });
  });

  it('skips a binary file (NUL byte in the first 8 KiB) but not a NUL byte after it', () => {
    const r = read('blob.py', Buffer.from([0x78, 0x00, 0x79]));
    assert.ok('skip' in r && r.skip.reason === 'binary');
    const late = read('late.js', Buffer.concat([Buffer.alloc(9000, 0x20), Buffer.from([0])]), 20000);
    assert.ok('text' in late);
  });

  it('skips a file over the size limit, naming the sizes', () => {
    const r = read('big.py', 'x'.repeat(2000), 1000);
    assert.ok('skip' in r);
    assert.equal(r.skip.reason, 'too-large');
    assert.match(r.skip.detail, /2000 bytes, over maxFileSize 1000/);
    assert.ok('text' in read('edge.py', 'x'.repeat(1000), 1000));
  });

  it('reads an empty file', () => {
    assert.deepEqual(read('empty.py', ''), { text: '', replaced: false });
  });

  it('does not block on a FIFO and reports a vanished file', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.py')]);
    const fifo = readSource(join(dir, 'pipe.py'), 1024);
    assert.ok('skip' in fifo && fifo.skip.reason === 'not-a-file');
    const gone = readSource(join(dir, 'gone.py'), 1024);
    assert.ok('skip' in gone && gone.skip.reason === 'vanished');
    const isDir = readSource(dir, 1024);
    assert.ok('skip' in isDir && isDir.skip.reason === 'not-a-file');
  });
});
