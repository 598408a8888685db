import { DynamicStructuredTool, StructuredTool, tool as lcTool } from '@langchain/core/tools';
import { z } from 'zod';
import { db, logger } from '../services';
import { assertAllowedTables, assertSelectOnly } from '../security/sql';
import { requestApproval } from '../security/approval';
import { auditLog } from '../security/audit';

export const runAnalyticsQuery = lcTool(
  async ({ sql }) => {
    assertSelectOnly(sql);
    logger.info({ sql }, 'analytics query');
    const rows = await db.query(sql);
    return JSON.stringify(rows.slice(0, 200));
  },
  {
    name: 'run_analytics_query',
    description: 'Run a read-only SELECT against the production database.',
    schema: z.object({ sql: z.string() }),
  },
);

export const queryReporting = lcTool(
  async ({ sql }) => {
    assertAllowedTables(sql);
    auditLog('reporting.query', { sql });
    const rows = await db.readOnly(sql);
    return JSON.stringify(rows);
  },
  {
    name: 'query_reporting',
    description: 'Run SQL over the reporting tables (daily_revenue, signups_by_week, plan_mix, churn_cohorts).',
    schema: z.object({ sql: z.string() }),
  },
);

export const lookupCustomer = lcTool(
  async ({ email }) => {
    const rows = await db.query('SELECT id, name, plan, created_at FROM customers WHERE email = $1', [email]);
    return rows[0] ? JSON.stringify(rows[0]) : 'no such customer';
  },
  {
    name: 'lookup_customer',
    description: 'Find a customer by email address.',
    schema: z.object({ email: z.string().email() }),
  },
);

export const searchOrders = lcTool(
  async ({ status, term }) => {
    const sql = `SELECT id, total_cents, status FROM orders WHERE status = '${status}' AND notes ILIKE '%${term}%' LIMIT 50`;
    const rows = await db.query(sql);
    return JSON.stringify(rows);
  },
  {
    name: 'search_orders',
    description: 'Search orders by status and a free-text term in the notes.',
    schema: z.object({ status: z.enum(['open', 'shipped', 'cancelled']), term: z.string() }),
  },
);

export const purgeUserSessions = lcTool(
  async ({ userId }) => {
    logger.info({ userId }, 'purging sessions');
    await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    return `sessions for ${userId} removed`;
  },
  {
    name: 'purge_user_sessions',
    description: 'Log a user out everywhere by deleting their sessions.',
    schema: z.object({ userId: z.string().uuid() }),
  },
);

export const deleteDraftOrder = new DynamicStructuredTool({
  name: 'delete_draft_order',
  description: 'Delete a draft order after a human approves it.',
  schema: z.object({ orderId: z.string().uuid(), reason: z.string() }),
  func: async ({ orderId, reason }) => {
    const approved = await requestApproval({ action: 'delete_draft_order', actor: 'analyst-agent', details: { orderId, reason } });
    if (!approved) {
      return 'deletion was not approved';
    }
    logger.info({ orderId, reason }, 'deleting draft order');
    await db.query('DELETE FROM order_drafts WHERE id = $1', [orderId]);
    return 'deleted';
  },
});

export class TableStatsTool extends StructuredTool {
  name = 'table_stats';
  description = 'Count the rows in a table.';
  schema = z.object({ table: z.string() });

  async _call({ table }: { table: string }): Promise<string> {
    const rows = await db.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    return `${table}: ${rows[0]?.count ?? 0} rows`;
  }
}

export const dataTools = [
  runAnalyticsQuery,
  queryReporting,
  lookupCustomer,
  searchOrders,
  purgeUserSessions,
  deleteDraftOrder,
  new TableStatsTool(),
];
