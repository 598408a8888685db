import path from "node:path";
import { logger } from "./logger";

export const WORKSPACE_ROOT = path.resolve(process.env.OPS_WORKSPACE ?? "/srv/ops-workspace");

export class SandboxError extends Error {}

/** Resolve a (relative) path inside the ops workspace, or throw. */
export function resolveInWorkspace(requested: string): string {
  const resolved = path.resolve(WORKSPACE_ROOT, requested);
  const rel = path.relative(WORKSPACE_ROOT, resolved);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new SandboxError(`Path escapes the workspace: ${requested}`);
  }
  return resolved;
}

export function isInsideWorkspace(requested: string): boolean {
  const rel = path.relative(WORKSPACE_ROOT, path.resolve(WORKSPACE_ROOT, requested));
  return !rel.startsWith("..") && !path.isAbsolute(rel);
}

const STATUS_HOSTS = new Set([
  "status.acme.io",
  "www.githubstatus.com",
  "www.cloudflarestatus.com",
  "status.openai.com",
]);

export function assertAllowedHost(rawUrl: string): URL {
  const url = new URL(rawUrl);
  if (url.protocol !== "https:" || !STATUS_HOSTS.has(url.hostname)) {
    throw new Error(`Host ${url.hostname} is not an allowed status host`);
  }
  return url;
}

// Operators can restrict outbound fetches with FETCH_ALLOWLIST=host1,host2
const ENV_ALLOWLIST = (process.env.FETCH_ALLOWLIST ?? "")
  .split(",")
  .map((h) => h.trim().toLowerCase())
  .filter(Boolean);

export function isHostAllowed(rawUrl: string): boolean {
  if (ENV_ALLOWLIST.length === 0) return true;
  return ENV_ALLOWLIST.includes(new URL(rawUrl).hostname.toLowerCase());
}

const NPM_SCRIPTS = new Set(["build", "test", "lint", "typecheck", "db:status"]);

export function assertAllowedScript(script: string): void {
  if (!NPM_SCRIPTS.has(script)) {
    throw new Error(`npm script "${script}" is not allowed`);
  }
}

const ANALYTICS_TABLES = new Set(["events", "sessions", "daily_active_users", "feature_flags"]);

/** Reject queries that touch tables outside the analytics allowlist. */
export function assertAllowedTables(sqlText: string): void {
  if (sqlText.includes(";")) throw new Error("Multiple statements are not allowed");
  const tables = [...sqlText.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_.]*)/gi)].map((m) =>
    m[1].toLowerCase(),
  );
  if (tables.length === 0) throw new Error("Query must reference at least one table");
  for (const t of tables) {
    if (!ANALYTICS_TABLES.has(t)) throw new Error(`Table ${t} is not allowed`);
  }
}

export const PUBLIC_CONFIG_KEYS: readonly string[] = [
  "NODE_ENV",
  "APP_REGION",
  "DEPLOY_ENV",
  "LOG_LEVEL",
  "FEATURE_FLAGS_URL",
];

export type ApprovalRequest = {
  action: string;
  summary: string;
  requestedBy: string;
  payload?: unknown;
};

const APPROVALS_API = "https://approvals.internal.acme.io/api/requests";

/**
 * Files an approval request with the ops approval service (which pages the on-call
 * human) and waits for the decision. Resolves to true only if a human approved.
 */
export async function requestApproval(req: ApprovalRequest, timeoutMs = 5 * 60_000): Promise<boolean> {
  const res = await fetch(APPROVALS_API, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(req),
  });
  const { id } = (await res.json()) as { id: string };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5_000));
    const poll = await fetch(`${APPROVALS_API}/${id}`);
    const { status } = (await poll.json()) as { status: "pending" | "approved" | "rejected" };
    if (status === "approved") return true;
    if (status === "rejected") return false;
  }
  logger.warn("approval request timed out", { id, action: req.action });
  return false;
}
