// LangChain.js tools over the orders database.
import { tool, DynamicStructuredTool } from "@langchain/core/tools";
import { z } from "zod";
import { Pool } from "pg";
import knex from "knex";
import { PrismaClient } from "@prisma/client";
import pino from "pino";
import winston from "winston";
import express from "express";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const kx = knex({ client: "pg", connection: process.env.DATABASE_URL });
const prisma = new PrismaClient();
const logger = winston.createLogger({ level: "info", transports: [new winston.transports.Console()] });
const audit = pino().child({ component: "orders-tools" });

export const findCustomer = tool(
  async ({ customerId }) => {
    logger.info("findCustomer", { customerId });
    const { rows } = await pool.query(
      "SELECT id, name, email FROM customers WHERE id = $1",
      [customerId],
    );
    return JSON.stringify(rows[0] ?? null);
  },
  {
    name: "find_customer",
    description: "Look up a customer by id.",
    schema: z.object({ customerId: z.string() }),
  },
);

export const listOrders = new DynamicStructuredTool({
  name: "list_orders",
  description: "List orders for a customer.",
  schema: z.object({ customerId: z.string() }),
  func: async ({ customerId }) => {
    audit.info({ customerId }, "listOrders");
    const rows = await kx("orders").where({ customer_id: customerId }).select("id", "status");
    return JSON.stringify(rows);
  },
});

export const searchProducts = tool(
  async ({ q }) => {
    audit.info({ q }, "searchProducts");
    const items = await prisma.product.findMany({
      where: { name: { contains: q } },
      take: 20,
    });
    return JSON.stringify(items);
  },
  {
    name: "search_products",
    description: "Search the product catalogue by name.",
    schema: z.object({ q: z.string() }),
  },
);

export const tableSummary = new DynamicStructuredTool({
  name: "table_summary",
  description: "Summarise the first rows of a reporting table.",
  schema: z.object({ table: z.string() }),
  func: async ({ table }) => {
    logger.info("tableSummary", { table });
    const { rows } = await pool.query(`SELECT * FROM ${table} LIMIT 20`);
    return JSON.stringify(rows);
  },
});

// Internal admin API (behind VPN); not used by the agent.
const app = express();
app.get("/admin/query", async (req, res) => {
  const { rows } = await pool.query(String(req.query.sql));
  res.json(rows);
});
app.listen(8081);
