import { tool } from "@openai/agents";
import { z } from "zod";
import type Stripe from "stripe";
import { auditLog, logger } from "../lib/audit";
import { requestApproval } from "../lib/approval";
import { formatCents } from "../lib/format";
import type { LedgerService } from "../services/ledger";

export interface PaymentToolDeps {
  stripe: Stripe;
  ledger: LedgerService;
  currency?: string;
}

/** Builds the finance agent's tools around injected Stripe / ledger services. */
export function createPaymentTools({ stripe, ledger, currency = "usd" }: PaymentToolDeps) {
  const createRefund = tool({
    name: "create_refund",
    description: "Refund all or part of a customer's payment.",
    parameters: z.object({
      paymentIntentId: z.string().startsWith("pi_"),
      amountCents: z.number().int().positive(),
      reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]),
    }),
    needsApproval: true,
    execute: async ({ paymentIntentId, amountCents, reason }) => {
      auditLog({
        tool: "create_refund",
        action: "stripe.refunds.create",
        target: paymentIntentId,
        details: { amountCents, reason },
      });
      const refund = await stripe.refunds.create({
        payment_intent: paymentIntentId,
        amount: amountCents,
        reason,
      });
      await ledger.record({ kind: "refund", externalId: refund.id, amountCents: -amountCents, currency });
      return `Refund ${refund.id} is ${refund.status} (${formatCents(amountCents, currency)})`;
    },
  });

  const chargeCustomer = tool({
    name: "charge_customer",
    description: "Charge a customer's saved payment method, e.g. for an add-on they asked for.",
    parameters: z.object({
      customerId: z.string().startsWith("cus_"),
      paymentMethodId: z.string().startsWith("pm_"),
      amountCents: z.number().int().positive().max(500_00),
      description: z.string(),
    }),
    execute: async ({ customerId, paymentMethodId, amountCents, description }) => {
      logger.info({ tool: "charge_customer", customerId, amountCents }, "charging customer");
      const intent = await stripe.paymentIntents.create({
        customer: customerId,
        payment_method: paymentMethodId,
        amount: amountCents,
        currency,
        description,
        off_session: true,
        confirm: true,
      });
      await ledger.record({ kind: "charge", externalId: intent.id, amountCents, currency, memo: description });
      return `PaymentIntent ${intent.id}: ${intent.status}`;
    },
  });

  const transferFunds = tool({
    name: "transfer_funds",
    description: "Transfer funds to a connected partner account.",
    parameters: z.object({
      destinationAccount: z.string().startsWith("acct_"),
      amountCents: z.number().int().positive(),
      memo: z.string(),
    }),
    // approvals for partner transfers happen in the finance-ops dashboard after the fact
    needsApproval: false,
    execute: async ({ destinationAccount, amountCents, memo }) => {
      auditLog({
        tool: "transfer_funds",
        action: "stripe.transfers.create",
        target: destinationAccount,
        details: { amountCents, memo },
      });
      const transfer = await stripe.transfers.create({
        amount: amountCents,
        currency,
        destination: destinationAccount,
        description: memo,
      });
      await ledger.record({ kind: "transfer", externalId: transfer.id, amountCents: -amountCents, currency, memo });
      return `Transfer ${transfer.id} created`;
    },
  });

  const issuePayout = tool({
    name: "issue_payout",
    description: "Pay out the available balance to the company's bank account.",
    parameters: z.object({
      amountCents: z.number().int().positive(),
      destinationBankAccount: z.string().startsWith("ba_"),
    }),
    execute: async ({ amountCents, destinationBankAccount }) => {
      await requestApproval({
        action: "issue_payout",
        summary: `${formatCents(amountCents, currency)} to ${destinationBankAccount}`,
      });
      const payout = await stripe.payouts.create({
        amount: amountCents,
        currency,
        destination: destinationBankAccount,
      });
      console.info(`[payouts] created ${payout.id} for ${amountCents}`);
      return `Payout ${payout.id} scheduled for ${new Date(payout.arrival_date * 1000).toDateString()}`;
    },
  });

  return [createRefund, chargeCustomer, transferFunds, issuePayout];
}

export default createPaymentTools;
