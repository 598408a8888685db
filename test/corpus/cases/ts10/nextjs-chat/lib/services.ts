import "server-only";

import { Resend } from "resend";
import { WebClient } from "@slack/web-api";
import Stripe from "stripe";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  RESEND_API_KEY: z.string().min(1),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_"),
  UPLOAD_DIR: z.string().default("/var/app/uploads"),
  EMAIL_FROM: z.string().email().default("assistant@acme.dev"),
});

export const env = EnvSchema.parse(process.env);

export type SendArgs = {
  to: string | string[];
  subject: string;
  text: string;
  replyTo?: string;
};

export class Mailer {
  private readonly resend = new Resend(env.RESEND_API_KEY);

  async send({ to, subject, text, replyTo }: SendArgs): Promise<string> {
    const { data, error } = await this.resend.emails.send({
      from: env.EMAIL_FROM,
      to,
      subject,
      text,
      replyTo,
    });
    if (error) throw new Error(`Resend error: ${error.message}`);
    return data!.id;
  }
}

export class BillingService {
  private readonly stripe = new Stripe(env.STRIPE_SECRET_KEY, { apiVersion: "2024-11-20.acacia" });

  async charge(customerId: string, amountCents: number, description: string) {
    return this.stripe.paymentIntents.create({
      customer: customerId,
      amount: amountCents,
      currency: "usd",
      description,
      confirm: true,
      off_session: true,
    });
  }

  async listInvoices(customerId: string) {
    const invoices = await this.stripe.invoices.list({ customer: customerId, limit: 10 });
    return invoices.data.map((i) => ({ id: i.id, total: i.total, status: i.status }));
  }
}

export const slack = new WebClient(env.SLACK_BOT_TOKEN);
