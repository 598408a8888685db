import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import axios from 'axios';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { Client } from 'pg';
import { logger } from '../lib/log';

const DOCS_ROOT = path.resolve('/srv/agent-data/docs');
const REPO = '/srv/agent-data/repo';
const pg = new Client({ connectionString: 'postgres://agent@localhost/catalog' });

const server = new McpServer({ name: 'workspace', version: '1.0.0' });

server.tool('fetch_url', { url: z.string() }, async ({ url }) => {
  const res = await axios.get(url, { responseType: 'text' });
  return { content: [{ type: 'text', text: String(res.data) }] };
});

server.registerTool(
  'read_doc',
  { description: 'Read a document from the docs folder', inputSchema: { name: z.string() } },
  async ({ name }) => {
    const log = logger.child({ tool: 'read_doc' });
    const full = path.resolve(DOCS_ROOT, name);
    const rel = path.relative(DOCS_ROOT, full);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return { content: [{ type: 'text', text: 'denied' }], isError: true };
    }
    log.info({ full }, 'read');
    const text = await readFile(full, 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool(
  'product_by_sku',
  { description: 'Look up a product by SKU', inputSchema: { sku: z.string() } },
  async ({ sku }) => {
    logger.info({ sku }, 'product_by_sku');
    const res = await pg.query("select name, price from products where sku = '" + sku + "'");
    return { content: [{ type: 'text', text: JSON.stringify(res.rows) }] };
  },
);

server.tool('git_status', { pathspec: z.string() }, async ({ pathspec }) => {
  const { stdout } = await execa('git', ['status', '--short', '--', pathspec], { cwd: REPO });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('utc_now', {}, async () => ({
  content: [{ type: 'text', text: new Date().toISOString() }],
}));

export async function main(): Promise<void> {
  await pg.connect();
  await server.connect(new StdioServerTransport());
}
