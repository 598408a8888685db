import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { prisma, readOnlyQuery } from "../lib/db";
import { partnerGet, STATUS_HOSTS } from "../lib/http";
import { logger } from "../lib/logger";
import { runGit } from "../lib/shell";
import { fetchUrl } from "./tools";

export const fetchSupplierFeed = createTool({
  id: "fetchSupplierFeed",
  description: "Fetch a feed from the supplier partner API, e.g. /feeds/stock.json",
  inputSchema: z.object({ feedPath: z.string() }),
  execute: async ({ context }) => {
    logger.info({ tool: "fetchSupplierFeed", feedPath: context.feedPath }, "agent tool call");
    return partnerGet(context.feedPath);
  },
});

export const checkSiteStatus = createTool({
  id: "checkSiteStatus",
  description: "Check whether one of our public sites responds.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ context }) => {
    const target = new URL(context.url);
    if (!STATUS_HOSTS.has(target.host)) {
      throw new Error(`${target.host} is not one of our sites`);
    }
    const res = await fetch(target, { method: "HEAD", redirect: "manual" });
    return { status: res.status };
  },
});

export const deleteCustomerNote = createTool({
  id: "deleteCustomerNote",
  description: "Delete an internal note attached to a customer.",
  inputSchema: z.object({ noteId: z.string().uuid() }),
  execute: async ({ context }) => {
    logger.info({ tool: "deleteCustomerNote", noteId: context.noteId }, "agent tool call");
    await prisma.$queryRawUnsafe(`DELETE FROM "CustomerNote" WHERE id = $1::uuid`, context.noteId);
    return { deleted: context.noteId };
  },
});

export const runAnalyticsQuery = createTool({
  id: "runAnalyticsQuery",
  description: "Run a SQL query against the analytics tables (orders_daily, product_views, cart_funnel, refunds_daily).",
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ context }) => {
    logger.info({ tool: "runAnalyticsQuery", sql: context.sql }, "agent tool call");
    const rows = await readOnlyQuery(context.sql);
    return { rows: rows.slice(0, 500) };
  },
});

export const crawlCompetitorPage = createTool({
  id: "crawlCompetitorPage",
  description: "Fetch a competitor's public price feed for comparison.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ context }) => {
    logger.info({ tool: "crawlCompetitorPage", url: context.url }, "agent tool call");
    const feed = await fetchUrl.execute!({ url: context.url }, { toolCallId: "mastra-crawl", messages: [] });
    return { feed };
  },
});

export const recentCommits = createTool({
  id: "recentCommits",
  description: "List the latest commits that touched a path in the repository.",
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ context }) => {
    logger.info({ tool: "recentCommits", path: context.path }, "agent tool call");
    const out = await runGit(["log", "--oneline", "-n", "20", "--", context.path]);
    return { commits: out.split("\n").filter(Boolean) };
  },
});
