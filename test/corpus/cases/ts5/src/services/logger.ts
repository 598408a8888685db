import pino from 'pino';

export const logger = pino({
  name: 'agent-backend',
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['*.password', '*.apiKey'],
});
