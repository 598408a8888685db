import sgMail from "@sendgrid/mail";
import { config } from "../config";
import { prisma } from "./db";

sgMail.setApiKey(config.sendgridKey);

export async function sendMail(to: string, subject: string, text: string): Promise<void> {
  await sgMail.send({ to, from: config.fromEmail, subject, text });
}

export async function sendOrderUpdate(orderId: number, message: string): Promise<string> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { customer: true } });
  await sendMail(order.customer.email, `Update on your order #${order.id}`, message);
  return order.customer.email;
}
