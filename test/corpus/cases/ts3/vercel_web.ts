import { tool } from 'ai';
import { z } from 'zod';
import pino from 'pino';

const logger = pino();
const BASE = 'https://api.example.com';

// @label searchApi: | new URL with constant relative path, model only in query param, logger
export const searchApi = tool({
  description: 'Search the API',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ query }) => {
    const u = new URL('/v1/search', BASE);
    u.searchParams.set('q', query);
    logger.info({ query }, 'searchApi');
    const res = await fetch(u);
    return res.text();
  },
});
// @end

// @label fetchPath: net,audit | new URL(modelPath, BASE) is not scoped
export const fetchPath = tool({
  description: 'Fetch a path on the API',
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ path }) => {
    const res = await fetch(new URL(path, BASE));
    return res.text();
  },
});
// @end

// @label getItem: audit | template URL with constant host, console only
export const getItem = tool({
  description: 'Get an item',
  inputSchema: z.object({ id: z.string() }),
  execute: async ({ id }) => {
    console.log('getItem', id);
    const res = await fetch(`https://api.example.com/items/${encodeURIComponent(id)}`);
    return res.json();
  },
});
// @end

const grab = async (target: string) => (await fetch(target)).text();

// @label fetchAny: net,audit | arrow helper doing fetch, called from tool
export const fetchAny = tool({
  description: 'Fetch any URL',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => grab(url),
});
// @end
