/**
 * Human approvals via the internal approvals desk (Slack #shop-approvals + web UI).
 * `requestApproval` blocks until an operator decides or the request times out.
 */
import type { HttpClient } from "./http.js";
import { getLogger } from "./logger.js";
import { sleep } from "./retry.js";

const log = getLogger("lib.approvals");

export interface ApprovalRequest {
  action: string;
  summary: string;
  payload: Record<string, unknown>;
  requestedBy?: string;
}

export interface ApprovalDecision {
  id: string;
  approved: boolean;
  approver?: string;
  reason?: string;
}

interface ApprovalState {
  id: string;
  status: "pending" | "approved" | "rejected";
  decidedBy?: string;
  comment?: string;
}

export class ApprovalService {
  constructor(
    private readonly http: HttpClient,
    private readonly opts: { baseUrl: string; timeoutMs: number; pollMs?: number },
  ) {}

  async requestApproval(req: ApprovalRequest): Promise<ApprovalDecision> {
    const created = await this.http.postJson<ApprovalState>(`${this.opts.baseUrl}/v1/requests`, {
      ...req,
      requestedBy: req.requestedBy ?? "shop-agent",
    });
    log.info({ action: req.action, id: created.id }, "approval requested");
    const deadline = Date.now() + this.opts.timeoutMs;
    while (Date.now() < deadline) {
      const state = await this.http.getJson<ApprovalState>(`${this.opts.baseUrl}/v1/requests/${created.id}`);
      if (state.status !== "pending") {
        return { id: state.id, approved: state.status === "approved", approver: state.decidedBy, reason: state.comment };
      }
      await sleep(this.opts.pollMs ?? 5_000);
    }
    return { id: created.id, approved: false, reason: "timed out" };
  }
}
