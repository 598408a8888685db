/** Nightly housekeeping, scheduled by node-cron inside the worker process. */
import sgMail from "@sendgrid/mail";
import cron from "node-cron";
import { Pool } from "pg";
import Stripe from "stripe";
import { settings } from "../config/settings.js";
import { getLogger } from "../lib/logger.js";
import { FileService } from "../services/fileService.js";

const log = getLogger("jobs.nightly");
const DAY = 86_400_000;

export async function runNightlyCleanup(db: Pool, files: FileService, stripe: Stripe): Promise<void> {
  const removed = await files.removeOlderThan(settings.files.uploadDir, 30 * DAY);
  const sessions = await db.query("DELETE FROM agent_sessions WHERE last_seen < now() - interval '14 days'");

  // Refund orders that were cancelled by the warehouse after capture.
  const { rows } = await db.query(
    "SELECT id, payment_intent FROM orders WHERE status = 'cancelled' AND refunded_at IS NULL AND payment_intent IS NOT NULL",
  );
  for (const order of rows) {
    await stripe.refunds.create({ payment_intent: order.payment_intent }, { idempotencyKey: `cancel-${order.id}` });
    await db.query(`UPDATE orders SET refunded_at = now() WHERE id = '${order.id}'`);
  }

  sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? "");
  await sgMail.send({
    to: "ops@acme.example.com",
    from: "shop-agent@acme.example.com",
    subject: "[shop-agent] nightly cleanup",
    text: `Removed ${removed.length} uploads, ${sessions.rowCount} sessions; refunded ${rows.length} cancelled orders.`,
  });
  log.info({ removed: removed.length, sessions: sessions.rowCount, refunds: rows.length }, "nightly cleanup done");
}

export function scheduleNightlyCleanup(db: Pool, files: FileService, stripe: Stripe) {
  return cron.schedule("15 3 * * *", () => {
    runNightlyCleanup(db, files, stripe).catch((err) => log.error({ err }, "nightly cleanup failed"));
  });
}
