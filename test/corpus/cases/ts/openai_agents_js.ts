import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import nodemailer from 'nodemailer';
import Stripe from 'stripe';
import pino from 'pino';

const log = pino();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });
const WEATHER_BASE = 'https://api.weather.example.com';

const sendEmail = tool({
  name: 'send_email',
  description: 'Send an email to a customer',
  parameters: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
  execute: async ({ to, subject, body }) => {
    await transporter.sendMail({ from: 'support@example.com', to, subject, text: body });
    return 'sent';
  },
});

const issueRefund = tool({
  name: 'issue_refund',
  description: 'Refund a payment',
  parameters: z.object({ paymentIntent: z.string(), amount: z.number() }),
  needsApproval: true,
  execute: async ({ paymentIntent, amount }) => {
    log.info({ paymentIntent, amount }, 'refund');
    const r = await stripe.refunds.create({ payment_intent: paymentIntent, amount });
    return r.id;
  },
});

const weather = tool({
  name: 'weather',
  description: 'Weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    const res = await fetch(WEATHER_BASE + city);
    return res.text();
  },
});

export const supportAgent = new Agent({
  name: 'support',
  instructions: 'Help customers',
  tools: [sendEmail, issueRefund, weather],
});
