// Non-relative TypeScript imports of the workspace's own modules: `import { safeFetch } from '@/lib/http'`
// with `"paths": { "@/*": ["./*"] }` (every Next.js template), or `baseUrl`. Read the way tsc reads them,
// from the nearest tsconfig.json or jsconfig.json, following relative `extends`. A folder without one
// still gets the conventional `@/` and `~/` at its package root or its `src/`. Only candidate paths are
// produced here; the caller keeps those that are files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

interface Aliases {
  /** Where `paths` targets and bare specifiers resolve from (baseUrl, else the config's folder). */
  base: string;
  /** Bare specifiers resolve from baseUrl only when it is set. */
  baseUrl: boolean;
  paths: [pattern: string, targets: string[]][];
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_UP = 12;

export class PathAliases {
  private readonly byDir = new Map<string, Aliases | null>();

  /** Forgets what was read (a tsconfig.json or jsconfig.json changed). */
  clear(): void {
    this.byDir.clear();
  }

  static isConfig(path: string): boolean {
    return CONFIG_NAMES.some((n) => path.endsWith(n));
  }

  /** Where `spec`, imported from a module in `fromDir`, may be: most specific alias first. */
  candidates(fromDir: string, spec: string): string[] {
    const a = this.aliasesFor(fromDir);
    const out: string[] = [];
    if (a) {
      const matches: { len: number; sub: string; targets: string[] }[] = [];
      for (const [pattern, targets] of a.paths) {
        const star = pattern.indexOf('*');
        if (star < 0) {
          if (pattern === spec) matches.push({ len: pattern.length, sub: '', targets });
          continue;
        }
        const pre = pattern.slice(0, star);
        const suf = pattern.slice(star + 1);
        if (spec.length >= pre.length + suf.length && spec.startsWith(pre) && spec.endsWith(suf)) {
          matches.push({ len: pre.length, sub: spec.slice(pre.length, spec.length - suf.length), targets });
        }
      }
      // the longest matching prefix wins, as in tsc
      matches.sort((x, y) => y.len - x.len);
      for (const m of matches) for (const t of m.targets) out.push(resolve(a.base, t.replace('*', m.sub)));
      if (a.baseUrl) out.push(resolve(a.base, spec));
    }
    if (!a?.paths.length && /^[@~]\//.test(spec)) {
      const root = packageRoot(fromDir);
      if (root) out.push(join(root, spec.slice(2)), join(root, 'src', spec.slice(2)));
    }
    return out;
  }

  private aliasesFor(dir: string): Aliases | null {
    const seen: string[] = [];
    let found: Aliases | null = null;
    let d = dir;
    for (let i = 0; i < MAX_UP; i++) {
      const cached = this.byDir.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(d);
      const file = CONFIG_NAMES.map((n) => join(d, n)).find(isFile);
      if (file) {
        found = readConfig(file, 0);
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const s of seen) this.byDir.set(s, found);
    return found;
  }
}

/** compilerOptions.baseUrl and paths of a config, its `extends` chain (relative files) filling what it lacks. */
function readConfig(file: string, depth: number): Aliases | null {
  let json: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  try {
    json = parseJsonc(readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const dir = dirname(file);
  const parent = typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 5 ? readConfig(resolveConfig(dir, json.extends), depth + 1) : null;
  const opts = json.compilerOptions ?? {};
  const baseUrl = typeof opts.baseUrl === 'string' ? resolve(dir, opts.baseUrl) : undefined;
  const paths =
    opts.paths && typeof opts.paths === 'object'
      ? Object.entries(opts.paths as Record<string, unknown>).map(([k, v]): [string, string[]] => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []])
      : undefined;
  if (!paths && !baseUrl) return parent;
  return {
    // paths resolve from baseUrl when set, else from the folder of the config that declares them
    base: baseUrl ?? (paths ? dir : (parent?.base ?? dir)),
    baseUrl: !!baseUrl || !!parent?.baseUrl,
    paths: paths ?? parent?.paths ?? [],
  };
}

function resolveConfig(dir: string, ext: string): string {
  const p = resolve(dir, ext);
  return p.endsWith('.json') ? p : `${p}.json`;
}

export function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

function packageRoot(dir: string): string | undefined {
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    if (isFile(join(d, 'package.json'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}
