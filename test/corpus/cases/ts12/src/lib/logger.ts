import pino from "pino";

export const logger = pino({ name: "helpdesk-agent", level: process.env.LOG_LEVEL ?? "info" });

/** Structured audit record for anything an agent does on someone's behalf. */
export function auditLog(action: string, fields: Record<string, unknown>): void {
  logger.info({ audit: true, action, ...fields }, "agent_action");
}
