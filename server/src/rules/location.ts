// Finds the repository's rules/ folder (the catalog as data) from wherever this code runs:
// server/src/** under tsx, server/out/*.js when bundled, the installed extension's folder.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

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
