import path from "node:path";

const ALLOWED_HOSTS = new Set(["docs.example.com", "status.example.com", "kb.example.com"]);

// Extra hosts an operator can allow per deployment. Empty unless configured.
const OPERATOR_HOSTS = new Set(
  (process.env.AGENT_EXTRA_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean),
);

export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" || !ALLOWED_HOSTS.has(url.host)) {
    throw new Error(`host not allowed: ${url.host}`);
  }
  return url;
}

export function isOperatorHost(raw: string): boolean {
  if (OPERATOR_HOSTS.size === 0) return true;
  return OPERATOR_HOSTS.has(new URL(raw).host);
}

export function resolveInside(root: string, rel: string): string {
  const resolved = path.resolve(root, rel);
  const relative = path.relative(root, resolved);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new Error(`path escapes ${root}: ${rel}`);
  }
  return resolved;
}

/** Files an approval request with the on-call operator and waits for the decision. */
export async function requestApproval(
  action: string,
  details: Record<string, unknown>,
): Promise<boolean> {
  const res = await fetch("https://approvals.example.com/api/requests?wait=300", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, details }),
  });
  if (!res.ok) return false;
  const { decision } = (await res.json()) as { decision: string };
  return decision === "approved";
}
