import path from 'node:path';

/** Resolves `candidate` against `root` and throws if the result escapes `root`. */
export function resolveInside(root: string, candidate: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, candidate);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`path escapes sandbox: ${candidate}`);
  }
  return full;
}

/** Joins user-supplied segments onto a root, normalising Windows separators. */
export function safeJoin(root: string, ...parts: string[]): string {
  return path.join(root, ...parts.map((p) => p.replace(/\\/g, '/')));
}
