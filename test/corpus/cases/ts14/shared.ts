// Shared plumbing for the MCP servers and agents in this repo.
import pino from "pino";

export const logger = pino({ name: "agent-tools", level: process.env.LOG_LEVEL ?? "info" }, pino.destination(2));

/** Structured audit line; shipped to the SIEM by the log forwarder. */
export function auditLog(event: string, fields: Record<string, unknown>): void {
  logger.info({ audit: true, event, ...fields }, `audit:${event}`);
}

/** Ask a human reviewer via the approvals service; resolves once they decide. */
export async function requestApproval(action: string, detail: Record<string, unknown>): Promise<boolean> {
  const res = await fetch("https://approvals.internal.example.com/v1/requests", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, detail, requester: "mcp-notify" }),
  });
  if (!res.ok) return false;
  const body = (await res.json()) as { decision?: string };
  return body.decision === "approved";
}
