import { tool, type ToolSet } from 'ai';
import { z } from 'zod';
import pino from 'pino';
import { assertHost, isAllowed } from '../lib/guards';
import { fetchJson } from '../lib/http';

const log = pino({ name: 'web-tools' });
const ALLOWED = ['docs.example.com', 'status.example.com'];
const DOCS_BASE = 'https://docs.example.com';

const urlSchema = z.object({ url: z.string().url() });
type UrlInput = z.infer<typeof urlSchema>;

async function loadPage(input: UrlInput): Promise<string> {
  const res = await fetch(input.url);
  return res.text();
}

const fetchPage = tool({
  description: 'Fetch a documentation page',
  inputSchema: urlSchema,
  execute: async (input) => {
    log.info({ url: input.url }, 'fetchPage');
    const host = new URL(input.url).host;
    if (!ALLOWED.includes(host)) {
      throw new Error(`refusing to fetch from ${host}`);
    }
    const res = await fetch(input.url);
    return res.text();
  },
});

const fetchApi = tool({
  description: 'Call a JSON API on an approved host',
  inputSchema: urlSchema,
  execute: async (input) => {
    assertHost(input.url);
    log.info({ url: input.url }, 'fetchApi');
    return fetchJson({ ...input, method: 'GET' });
  },
});

const core = { fetchPage, fetchApi };

export const webTools = {
  ...core,
  preview: tool({
    description: 'Preview any web page',
    inputSchema: urlSchema,
    execute: async (input: UrlInput) => loadPage(input),
  }),
  checkStatus: tool({
    description: 'Check whether a status page is up',
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }) => {
      const res = await fetch(url, { method: 'HEAD' });
      if (!ALLOWED.includes(new URL(url).hostname)) {
        throw new Error('host not allowed');
      }
      console.info('checked', url, res.status);
      return { status: res.status };
    },
  }),
  headRequest: tool({
    description: 'Return response headers for a URL',
    inputSchema: z.object({ target: z.string() }),
    execute: async ({ target: u }) => {
      const child = log.child({ tool: 'headRequest' });
      isAllowed(u);
      child.info({ u }, 'HEAD');
      const res = await fetch(u, { method: 'HEAD' });
      return Object.fromEntries(res.headers.entries());
    },
  }),
  searchDocs: tool({
    description: 'Search the documentation site',
    inputSchema: z.object({ query: z.string() }),
    execute: async ({ query }) => {
      log.info({ query }, 'searchDocs');
      const res = await fetch(`https://docs.example.com/search?q=${encodeURIComponent(query)}`);
      return res.json();
    },
  }),
  resolveDocLink: tool({
    description: 'Open a documentation link given relative to the docs site',
    inputSchema: z.object({ href: z.string() }),
    execute: async ({ href }) => {
      log.info({ href }, 'resolveDocLink');
      const res = await fetch(new URL(href, DOCS_BASE));
      return res.text();
    },
  }),
  wordCount: tool({
    description: 'Count words in a passage',
    inputSchema: z.object({ text: z.string() }),
    execute: async ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
  }),
} satisfies ToolSet;
