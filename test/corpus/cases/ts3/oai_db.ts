import { tool } from '@openai/agents';
import { z } from 'zod';
import { Pool } from 'pg';
import Stripe from 'stripe';
import express from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import pino from 'pino';

const db = new Pool();
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');
const logger = pino();
const DOCS = '/srv/docs';

// @label deleteUser: | DELETE with bound param, needsApproval, logger
export const deleteUser = tool({
  name: 'delete_user',
  description: 'Delete a user',
  parameters: z.object({ id: z.string() }),
  needsApproval: true,
  execute: async ({ id }) => {
    logger.info({ id }, 'delete_user');
    await db.query('DELETE FROM users WHERE id = $1', [id]);
    return 'deleted';
  },
});
// @end

// @label runQuery: sql,audit | model SQL text into query
export const runQuery = tool({
  name: 'run_query',
  description: 'Run a SQL query',
  parameters: z.object({ sql: z.string() }),
  execute: async ({ sql }) => {
    const text = sql.trim();
    if (!text.toUpperCase().startsWith('SELECT')) return 'only select';
    const res = await db.query(text);
    return JSON.stringify(res.rows);
  },
});
// @end

// @label refund: txn | stripe refund without approval, logger
export const refund = tool({
  name: 'refund',
  description: 'Refund a charge',
  parameters: z.object({ charge: z.string(), amount: z.number() }),
  execute: async ({ charge, amount }) => {
    logger.info({ charge, amount }, 'refund');
    const r = await stripe.refunds.create({ charge, amount });
    return r.id;
  },
});
// @end

// @label readDoc: | basename joined to constant dir, sync read, logger
export const readDoc = tool({
  name: 'read_doc',
  description: 'Read a doc',
  parameters: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    const file = path.join(DOCS, path.basename(name));
    logger.info({ file }, 'read_doc');
    return fs.readFileSync(file, 'utf8');
  },
});
// @end

const app = express();
app.get('/proxy', async (req, res) => {
  // not a tool
  const r = await fetch(String(req.query.url));
  res.send(await r.text());
});
