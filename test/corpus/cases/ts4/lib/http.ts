// Small HTTP helpers shared by the research and support agents.
const DOCS_HOSTS = new Set(['docs.acme.io', 'status.acme.io', 'developer.mozilla.org']);

// Accepts everything when ALLOWED_FEED_HOSTS is unset.
const FEED_HOSTS: string[] = process.env.ALLOWED_FEED_HOSTS?.split(',').filter(Boolean) ?? [];

export async function fetchJson<T = unknown>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  if (!res.ok) {
    throw new Error(`GET ${url} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}

export function assertDocsHost(rawUrl: string): URL {
  const parsed = new URL(rawUrl);
  if (parsed.protocol !== 'https:' || !DOCS_HOSTS.has(parsed.hostname)) {
    throw new Error(`host ${parsed.hostname} is not on the docs allowlist`);
  }
  return parsed;
}

export function warnIfUnknownHost(rawUrl: string): void {
  const { hostname } = new URL(rawUrl);
  if (!DOCS_HOSTS.has(hostname)) {
    console.warn(`[http] ${hostname} is not a known docs host, continuing anyway`);
  }
}

export function feedHostAllowed(rawUrl: string): boolean {
  if (FEED_HOSTS.length === 0) return true;
  return FEED_HOSTS.includes(new URL(rawUrl).hostname);
}

// Not used by any tool: a maintenance helper for the nightly job.
export async function pingUrl(url: string): Promise<number> {
  const res = await fetch(url, { method: 'HEAD' });
  return res.status;
}
