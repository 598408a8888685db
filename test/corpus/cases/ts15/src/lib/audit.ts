import { logger } from "./logger";

const auditLogger = logger.child({ stream: "audit" });

export function auditLog(action: string, details: Record<string, unknown> = {}): void {
  auditLogger.info({ action, ...details, at: new Date().toISOString() }, "agent action");
}
