import { tool, generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const API_BASE = 'https://api.internal.example.com/v2/';

const runSql = tool({
  description: 'Run SQL against the analytics database',
  parameters: z.object({ sql: z.string() }),
  execute: async ({ sql }) => {
    const { rows } = await pool.query(sql);
    return rows;
  },
});

const getOrder = tool({
  description: 'Get one order by id',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => {
    const { rows } = await pool.query('SELECT id, status, total FROM orders WHERE id = $1', [orderId]);
    return rows[0] ?? null;
  },
});

const callInternalApi = tool({
  description: 'Call an endpoint of the internal API',
  parameters: z.object({ endpoint: z.string() }),
  execute: async ({ endpoint }) => {
    const res = await fetch(new URL(endpoint, API_BASE));
    return res.json();
  },
});

export async function answer(question: string) {
  return generateText({
    model: openai('gpt-4o'),
    prompt: question,
    tools: { runSql, getOrder, callInternalApi },
  });
}
