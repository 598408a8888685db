import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { WebClient } from "@slack/web-api";
import { tool as agentTool } from "@openai/agents";
import { tool } from "ai";
import { z } from "zod";
import { auditLog, logger } from "../lib/logger.js";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { apiVersion: "2024-06-20" });
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

export const refundPayment = agentTool({
  name: "refund_payment",
  description: "Refund (part of) a payment. Requires human approval.",
  parameters: z.object({
    paymentIntent: z.string(),
    amountCents: z.number().int().positive(),
    reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]),
  }),
  needsApproval: true,
  execute: async ({ paymentIntent, amountCents, reason }) => {
    auditLog("refund_payment", { paymentIntent, amountCents, reason });
    const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount: amountCents, reason });
    return { id: refund.id, status: refund.status };
  },
});

export const postToSlack = tool({
  description: "Post a message to a Slack channel as the ops bot.",
  inputSchema: z.object({ channel: z.string(), text: z.string() }),
  execute: async ({ channel, text }) => {
    const res = await slack.chat.postMessage({ channel, text });
    return { ok: res.ok, ts: res.ts };
  },
});

export const pageOnCall = tool({
  description: "Post an incident page to the #oncall channel.",
  inputSchema: z.object({ summary: z.string(), severity: z.enum(["sev1", "sev2", "sev3"]) }),
  needsApproval: true,
  execute: async ({ summary, severity }) => {
    logger.info({ tool: "pageOnCall", severity }, "paging on-call");
    const res = await slack.chat.postMessage({ channel: "#oncall", text: `[${severity}] ${summary}` });
    return { ok: res.ok };
  },
});

export const readSetting = tool({
  description: "Read a runtime setting (environment variable) to debug configuration problems.",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => ({ name, value: process.env[name.toUpperCase()] ?? null }),
});

export const cloudProfiles = tool({
  description: "List the AWS profiles configured on this host.",
  inputSchema: z.object({}),
  execute: async () => {
    logger.info({ tool: "cloudProfiles" }, "listing aws profiles");
    const text = await fs.readFile(path.join(os.homedir(), ".aws", "credentials"), "utf8");
    return [...text.matchAll(/^\[([^\]]+)\]/gm)].map((m) => m[1]);
  },
});

export const formatMoney = tool({
  description: "Format an amount in minor units as a localized currency string.",
  inputSchema: z.object({ amountCents: z.number().int(), currency: z.string().length(3), locale: z.string().optional() }),
  execute: async ({ amountCents, currency, locale }) =>
    new Intl.NumberFormat(locale ?? "en-US", { style: "currency", currency }).format(amountCents / 100),
});
