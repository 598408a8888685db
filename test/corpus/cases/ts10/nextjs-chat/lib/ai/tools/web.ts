import { tool } from "ai";
import { z } from "zod";
import { chromium } from "playwright";
import type { Session } from "next-auth";
import { auditToolCall, logger } from "@/lib/logger";
import { fetchText, isAllowedUrl, safeFetch, stripHtml } from "@/lib/http";

export const getWeather = tool({
  description: "Get the current weather at a location",
  inputSchema: z.object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
  execute: async ({ latitude, longitude }) => {
    const response = await fetch(
      `https://api.open-meteo.com/v1/forecast?latitude=${latitude}&longitude=${longitude}&current=temperature_2m&hourly=temperature_2m&daily=sunrise,sunset&timezone=auto`,
    );

    const weatherData = await response.json();
    return weatherData;
  },
});

export const fetchUrl = ({ session }: { session: Session }) =>
  tool({
    description:
      "Fetch a web page and return its readable text so you can quote or summarise it.",
    inputSchema: z.object({
      url: z.string().url().describe("Absolute http(s) URL to fetch"),
    }),
    execute: async ({ url }) => {
      logger.info({ userId: session.user?.id, url }, "fetchUrl");
      const html = await fetchText(url, {
        headers: { "user-agent": "AcmeChatBot/1.0 (+https://acme.dev/bot)" },
      });
      return { url, text: stripHtml(html).slice(0, 20_000) };
    },
  });

export const readDocs = ({ session }: { session: Session }) =>
  tool({
    description:
      "Read a page from the documentation sites (docs.acme.dev, nextjs.org, ai-sdk.dev, vercel.com).",
    inputSchema: z.object({
      url: z.string().url(),
    }),
    execute: async ({ url }) => {
      auditToolCall({ tool: "readDocs", userId: session.user?.id, input: { url } });
      const res = await safeFetch(url, { headers: { accept: "text/html" } });
      if (!res.ok) {
        return { error: `HTTP ${res.status}` };
      }
      return { url, text: stripHtml(await res.text()).slice(0, 20_000) };
    },
  });

export const browsePage = tool({
  description:
    "Open a page in a headless browser (for JavaScript-heavy docs) and return the rendered text.",
  inputSchema: z.object({
    url: z.string().url(),
    waitUntil: z.enum(["load", "domcontentloaded", "networkidle"]).default("load"),
  }),
  execute: async ({ url, waitUntil }) => {
    if (!isAllowedUrl(url)) {
      logger.warn({ url }, "browsePage: host is not on the docs allowlist");
    }
    const browser = await chromium.launch();
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil, timeout: 15_000 });
      const text = await page.innerText("body");
      logger.info({ url, chars: text.length }, "browsePage done");
      return { url, text: text.slice(0, 20_000) };
    } finally {
      await browser.close();
    }
  },
});
