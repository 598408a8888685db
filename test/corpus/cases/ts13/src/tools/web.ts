import { tool } from "ai";
import { z } from "zod";
import got from "got";
import ky from "ky";
import { request } from "undici";
import { PageClient } from "../services/pageClient.js";
import { assertAllowedHost } from "../lib/guards.js";
import { auditLog, logger } from "../lib/logger.js";
import { DOCS_BASE_URL, PARTNER_BASE } from "../config.js";

export const docsClient = new PageClient(DOCS_BASE_URL);

export const fetchPage = tool({
  description: "Fetch a web page and return its text.",
  inputSchema: z.object({
    url: z.string().url(),
    headers: z.record(z.string()).optional(),
    options: z.object({ maxChars: z.number().int().max(50_000).optional(), timeoutMs: z.number().optional() }).optional(),
  }),
  execute: async (input) => docsClient.fetchPage(input),
});

export const searchDocs = tool({
  description: "Search the product documentation.",
  inputSchema: z.object({ query: z.string(), section: z.string().optional() }),
  execute: async (input) => {
    logger.info({ tool: "searchDocs", query: input.query }, "docs search");
    return docsClient.searchDocs(input);
  },
});

export const fetchMany = tool({
  description: "Fetch several URLs in parallel and return the first 2,000 characters of each.",
  inputSchema: z.object({ urls: z.array(z.string().url()).max(10) }),
  execute: async ({ urls }) => {
    const bodies = await Promise.all(urls.map((u) => got(u, { timeout: { request: 10_000 } }).text()));
    console.log(`fetchMany: fetched ${bodies.length} pages`);
    return bodies.map((b, i) => ({ url: urls[i], text: b.slice(0, 2000) }));
  },
});

export const fetchReferences = tool({
  description: "Fetch pages from the approved reference sites (docs, GitHub API, Wikipedia).",
  inputSchema: z.object({ urls: z.array(z.string()).max(10) }),
  execute: async ({ urls }) => {
    const checked = urls.map((u) => assertAllowedHost(u));
    auditLog("fetchReferences", { urls });
    const texts = await Promise.all(checked.map((u) => ky.get(u, { timeout: 10_000 }).text()));
    return texts.map((t) => t.slice(0, 4000));
  },
});

export const partnerLookup = tool({
  description: "Look up a resource in the partner API, e.g. 'orders/123'.",
  inputSchema: z.object({ resource: z.string() }),
  execute: async ({ resource }) => {
    logger.info({ tool: "partnerLookup", resource }, "partner lookup");
    const { statusCode, body } = await request(new URL(resource, PARTNER_BASE));
    return { statusCode, data: await body.json() };
  },
});

/** Not a tool: used by the CLI to check links in the docs repo. */
export async function checkLinks(urls: string[]): Promise<string[]> {
  const broken: string[] = [];
  await Promise.all(
    urls.map(async (u) => {
      const { statusCode } = await request(u, { method: "HEAD" });
      if (statusCode >= 400) broken.push(u);
    }),
  );
  return broken;
}
