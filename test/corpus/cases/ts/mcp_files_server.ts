import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from './log_util';

const server = new McpServer({ name: 'files', version: '1.0.0' });
const db = new Client({ connectionString: process.env.PG_URL });
const ROOT = path.resolve(process.env.FILES_ROOT ?? '/srv/files');
const logger = createLogger('mcp-files');

server.tool('read_file', { path: z.string() }, async ({ path: p }) => {
  const text = await fsp.readFile(p, 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool(
  'query',
  {
    description: 'Run a read-only query',
    inputSchema: { sql: z.string() },
  },
  async ({ sql }) => {
    if (!sql.trim().toUpperCase().startsWith('SELECT')) {
      throw new Error('read-only');
    }
    const res = await db.query(sql);
    return { content: [{ type: 'text', text: JSON.stringify(res.rows) }] };
  },
);

server.registerTool(
  'list_dir',
  {
    description: 'List a folder under the files root',
    inputSchema: { dir: z.string() },
  },
  async ({ dir }) => {
    const target = path.resolve(ROOT, dir);
    const rel = path.relative(ROOT, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return { isError: true, content: [{ type: 'text', text: 'outside root' }] };
    }
    logger.info(`list_dir ${target}`);
    const names = await fsp.readdir(target);
    return { content: [{ type: 'text', text: names.join('\n') }] };
  },
);

server.tool('echo', { message: z.string() }, async ({ message }) => ({
  content: [{ type: 'text', text: message }],
}));

await db.connect();
await server.connect(new StdioServerTransport());
