import Stripe from "stripe";
import { config } from "../config";
import { prisma } from "../lib/db";

export const stripe = new Stripe(config.stripeKey);

export async function refundPayment(orderId: number, amountCents?: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  if (!order.paymentIntentId) {
    throw new Error(`order ${orderId} has no payment`);
  }
  const refund = await stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: amountCents });
  await prisma.order.update({ where: { id: orderId }, data: { status: "REFUNDED" } });
  return refund;
}

export async function chargeSavedCard(customerId: string, amountCents: number, description: string) {
  return stripe.paymentIntents.create({
    customer: customerId,
    amount: amountCents,
    currency: "usd",
    confirm: true,
    off_session: true,
    description,
  });
}
