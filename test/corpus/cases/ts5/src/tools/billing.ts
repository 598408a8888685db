import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { logger, payments } from '../services';
import { requestApproval } from '../security/approval';
import { auditLog } from '../security/audit';

const PLAN_PRICES: Record<string, number> = { starter: 1900, team: 4900, business: 14900 };

export const chargeCustomerTool = createTool({
  id: 'charge-customer',
  description: 'Charge a customer the given amount on their saved card.',
  inputSchema: z.object({
    customerId: z.string(),
    amountCents: z.number().int().positive(),
    currency: z.enum(['usd', 'eur', 'gbp']),
  }),
  execute: async ({ context }) => {
    const { customerId, amountCents, currency } = context;
    logger.info({ customerId, amountCents, currency }, 'charging customer');
    const intent = await payments.charge(customerId, amountCents, currency, 'Charge created by billing agent');
    return { id: intent.id, status: intent.status };
  },
});

export const refundPaymentTool = createTool({
  id: 'refund-payment',
  description: 'Refund all or part of a payment.',
  inputSchema: z.object({ paymentIntentId: z.string(), amountCents: z.number().int().positive() }),
  execute: async ({ context }) => {
    const { paymentIntentId, amountCents } = context;
    if (amountCents > 50_000) {
      const approved = await requestApproval({
        action: 'refund',
        actor: 'billing-agent',
        details: { paymentIntentId, amountCents },
      });
      if (!approved) {
        return { status: 'rejected' };
      }
    }
    const refund = await payments.refund(paymentIntentId, amountCents);
    return { id: refund.id, status: refund.status };
  },
});

export const issueCreditTool = createTool({
  id: 'issue-credit',
  description: "Add a credit to a customer's balance.",
  inputSchema: z.object({ customerId: z.string(), amountCents: z.number().int().positive(), note: z.string() }),
  execute: async ({ context }) => {
    const approved = await requestApproval({ action: 'issue_credit', actor: 'billing-agent', details: { ...context } });
    if (!approved) {
      return { status: 'rejected' };
    }
    auditLog('billing.credit', { ...context });
    const txn = await payments.credit(context.customerId, context.amountCents, context.note);
    return { id: txn.id };
  },
});

export const prorationQuoteTool = createTool({
  id: 'proration-quote',
  description: 'Quote the prorated price of switching plans mid-cycle.',
  inputSchema: z.object({
    fromPlan: z.enum(['starter', 'team', 'business']),
    toPlan: z.enum(['starter', 'team', 'business']),
    daysLeft: z.number().int().min(0).max(31),
  }),
  execute: async ({ context }) => {
    const { fromPlan, toPlan, daysLeft } = context;
    const diff = PLAN_PRICES[toPlan] - PLAN_PRICES[fromPlan];
    return { amountCents: Math.round((diff * daysLeft) / 30) };
  },
});

export const billingTools = { chargeCustomerTool, refundPaymentTool, issueCreditTool, prorationQuoteTool };
