// Finds the repository's rules/ folder (the catalog as data) from wherever this code runs:
// server/src/** under tsx, server/out/*.js when bundled, the installed extension's folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The catalog compiled to JSON by esbuild.mjs, when running from the bundle (server/out/rules.json). */
export function bundledRules(): Record<string, unknown> | undefined {
  const file = join(__dirname, 'rules.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function rulesDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(candidate, 'sinks.yaml')) || existsSync(join(candidate, 'catalog.yaml'))) return (cached = candidate);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`agent-boundary: cannot find the rules/ folder above ${__dirname}`);
}
