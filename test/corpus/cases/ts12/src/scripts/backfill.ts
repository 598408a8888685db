// Operator script: backfill a table from an export URL. Run by hand; no agent involved.
import { execSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { getJson } from "../lib/http.js";

async function main(): Promise<void> {
  const [, , source, table, hook, tokenVar] = process.argv;
  const token = process.env[tokenVar ?? "BACKFILL_TOKEN"];
  const rows = await getJson<Record<string, unknown>[]>(source, {
    headers: { authorization: `Bearer ${token}` },
  });

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query(`DELETE FROM ${table}`);
  for (const row of rows) {
    await pool.query(`INSERT INTO ${table} (data) VALUES ($1)`, [row]);
  }
  await pool.end();

  const scratch = process.env.BACKFILL_TMP ?? "/tmp/backfill";
  writeFileSync(`${scratch}/last.json`, JSON.stringify({ source, count: rows.length }));
  if (hook) execSync(hook, { stdio: "inherit" });
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
