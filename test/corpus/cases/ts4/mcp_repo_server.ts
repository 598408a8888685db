// MCP server that lets a coding assistant work inside one checked-out repository.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { exec, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import { audit } from './lib/audit';
import { requestApproval } from './lib/approval';

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);
const REPO_ROOT = path.resolve(process.env.REPO_ROOT ?? process.cwd());

function resolveInRepo(relPath: string): string {
  const full = path.resolve(REPO_ROOT, relPath);
  const rel = path.relative(REPO_ROOT, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`${relPath} is outside the repository`);
  }
  return full;
}

const server = new McpServer({ name: 'repo-tools', version: '1.2.0' });

server.registerTool(
  'read_source',
  {
    description: 'Read a source file of the repository.',
    inputSchema: { file: z.string() },
  },
  async ({ file }) => {
    const full = resolveInRepo(file);
    audit('read_source', { file });
    const text = await readFile(full, 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);

server.tool(
  'save_snippet',
  'Save a snippet of text to a file so it can be reused later.',
  { target: z.string(), content: z.string() },
  async ({ target, content }) => {
    const dest = path.join(REPO_ROOT, 'snippets', target);
    if (!(await requestApproval('save_snippet', { dest }))) {
      return { content: [{ type: 'text', text: 'not approved' }] };
    }
    audit('save_snippet', { dest, bytes: content.length });
    await writeFile(dest, content, { flag: 'wx' });
    return { content: [{ type: 'text', text: `saved ${dest}` }] };
  },
);

server.tool(
  'run_tests',
  'Run the unit tests whose names match a pattern.',
  { pattern: z.string() },
  async ({ pattern }) => {
    const { stdout } = await execFileAsync('npx', ['vitest', 'run', '-t', pattern], { cwd: REPO_ROOT });
    return { content: [{ type: 'text', text: stdout.slice(-6000) }] };
  },
);

server.registerTool(
  'git',
  {
    description: 'Run a git subcommand in the repository, e.g. "log --oneline -5".',
    inputSchema: { args: z.string() },
  },
  async ({ args }) => {
    const { stdout, stderr } = await execAsync(`git ${args}`, { cwd: REPO_ROOT });
    return { content: [{ type: 'text', text: stdout || stderr }] };
  },
);

server.registerTool(
  'clean_build',
  {
    description: 'Remove the build output directory.',
    inputSchema: {},
  },
  async () => {
    audit('clean_build', { dir: 'dist' });
    await rm(path.join(REPO_ROOT, 'dist'), { recursive: true, force: true });
    return { content: [{ type: 'text', text: 'dist removed' }] };
  },
);

server.registerTool(
  'read_log',
  {
    description: 'Read a log file produced by the build.',
    inputSchema: { file: z.string().describe('e.g. build/vite.log') },
  },
  async ({ file }) => {
    if (!file.endsWith('.log')) {
      throw new Error('only .log files can be read');
    }
    const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
    return { content: [{ type: 'text', text: text.slice(-8000) }] };
  },
);

server.tool(
  'delete_snippet',
  'Delete a saved snippet.',
  { target: z.string() },
  async ({ target }) => {
    const full = resolveInRepo(path.join('snippets', target));
    audit('delete_snippet', { full });
    await rm(full);
    return { content: [{ type: 'text', text: `deleted ${target}` }] };
  },
);

await server.connect(new StdioServerTransport());
