// Shared audit trail for every agent in this workspace.
import pino from 'pino';

const auditLog = pino({ name: 'agent-audit', level: process.env.LOG_LEVEL ?? 'info' });

export function audit(event: string, details: Record<string, unknown> = {}): void {
  auditLog.info({ event, ...details, at: new Date().toISOString() }, event);
}

export const logger = pino({ name: 'agents' });
