// Non-agent application code: route handlers, tRPC procedures, a cron job and a
// server action. No language model chooses these arguments; nothing here is a tool.
import { NextResponse, type NextRequest } from 'next/server';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import cron from 'node-cron';
import { rm, readFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';

const db = drizzle(process.env.DATABASE_URL ?? '');
const t = initTRPC.create();

export async function GET(req: NextRequest) {
  const target = req.nextUrl.searchParams.get('url') ?? 'https://example.com';
  const res = await fetch(target);
  return NextResponse.json({ status: res.status });
}

export async function POST(req: NextRequest) {
  const { file } = (await req.json()) as { file: string };
  const text = await readFile(file, 'utf8');
  return NextResponse.json({ length: text.length });
}

export const appRouter = t.router({
  report: t.procedure
    .input(z.object({ q: z.string() }))
    .query(async ({ input }) => {
      const rows = await db.execute(sql.raw(input.q));
      return rows.rows;
    }),
  envValue: t.procedure
    .input(z.object({ key: z.string() }))
    .query(({ input }) => process.env[input.key] ?? null),
});

cron.schedule('0 3 * * *', async () => {
  await rm('/srv/agent-data/tmp', { recursive: true, force: true });
});

export async function rebuildIndex(formData: FormData) {
  'use server';
  const dir = String(formData.get('dir') ?? '.');
  execSync(`npm run index -- ${dir}`);
  return { ok: true };
}
