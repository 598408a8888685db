// Low-level MCP server (no McpServer helper) exposing a few ops utilities.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { request } from 'undici';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const server = new Server({ name: 'ops-utils', version: '0.3.1' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: 'http_probe',
      description: 'Send a GET request and report the status code and latency.',
      inputSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    },
    {
      name: 'disk_free',
      description: 'Report free disk space on the host.',
      inputSchema: { type: 'object', properties: {} },
    },
    {
      name: 'config_value',
      description: 'Return a configuration value of the server process.',
      inputSchema: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (req) => {
  const args = req.params.arguments ?? {};
  switch (req.params.name) {
    case 'http_probe': {
      const started = Date.now();
      const { statusCode } = await request(String(args.url), { method: 'GET', maxRedirections: 3 });
      return { content: [{ type: 'text', text: `${statusCode} in ${Date.now() - started} ms` }] };
    }
    case 'disk_free': {
      const { stdout } = await run('df', ['-h', '--output=target,avail']);
      return { content: [{ type: 'text', text: stdout }] };
    }
    case 'config_value': {
      const key = String(args.key).toUpperCase();
      return { content: [{ type: 'text', text: process.env[key] ?? '(unset)' }] };
    }
    default:
      throw new Error(`unknown tool ${req.params.name}`);
  }
});

async function selfCheck() {
  // Runs once at startup, not reachable from the model.
  const { statusCode } = await request('https://status.internal.example/health');
  if (statusCode !== 200) console.error('status page unhealthy');
}

await selfCheck();
await server.connect(new StdioServerTransport());
