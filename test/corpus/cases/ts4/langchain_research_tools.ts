// Research tools for a LangChain.js agent.
import { tool, DynamicStructuredTool, StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import winston from 'winston';
import { assertDocsHost, warnIfUnknownHost, feedHostAllowed, fetchJson } from './lib/http';

const log = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });

export const fetchDocsPage = tool(
  async ({ url }) => {
    const safe = assertDocsHost(url);
    log.info('fetch_docs_page', { url: safe.href });
    const { data } = await axios.get<string>(safe.href, { timeout: 10_000, responseType: 'text' });
    return data.slice(0, 8000);
  },
  {
    name: 'fetch_docs_page',
    description: 'Fetch a page from the product documentation sites.',
    schema: z.object({ url: z.string().url() }),
  },
);

export const fetchAnyPage = tool(
  async ({ url }) => {
    warnIfUnknownHost(url);
    log.info('fetch_any_page', { url });
    const body = await got(url, { timeout: { request: 10_000 } }).text();
    return body.slice(0, 8000);
  },
  {
    name: 'fetch_any_page',
    description: 'Fetch any web page the user mentions.',
    schema: z.object({ url: z.string() }),
  },
);

export const readFeed = new DynamicStructuredTool({
  name: 'read_feed',
  description: 'Read a JSON feed and return the latest item titles.',
  schema: z.object({ feedUrl: z.string(), limit: z.number().int().max(50).default(10) }),
  func: async ({ feedUrl, limit }) => {
    if (!feedHostAllowed(feedUrl)) {
      return 'That feed host is not allowed.';
    }
    const feed = await fetchJson<{ items: { title: string }[] }>(feedUrl);
    return feed.items.slice(0, limit).map((i) => i.title).join('\n');
  },
});

export const summarizeText = new DynamicStructuredTool({
  name: 'summarize_text',
  description: 'Return the first sentences of a text as a crude summary.',
  schema: z.object({ text: z.string(), sentences: z.number().int().min(1).max(10) }),
  func: async ({ text, sentences }) => {
    const parts = text.split(/(?<=[.!?])\s+/);
    return parts.slice(0, sentences).join(' ');
  },
});

export class WikipediaSearchTool extends StructuredTool {
  name = 'wikipedia_search';
  description = 'Search English Wikipedia and return matching article titles.';
  schema = z.object({ query: z.string(), max: z.number().int().max(20).optional() });

  async _call({ query, max }: { query: string; max?: number }): Promise<string> {
    const api = `https://en.wikipedia.org/w/api.php?action=opensearch&format=json&limit=${max ?? 5}&search=${encodeURIComponent(query)}`;
    const [, titles] = await ky.get(api).json<[string, string[]]>();
    return titles.join('\n');
  }
}

export const researchTools = [fetchDocsPage, fetchAnyPage, readFeed, summarizeText, new WikipediaSearchTool()];
