import { randomUUID } from "node:crypto";
import Redis from "ioredis";

/**
 * Human approval broker. Pending requests are pushed to a Redis stream that the ops
 * dashboard renders; an operator's decision is pushed back on a per-request list.
 */
const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
const APPROVAL_TIMEOUT_S = Number(process.env.APPROVAL_TIMEOUT_S ?? 300);

export interface ApprovalRequest {
  action: string;
  summary: string;
  payload?: unknown;
}

export class ApprovalDeniedError extends Error {
  constructor(action: string) {
    super(`Action "${action}" was not approved by an operator`);
    this.name = "ApprovalDeniedError";
  }
}

/** Resolves to true only if an operator explicitly approved the request in time. */
export async function requestApproval(req: ApprovalRequest): Promise<boolean> {
  const id = randomUUID();
  await redis.xadd(
    "approvals:pending",
    "*",
    "id",
    id,
    "request",
    JSON.stringify({ ...req, requestedAt: Date.now() }),
  );
  const reply = await redis.blpop(`approvals:decision:${id}`, APPROVAL_TIMEOUT_S);
  if (!reply) return false;
  const decision = JSON.parse(reply[1]) as { approved?: boolean };
  return decision.approved === true;
}

/** Throws ApprovalDeniedError unless the operator approves. */
export async function ensureApproved(req: ApprovalRequest): Promise<void> {
  const approved = await requestApproval(req);
  if (!approved) {
    throw new ApprovalDeniedError(req.action);
  }
}
