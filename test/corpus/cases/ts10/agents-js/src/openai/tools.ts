import { tool } from "@openai/agents";
import { z } from "zod";
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { logger, sms, stripe } from "../lib/services";

const execAsync = promisify(exec);

const PLANS = [
  { id: "starter", seats: 3, monthlyUsd: 29 },
  { id: "team", seats: 20, monthlyUsd: 149 },
  { id: "business", seats: 100, monthlyUsd: 599 },
] as const;

export const getPlanCatalog = tool({
  name: "get_plan_catalog",
  description: "List Acme's subscription plans, optionally only those with at least N seats.",
  parameters: z.object({ minSeats: z.number().int().min(1).nullable() }),
  async execute({ minSeats }) {
    return PLANS.filter((p) => p.seats >= (minSeats ?? 1));
  },
});

export const cancelSubscription = tool({
  name: "cancel_subscription",
  description: "Cancel a customer's subscription, at period end unless `immediately` is set.",
  parameters: z.object({
    subscriptionId: z.string().startsWith("sub_"),
    immediately: z.boolean().default(false),
  }),
  needsApproval: true,
  async execute({ subscriptionId, immediately }) {
    logger.info("cancel_subscription", { subscriptionId, immediately });
    const sub = immediately
      ? await stripe.subscriptions.cancel(subscriptionId)
      : await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    return { id: sub.id, status: sub.status, cancelAt: sub.cancel_at };
  },
});

export const issueRefund = tool({
  name: "issue_refund",
  description: "Refund part or all of a payment. Refunds above $50 need a human to approve.",
  parameters: z.object({
    paymentIntentId: z.string().startsWith("pi_"),
    amountCents: z.number().int().positive(),
  }),
  needsApproval: async (_runContext, { amountCents }) => amountCents > 5_000,
  async execute({ paymentIntentId, amountCents }) {
    logger.info("issue_refund", { paymentIntentId, amountCents });
    const refund = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents });
    return { id: refund.id, status: refund.status };
  },
});

export const sendSms = tool({
  name: "send_sms",
  description: "Text the customer a short update about their account or order.",
  parameters: z.object({
    to: z.string().regex(/^\+[1-9]\d{7,14}$/, "E.164 phone number"),
    message: z.string().max(320),
  }),
  async execute({ to, message }) {
    const msg = await sms.messages.create({ from: process.env.TWILIO_FROM_NUMBER, to, body: message });
    return { sid: msg.sid, status: msg.status };
  },
});

export const runDiagnostic = tool({
  name: "run_diagnostic",
  description: "Check whether the host of a customer's webhook endpoint resolves and answers ping.",
  parameters: z.object({ host: z.string().min(1).max(253) }),
  needsApproval: true,
  async execute({ host }) {
    logger.info("run_diagnostic", { host });
    const { stdout } = await execAsync(`dig +short ${host} && ping -c 3 ${host}`, { timeout: 20_000 });
    return stdout;
  },
});
