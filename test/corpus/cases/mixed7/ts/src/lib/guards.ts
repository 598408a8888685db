import path from 'node:path';

const HOSTS = new Set(['docs.example.com', 'api.github.com']);

export const ROOT = path.resolve('/srv/agent-data');

export function assertHost(u: string): void {
  const host = new URL(u).hostname;
  if (!HOSTS.has(host)) {
    throw new Error(`host ${host} is not allowed`);
  }
}

export function isAllowed(u: string): boolean {
  return HOSTS.has(new URL(u).hostname);
}

export function resolveInside(p: string): string {
  const full = path.resolve(ROOT, p);
  if (!full.startsWith(ROOT + path.sep)) {
    throw new Error('path escapes the workspace');
  }
  return full;
}
