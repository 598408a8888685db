/**
 * Applies SQL migrations from ./migrations in lexical order.
 *   pnpm migrate            apply pending
 *   pnpm migrate --reset    drop the schema first (dev only)
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Pool } from "pg";
import { settings } from "../src/config/settings.js";
import { getLogger } from "../src/lib/logger.js";

const log = getLogger("migrate");
const dir = path.resolve(process.argv.find((a) => a.startsWith("--dir="))?.slice(6) ?? "migrations");

async function main() {
  const pool = new Pool({ connectionString: settings.db.url });
  try {
    if (process.argv.includes("--reset")) {
      if (settings.env === "production") throw new Error("refusing to reset production");
      await pool.query("DROP SCHEMA public CASCADE");
      await pool.query("CREATE SCHEMA public");
    }
    await pool.query("CREATE TABLE IF NOT EXISTS schema_migrations (name text primary key, applied_at timestamptz default now())");
    const applied = new Set((await pool.query("SELECT name FROM schema_migrations")).rows.map((r) => r.name));
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort()) {
      if (applied.has(file)) continue;
      const sql = await readFile(path.join(dir, file), "utf8");
      log.info({ file }, "applying migration");
      await pool.query("BEGIN");
      try {
        await pool.query(sql);
        await pool.query(`INSERT INTO schema_migrations (name) VALUES ('${file}')`);
        await pool.query("COMMIT");
      } catch (err) {
        await pool.query("ROLLBACK");
        throw err;
      }
    }
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  log.error({ err }, "migration failed");
  process.exit(1);
});
