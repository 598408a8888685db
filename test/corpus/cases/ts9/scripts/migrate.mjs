#!/usr/bin/env node
// Usage: node scripts/migrate.mjs <migrations-dir> [--reset]
import fs from "node:fs";
import path from "node:path";
import { execSync } from "node:child_process";
import knexFactory from "knex";

const dir = process.argv[2] ?? "db/migrations";
const reset = process.argv.includes("--reset");

const knex = knexFactory({ client: "pg", connection: process.env.DATABASE_URL });

async function main() {
  if (reset) {
    const schema = process.env.DB_SCHEMA ?? "public";
    await knex.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await knex.raw(`CREATE SCHEMA ${schema}`);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    const sql = fs.readFileSync(path.join(dir, file), "utf8");
    console.log(`applying ${file}`);
    await knex.raw(sql);
  }
  if (process.env.DUMP_AFTER_MIGRATE) {
    execSync(`pg_dump --schema-only "${process.env.DATABASE_URL}" > ${process.env.DUMP_AFTER_MIGRATE}`, {
      stdio: "inherit",
    });
  }
  await knex.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
