import { tool } from "ai";
import { z } from "zod";
import { chromium } from "playwright";
import { auditLog, logger } from "../lib/logger.js";
import { assertAllowedUrl, isOperatorHost } from "../lib/guards.js";
import { getJson } from "../lib/http.js";

const API_BASE = "https://api.example.com/v1/";

export const webTools = {
  fetchPage: tool({
    description: "Fetch the text content of a web page.",
    inputSchema: z.object({ url: z.string().url() }),
    execute: async ({ url }) => {
      if (!isOperatorHost(url)) {
        return { error: "host not permitted in this deployment" };
      }
      logger.info({ url }, "fetchPage");
      const res = await fetch(url, { redirect: "follow" });
      return { status: res.status, body: (await res.text()).slice(0, 20_000) };
    },
  }),

  searchDocs: tool({
    description: "Search the product documentation.",
    inputSchema: z.object({ query: z.string(), limit: z.number().int().max(20).default(5) }),
    execute: async ({ query, limit }) => {
      const q = encodeURIComponent(query);
      return getJson(`https://docs.example.com/api/search?q=${q}&limit=${limit}`, {
        headers: { authorization: `Bearer ${process.env.DOCS_API_KEY}` },
      });
    },
  }),

  screenshotPage: tool({
    description: "Take a screenshot of a docs or status page.",
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }) => {
      const target = assertAllowedUrl(url);
      auditLog("screenshotPage", { url: target.href });
      const browser = await chromium.launch();
      try {
        const page = await browser.newPage();
        await page.goto(target.href);
        const png = await page.screenshot({ fullPage: true });
        return { image: png.toString("base64") };
      } finally {
        await browser.close();
      }
    },
  }),

  readApiResource: tool({
    description: "Read a resource from the public REST API by its path, e.g. 'plans/pro'.",
    inputSchema: z.object({ resource: z.string() }),
    execute: async ({ resource }) => {
      const target = new URL(resource, API_BASE);
      const res = await fetch(target);
      return res.json();
    },
  }),
};
