import Stripe from 'stripe';

export class PaymentsService {
  private readonly stripe: Stripe;

  constructor(apiKey: string) {
    this.stripe = new Stripe(apiKey);
  }

  async charge(customerId: string, amountCents: number, currency: string, description: string) {
    return this.stripe.paymentIntents.create({
      customer: customerId,
      amount: amountCents,
      currency,
      description,
      confirm: true,
      off_session: true,
    });
  }

  async refund(paymentIntentId: string, amountCents?: number) {
    return this.stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents });
  }

  async credit(customerId: string, amountCents: number, note: string) {
    return this.stripe.customers.createBalanceTransaction(customerId, {
      amount: -amountCents,
      currency: 'usd',
      description: note,
    });
  }

  async getInvoice(invoiceId: string) {
    return this.stripe.invoices.retrieve(invoiceId);
  }
}

export const payments = new PaymentsService(process.env.STRIPE_SECRET_KEY ?? '');
