// Analytics tools for a Mastra agent.
import { createTool } from '@mastra/core/tools';
import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import Database from 'better-sqlite3';
import { PrismaClient } from '@prisma/client';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { audit } from './lib/audit';

const analytics = new Database('/var/lib/acme/analytics.db', { readonly: true, fileMustExist: true });
const prisma = new PrismaClient();
const REPORT_TABLES = new Set(['daily_signups', 'weekly_revenue', 'churn_by_plan']);
const EXPORT_DIR = '/var/lib/acme/exports';

export const tableSampleTool = createTool({
  id: 'table-sample',
  description: 'Return the first rows of one of the reporting tables.',
  inputSchema: z.object({ table: z.string(), rows: z.number().int().min(1).max(100) }),
  execute: async ({ context }) => {
    if (!REPORT_TABLES.has(context.table)) {
      throw new Error(`table ${context.table} is not a reporting table`);
    }
    audit('table-sample', { table: context.table });
    return analytics.prepare(`SELECT * FROM ${context.table} LIMIT ?`).all(context.rows);
  },
});

export const adhocQueryTool = createTool({
  id: 'adhoc-query',
  description: 'Run a read-only SQL query against the analytics database.',
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ context }) => {
    const statement = context.sql.trim();
    if (!/^select\b/i.test(statement)) {
      throw new Error('only SELECT statements are allowed');
    }
    audit('adhoc-query', { sql: statement });
    return analytics.prepare(statement).all();
  },
});

export const userByEmailTool = createTool({
  id: 'user-by-email',
  description: 'Find a user account by email address.',
  inputSchema: z.object({ email: z.string() }),
  execute: async ({ context }) => {
    const rows = await prisma.$queryRawUnsafe(
      `SELECT id, email, plan, created_at FROM "User" WHERE email = '${context.email}'`,
    );
    return rows;
  },
});

export const signupsSinceTool = createTool({
  id: 'signups-since',
  description: 'Count sign-ups since a date.',
  inputSchema: z.object({ since: z.string() }),
  execute: async ({ context }) => {
    const since = new Date(context.since);
    const rows = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "User" WHERE created_at >= ${since}`;
    return { signups: Number(rows[0]?.n ?? 0) };
  },
});

export const previewExportTool = createTool({
  id: 'preview-export',
  description: 'Show the first lines of a CSV file from the exports folder.',
  inputSchema: z.object({ fileName: z.string(), lines: z.number().int().max(50).default(10) }),
  execute: async ({ context }) => {
    const dest = path.join(EXPORT_DIR, path.basename(context.fileName));
    const text = await readFile(dest, 'utf8');
    return text.split('\n').slice(0, context.lines).join('\n');
  },
});

export const analyticsAgent = new Agent({
  name: 'analytics',
  instructions: 'Answer questions about product analytics.',
  model: openai('gpt-4.1-mini'),
  tools: { tableSampleTool, adhocQueryTool, userByEmailTool, signupsSinceTool, previewExportTool },
});
