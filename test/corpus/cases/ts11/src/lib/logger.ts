import pino from "pino";

export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "shop-agent" },
  redact: ["*.token", "*.apiKey", "*.authorization", "headers.authorization"],
});

export type Logger = pino.Logger;

/** Module-scoped child logger: `const log = getLogger("tools.research")`. */
export function getLogger(module: string): Logger {
  return rootLogger.child({ module });
}

const auditLogger = rootLogger.child({ channel: "audit" });

/** Structured audit record, shipped to the SIEM by the log forwarder. */
export function auditLog(action: string, fields: Record<string, unknown> = {}): void {
  auditLogger.info({ action, ...fields }, action);
}
