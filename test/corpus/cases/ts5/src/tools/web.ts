import { tool } from 'ai';
import { z } from 'zod';
import { http, logger } from '../services';
import { assertAllowedUrl, isPartnerUrl } from '../security/hosts';
import { auditLog } from '../security/audit';

const STATUS_BASE = 'https://status.acme.io';
const KB_SEARCH = 'https://kb.acme.io/api/v2/search';

export const fetchUrl = tool({
  description: 'Download a web page and return its text content.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const html = await http.get(url);
    return html.slice(0, 20_000);
  },
});

export const fetchPartnerDoc = tool({
  description: 'Read a page from the partner cloud documentation.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    if (!isPartnerUrl(url)) {
      throw new Error('only partner documentation can be fetched');
    }
    logger.info({ url }, 'fetching partner doc');
    return http.get(url);
  },
});

export const fetchDocsPage = tool({
  description: 'Fetch a documentation page from an approved docs site.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const checked = assertAllowedUrl(url);
    auditLog('web.fetch_docs', { host: checked.hostname, path: checked.pathname });
    return http.get(checked.toString());
  },
});

export const searchKnowledgeBase = tool({
  description: 'Search the internal knowledge base.',
  inputSchema: z.object({ query: z.string().min(2), limit: z.number().int().max(20).default(5) }),
  execute: async ({ query, limit }) => {
    logger.info({ query, limit }, 'kb search');
    const hits = await http.getJson<{ title: string; url: string }[]>(
      `${KB_SEARCH}?q=${encodeURIComponent(query)}&limit=${limit}`,
    );
    return hits.map((h) => `${h.title} - ${h.url}`).join('\n');
  },
});

export const getWeather = tool({
  description: 'Current weather for a city.',
  inputSchema: z.object({ city: z.string(), units: z.enum(['metric', 'imperial']).default('metric') }),
  execute: async ({ city, units }) => {
    const key = process.env.OPENWEATHER_API_KEY;
    const data = await http.getJson<{ main: { temp: number } }>(
      `https://api.openweathermap.org/data/2.5/weather?q=${encodeURIComponent(city)}&units=${units}&appid=${key}`,
    );
    return { city, temperature: data.main.temp, units };
  },
});

export const fetchStatusPage = tool({
  description: 'Read a component page from the Acme status site, e.g. "components/api".',
  inputSchema: z.object({ page: z.string() }),
  execute: async ({ page }) => {
    const target = new URL(page, STATUS_BASE);
    logger.info({ target: target.toString() }, 'status page');
    return http.get(target.toString());
  },
});

export const summarizeText = tool({
  description: 'Return simple statistics and the first sentences of a text.',
  inputSchema: z.object({ text: z.string(), sentences: z.number().int().min(1).max(10).default(3) }),
  execute: async ({ text, sentences }) => {
    const parts = text.split(/(?<=[.!?])\s+/);
    return {
      words: text.split(/\s+/).filter(Boolean).length,
      summary: parts.slice(0, sentences).join(' '),
    };
  },
});

/** Warms the CDN cache for a list of pages; used by the deploy pipeline, not by agents. */
export async function warmPages(urls: string[]): Promise<void> {
  await Promise.all(urls.map((u) => http.get(u)));
}

export const webTools = {
  fetchUrl,
  fetchPartnerDoc,
  fetchDocsPage,
  searchKnowledgeBase,
  getWeather,
  fetchStatusPage,
  summarizeText,
};
