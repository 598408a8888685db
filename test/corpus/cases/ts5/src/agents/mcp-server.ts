import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { promises as fs } from 'node:fs';
import { EXPORT_DIR, LOG_DIR } from '../config';
import { db, logger } from '../services';
import { INTERNAL_HOSTS } from '../security/hosts';
import { resolveInside } from '../security/sandbox';
import { assertAllowedTables } from '../security/sql';

const server = new McpServer({ name: 'acme-ops', version: '1.4.0' });

server.registerTool(
  'read_log',
  {
    title: 'Read log file',
    description: 'Read the tail of a log file under /var/log/acme.',
    inputSchema: { file: z.string(), lines: z.number().int().max(500).default(100) },
  },
  async ({ file, lines }) => {
    const full = resolveInside(LOG_DIR, file);
    logger.info({ file: full, lines }, 'mcp read_log');
    const text = await fs.readFile(full, 'utf8');
    return { content: [{ type: 'text', text: text.split('\n').slice(-lines).join('\n') }] };
  },
);

server.registerTool(
  'fetch_internal',
  {
    title: 'Fetch internal endpoint',
    description: 'GET an internal service endpoint (metrics, deploy).',
    inputSchema: { url: z.string().url() },
  },
  async ({ url }) => {
    const host = new URL(url).hostname;
    if (!INTERNAL_HOSTS.has(host)) {
      logger.warn({ host }, 'fetch_internal called with a non-internal host');
    }
    logger.info({ url }, 'mcp fetch_internal');
    const res = await fetch(url);
    return { content: [{ type: 'text', text: await res.text() }] };
  },
);

server.registerTool(
  'query_table',
  {
    title: 'Query reporting tables',
    description: 'Run SQL against the reporting tables.',
    inputSchema: { sql: z.string() },
  },
  async ({ sql }) => {
    assertAllowedTables(sql);
    logger.info({ sql }, 'mcp query_table');
    const rows = await db.query(sql);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'delete_export',
  {
    title: 'Delete export',
    description: 'Delete a finished CSV export.',
    inputSchema: { name: z.string() },
  },
  async ({ name }) => {
    const target = resolveInside(EXPORT_DIR, name);
    await fs.rm(target);
    return { content: [{ type: 'text', text: `deleted ${name}` }] };
  },
);

export async function startMcpServer(): Promise<void> {
  const transport = new StdioServerTransport();
  await server.connect(transport);
}
