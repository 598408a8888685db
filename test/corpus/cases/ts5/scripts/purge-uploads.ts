#!/usr/bin/env tsx
// Nightly job: remove uploads older than N days and their database rows.
import { execSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UPLOAD_DIR } from '../src/config';
import { db } from '../src/services';

const days = Number(process.argv[2] ?? 30);
const table = process.argv[3] ?? 'uploads';

async function main() {
  const rows = await db.query<{ file_name: string }>(
    `SELECT file_name FROM ${table} WHERE created_at < now() - interval '${days} days'`,
  );
  for (const { file_name } of rows) {
    await fs.rm(path.join(UPLOAD_DIR, file_name), { force: true });
  }
  await db.query(`DELETE FROM ${table} WHERE created_at < now() - interval '${days} days'`);
  execSync(`du -sh ${UPLOAD_DIR}`, { stdio: 'inherit' });
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
