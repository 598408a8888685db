import type { Pool } from "pg";
import { z } from "zod";
import { defineTool } from "../lib/defineTool.js";
import { ToolInputError } from "../lib/errors.js";
import { auditLog, getLogger } from "../lib/logger.js";
import { withRetry } from "../lib/retry.js";

const log = getLogger("tools.database");

const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"] as const;

export function createDatabaseTools({ db }: { db: Pool }) {
  const queryOrders = defineTool({
    name: "query_orders",
    description: "List a customer's most recent orders, optionally filtered by status.",
    input: z.object({
      customerId: z.string().uuid(),
      status: z.enum(ORDER_STATUSES).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    run: async ({ customerId, status, limit }) => {
      log.info({ customerId, status, limit }, "query_orders");
      const { rows } = await db.query(
        `SELECT id, status, total_cents, created_at
           FROM orders
          WHERE customer_id = $1 AND ($2::text IS NULL OR status = $2)
          ORDER BY created_at DESC
          LIMIT $3`,
        [customerId, status ?? null, limit],
      );
      return rows;
    },
  });

  const runSql = defineTool({
    name: "run_sql",
    description: "Run an ad-hoc SELECT against the reporting database.",
    input: z.object({ sql: z.string().max(10_000) }),
    run: async ({ sql }) => {
      if (!/^\s*select\b/i.test(sql)) {
        throw new ToolInputError("only SELECT statements are allowed");
      }
      const { rows } = await withRetry(() => db.query(sql), { attempts: 2 });
      return rows.slice(0, 500);
    },
  });

  const searchProducts = defineTool({
    name: "search_products",
    description: "Full-text product search. sortBy: relevance | price_cents | created_at.",
    input: z.object({ term: z.string().min(1), sortBy: z.string().default("relevance") }),
    run: async ({ term, sortBy }) => {
      log.info({ term, sortBy }, "search_products");
      const orderBy = sortBy === "relevance" ? "ts_rank(search_vector, q) DESC" : sortBy;
      const { rows } = await db.query(
        `SELECT id, title, price_cents
           FROM products, plainto_tsquery('english', $1) q
          WHERE search_vector @@ q
          ORDER BY ${orderBy}
          LIMIT 50`,
        [term],
      );
      return rows;
    },
  });

  const purgeCustomerData = defineTool({
    name: "purge_customer_data",
    description: "GDPR erasure: delete a customer's personal data. The user confirms in the chat UI.",
    input: z.object({ customerId: z.string().uuid(), ticket: z.string() }),
    needsApproval: true,
    run: async ({ customerId, ticket }) => {
      auditLog("customer.purge", { customerId, ticket });
      const client = await db.connect();
      try {
        await client.query("BEGIN");
        await client.query("DELETE FROM addresses WHERE customer_id = $1", [customerId]);
        await client.query("DELETE FROM payment_methods WHERE customer_id = $1", [customerId]);
        await client.query("DELETE FROM customers WHERE id = $1", [customerId]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      } finally {
        client.release();
      }
      return { purged: customerId };
    },
  });

  const deleteClosedTickets = defineTool({
    name: "delete_closed_tickets",
    description: "Delete support tickets closed more than N days ago.",
    input: z.object({ olderThanDays: z.number().int().min(30).max(3_650) }),
    run: async ({ olderThanDays }) => {
      log.info({ olderThanDays }, "delete_closed_tickets");
      const result = await db.query(
        "DELETE FROM support_tickets WHERE status = 'closed' AND closed_at < now() - make_interval(days => $1)",
        [olderThanDays],
      );
      return { deleted: result.rowCount };
    },
  });

  return {
    query_orders: queryOrders,
    run_sql: runSql,
    search_products: searchProducts,
    purge_customer_data: purgeCustomerData,
    delete_closed_tickets: deleteClosedTickets,
  };
}
