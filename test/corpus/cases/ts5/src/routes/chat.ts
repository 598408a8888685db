import { Router } from 'express';
import { runAssistant } from '../agents/assistant';
import { askAnalyst } from '../agents/analyst';

export const chatRouter = Router();

chatRouter.post('/chat', async (req, res) => {
  const { tenantId, user, message } = req.body as { tenantId: string; user: string; message: string };
  res.json({ reply: await runAssistant(tenantId, user, message) });
});

chatRouter.post('/analyst', async (req, res) => {
  res.json({ answer: await askAnalyst(String(req.body.question)) });
});
