import { beforeEach, describe, expect, it, vi } from 'vitest';
import { payments } from '../services';
import { chargeCustomerTool, prorationQuoteTool } from '../tools/billing';
import { TableStatsTool } from '../tools/data';
import { db } from '../services';

describe('billing tools', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('charges through the payments service', async () => {
    const spy = vi.spyOn(payments, 'charge').mockResolvedValue({ id: 'pi_1', status: 'succeeded' } as never);
    const out = await chargeCustomerTool.execute!({ context: { customerId: 'cus_1', amountCents: 500, currency: 'usd' } } as never);
    expect(spy).toHaveBeenCalledWith('cus_1', 500, 'usd', expect.any(String));
    expect(out).toEqual({ id: 'pi_1', status: 'succeeded' });
  });

  it('quotes proration', async () => {
    const out = await prorationQuoteTool.execute!({ context: { fromPlan: 'starter', toPlan: 'team', daysLeft: 15 } } as never);
    expect(out).toEqual({ amountCents: 1500 });
  });

  it('table stats queries the count', async () => {
    vi.spyOn(db, 'query').mockResolvedValue([{ count: '3' }]);
    const out = await new TableStatsTool().invoke({ table: 'orders' });
    expect(out).toBe('orders: 3 rows');
  });
});
