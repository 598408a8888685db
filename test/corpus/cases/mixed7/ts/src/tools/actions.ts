import { tool } from 'ai';
import { tool as agentTool } from '@openai/agents';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { Resend } from 'resend';
import twilio from 'twilio';
import Stripe from 'stripe';
import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { logger, audit } from '../lib/log';
import { confirm } from '../lib/prompts';

const resend = new Resend(process.env.RESEND_API_KEY);
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const s3 = new S3Client({ region: 'eu-west-1' });
const BUCKET = 'agent-artifacts';
const FROM = 'assistant@example.com';

export const sendEmail = tool({
  description: 'Send an email to a customer',
  inputSchema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
  needsApproval: true,
  execute: async ({ to, subject, body }) => {
    logger.info({ to, subject }, 'send_email');
    return resend.emails.send({ from: FROM, to, subject, text: body });
  },
});

export const sendReminder = tool({
  description: 'Send a payment reminder email',
  inputSchema: z.object({ to: z.string().email(), invoiceId: z.string() }),
  execute: async (input) => {
    audit('send_reminder', { ...input });
    return resend.emails.send({ from: FROM, to: input.to, subject: 'Reminder', text: `Invoice ${input.invoiceId} is due.` });
  },
});

export const refundCharge = tool({
  description: 'Refund a Stripe charge',
  inputSchema: z.object({ chargeId: z.string(), amount: z.number().int().positive() }),
  needsApproval: true,
  execute: async ({ chargeId, amount }) => stripe.refunds.create({ charge: chargeId, amount }),
});

export const sendSms = agentTool({
  name: 'send_sms',
  description: 'Text a customer',
  parameters: z.object({ to: z.string(), message: z.string() }),
  needsApproval: async () => true,
  execute: async ({ to, message }) => {
    logger.info({ to }, 'send_sms');
    const msg = await sms.messages.create({ from: '+15550100', to, body: message });
    return msg.sid;
  },
});

export const pageOnCall = agentTool({
  name: 'page_on_call',
  description: 'Send an SMS page to an on-call engineer',
  parameters: z.object({ phone: z.string(), text: z.string() }),
  execute: async ({ phone, text }) => {
    console.info('paging', phone);
    const msg = await sms.messages.create({ from: '+15550100', to: phone, body: text });
    return msg.sid;
  },
});

export const deleteArtifact = agentTool({
  name: 'delete_artifact',
  description: 'Delete one stored artifact',
  parameters: z.object({ key: z.string() }),
  execute: async ({ key }) => {
    const ok = await confirm(`Delete s3://${BUCKET}/${key}?`);
    if (!ok) {
      return { error: 'cancelled by operator' };
    }
    logger.warn({ key }, 'delete_artifact');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    return { deleted: key };
  },
});

export const payVendor = createTool({
  id: 'pay_vendor',
  description: 'Transfer money to a connected vendor account',
  inputSchema: z.object({ accountId: z.string(), amount: z.number().int().positive() }),
  execute: async ({ context }) => {
    logger.info({ accountId: context.accountId, amount: context.amount }, 'pay_vendor');
    const transfer = await stripe.transfers.create({
      amount: context.amount,
      currency: 'usd',
      destination: context.accountId,
    });
    return { id: transfer.id };
  },
});

export const dropArtifact = createTool({
  id: 'drop_artifact',
  description: 'Remove an artifact without asking',
  inputSchema: z.object({ key: z.string() }),
  execute: async ({ context }) => {
    logger.info({ key: context.key }, 'drop_artifact');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: context.key }));
    return { deleted: context.key };
  },
});
