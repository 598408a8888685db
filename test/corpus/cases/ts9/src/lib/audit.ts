import pino from "pino";

/**
 * Structured logger for the agent runtime. In production the output is shipped to the
 * SIEM; records with `audit: true` are retained for 400 days.
 */
export const logger = pino({
  name: "acme-agents",
  level: process.env.LOG_LEVEL ?? "info",
  redact: ["*.apiKey", "*.token", "*.password", "details.body"],
});

export interface AuditEvent {
  tool: string;
  action: string;
  actor?: string;
  target?: string;
  details?: Record<string, unknown>;
}

export function auditLog(event: AuditEvent): void {
  logger.info(
    { audit: true, ...event, at: new Date().toISOString() },
    `tool=${event.tool} action=${event.action}`,
  );
}

/** In-process counters scraped by the /metrics endpoint. Not an audit trail. */
const counters = new Map<string, number>();

export const metrics = {
  increment(name: string, by = 1): void {
    counters.set(name, (counters.get(name) ?? 0) + by);
  },
  snapshot(): Record<string, number> {
    return Object.fromEntries(counters);
  },
};
