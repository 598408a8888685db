import { logger } from "./audit";

/** Hosts the agents may contact when the model supplies a URL. */
export const ALLOWED_HOSTS = new Set(["docs.acme.dev", "status.acme.dev", "help.acme.dev"]);

export class HostNotAllowedError extends Error {
  constructor(host: string) {
    super(`Host "${host}" is not on the outbound allowlist`);
    this.name = "HostNotAllowedError";
  }
}

export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" || !ALLOWED_HOSTS.has(url.hostname)) {
    throw new HostNotAllowedError(url.hostname);
  }
  return url;
}

/** fetch() restricted to ALLOWED_HOSTS, with an audit line per request. */
export async function safeFetch(raw: string, init: RequestInit = {}): Promise<Response> {
  const url = assertAllowedUrl(raw);
  logger.info(
    { audit: true, method: init.method ?? "GET", url: url.toString() },
    "outbound request",
  );
  return fetch(url, { ...init, redirect: "error" });
}

/** Small JSON GET helper with a timeout. */
export async function getJson<T>(url: string, timeoutMs = 10_000): Promise<T> {
  const res = await fetch(url, {
    headers: { accept: "application/json", "user-agent": "acme-agents/0.9" },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) {
    throw new Error(`GET ${url} failed with HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}
