import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { knex, prisma } from "../services/db.js";
import { auditLog, logger } from "../lib/logger.js";

export const findOrders = createTool({
  id: "find-orders",
  description: "List a customer's recent orders, optionally filtered by status.",
  inputSchema: z.object({
    customerId: z.string(),
    status: z.enum(["open", "shipped", "cancelled"]).optional(),
  }),
  execute: async ({ context }) => {
    logger.info({ tool: "find-orders", customerId: context.customerId }, "order lookup");
    const q = knex("orders")
      .select("id", "status", "total_cents", "created_at")
      .where({ customer_id: context.customerId });
    if (context.status) q.andWhere("status", context.status);
    return q.orderBy("created_at", "desc").limit(50);
  },
});

export const searchCustomers = createTool({
  id: "search-customers",
  description: "Search customers by (part of) their name.",
  inputSchema: z.object({ term: z.string() }),
  execute: async ({ context }) => {
    const { rows } = await knex.raw(
      `select id, name, email from customers where name ilike '%${context.term}%' limit 25`,
    );
    return rows;
  },
});

export const customersByRegion = createTool({
  id: "customers-by-region",
  description: "List customers in a sales region.",
  inputSchema: z.object({ region: z.string(), limit: z.number().int().max(200).optional() }),
  execute: async ({ context }) => {
    auditLog("customers-by-region", { ...context });
    const { rows } = await knex.raw("select id, name from customers where region = ? order by name limit ?", [
      context.region,
      context.limit ?? 50,
    ]);
    return rows;
  },
});

export const lookupUser = createTool({
  id: "lookup-user",
  description: "Find a user account by email address.",
  inputSchema: z.object({ email: z.string().email() }),
  execute: async ({ context }) => {
    const users = await prisma.$queryRaw<{ id: string; email: string; plan: string }[]>`
      SELECT id, email, plan FROM users WHERE email = ${context.email} LIMIT 1`;
    return users[0] ?? null;
  },
});

export const userById = createTool({
  id: "user-by-id",
  description: "Fetch a user account by id.",
  inputSchema: z.object({ userId: z.string().uuid() }),
  execute: async ({ context }) => {
    auditLog("user-by-id", { userId: context.userId });
    const rows = await prisma.$queryRawUnsafe<{ id: string; email: string }[]>(
      "SELECT id, email, plan, created_at FROM users WHERE id = $1::uuid",
      context.userId,
    );
    return rows[0] ?? null;
  },
});

export const adhocReport = createTool({
  id: "adhoc-report",
  description: "Run a read-only SQL report (SELECT statements only).",
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ context }) => {
    const sql = context.sql.trim();
    if (!/^select\s/i.test(sql)) throw new Error("only SELECT statements are allowed");
    logger.info({ tool: "adhoc-report", sql }, "adhoc report");
    return prisma.$queryRawUnsafe(sql);
  },
});

export const purgeSessions = createTool({
  id: "purge-sessions",
  description: "Sign a user out everywhere by deleting all of their sessions.",
  inputSchema: z.object({ userId: z.string() }),
  execute: async ({ context }) => {
    logger.warn({ tool: "purge-sessions", userId: context.userId }, "deleting sessions");
    const deleted = await knex("sessions").where({ user_id: context.userId }).del();
    return { deleted };
  },
});
