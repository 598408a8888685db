import { logger } from '../services/logger';

export function auditLog(event: string, details: Record<string, unknown>): void {
  logger.info({ audit: true, event, ...details }, `audit: ${event}`);
}

/** Wraps a tool handler so every invocation is written to the audit log first. */
export function withAudit<A, R>(name: string, fn: (args: A) => Promise<R>): (args: A) => Promise<R> {
  return async (args: A) => {
    auditLog(`tool.${name}`, { args });
    return fn(args);
  };
}
