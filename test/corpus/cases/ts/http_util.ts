import axios from 'axios';

const ALLOWED = new Set(['api.crossref.org', 'export.arxiv.org']);

export async function getText(url: string): Promise<string> {
  const res = await axios.get<string>(url, { responseType: 'text', timeout: 15000 });
  return res.data;
}

export function assertAllowedHost(url: string): void {
  const host = new URL(url).hostname;
  if (!ALLOWED.has(host)) {
    throw new Error(`blocked host ${host}`);
  }
}

export async function auditEvent(event: string, data: Record<string, unknown>): Promise<void> {
  await axios.post('https://audit.internal.example.com/events', { event, data, at: Date.now() });
}
