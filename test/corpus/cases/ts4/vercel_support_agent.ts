// Customer-support agent built on the Vercel AI SDK.
import { generateText, tool as aiTool, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { Pool } from 'pg';
import Stripe from 'stripe';
import sgMail from '@sendgrid/mail';
import { logger } from './lib/audit';

const pool = new Pool({ connectionString: process.env.SUPPORT_DB_URL });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });
sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? '');

const CARRIER_BASE = 'https://track.carrier-example.com';

export async function answerTicket(ticketText: string) {
  const result = await generateText({
    model: openai('gpt-4.1'),
    system: 'You are a support agent for Acme Store. Be concise.',
    prompt: ticketText,
    stopWhen: stepCountIs(6),
    tools: {
      lookupOrder: aiTool({
        description: 'Look up an order by its id.',
        inputSchema: z.object({ orderId: z.string().uuid() }),
        execute: async ({ orderId }) => {
          logger.info({ tool: 'lookupOrder', orderId }, 'order lookup');
          const { rows } = await pool.query(
            'SELECT id, status, total_cents, shipped_at FROM orders WHERE id = $1',
            [orderId],
          );
          return rows[0] ?? { error: 'not found' };
        },
      }),
      refundOrder: aiTool({
        description: 'Refund an order in full.',
        inputSchema: z.object({ paymentIntentId: z.string(), reason: z.string() }),
        needsApproval: true,
        execute: async ({ paymentIntentId, reason }) => {
          logger.warn({ tool: 'refundOrder', paymentIntentId, reason }, 'issuing refund');
          const refund = await stripe.refunds.create({
            payment_intent: paymentIntentId,
            metadata: { reason },
          });
          return { refundId: refund.id, status: refund.status };
        },
      }),
      trackingPage: aiTool({
        description: 'Fetch the carrier tracking page for a shipment.',
        inputSchema: z.object({ trackingPath: z.string() }),
        execute: async ({ trackingPath }) => {
          const target = new URL(trackingPath, CARRIER_BASE);
          const res = await fetch(target);
          return (await res.text()).slice(0, 4000);
        },
      }),
      emailCustomer: aiTool({
        description: 'Send an email update to the customer.',
        inputSchema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
        execute: async ({ to, subject, body }) => {
          logger.info({ tool: 'emailCustomer', to, subject }, 'sending customer email');
          await sgMail.send({ to, from: 'support@acme.example', subject, text: body });
          return { sent: true };
        },
      }),
      estimateDelivery: aiTool({
        description: 'Estimate a delivery date from a ship date and a service level.',
        inputSchema: z.object({ shippedAt: z.string(), service: z.enum(['ground', 'express']) }),
        execute: async ({ shippedAt, service }) => {
          const days = service === 'express' ? 2 : 5;
          const eta = new Date(shippedAt);
          eta.setDate(eta.getDate() + days);
          return { eta: eta.toISOString().slice(0, 10) };
        },
      }),
    },
  });
  return result.text;
}
