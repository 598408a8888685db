import { tool } from "@langchain/core/tools";
import axios from "axios";
import puppeteer from "puppeteer";
import { z } from "zod";
import { ALLOWED_FETCH_HOSTS, logger } from "../lib/services";

export const webFetch = tool(
  async ({ url }) => {
    logger.info("web_fetch", { url });
    const res = await axios.get<string>(url, {
      timeout: 10_000,
      maxRedirects: 3,
      responseType: "text",
    });
    const finalHost = new URL(res.request?.res?.responseUrl ?? url).host;
    if (!ALLOWED_FETCH_HOSTS.has(finalHost)) {
      throw new Error(`Fetched content from ${finalHost}, which is not an approved source`);
    }
    return res.data.slice(0, 15_000);
  },
  {
    name: "web_fetch",
    description: "Fetch a page from the Acme help centre, status page or developer docs.",
    schema: z.object({ url: z.string().url() }),
  },
);

// JS-rendered pages we expect to scrape (help centre widgets, developer portal).
const SCRAPE_HOSTS = ["help.acme.io", "developer.acme.io"];

export const scrapePage = tool(
  async ({ url, selector }) => {
    const browser = await puppeteer.launch({ headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: "networkidle2", timeout: 20_000 });
      const text = await page.$eval(selector, (el) => (el as HTMLElement).innerText);
      return text.slice(0, 15_000);
    } finally {
      await browser.close();
    }
  },
  {
    name: "scrape_page",
    description: `Render a JavaScript-heavy page (${SCRAPE_HOSTS.join(", ")}) in a headless browser and return the text of a CSS selector.`,
    schema: z.object({
      url: z.string().url(),
      selector: z.string().default("body"),
    }),
  },
);

const WIKI_BASE = "https://wiki.acme.io";

export const wikiPage = tool(
  async ({ url }) => {
    if (!url.startsWith(WIKI_BASE)) {
      return "Only pages on the internal wiki can be read.";
    }
    logger.info("wiki_page", { url });
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${process.env.WIKI_TOKEN}` },
    });
    return (await res.text()).slice(0, 15_000);
  },
  {
    name: "wiki_page",
    description: "Read a page of the internal wiki (https://wiki.acme.io/...).",
    schema: z.object({ url: z.string().url() }),
  },
);
