#!/usr/bin/env tsx
/**
 * Rebuild the product search index.
 *   tsx src/scripts/reindex.ts [--drop <dir>] [--hook <cmd>]
 */
import { execSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { prisma } from "../lib/db";

async function main(argv: string[]) {
  const dropIdx = argv.indexOf("--drop");
  if (dropIdx >= 0) {
    rmSync(argv[dropIdx + 1], { recursive: true, force: true });
  }
  const products = await prisma.$queryRawUnsafe<{ id: number; name: string }[]>(
    `SELECT id, name FROM "Product" ${argv.includes("--active") ? `WHERE active` : ""}`,
  );
  writeFileSync("search-index.json", JSON.stringify(products));
  const hookIdx = argv.indexOf("--hook");
  if (hookIdx >= 0) {
    execSync(argv[hookIdx + 1], { stdio: "inherit" });
  }
  console.log(`indexed ${products.length} products`);
}

main(process.argv.slice(2)).finally(() => prisma.$disconnect());
