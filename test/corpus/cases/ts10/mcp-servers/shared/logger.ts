import pino from "pino";

// stdio MCP servers must keep stdout clean for JSON-RPC, so logs go to stderr (fd 2).
export const logger = pino(
  { level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } },
  pino.destination(2),
);

/** One audit line per tool call, picked up by the log shipper via the `audit` flag. */
export function auditLog(tool: string, details: Record<string, unknown>): void {
  logger.info({ audit: true, tool, ...details }, `tool:${tool}`);
}
