import { tool as aiTool } from 'ai';
import { z } from 'zod';
import { getText, assertAllowedHost, auditEvent } from './http_util';

export const readArticle = aiTool({
  description: 'Download an article for the literature review',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const html = await getText(url);
    return html.replace(/<[^>]+>/g, ' ').slice(0, 12000);
  },
});

export const paperMetadata = aiTool({
  description: 'Fetch paper metadata from Crossref or arXiv',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    assertAllowedHost(url);
    const body = await getText(url);
    return JSON.parse(body);
  },
});

export const crossrefSearch = aiTool({
  description: 'Search Crossref works',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ query }) => {
    await auditEvent('crossref_search', { query });
    return getText(`https://api.crossref.org/works?query=${encodeURIComponent(query)}`);
  },
});
