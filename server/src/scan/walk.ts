// File discovery: the supported source files under the given paths, honouring .gitignore files, the
// default excludes (dependencies, virtualenvs, VCS folders, build output, caches) and the config's
// include/exclude globs. Symlinks are followed once: a link back to a folder already walked is skipped.
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ProjectConfig } from '../config/types';
import { errorSkip, type Skip } from './read';

export const SOURCE_EXTENSIONS = new Set(['.py', '.pyi', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

/** Folder names never walked into (below a scan path). Virtualenvs are also found by their pyvenv.cfg. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  'dist',
  'build',
  'out',
  '.next',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'coverage',
]);

/** A user error in the paths given (exit code 2). */
export class PathError extends Error {}

export interface WalkOptions {
  config: ProjectConfig;
  /** Folder the include/exclude globs are relative to. */
  globBase: string;
}

export interface WalkResult {
  /** Absolute paths, sorted. */
  files: string[];
  skipped: Skip[];
}

export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Globs without a slash match a file or folder name anywhere (as in .gitignore); others the relative path. */
function globMatcher(globs: string[] | undefined): ((rel: string) => boolean) | undefined {
  const list = (globs ?? []).map((g) => g.replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
  if (list.length === 0) return undefined;
  const withSlash = list.filter((g) => g.includes('/'));
  const bare = list.filter((g) => !g.includes('/'));
  const a = withSlash.length ? picomatch(withSlash, { dot: true }) : undefined;
  const b = bare.length ? picomatch(bare, { dot: true, basename: true }) : undefined;
  return (rel) => Boolean(a?.(rel) || b?.(rel));
}

interface IgnoreFile {
  dir: string;
  ig: Ignore;
}

function readIgnoreFile(dir: string): IgnoreFile | undefined {
  const p = join(dir, '.gitignore');
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
  return { dir, ig: ignore({ allowRelativePaths: true }).add(text) };
}

/** The enclosing repository's root: `dir` or the nearest parent holding `.git`. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** .gitignore files between the enclosing repository's root and `dir` (exclusive), outermost first. */
function ancestorIgnoreFiles(dir: string): IgnoreFile[] {
  const repo = repositoryRoot(dirname(dir));
  if (!repo) return [];
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (d === repo) break;
  }
  return chain.map(readIgnoreFile).filter((x): x is IgnoreFile => x !== undefined);
}

/** The last matching rule wins, as in git; inner files come later in `stack`. */
function gitIgnored(stack: IgnoreFile[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { dir, ig } of stack) {
    const rel = relativeInside(dir, path);
    if (rel === undefined) continue;
    const r = ig.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/** Walks `paths` (files or folders, relative to `cwd`). Throws PathError when one does not exist. */
export function discoverFiles(paths: string[], cwd: string, opts: WalkOptions): WalkResult {
  const exclude = globMatcher(opts.config.exclude);
  const include = globMatcher(opts.config.include);
  const files = new Set<string>();
  const skipped: Skip[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const globRel = (p: string): string | undefined => relativeInside(opts.globBase, p);
  const excluded = (p: string): boolean => {
    const rel = globRel(p);
    return rel !== undefined && exclude !== undefined && exclude(rel);
  };
  const included = (p: string): boolean => {
    if (!include) return true;
    const rel = globRel(p);
    return rel !== undefined && include(rel);
  };

  const addFile = (path: string, real: string): void => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.add(path);
  };

  const walkDir = (dir: string, real: string, stack: IgnoreFile[]): void => {
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push(errorSkip(dir, e));
      return;
    }
    const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreFile(dir) : undefined;
    const here = own ? [...stack, own] : stack;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const path = join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      let childReal = join(real, ent.name);
      if (ent.isSymbolicLink()) {
        let st: Stats;
        try {
          st = statSync(path);
          childReal = realpathSync(path);
        } catch (e) {
          const skip = errorSkip(path, e);
          // A dangling link is only worth reporting when it names a source file.
          if (skip.reason === 'symlink-loop' || isSourceFile(path)) {
            skipped.push(skip.reason === 'vanished' ? { ...skip, reason: 'unreadable', detail: `dangling symlink: ${skip.detail}` } : skip);
          }
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      if (isDir) {
        if (DEFAULT_EXCLUDED_DIRS.has(ent.name) || existsSync(join(path, 'pyvenv.cfg'))) continue;
        if (gitIgnored(here, path, true) || excluded(path)) continue;
        if (seenDirs.has(childReal)) {
          skipped.push({ file: path, reason: 'symlink-loop', detail: `links to ${childReal}, already scanned` });
          continue;
        }
        walkDir(path, childReal, here);
      } else if (isSourceFile(ent.name)) {
        if (gitIgnored(here, path, false) || excluded(path) || !included(path)) continue;
        if (!isFile) {
          skipped.push({ file: path, reason: 'not-a-file', detail: 'FIFO, socket or device' });
          continue;
        }
        addFile(path, childReal);
      }
    }
  };

  for (const given of paths) {
    const abs = resolve(cwd, given);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new PathError(`${given}: no such file or directory${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '' : ` (${(e as Error).message})`}`);
    }
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (e) {
      throw new PathError(`${given}: ${(e as Error).message}`);
    }
    if (st.isDirectory()) {
      if (seenDirs.has(real)) continue;
      // A folder given explicitly is scanned even when an enclosing .gitignore ignores it.
      const outer = ancestorIgnoreFiles(abs);
      walkDir(abs, real, gitIgnored(outer, abs, true) ? [] : outer);
    } else if (st.isFile()) {
      // A file named on the command line is analysed even if ignored, as long as it is source code.
      if (isSourceFile(abs)) addFile(abs, real);
      else throw new PathError(`${given}: not a Python, TypeScript or JavaScript file (${[...SOURCE_EXTENSIONS].join(' ')})`);
    } else {
      skipped.push({ file: abs, reason: 'not-a-file', detail: 'FIFO, socket or device' });
    }
  }
  return { files: [...files].sort(comparePaths), skipped: skipped.sort((a, b) => comparePaths(a.file, b.file)) };
}

/** `path` relative to `base` with forward slashes ('' for `base` itself, `../…` outside it). */
export function relativePosix(base: string, path: string): string {
  return relative(base, path).split(sep).join('/');
}

/** `path` relative to `base` with forward slashes, or undefined unless it lies strictly inside `base`. */
export function relativeInside(base: string, path: string): string | undefined {
  const rel = relativePosix(base, path);
  return rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? undefined : rel;
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
