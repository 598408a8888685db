import { PrismaClient } from "@prisma/client";
import { Pool } from "pg";
import { config } from "../config";

export const prisma = new PrismaClient();

// Separate replica used for reporting; the role only has SELECT grants.
export const analyticsPool = new Pool({ connectionString: config.analyticsUrl, max: 4 });

const ANALYTICS_TABLES = new Set(["orders_daily", "product_views", "cart_funnel", "refunds_daily"]);

export function assertTablesAllowed(sql: string): void {
  const tables = [...sql.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => m[1].toLowerCase());
  if (tables.length === 0) {
    throw new Error("query must reference at least one analytics table");
  }
  for (const table of tables) {
    if (!ANALYTICS_TABLES.has(table)) {
      throw new Error(`table ${table} is not available for analytics queries`);
    }
  }
}

export async function readOnlyQuery(sql: string): Promise<unknown[]> {
  assertTablesAllowed(sql);
  const client = await analyticsPool.connect();
  try {
    await client.query("BEGIN TRANSACTION READ ONLY");
    const result = await client.query(sql);
    await client.query("ROLLBACK");
    return result.rows;
  } finally {
    client.release();
  }
}
