import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { logger, mailer, prisma, stripe } from "../lib/services";

export const sendEmail = tool(
  async ({ to, subject, body }) => {
    logger.info("send_email", { to, subject });
    const info = await mailer.sendMail({
      from: '"Acme Support" <support@acme.io>',
      to,
      subject,
      text: body,
    });
    return `Sent (${info.messageId})`;
  },
  {
    name: "send_email",
    description: "Email a customer from the support mailbox.",
    schema: z.object({
      to: z.string().email(),
      subject: z.string().max(200),
      body: z.string().max(20_000),
    }),
  },
);

export const refundOrder = tool(
  async ({ orderId, amountCents, reason }) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    logger.info("refund_order", { orderId, amountCents, reason });
    const refund = await stripe.refunds.create({
      payment_intent: order.paymentIntentId,
      amount: amountCents,
      reason,
      metadata: { orderId },
    });
    return `Refund ${refund.id}: ${refund.status}`;
  },
  {
    name: "refund_order",
    description: "Refund all or part of an order to the customer's original payment method.",
    schema: z.object({
      orderId: z.string().cuid(),
      amountCents: z.number().int().positive(),
      reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]),
    }),
  },
);
