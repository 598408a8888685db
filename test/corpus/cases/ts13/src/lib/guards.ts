import path from "node:path";
import readline from "node:readline/promises";

export const ALLOWED_HOSTS = new Set(["docs.example.com", "api.github.com", "en.wikipedia.org"]);

export class ScopeError extends Error {}

/** Throws unless the URL is https and its host is on the allowlist. */
export function assertAllowedHost(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" || !ALLOWED_HOSTS.has(url.host)) {
    throw new ScopeError(`host not allowed: ${url.host}`);
  }
  return url;
}

/** Resolves `userPath` against `root` and throws if the result escapes `root`. */
export function resolveInside(root: string, userPath: string): string {
  const full = path.resolve(root, userPath);
  const rel = path.relative(root, full);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new ScopeError(`path escapes ${root}: ${userPath}`);
  }
  return full;
}

/** Asks the operator on the console; resolves to true only on an explicit yes. */
export async function requestApproval(action: string, detail: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`[approval] ${action}: ${detail}\nApprove? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
