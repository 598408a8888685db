import { Pool } from "pg";
import { PrismaClient } from "@prisma/client";
import knexFactory from "knex";

/** Primary (read-write) Postgres pool. */
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

/** Reporting replica; every statement runs inside a READ ONLY transaction. */
export const replicaPool = new Pool({
  connectionString: process.env.DATABASE_REPLICA_URL,
  max: 5,
  statement_timeout: 15_000,
});

export const prisma = new PrismaClient();

export const knex = knexFactory({
  client: "pg",
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 5 },
});

/** Tables the reporting agent may read. */
const REPORTABLE_TABLES = new Set(["orders", "order_items", "products", "daily_revenue"]);

export class TableNotAllowedError extends Error {}

export function assertTablesAllowed(sql: string): void {
  if (sql.includes(";")) {
    throw new TableNotAllowedError("multiple statements are not allowed");
  }
  const referenced = [...sql.matchAll(/\b(?:from|join)\s+([a-zA-Z_][\w."]*)/gi)].map((m) =>
    m[1].replace(/"/g, "").replace(/^public\./, "").toLowerCase(),
  );
  if (referenced.length === 0) {
    throw new TableNotAllowedError("query must read from a reportable table");
  }
  for (const table of referenced) {
    if (!REPORTABLE_TABLES.has(table)) {
      throw new TableNotAllowedError(`table not allowed: ${table}`);
    }
  }
}

async function inReadOnlyTransaction<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = await replicaPool.connect();
  try {
    await client.query("BEGIN TRANSACTION READ ONLY");
    const result = await client.query(sql, params);
    await client.query("COMMIT");
    return result.rows as T[];
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

/** Read-only query restricted to REPORTABLE_TABLES. */
export async function runReadOnlyQuery<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  assertTablesAllowed(sql);
  return inReadOnlyTransaction<T>(sql, params);
}

/** Ad-hoc exploration against the replica (read-only transaction, any table). */
export async function queryReplica<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return inReadOnlyTransaction<T>(sql, []);
}
