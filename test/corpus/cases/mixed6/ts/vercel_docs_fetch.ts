// Vercel AI SDK tools for the documentation assistant.
import { tool } from "ai";
import { z } from "zod";
import pino from "pino";
import winston from "winston";

const baseLogger = pino({ level: "info" });
const log = baseLogger.child({ module: "docs-fetch" });
const wlog = winston.createLogger({ transports: [new winston.transports.Console()] });

const DOCS_HOST = "docs.example.com";
const MIRROR_HOSTS: Record<string, string> = {
  eu: "eu.mirror.example.com",
  us: "us.mirror.example.com",
};
const KB_BASE = "https://kb.example.com";

export const fetchDocsPage = tool({
  description: "Fetch a page from the product documentation site.",
  parameters: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    if (new URL(url).hostname !== DOCS_HOST) {
      throw new Error("only the documentation host is allowed");
    }
    log.info({ url }, "fetchDocsPage");
    const res = await fetch(url);
    return (await res.text()).slice(0, 4000);
  },
});

export const fetchMirrorFile = tool({
  description: "Download a release note from a regional mirror.",
  parameters: z.object({ region: z.enum(["eu", "us"]), file: z.string() }),
  execute: async ({ region, file }) => {
    let host: string;
    switch (region) {
      case "eu":
        host = MIRROR_HOSTS.eu;
        break;
      case "us":
        host = MIRROR_HOSTS.us;
        break;
      default:
        return "unknown region";
    }
    wlog.info("fetchMirrorFile", { region, file });
    const res = await fetch(`https://${host}/notes/${encodeURIComponent(file)}`);
    return res.text();
  },
});

export const fetchKbArticle = tool({
  description: "Fetch a knowledge-base article by path.",
  parameters: z.object({ articlePath: z.string() }),
  execute: async ({ articlePath }) => {
    log.info({ articlePath }, "fetchKbArticle");
    const res = await fetch(new URL(articlePath, KB_BASE));
    return res.text();
  },
});

export const fetchChangelog = tool({
  description: "Fetch a changelog from the release site.",
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    if (!url.startsWith("https://releases.example.com/")) {
      return "denied";
    }
    log.info({ url }, "fetchChangelog");
    const res = await fetch(url);
    return res.text();
  },
});
