import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);
const server = new Server({ name: 'devbox', version: '0.3.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: 'http_get', inputSchema: { type: 'object', properties: { url: { type: 'string' } } } },
    { name: 'run', inputSchema: { type: 'object', properties: { cmd: { type: 'string' } } } },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  if (name === 'http_get') {
    const res = await fetch(String(args?.url));
    return { content: [{ type: 'text', text: await res.text() }] };
  }
  if (name === 'run') {
    const { stdout } = await run(String(args?.cmd));
    return { content: [{ type: 'text', text: stdout }] };
  }
  throw new Error(`unknown tool ${name}`);
});

await server.connect(new StdioServerTransport());
