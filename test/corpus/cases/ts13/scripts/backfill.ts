/**
 * One-off operator script: backfills derived tables after a migration.
 * Run by a human from a terminal, never by the agent.
 *   node dist/scripts/backfill.js <table> <dumpDir> [warmBaseUrl]
 */
import { exec } from "node:child_process";
import { promisify } from "node:util";
import axios from "axios";
import { knex } from "../src/services/db.js";
import { PageClient } from "../src/services/pageClient.js";
import { wipeDirectory } from "../src/tools/files.js";
import { checkLinks } from "../src/tools/web.js";

const sh = promisify(exec);

async function main(): Promise<void> {
  const [table, dumpDir, warmBase] = process.argv.slice(2);
  if (!table || !dumpDir) throw new Error("usage: backfill <table> <dumpDir> [warmBaseUrl]");

  await wipeDirectory(dumpDir);
  await sh(`pg_dump --table=${table} "$DATABASE_URL" > ${dumpDir}/${table}.sql`);
  await knex.raw(`TRUNCATE ${table}_derived`);
  await knex.raw(`INSERT INTO ${table}_derived SELECT * FROM ${table}_view`);

  if (warmBase) {
    const client = new PageClient(warmBase);
    const { data } = await axios.get<string[]>(`${warmBase}/sitemap.json`);
    console.log(`warmed ${await client.warm(data)} pages`);
    console.log("broken:", await checkLinks(data.map((p) => new URL(p, warmBase).toString())));
  }
  await knex.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
