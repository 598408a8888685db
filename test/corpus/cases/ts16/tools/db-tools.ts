import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import Database from "better-sqlite3";
import mysql from "mysql2/promise";
import pg from "pg";
import { z } from "zod";

import { logger } from "../lib/audit";

const server = new McpServer({ name: "opsbot-data", version: "2.0.3" });

const ordersDb = mysql.createPool({
  host: "orders-db.internal",
  user: "opsbot",
  password: process.env.ORDERS_DB_PASSWORD,
  database: "orders",
});
const crm = new pg.Pool({ connectionString: process.env.CRM_DATABASE_URL });
const metricsDb = new Database("/srv/opsbot/metrics.sqlite", { readonly: true, fileMustExist: true });
const METRIC_TABLES = new Set(["request_latency", "error_rates", "deploys"]);

const asText = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }] });

server.registerTool(
  "query_orders",
  {
    description: "List recent orders with a given status (pending, shipped, refunded ...).",
    inputSchema: { status: z.string(), limit: z.number().int().max(500).default(50) },
  },
  async ({ status, limit }) => {
    logger.info({ status, limit }, "query_orders");
    const [rows] = await ordersDb.query(
      `SELECT id, customer_id, total, status FROM orders WHERE status = '${status}' ORDER BY created_at DESC LIMIT ${limit}`,
    );
    return asText(rows);
  },
);

server.registerTool(
  "read_metrics",
  {
    description: "Run a read-only SQL query over the metrics tables request_latency, error_rates and deploys.",
    inputSchema: { sql: z.string() },
  },
  async ({ sql }) => {
    const tables = [...sql.matchAll(/\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)/gi)].map((m) => m[1].toLowerCase());
    if (tables.length === 0 || tables.some((t) => !METRIC_TABLES.has(t))) {
      throw new Error(`only these tables may be queried: ${[...METRIC_TABLES].join(", ")}`);
    }
    logger.info({ tables }, "read_metrics");
    const rows = metricsDb.prepare(sql).all();
    return asText(rows);
  },
);

server.registerTool(
  "find_customer",
  {
    description: "Find a CRM customer by email address.",
    inputSchema: { email: z.string().email() },
  },
  async ({ email }) => {
    logger.info({ email }, "find_customer");
    const result = await crm.query("SELECT id, name, plan, created_at FROM customers WHERE lower(email) = lower($1)", [email]);
    return asText(result.rows);
  },
);

server.registerTool(
  "run_sql",
  {
    description: "Run an ad-hoc SELECT against the CRM database.",
    inputSchema: { sql: z.string() },
  },
  async ({ sql }) => {
    if (!/^\s*select\b/i.test(sql)) {
      throw new Error("only SELECT statements are allowed");
    }
    const result = await crm.query(sql);
    return asText(result.rows);
  },
);

server.registerTool(
  "purge_sessions",
  {
    description: "Sign a user out everywhere by deleting their sessions.",
    inputSchema: { userId: z.string().uuid() },
  },
  async ({ userId }) => {
    logger.info({ userId }, "purge_sessions");
    const result = await crm.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
    return asText({ removed: result.rowCount });
  },
);

/** Nightly retention job, invoked by scripts/cleanup.ts. */
export async function applyRetention(table: string, days: number): Promise<number> {
  const result = await crm.query(`DELETE FROM ${table} WHERE created_at < now() - interval '${days} days'`);
  return result.rowCount ?? 0;
}

export { server as dataServer };
