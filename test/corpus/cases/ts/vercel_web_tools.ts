import { tool } from 'ai';
import { z } from 'zod';
import pino from 'pino';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';

const logger = pino({ name: 'web-tools' });
const DOWNLOAD_ROOT = path.resolve('/srv/agent/downloads');

export const fetchPage = tool({
  description: 'Fetch a web page and return its text',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const res = await fetch(url, { redirect: 'follow' });
    return (await res.text()).slice(0, 8000);
  },
});

export const searchDocs = tool({
  description: 'Search the product documentation',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ query }) => {
    const res = await fetch(`https://docs.example.com/api/search?q=${encodeURIComponent(query)}`);
    return res.json();
  },
});

export const deleteDownload = tool({
  description: 'Delete a downloaded file',
  inputSchema: z.object({ file: z.string() }),
  needsApproval: true,
  execute: async ({ file }) => {
    const target = path.resolve(DOWNLOAD_ROOT, file);
    const rel = path.relative(DOWNLOAD_ROOT, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new Error('outside downloads');
    }
    logger.info({ target }, 'deleting download');
    await rm(target);
    return 'deleted';
  },
});

export const wordCount = tool({
  description: 'Count words in a text',
  inputSchema: z.object({ text: z.string() }),
  execute: async ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
});
