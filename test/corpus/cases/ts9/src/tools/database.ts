import { DynamicStructuredTool, StructuredTool, tool } from "@langchain/core/tools";
import { interrupt } from "@langchain/langgraph";
import type { Pool } from "pg";
import { z } from "zod";
import { auditLog, logger } from "../lib/audit";
import { knex, pool, prisma, queryReplica, runReadOnlyQuery } from "../lib/db";
import { bigintReplacer } from "../lib/format";

const MAX_ROWS = 100;

export const runSqlTool = tool(
  async ({ query }) => {
    const { rows } = await pool.query(query);
    return JSON.stringify(rows.slice(0, MAX_ROWS));
  },
  {
    name: "run_sql",
    description: "Run a SQL query against the application database and return up to 100 rows.",
    schema: z.object({ query: z.string() }),
  },
);

export const getCustomerTool = tool(
  async ({ email }) => {
    logger.info({ tool: "get_customer", email }, "customer lookup");
    const { rows } = await pool.query(
      "SELECT id, name, email, plan, created_at FROM customers WHERE email = $1",
      [email.trim().toLowerCase()],
    );
    return rows[0] ? JSON.stringify(rows[0]) : "No customer with that email.";
  },
  {
    name: "get_customer",
    description: "Look up a customer record by email address.",
    schema: z.object({ email: z.string().email() }),
  },
);

export const searchOrdersTool = new DynamicStructuredTool({
  name: "search_orders",
  description: "Search orders by status, newest first.",
  schema: z.object({
    status: z.string().describe("pending | paid | shipped | refunded"),
    sortBy: z.string().default("created_at"),
  }),
  func: async ({ status, sortBy }) => {
    logger.info({ tool: "search_orders", status, sortBy }, "order search");
    const sql = `select id, customer_id, total_cents, status, created_at
      from orders where status = '${status}' order by ${sortBy} desc limit ${MAX_ROWS}`;
    const result = await knex.raw(sql);
    return JSON.stringify(result.rows);
  },
});

export const analyticsQueryTool = new DynamicStructuredTool({
  name: "analytics_query",
  description: "Run a read-only analytics query (SELECT only) against the warehouse.",
  schema: z.object({ sql: z.string() }),
  func: async ({ sql }) => {
    if (!sql.trim().toUpperCase().startsWith("SELECT")) {
      throw new Error("Only SELECT statements are allowed");
    }
    auditLog({ tool: "analytics_query", action: "sql.query", details: { sql } });
    const rows = await prisma.$queryRawUnsafe<unknown[]>(sql);
    return JSON.stringify(rows.slice(0, MAX_ROWS), bigintReplacer);
  },
});

const reportQuerySchema = z.object({
  sql: z.string().describe("A SELECT over orders, order_items, products or daily_revenue"),
  params: z.array(z.union([z.string(), z.number()])).default([]),
});

export class ReportQueryTool extends StructuredTool {
  name = "report_query";
  description = "Run a read-only reporting query over the sales tables. Use $1, $2… for values.";
  schema = reportQuerySchema;

  async _call({ sql, params }: z.infer<typeof reportQuerySchema>): Promise<string> {
    auditLog({ tool: this.name, action: "sql.readonly", details: { sql, params } });
    const rows = await runReadOnlyQuery(sql, params);
    return JSON.stringify(rows.slice(0, MAX_ROWS), bigintReplacer);
  }
}

const deleteCustomerSchema = z.object({
  customerId: z.string().uuid(),
  reason: z.string().describe("GDPR request id or ticket number"),
});

export class DeleteCustomerTool extends StructuredTool {
  name = "delete_customer";
  description = "Delete a customer and their profile (GDPR erasure).";
  schema = deleteCustomerSchema;

  constructor(private readonly db: Pool = pool) {
    super();
  }

  async _call({ customerId, reason }: z.infer<typeof deleteCustomerSchema>): Promise<string> {
    auditLog({ tool: this.name, action: "customers.delete", target: customerId, details: { reason } });
    await this.db.query("DELETE FROM customers WHERE id = $1", [customerId]);
    return `Customer ${customerId} deleted.`;
  }
}

export const purgeSessionsTool = tool(
  async ({ userId }) => {
    const decision = interrupt({
      action: "purge_sessions",
      userId,
      message: `Sign user ${userId} out of all devices?`,
    }) as { approved?: boolean };
    if (decision?.approved !== true) {
      return "Purge cancelled by reviewer.";
    }
    auditLog({ tool: "purge_sessions", action: "sessions.delete", target: userId });
    const { rowCount } = await pool.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
    return `Purged ${rowCount ?? 0} sessions.`;
  },
  {
    name: "purge_sessions",
    description: "Sign a user out everywhere by deleting all of their sessions.",
    schema: z.object({ userId: z.string().uuid() }),
  },
);

export const exploreTableTool = tool(
  async ({ sql }) => {
    logger.info({ tool: "explore_table", sql }, "replica exploration query");
    const rows = await queryReplica(sql);
    return JSON.stringify(rows.slice(0, MAX_ROWS), bigintReplacer);
  },
  {
    name: "explore_table",
    description: "Explore data on the read-only reporting replica with an ad-hoc query.",
    schema: z.object({ sql: z.string() }),
  },
);

export const databaseTools = [
  runSqlTool,
  getCustomerTool,
  searchOrdersTool,
  analyticsQueryTool,
  new ReportQueryTool(),
  new DeleteCustomerTool(),
  purgeSessionsTool,
  exploreTableTool,
];
