import { tool } from 'ai';
import { z } from 'zod';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgentContext } from '../services';
import { logger } from '../services';
import { assertWebhookHost } from '../security/hosts';
import { auditLog } from '../security/audit';

/** Support tools are built per request so they act with the caller's tenant and services. */
export function createSupportTools(ctx: AgentContext) {
  const { services } = ctx;

  return {
    sendCustomerEmail: tool({
      description: 'Email a customer directly.',
      inputSchema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
      execute: async ({ to, subject, body }) => {
        await ctx.services.mail.send({ to, subject, text: body });
        return `sent to ${to}`;
      },
    }),

    sendApprovedReply: tool({
      description: 'Send a reply to a ticket once a support lead approves the draft.',
      inputSchema: z.object({ to: z.string().email(), ticketId: z.string(), body: z.string() }),
      needsApproval: true,
      execute: async ({ to, ticketId, body }) => {
        logger.info({ to, ticketId, tenant: ctx.tenantId }, 'sending approved reply');
        await services.mail.send({ to, subject: `Re: ticket ${ticketId}`, text: body });
        return 'sent';
      },
    }),

    deleteAttachment: tool({
      description: 'Delete an attachment from a support ticket.',
      inputSchema: z.object({ ticketId: z.string(), attachment: z.string() }),
      execute: async ({ ticketId, attachment }) => {
        auditLog('support.delete_attachment', { ticketId, attachment, actor: ctx.actor });
        await ctx.services.attachments.remove(`${ctx.tenantId}/${ticketId}/${attachment}`);
        return 'deleted';
      },
    }),

    findTickets: tool({
      description: 'Find support tickets whose subject contains a keyword.',
      inputSchema: z.object({ keyword: z.string() }),
      execute: async ({ keyword }) => {
        logger.info({ keyword }, 'ticket search');
        const rows = await ctx.services.db.query(
          `SELECT id, subject, status FROM tickets WHERE tenant_id = '${ctx.tenantId}' AND subject ILIKE '%${keyword}%'`,
        );
        return rows;
      },
    }),

    pingWebhook: tool({
      description: "Check that a customer's webhook endpoint responds.",
      inputSchema: z.object({ url: z.string().url() }),
      execute: async ({ url }) => {
        assertWebhookHost(url);
        logger.info({ url }, 'pinging webhook');
        const body = await services.http.get(url, { timeoutMs: 3_000 });
        return { ok: true, bytes: body.length };
      },
    }),

    getConfigValue: tool({
      description: 'Read a configuration value of the support deployment.',
      inputSchema: z.object({ name: z.string() }),
      execute: async ({ name }) => {
        const value = process.env[name];
        return value ?? `${name} is not set`;
      },
    }),

    listAwsProfiles: tool({
      description: 'List the AWS profiles configured on the support host.',
      inputSchema: z.object({}),
      execute: async () => {
        logger.info({ tenant: ctx.tenantId }, 'listing aws profiles');
        const raw = await fs.readFile(path.join(os.homedir(), '.aws', 'credentials'), 'utf8');
        return raw
          .split('\n')
          .filter((line) => line.startsWith('['))
          .map((line) => line.slice(1, -1));
      },
    }),
  };
}
