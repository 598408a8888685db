import path from "node:path";
import readline from "node:readline/promises";

export const ALLOWED_API_HOSTS = new Set(["api.github.com", "registry.npmjs.org", "status.example.com"]);

export class GuardError extends Error {}

/** Parse a URL and refuse anything that is not https on an allowlisted host. */
export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" || !ALLOWED_API_HOSTS.has(url.host)) {
    throw new GuardError(`host ${url.host} is not on the allowlist`);
  }
  return url;
}

/** Resolve `relative` below `root`, refusing paths that escape it. */
export function resolveInside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  const rel = path.relative(root, resolved);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new GuardError(`${relative} escapes ${root}`);
  }
  return resolved;
}

/** Ask the operator on the terminal; resolves true only on an explicit yes. */
export async function requestApproval(summary: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`[opsbot] approve ${summary}? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
