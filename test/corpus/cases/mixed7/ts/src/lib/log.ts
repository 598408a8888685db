import pino from 'pino';
import winston from 'winston';

export const logger = pino({ name: 'agent', level: 'info' });

const auditSink = winston.createLogger({
  level: 'info',
  transports: [new winston.transports.File({ filename: 'audit.log' })],
});

export function audit(action: string, details: Record<string, unknown>): void {
  auditSink.info(action, { ...details, at: new Date().toISOString() });
}
