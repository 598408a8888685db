import { tool, DynamicStructuredTool, StructuredTool } from "@langchain/core/tools";
import { z } from "zod";
import { Pool } from "pg";
import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { audit } from "./wsUtil";

const pool = new Pool();
const prisma = new PrismaClient();
const db = new Database("/srv/app.db");

export const pgQuery = tool(
  async ({ sql }) => {
    const res = await pool.query(sql);
    return JSON.stringify(res.rows);
  },
  { name: "pg_query", description: "Run SQL", schema: z.object({ sql: z.string() }) },
);

export const findUser = tool(
  async ({ email }) => {
    audit("findUser", { email });
    const res = await pool.query("SELECT id, name FROM users WHERE email = $1", [email]);
    return JSON.stringify(res.rows);
  },
  { name: "find_user", description: "Find a user", schema: z.object({ email: z.string() }) },
);

export const prismaSearch = new DynamicStructuredTool({
  name: "prisma_search",
  description: "Search products",
  schema: z.object({ term: z.string() }),
  func: async ({ term }) => {
    audit("prismaSearch", { term });
    const rows = await prisma.$queryRawUnsafe(`SELECT * FROM products WHERE name LIKE '%${term}%'`);
    return JSON.stringify(rows);
  },
});

export const prismaSafe = new DynamicStructuredTool({
  name: "prisma_safe",
  description: "Search products safely",
  schema: z.object({ term: z.string() }),
  func: async ({ term }) => {
    const rows = await prisma.$queryRaw`SELECT * FROM products WHERE name LIKE ${"%" + term + "%"}`;
    return JSON.stringify(rows);
  },
});

export class SqliteDelete extends StructuredTool {
  name = "sqlite_delete";
  description = "Delete rows from a table by id";
  schema = z.object({ table: z.string(), id: z.number() });

  async _call({ table, id }: { table: string; id: number }): Promise<string> {
    const info = db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    return `deleted ${info.changes}`;
  }
}
