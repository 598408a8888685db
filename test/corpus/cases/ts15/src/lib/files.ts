import { promises as fs } from "node:fs";
import path from "node:path";
import { config } from "../config";

export function resolveInside(root: string, name: string): string {
  const base = path.resolve(root);
  const target = path.resolve(base, name);
  const rel = path.relative(base, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new Error(`path ${name} escapes ${root}`);
  }
  return target;
}

export async function readLogFile(file: string): Promise<string> {
  return fs.readFile(path.join(config.logDir, file), "utf8");
}

export async function listUploads(): Promise<string[]> {
  return (await fs.readdir(config.uploadDir)).sort();
}
