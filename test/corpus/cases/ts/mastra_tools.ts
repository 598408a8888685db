import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import postgres from 'postgres';
import { PinoLogger } from '@mastra/loggers';

const sql = postgres(process.env.DATABASE_URL!);
const logger = new PinoLogger({ name: 'crm-tools' });

export const fetchUrlTool = createTool({
  id: 'fetch-url',
  description: 'Fetch a URL',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ context }) => {
    const res = await fetch(context.url);
    return { status: res.status, body: await res.text() };
  },
});

export const deleteContactTool = createTool({
  id: 'delete-contact',
  description: 'Delete a CRM contact',
  inputSchema: z.object({ contactId: z.string() }),
  execute: async ({ context }) => {
    await sql`DELETE FROM contacts WHERE id = ${context.contactId}`;
    return { deleted: true };
  },
});

export const lookupContactTool = createTool({
  id: 'lookup-contact',
  description: 'Look up a CRM contact',
  inputSchema: z.object({ email: z.string() }),
  execute: async ({ context }) => {
    logger.info('lookup contact', { email: context.email });
    const rows = await sql`SELECT id, name FROM contacts WHERE email = ${context.email}`;
    return rows[0] ?? null;
  },
});

export const slugifyTool = createTool({
  id: 'slugify',
  description: 'Turn a title into a URL slug',
  inputSchema: z.object({ title: z.string() }),
  execute: async ({ context }) => ({
    slug: context.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  }),
});
