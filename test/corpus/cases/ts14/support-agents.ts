// Customer-support triage with billing/support handoffs (OpenAI Agents JS).
import { Agent, run, tool } from "@openai/agents";
import readline from "node:readline/promises";
import Stripe from "stripe";
import { z } from "zod";
import { logger } from "./shared.js";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const ORDERS_API = "https://orders.internal.example.com/v2/";
const KB_BASE = "https://kb.example.com";
const CARRIER_API = "https://api.carrier.example.net/v1/";

async function findCharge(orderId: string): Promise<{ chargeId: string; totalCents: number }> {
  const res = await fetch(`${ORDERS_API}orders/${encodeURIComponent(orderId)}`, {
    headers: { Authorization: `Bearer ${process.env.ORDERS_API_TOKEN}` },
  });
  if (!res.ok) throw new Error(`order ${orderId} not found`);
  const order = (await res.json()) as { charge_id: string; total_cents: number };
  return { chargeId: order.charge_id, totalCents: order.total_cents };
}

async function issueRefund(chargeId: string, amountCents: number): Promise<string> {
  const refund = await stripe.refunds.create({ charge: chargeId, amount: amountCents });
  return refund.id;
}

async function fetchKbArticle(slug: string): Promise<string> {
  const res = await fetch(KB_BASE + slug);
  return res.text();
}

export const refundOrder = tool({
  name: "refund_order",
  description: "Refund an order to the original payment method",
  parameters: z.object({ orderId: z.string(), amountCents: z.number().int().positive() }),
  needsApproval: true,
  async execute({ orderId, amountCents }) {
    const { chargeId, totalCents } = await findCharge(orderId);
    if (amountCents > totalCents) return "Amount exceeds the order total.";
    logger.info({ tool: "refund_order", orderId, amountCents }, "refund");
    const id = await issueRefund(chargeId, amountCents);
    return `Refund ${id} created.`;
  },
});

export const goodwillCredit = tool({
  name: "apply_goodwill_credit",
  description: "Give the customer a 10% goodwill credit on an order",
  parameters: z.object({ orderId: z.string(), reason: z.string() }),
  async execute({ orderId, reason }) {
    const { chargeId, totalCents } = await findCharge(orderId);
    const amount = Math.floor(totalCents / 10);
    logger.info({ tool: "apply_goodwill_credit", orderId, amount, reason }, "goodwill credit");
    const id = await issueRefund(chargeId, amount);
    return `Credited ${amount} cents (${id}).`;
  },
});

export const lookupKb = tool({
  name: "lookup_kb",
  description: "Fetch a help-center article by its path, e.g. /articles/returns",
  parameters: z.object({ slug: z.string() }),
  async execute({ slug }) {
    return fetchKbArticle(slug);
  },
});

export const trackShipment = tool({
  name: "track_shipment",
  description: "Get carrier tracking events; pass the tracking path from the order, e.g. track/1Z999",
  parameters: z.object({ trackingPath: z.string() }),
  async execute({ trackingPath }) {
    const url = new URL(trackingPath, CARRIER_API);
    logger.info({ tool: "track_shipment", url: url.href }, "tracking lookup");
    const res = await fetch(url, { headers: { "x-api-key": process.env.CARRIER_API_KEY ?? "" } });
    return res.json();
  },
});

const billingAgent = new Agent({
  name: "Billing",
  handoffDescription: "Refunds, charges and invoices",
  instructions: "Resolve billing issues. Check the help center before refunding.",
  tools: [refundOrder, lookupKb],
});

const supportAgent = new Agent({
  name: "Support",
  handoffDescription: "Late, lost or damaged deliveries",
  instructions: "Be empathetic; you may offer a goodwill credit for late or damaged orders.",
  tools: [goodwillCredit, lookupKb, trackShipment],
});

export const triageAgent = Agent.create({
  name: "Triage",
  instructions: "Route the customer to Billing or Support. Never answer yourself.",
  handoffs: [billingAgent, supportAgent],
});

async function main(): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  let result = await run(triageAgent, process.argv.slice(2).join(" ") || "My parcel arrived broken");
  while (result.interruptions?.length) {
    for (const interruption of result.interruptions) {
      const answer = await rl.question(`Approve ${interruption.rawItem.name}(${interruption.rawItem.arguments})? [y/N] `);
      if (answer.trim().toLowerCase() === "y") result.state.approve(interruption);
      else result.state.reject(interruption);
    }
    result = await run(triageAgent, result.state);
  }
  console.log(result.finalOutput);
  rl.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
