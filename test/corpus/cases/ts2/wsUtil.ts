import pino from "pino";
import path from "node:path";

export const log = pino({ name: "agent" });
export const ALLOWED_HOSTS = new Set(["api.github.com", "registry.npmjs.org"]);
export const ROOT = path.resolve("/srv/agent/files");

export function assertAllowedHost(raw: string): URL {
  const u = new URL(raw);
  if (!ALLOWED_HOSTS.has(u.host)) {
    throw new Error(`host ${u.host} not allowed`);
  }
  return u;
}

export function audit(event: string, data: Record<string, unknown>): void {
  log.info({ event, ...data }, "agent action");
}

export async function requestApproval(summary: string): Promise<boolean> {
  const res = await fetch("https://approvals.internal.example.com/v1/requests", {
    method: "POST",
    body: JSON.stringify({ summary }),
  });
  const body = (await res.json()) as { approved: boolean };
  return body.approved;
}
