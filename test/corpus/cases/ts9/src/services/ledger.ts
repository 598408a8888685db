import type { Pool } from "pg";
import { pool as defaultPool } from "../lib/db";

export interface LedgerEntry {
  kind: "refund" | "charge" | "transfer" | "payout";
  externalId: string;
  amountCents: number;
  currency: string;
  memo?: string;
}

/** Mirrors money movements into the finance ledger table. */
export class LedgerService {
  constructor(private readonly db: Pool = defaultPool) {}

  async record(entry: LedgerEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO ledger_entries (kind, external_id, amount_cents, currency, memo, created_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [entry.kind, entry.externalId, entry.amountCents, entry.currency, entry.memo ?? null],
    );
  }

  async balanceFor(customerId: string): Promise<number> {
    const { rows } = await this.db.query(
      "SELECT coalesce(sum(amount_cents), 0) AS balance FROM ledger_entries WHERE customer_id = $1",
      [customerId],
    );
    return Number(rows[0]?.balance ?? 0);
  }
}
