import path from "node:path";
import { ToolInputError } from "./errors.js";

/** Resolve `userPath` under `root`; throws if the result escapes `root`. */
export function resolveInside(root: string, userPath: string): string {
  const base = path.resolve(root);
  const target = path.resolve(base, userPath);
  const rel = path.relative(base, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new ToolInputError(`${userPath} is outside ${root}`);
  }
  return target;
}
