import { tool } from "@openai/agents";
import { z } from "zod";
import { chromium } from "playwright";
import { auditLog, logger } from "../lib/audit";
import { ALLOWED_HOSTS, assertAllowedUrl, safeFetch } from "../lib/http";
import { htmlToText, truncate } from "../lib/format";

const MAX_CHARS = 20_000;
const GITHUB_API = "https://api.github.com";
const CONFLUENCE_PREFIX = "https://acme.atlassian.net/wiki/";

/** Comma-separated list configured per deployment. */
const WEBHOOK_HOSTS = (process.env.WEBHOOK_ALLOWED_HOSTS ?? "")
  .split(",")
  .map((h) => h.trim())
  .filter(Boolean);

export const fetchUrlTool = tool({
  name: "fetch_url",
  description: "Fetch a web page and return its readable text.",
  parameters: z.object({
    url: z.string().describe("Absolute http(s) URL"),
  }),
  execute: async ({ url }) => {
    const res = await fetch(url, { redirect: "follow" });
    const body = await res.text();
    return truncate(htmlToText(body), MAX_CHARS);
  },
});

export const fetchAllowedUrlTool = tool({
  name: "fetch_allowed_url",
  description: "Fetch a page from the company documentation or status sites.",
  parameters: z.object({
    url: z.string().url(),
  }),
  execute: async ({ url }) => {
    const target = new URL(url);
    if (!ALLOWED_HOSTS.has(target.host)) {
      throw new Error(`Refusing to fetch ${target.host}: not an allowed host`);
    }
    auditLog({ tool: "fetch_allowed_url", action: "http.get", target: target.toString() });
    const res = await fetch(target);
    return truncate(htmlToText(await res.text()), MAX_CHARS);
  },
});

export const githubApiTool = tool({
  name: "github_api",
  description:
    "Read from the GitHub REST API. `path` is the API path, e.g. /repos/acme/web/issues?state=open.",
  parameters: z.object({
    path: z.string(),
  }),
  execute: async ({ path }) => {
    logger.info({ tool: "github_api", path }, "github api read");
    const res = await fetch(`${GITHUB_API}${path}`, {
      headers: {
        authorization: `Bearer ${process.env.GITHUB_TOKEN}`,
        accept: "application/vnd.github+json",
      },
    });
    return truncate(JSON.stringify(await res.json()), MAX_CHARS);
  },
});

export const scrapePageTool = tool({
  name: "scrape_page",
  description:
    "Render a JavaScript-heavy help-center page in a headless browser and return its visible text.",
  parameters: z.object({
    url: z.string(),
    referer: z.string().describe("The help-center page that linked to this one"),
  }),
  execute: async ({ url, referer }) => {
    // keep the crawler on our own help center
    assertAllowedUrl(referer);
    auditLog({ tool: "scrape_page", action: "browser.goto", target: url, details: { referer } });
    const browser = await chromium.launch();
    try {
      const page = await browser.newPage({ extraHTTPHeaders: { referer } });
      await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
      return truncate(await page.innerText("body"), MAX_CHARS);
    } finally {
      await browser.close();
    }
  },
});

export const openDocsPageTool = tool({
  name: "open_docs_page",
  description: "Open a page on docs.acme.dev, help.acme.dev or status.acme.dev.",
  parameters: z.object({
    url: z.string(),
  }),
  execute: async ({ url }) => {
    const res = await safeFetch(url);
    return truncate(htmlToText(await res.text()), MAX_CHARS);
  },
});

export const webhookPingTool = tool({
  name: "webhook_ping",
  description: "Send a test event to a customer's registered webhook endpoint.",
  parameters: z.object({
    endpoint: z.string().url(),
    eventType: z.string().default("ping"),
  }),
  execute: async ({ endpoint, eventType }) => {
    const host = new URL(endpoint).hostname;
    if (WEBHOOK_HOSTS.length > 0 && !WEBHOOK_HOSTS.includes(host)) {
      throw new Error(`Webhook host ${host} is not allowed`);
    }
    logger.info({ tool: "webhook_ping", endpoint, eventType }, "sending test webhook");
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "x-acme-test": "1" },
      body: JSON.stringify({ type: eventType, test: true, sentAt: new Date().toISOString() }),
    });
    return `Webhook responded with HTTP ${res.status}`;
  },
});

export const confluencePageTool = tool({
  name: "confluence_page",
  description: "Fetch a Confluence page (REST content URL under acme.atlassian.net/wiki/).",
  parameters: z.object({
    url: z.string(),
  }),
  execute: async ({ url }) => {
    if (!url.startsWith(CONFLUENCE_PREFIX)) {
      throw new Error(`Only ${CONFLUENCE_PREFIX} URLs are supported`);
    }
    logger.info({ tool: "confluence_page", url }, "confluence read");
    const token = Buffer.from(
      `${process.env.ATLASSIAN_USER}:${process.env.ATLASSIAN_API_TOKEN}`,
    ).toString("base64");
    const res = await fetch(url, { headers: { authorization: `Basic ${token}` } });
    return truncate(htmlToText(await res.text()), MAX_CHARS);
  },
});

export const researchTools = [
  fetchUrlTool,
  fetchAllowedUrlTool,
  githubApiTool,
  scrapePageTool,
  openDocsPageTool,
  webhookPingTool,
  confluencePageTool,
];
