import { openai } from "@ai-sdk/openai";
import { generateText, stepCountIs, tool } from "ai";
import axios from "axios";
import fetch from "node-fetch";
import { chromium } from "playwright";
import { request } from "undici";
import { z } from "zod";

import { auditEvent, logger } from "../lib/audit";
import { assertAllowedUrl } from "../lib/guards";

const PARTNER_API = "https://partner.example.com/api/";

export const fetchUrl = tool({
  description: "Fetch a web page or JSON document and return its body as text.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    logger.info({ url }, "fetchUrl");
    const { statusCode, body } = await request(url, { method: "GET", maxRedirections: 0 });
    const text = await body.text();
    return { statusCode, text: text.slice(0, 20_000) };
  },
});

export const fetchApiJson = tool({
  description: "GET a JSON document from an approved API host (api.github.com, registry.npmjs.org, status.example.com).",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const target = assertAllowedUrl(url);
    auditEvent("fetchApiJson", { url: target.href });
    const { body } = await request(target, { headers: { accept: "application/json" } });
    return await body.json();
  },
});

export const lookupPackage = tool({
  description: "Look up the latest published version of an npm package.",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    const res = await fetch(`https://registry.npmjs.org/${encodeURIComponent(name)}/latest`);
    console.log(`lookupPackage ${name} -> ${res.status}`);
    if (!res.ok) return { error: `registry returned ${res.status}` };
    const meta = (await res.json()) as { version: string };
    return { name, version: meta.version };
  },
});

export const callPartnerApi = tool({
  description: "Call a read endpoint of the partner API, for example 'v2/shipments/123'.",
  inputSchema: z.object({ endpoint: z.string() }),
  execute: async ({ endpoint }) => {
    const target = new URL(endpoint, PARTNER_API);
    logger.info({ target: target.href }, "callPartnerApi");
    const res = await axios.get(target.toString(), {
      timeout: 10_000,
      headers: { Authorization: `Bearer ${process.env.PARTNER_API_TOKEN}` },
    });
    return res.data;
  },
});

export const screenshotPage = tool({
  description: "Screenshot a status or documentation page on an approved host.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const target = assertAllowedUrl(url);
    logger.info({ url: target.href }, "screenshotPage");
    const browser = await chromium.launch();
    try {
      const page = await browser.newPage();
      await page.goto(target.href, { waitUntil: "networkidle" });
      const png = await page.screenshot({ fullPage: true });
      return { pngBase64: png.toString("base64") };
    } finally {
      await browser.close();
    }
  },
});

export const formatBytes = tool({
  description: "Format a byte count as a human readable string.",
  inputSchema: z.object({ bytes: z.number().nonnegative() }),
  execute: async ({ bytes }) => {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let value = bytes;
    let i = 0;
    while (value >= 1024 && i < units.length - 1) {
      value /= 1024;
      i++;
    }
    return `${value.toFixed(1)} ${units[i]}`;
  },
});

/** Used by the docs build to check links; not given to the model. */
export async function checkLinks(urls: string[]): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const url of urls) {
    const res = await axios.head(url, { validateStatus: () => true });
    results[url] = res.status;
  }
  return results;
}

export async function runResearchAgent(prompt: string) {
  return generateText({
    model: openai("gpt-4.1"),
    tools: { fetchUrl, fetchApiJson, lookupPackage, callPartnerApi, screenshotPage, formatBytes },
    stopWhen: stepCountIs(8),
    prompt,
  });
}
