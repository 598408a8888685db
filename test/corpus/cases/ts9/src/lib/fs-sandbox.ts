import path from "node:path";
import { logger } from "./audit";

export const WORKSPACE_ROOT = path.resolve(process.env.AGENT_WORKSPACE ?? "/srv/agent/workspace");
export const UPLOAD_DIR = "/srv/agent/uploads";

export class SandboxViolationError extends Error {
  constructor(userPath: string) {
    super(`Path "${userPath}" is outside the agent workspace`);
    this.name = "SandboxViolationError";
  }
}

/** Resolve a user/model supplied path inside `root`, rejecting anything that escapes it. */
export function resolveInSandbox(userPath: string, root: string = WORKSPACE_ROOT): string {
  const base = path.resolve(root);
  const resolved = path.resolve(base, userPath);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) {
    throw new SandboxViolationError(userPath);
  }
  return resolved;
}

/**
 * Lenient variant used by the notes feature: notebooks are sometimes symlinked from
 * other project folders, so we warn instead of failing.
 */
export function resolveLoose(userPath: string, root: string = WORKSPACE_ROOT): string {
  const resolved = path.resolve(root, userPath);
  if (!resolved.startsWith(root + path.sep)) {
    logger.warn({ userPath, resolved }, "notebook path is outside the workspace");
  }
  return resolved;
}

/** Uploads are flat: only the file name of the input is kept. */
export function uploadPath(fileName: string): string {
  return path.join(UPLOAD_DIR, path.basename(fileName));
}
