import { Agent, tool } from "@openai/agents";
import { z } from "zod";
import nodemailer from "nodemailer";
import Stripe from "stripe";
import { audit, requestApproval } from "./wsUtil";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
const transport = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

const sendMail = tool({
  name: "send_mail",
  description: "Send an email",
  parameters: z.object({ to: z.string(), subject: z.string(), text: z.string() }),
  needsApproval: true,
  execute: async ({ to, subject, text }) => {
    console.info("mail", to);
    await transport.sendMail({ from: "agent@example.com", to, subject, text });
    return "sent";
  },
});

const createPayout = tool({
  name: "create_payout",
  description: "Pay out to a connected account",
  parameters: z.object({ account: z.string(), amount: z.number() }),
  execute: async ({ account, amount }) => {
    audit("payout", { account, amount });
    await requestApproval(`payout ${amount} to ${account}`);
    const t = await stripe.transfers.create({ amount, currency: "usd", destination: account });
    return t.id;
  },
});

const refund = tool({
  name: "refund",
  description: "Refund a payment intent",
  parameters: z.object({ paymentIntent: z.string() }),
  execute: async ({ paymentIntent }) => {
    const ok = await requestApproval(`refund ${paymentIntent}`);
    if (!ok) return "denied";
    audit("refund", { paymentIntent });
    const r = await stripe.refunds.create({ payment_intent: paymentIntent });
    return r.id;
  },
});

export const agent = new Agent({ name: "finance", tools: [sendMail, createPayout, refund] });
