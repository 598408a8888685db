import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

export interface ApprovalRequest {
  action: string;
  actor: string;
  details: Record<string, unknown>;
}

const decisions = new EventEmitter();
export const pendingApprovals = new Map<string, ApprovalRequest>();

/**
 * Parks the request in the approvals queue (shown to on-call staff in the admin UI)
 * and resolves with their decision, or false after the timeout.
 */
export async function requestApproval(req: ApprovalRequest, timeoutMs = 15 * 60_000): Promise<boolean> {
  const id = randomUUID();
  pendingApprovals.set(id, req);
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      pendingApprovals.delete(id);
      resolve(false);
    }, timeoutMs);
    decisions.once(id, (approved: boolean) => {
      clearTimeout(timer);
      pendingApprovals.delete(id);
      resolve(approved);
    });
  });
}

export function recordDecision(id: string, approved: boolean): boolean {
  return decisions.emit(id, approved);
}
