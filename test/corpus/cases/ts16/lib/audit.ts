import pino from "pino";

export const logger = pino({ name: "opsbot-agent", level: process.env.LOG_LEVEL ?? "info" });

/** One structured audit record per agent action. */
export function auditEvent(action: string, fields: Record<string, unknown> = {}): void {
  logger.info({ audit: true, action, ...fields }, "agent tool call");
}
