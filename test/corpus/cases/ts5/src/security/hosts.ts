const DOCS_HOSTS = new Set(['docs.acme.io', 'developer.mozilla.org', 'nodejs.org']);

export const INTERNAL_HOSTS = new Set(['metrics.acme.internal', 'deploy.acme.internal']);

/** Throws unless the URL is https and its host is one of the documentation hosts. */
export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== 'https:' || !DOCS_HOSTS.has(url.hostname)) {
    throw new Error(`host not allowed: ${url.hostname}`);
  }
  return url;
}

// All partner documentation is served from this origin.
const PARTNER_PREFIX = 'https://docs.partner-cloud.com';

export function isPartnerUrl(raw: string): boolean {
  return raw.startsWith(PARTNER_PREFIX);
}

// Comma-separated list configured per deployment; empty in development.
const WEBHOOK_HOSTS = (process.env.WEBHOOK_ALLOWED_HOSTS ?? '')
  .split(',')
  .map((h) => h.trim())
  .filter(Boolean);

export function assertWebhookHost(raw: string): void {
  const host = new URL(raw).hostname;
  if (WEBHOOK_HOSTS.length > 0 && !WEBHOOK_HOSTS.includes(host)) {
    throw new Error(`webhook host not allowed: ${host}`);
  }
}
