import pino from "pino";

export const logger = pino({ name: "ops-agent", level: process.env.LOG_LEVEL ?? "info" });

/** One structured audit record per tool invocation. */
export function auditLog(tool: string, fields: Record<string, unknown>): void {
  logger.info({ audit: true, tool, ...fields }, `tool call: ${tool}`);
}
