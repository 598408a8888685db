import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import * as fs from 'fs';
import * as path from 'path';
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const server = new McpServer({ name: 'files', version: '1.0.0' });
const ROOT = path.resolve('/srv/data');

// @label read_file: fs,audit | fs sync read of model path
server.registerTool(
  'read_file',
  { description: 'Read a file', inputSchema: { file: z.string() } },
  async ({ file }) => {
    const text = fs.readFileSync(file, 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);
// @end

// @label read_safe: | resolve + path.relative '..' early return, winston logger
server.registerTool(
  'read_safe',
  { description: 'Read a file under the data root', inputSchema: { file: z.string() } },
  async ({ file }) => {
    const full = path.resolve(ROOT, file);
    const rel = path.relative(ROOT, full);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return { content: [{ type: 'text', text: 'denied' }] };
    }
    logger.info('read_safe', { full });
    const text = await fs.promises.readFile(full, 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);
// @end

// @label env_lookup: secret,audit | process.env with model key
server.tool('env_lookup', { key: z.string() }, async ({ key }) => {
  const value = process.env[key] ?? '';
  return { content: [{ type: 'text', text: value }] };
});
// @end

// @label status: | process.env constant key, constant-host fetch, logger
server.tool('status', { service: z.string() }, async ({ service }) => {
  const token = process.env.STATUS_API_TOKEN;
  logger.info('status', { service });
  const res = await fetch(`https://status.example.com/api/${service}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { content: [{ type: 'text', text: await res.text() }] };
});
// @end

const listing = (dir: string) => fs.readdirSync(dir).join('\n');

// @label list_dir: fs,audit | readdirSync through arrow helper
server.tool('list_dir', { dir: z.string() }, async ({ dir }) => ({
  content: [{ type: 'text', text: listing(dir) }],
}));
// @end
