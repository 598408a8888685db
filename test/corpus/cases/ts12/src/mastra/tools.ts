import { createTool } from "@mastra/core/tools";
import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { logger } from "../lib/logger.js";

const EXPORT_DIR = "/srv/helpdesk/exports";
const ALLOWED_TABLES = new Set(["tickets", "ticket_events", "agents", "sla_breaches"]);
const analyticsPool = new pg.Pool({ connectionString: process.env.ANALYTICS_DATABASE_URL });

export const fetchTenantReport = createTool({
  id: "fetch-tenant-report",
  description: "Fetch a report from the current tenant's reporting API.",
  inputSchema: z.object({ reportId: z.string() }),
  execute: async ({ context, runtimeContext }) => {
    const apiBase = runtimeContext.get("tenantApiBase") as string;
    logger.info({ reportId: context.reportId, apiBase }, "fetch-tenant-report");
    const res = await fetch(`${apiBase}/reports/${encodeURIComponent(context.reportId)}`);
    return res.json();
  },
});

export const writeExport = createTool({
  id: "write-export",
  description: "Save generated CSV content as a new export file.",
  inputSchema: z.object({ filename: z.string(), content: z.string() }),
  execute: async ({ context }) => {
    const target = path.join(EXPORT_DIR, context.filename);
    logger.info({ target }, "write-export");
    await writeFile(target, context.content, { flag: "wx" });
    return { path: target };
  },
});

export const queryTickets = createTool({
  id: "query-tickets",
  description: "Run an analytical SQL query over the ticket tables.",
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ context }) => {
    const sql = context.sql.trim();
    if (sql.includes(";")) throw new Error("one statement only");
    const tables = [...sql.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/gi)].map((m) =>
      m[1].toLowerCase(),
    );
    if (tables.length === 0 || tables.some((t) => !ALLOWED_TABLES.has(t))) {
      throw new Error(`queries may only read ${[...ALLOWED_TABLES].join(", ")}`);
    }
    logger.info({ sql }, "query-tickets");
    const client = await analyticsPool.connect();
    try {
      await client.query("BEGIN TRANSACTION READ ONLY");
      const { rows } = await client.query(sql);
      return rows.slice(0, 500);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  },
});

export const analyst = new Agent({
  name: "analyst",
  instructions: "You analyse support operations for the current tenant.",
  model: openai("gpt-4.1-mini"),
  tools: { fetchTenantReport, writeExport, queryTickets },
});
