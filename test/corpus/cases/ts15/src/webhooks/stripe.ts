import express, { Router } from "express";
import { config } from "../config";
import { prisma } from "../lib/db";
import { logger } from "../lib/logger";
import { sendMail } from "../lib/mailer";
import { stripe } from "../services/billing";

export const stripeWebhookRouter = Router();

stripeWebhookRouter.post("/hooks/stripe", express.raw({ type: "application/json" }), async (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.header("stripe-signature") ?? "", config.stripeWebhookSecret);
  } catch (err) {
    logger.warn({ err }, "bad stripe signature");
    return res.status(400).end();
  }
  switch (event.type) {
    case "payment_intent.succeeded":
      await prisma.order.updateMany({ where: { paymentIntentId: event.data.object.id }, data: { status: "PAID" } });
      break;
    case "charge.dispute.created":
      await sendMail("finance@acme-outfitters.com", "Dispute opened", `Dispute on ${event.data.object.charge}`);
      break;
    case "customer.deleted":
      await prisma.$queryRawUnsafe(`DELETE FROM "Customer" WHERE "stripeId" = '${event.data.object.id}'`);
      break;
  }
  res.status(204).end();
});
