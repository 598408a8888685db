const DOCS_HOSTS = new Set(["docs.acme.dev", "nextjs.org", "ai-sdk.dev", "vercel.com"]);

export class HostNotAllowedError extends Error {
  constructor(public readonly host: string) {
    super(`Host not allowed: ${host}`);
    this.name = "HostNotAllowedError";
  }
}

export function isAllowedUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && DOCS_HOSTS.has(url.host);
  } catch {
    return false;
  }
}

/**
 * fetch() restricted to the documentation hosts. Redirects are refused so a docs
 * page cannot bounce us somewhere else.
 */
export async function safeFetch(raw: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(raw);
  if (url.protocol !== "https:" || !DOCS_HOSTS.has(url.host)) {
    throw new HostNotAllowedError(url.host);
  }
  return fetch(url, {
    ...init,
    redirect: "error",
    signal: init.signal ?? AbortSignal.timeout(10_000),
  });
}

export async function fetchText(url: string | URL, init?: RequestInit): Promise<string> {
  const res = await fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(15_000) });
  if (!res.ok) {
    throw new Error(`Request failed: ${res.status} ${res.statusText}`);
  }
  return res.text();
}

export function stripHtml(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, "")
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
