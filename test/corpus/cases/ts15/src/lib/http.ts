const PARTNER_BASE = "https://feeds.acme-supply.com";

export const STATUS_HOSTS = new Set([
  "acme-outfitters.com",
  "www.acme-outfitters.com",
  "api.acme-outfitters.com",
  "status.acme-outfitters.com",
]);

// Comma-separated list of hosts; configured per environment.
const FETCH_ALLOWLIST = (process.env.FETCH_ALLOWLIST ?? "")
  .split(",")
  .map((h) => h.trim())
  .filter(Boolean);

export async function fetchJson<T = unknown>(url: string | URL, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) {
    throw new Error(`request to ${url} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}

export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`unsupported protocol ${url.protocol}`);
  }
  if (FETCH_ALLOWLIST.length > 0 && !FETCH_ALLOWLIST.includes(url.hostname)) {
    throw new Error(`host ${url.hostname} is not in FETCH_ALLOWLIST`);
  }
  return url;
}

export async function partnerGet<T = unknown>(feedPath: string): Promise<T> {
  const url = new URL(feedPath, PARTNER_BASE);
  return fetchJson<T>(url, { headers: { "x-partner-key": process.env["ACME_PARTNER_KEY"] ?? "" } });
}

export async function postWebhook(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.status;
}
