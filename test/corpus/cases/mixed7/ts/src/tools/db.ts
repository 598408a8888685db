import { tool } from 'ai';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Knex } from 'knex';
import type { Pool } from 'pg';
import { logger } from '../lib/log';

const customerInput = z.object({ customerId: z.string().uuid() });

export class DbToolkit {
  constructor(
    private readonly db: NodePgDatabase,
    private readonly knex: Knex,
    private readonly pool: Pool,
  ) {}

  tools() {
    const log = logger.child({ toolkit: 'db' });
    return {
      findOrders: tool({
        description: 'List orders for a customer',
        inputSchema: customerInput,
        execute: async ({ customerId }: z.infer<typeof customerInput>) => {
          log.info({ customerId }, 'findOrders');
          const rows = await this.db.execute(
            sql`select id, total, status from orders where customer_id = ${customerId}`,
          );
          return rows.rows;
        },
      }),
      runReport: tool({
        description: 'Run an analytics SQL query',
        inputSchema: z.object({ query: z.string() }),
        execute: async ({ query }) => {
          const rows = await this.db.execute(sql.raw(query));
          return rows.rows;
        },
      }),
      searchUsers: tool({
        description: 'Search users by name',
        inputSchema: z.object({ term: z.string() }),
        execute: async ({ term }) => {
          log.info({ term }, 'searchUsers');
          return this.knex('users').whereRaw('name ilike ?', [`%${term}%`]).limit(50);
        },
      }),
      filterUsers: tool({
        description: 'Filter users by status',
        inputSchema: z.object({ status: z.string() }),
        execute: async ({ status }) => {
          log.info({ status }, 'filterUsers');
          return this.knex('users').whereRaw("status = '" + status + "'").limit(50);
        },
      }),
      getInvoice: tool({
        description: 'Fetch one invoice by id',
        inputSchema: z.object({ id: z.number().int() }),
        execute: async (input) => {
          const res = await this.pool.query({
            text: 'select id, amount, due_at from invoices where id = $1',
            values: [input.id],
          });
          return res.rows[0] ?? null;
        },
      }),
      purgeSessions: tool({
        description: 'Delete all sessions of a user',
        inputSchema: z.object({ userId: z.string() }),
        execute: async ({ userId }) => {
          const res = await this.pool.query({
            text: 'DELETE FROM sessions WHERE user_id = $1',
            values: [userId],
          });
          return { deleted: res.rowCount };
        },
      }),
    };
  }
}
