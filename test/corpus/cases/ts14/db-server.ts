// Orders database MCP server (Postgres via node-postgres).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import pg from "pg";
import { z } from "zod";
import { auditLog, logger } from "./shared.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const REPORT_TABLES = new Set(["orders", "order_items", "products"]);

const server = new McpServer({ name: "orders-db", version: "0.9.2" }, { capabilities: { logging: {} } });

server.tool(
  "query",
  "Run a read-only SQL query against the orders database",
  { sql: z.string() },
  async ({ sql }) => {
    if (!/^\s*select\b/i.test(sql)) {
      throw new Error("only SELECT queries are permitted");
    }
    logger.info({ tool: "query", sql }, "query");
    const { rows } = await pool.query(sql);
    return { content: [{ type: "text", text: JSON.stringify(rows, null, 2) }] };
  },
);

server.tool("get_order", { orderId: z.string().uuid() }, async ({ orderId }) => {
  const { rows } = await pool.query(
    "SELECT id, status, total_cents, created_at FROM orders WHERE id = $1",
    [orderId],
  );
  return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
});

function assertReportTables(sql: string): void {
  const refs = [...sql.matchAll(/\b(?:from|join)\s+([a-z_][\w.]*)/gi)].map((m) =>
    m[1].split(".").pop()!.toLowerCase(),
  );
  if (refs.length === 0 || refs.some((t) => !REPORT_TABLES.has(t))) {
    throw new Error(`query may only read: ${[...REPORT_TABLES].join(", ")}`);
  }
  if (sql.trim().replace(/;$/, "").includes(";")) {
    throw new Error("one statement only");
  }
}

server.registerTool(
  "report_query",
  {
    title: "Reporting query",
    description: "Run an ad-hoc reporting query in a READ ONLY transaction",
    inputSchema: { sql: z.string() },
    annotations: { readOnlyHint: true },
  },
  async ({ sql }) => {
    assertReportTables(sql);
    logger.info({ tool: "report_query", sql }, "report query");
    const client = await pool.connect();
    try {
      await client.query("BEGIN READ ONLY");
      const { rows } = await client.query(sql);
      await client.query("COMMIT");
      return { content: [{ type: "text", text: JSON.stringify(rows) }] };
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  },
);

server.registerTool(
  "cancel_order",
  {
    title: "Cancel order",
    description: "Cancel and delete a pending order",
    inputSchema: { orderId: z.string().uuid() },
    annotations: { destructiveHint: true },
  },
  async ({ orderId }) => {
    const answer = await server.server.elicitInput({
      message: `Delete pending order ${orderId}? This cannot be undone.`,
      requestedSchema: {
        type: "object",
        properties: { confirm: { type: "boolean", title: "Delete the order" } },
        required: ["confirm"],
      },
    });
    if (answer.action !== "accept" || answer.content?.confirm !== true) {
      return { content: [{ type: "text", text: "Cancelled by user." }] };
    }
    auditLog("cancel_order", { orderId });
    await pool.query("DELETE FROM orders WHERE id = $1 AND status = 'pending'", [orderId]);
    return { content: [{ type: "text", text: `Order ${orderId} deleted.` }] };
  },
);

server.tool(
  "purge_my_sessions",
  "Sign the calling user out everywhere by deleting their sessions",
  {},
  async (_args, extra) => {
    const clientId = extra.authInfo?.clientId;
    if (!clientId) throw new Error("authentication required");
    logger.info({ tool: "purge_my_sessions", clientId }, "purging sessions");
    const res = await pool.query(`DELETE FROM sessions WHERE client_id = '${clientId}'`);
    return { content: [{ type: "text", text: `removed ${res.rowCount} sessions` }] };
  },
);

server.tool(
  "orders_by_status",
  "List orders with a given status, sorted by a column",
  { status: z.enum(["pending", "paid", "shipped", "cancelled"]), sortBy: z.string().default("created_at") },
  async ({ status, sortBy }) => {
    logger.info({ tool: "orders_by_status", status, sortBy }, "list orders");
    const { rows } = await pool.query(
      `SELECT id, status, total_cents, created_at FROM orders WHERE status = $1 ORDER BY ${sortBy} DESC LIMIT 100`,
      [status],
    );
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
);

async function migrate(): Promise<void> {
  // startup only: idempotent schema fixes, never reachable from a tool
  await pool.query("DROP TABLE IF EXISTS tmp_order_import");
  await pool.query(process.env.ORDERS_MIGRATION_SQL ?? "SELECT 1");
}

await migrate();
await server.connect(new StdioServerTransport());
