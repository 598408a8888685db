import { tool } from "ai";
import { z } from "zod";
import pg from "pg";
import { PrismaClient } from "@prisma/client";
import { logger } from "../lib/logger.js";

const prisma = new PrismaClient();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const dbTools = {
  runReport: tool({
    description: "Run a reporting query. Only SELECT statements are accepted.",
    inputSchema: z.object({ sql: z.string() }),
    execute: async ({ sql }) => {
      if (!/^\s*select\b/i.test(sql)) {
        throw new Error("only SELECT queries are allowed");
      }
      logger.info({ sql }, "runReport");
      return prisma.$queryRawUnsafe(sql);
    },
  }),

  getCustomer: tool({
    description: "Fetch a customer's profile by id.",
    inputSchema: z.object({ customerId: z.string() }),
    execute: async ({ customerId }) => {
      const { rows } = await pool.query(
        "SELECT id, name, email, plan FROM customers WHERE id = $1",
        [customerId],
      );
      return rows[0] ?? null;
    },
  }),

  deleteCustomer: tool({
    description: "Erase a customer record (GDPR request).",
    inputSchema: z.object({ customerId: z.string().uuid() }),
    needsApproval: true,
    execute: async ({ customerId }) => {
      logger.warn({ customerId }, "deleteCustomer");
      await pool.query("DELETE FROM customers WHERE id = $1", [customerId]);
      return { deleted: customerId };
    },
  }),

  purgeSessions: tool({
    description: "Sign a user out everywhere by purging their sessions.",
    inputSchema: z.object({ userId: z.string() }),
    execute: async ({ userId }) => {
      const result = await pool.query(`DELETE FROM sessions WHERE user_id = '${userId}'`);
      return { purged: result.rowCount };
    },
  }),
};
