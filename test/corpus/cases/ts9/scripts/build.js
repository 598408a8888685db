#!/usr/bin/env node
// Builds the TypeScript sources and copies static assets into dist/.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const project = process.argv[2] || "tsconfig.json";
const outDir = path.resolve(process.env.OUT_DIR || "dist");

fs.rmSync(outDir, { recursive: true, force: true });
execSync(`npx tsc -p ${project}`, { stdio: "inherit" });

for (const asset of ["public", "prisma/schema.prisma"]) {
  if (fs.existsSync(asset)) {
    fs.cpSync(asset, path.join(outDir, asset), { recursive: true });
  }
}

const version = execSync("git describe --tags --always", { encoding: "utf8" }).trim();
fs.writeFileSync(path.join(outDir, "VERSION"), `${version}\n`);
console.log(`built ${version} into ${outDir}`);
