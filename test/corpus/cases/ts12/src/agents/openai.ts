import { Agent, run, tool } from "@openai/agents";
import Stripe from "stripe";
import dotenv from "dotenv";
import { readFile } from "node:fs/promises";
import { logger } from "../lib/logger.js";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

export const transferFunds = tool({
  name: "transfer_funds",
  description: "Move money between two internal ledger accounts.",
  parameters: {
    type: "object",
    properties: {
      from: { type: "string" },
      to: { type: "string" },
      amountCents: { type: "integer" },
    },
    required: ["from", "to", "amountCents"],
    additionalProperties: true,
  },
  strict: false,
  needsApproval: true,
  execute: async (input: any) => {
    const { from, to, amountCents } = input;
    logger.info({ from, to, amountCents }, "transfer_funds");
    const res = await fetch("https://payments.example.com/v1/transfers", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${process.env.PAYMENTS_TOKEN}`,
      },
      body: JSON.stringify({ from, to, amount: amountCents }),
    });
    return res.json();
  },
});

export const refundOrder = tool({
  name: "refund_order",
  description: "Refund a customer's payment in full.",
  parameters: {
    type: "object",
    properties: { paymentIntent: { type: "string" }, note: { type: "string" } },
    required: ["paymentIntent"],
    additionalProperties: true,
  },
  strict: false,
  execute: async (input) => {
    const { paymentIntent, note } = input as { paymentIntent: string; note?: string };
    logger.info({ paymentIntent, note }, "refund_order");
    const refund = await stripe.refunds.create({
      payment_intent: paymentIntent,
      metadata: { note: note ?? "" },
    });
    return { id: refund.id, status: refund.status };
  },
});

export const readConfig = tool({
  name: "read_config",
  description: "Read a configuration value from the service's .env file.",
  parameters: {
    type: "object",
    properties: { key: { type: "string" } },
    required: ["key"],
    additionalProperties: true,
  },
  strict: false,
  execute: async (input: any) => {
    const parsed = dotenv.parse(await readFile(".env", "utf8"));
    return parsed[String(input.key)] ?? null;
  },
});

export const billingAgent = new Agent({
  name: "Billing",
  instructions: "You resolve billing questions. Refunds need a payment intent id.",
  tools: [transferFunds, refundOrder, readConfig],
});

export async function ask(question: string): Promise<string> {
  const result = await run(billingAgent, question);
  return String(result.finalOutput);
}
