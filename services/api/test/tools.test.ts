import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO_USER, OTHER_USER, startTestApi, type TestApi } from './support.ts';

const cents = (n: number) => Math.round(n * 100);

describe.each(BACKENDS)('portfolio tools (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  describe('GET /api/rebalance', () => {
    it('answers trades by holding that net to zero with the cash change', async () => {
      const res = await api.call('GET', '/api/rebalance', { user: DEMO_USER });

      expect(res.status).toBe(200);
      expect(res.body.trades.length).toBeGreaterThan(0);
      const traded = res.body.trades.reduce((sum: number, t: { value: number }) => sum + cents(t.value), 0);
      expect(traded + cents(res.body.cash.change)).toBe(0);
      expect(cents(res.body.cash.before + res.body.cash.change)).toBe(cents(res.body.cash.after));
      for (const trade of res.body.trades.filter((t: { whole_shares: boolean }) => t.whole_shares)) {
        expect(trade.shares).toMatch(/^\d+$/);
      }
    });

    it('states an unpriced holding separately instead of dropping it', async () => {
      // Prepare: a user holding one priced ETF and a symbol nobody has priced.
      const user = 'user_rebalance_unpriced';
      const account = await api.call('POST', '/api/accounts', {
        user,
        body: { account_name: 'Taxable', cash_balance: '1000' },
      });
      for (const [symbol, quantity] of [
        ['SPY', '2'],
        ['ZZQQ', '5'],
      ]) {
        await api.call('POST', '/api/positions', {
          user,
          body: { account_id: account.body.id, symbol, quantity },
        });
      }

      // Act
      const res = await api.call('GET', '/api/rebalance', { user });

      // Assess
      expect(res.body.held_aside).toEqual([
        { account_name: 'Taxable', symbol: 'ZZQQ', value: null, reason: 'unpriced' },
      ]);
      expect(res.body.trades.find((t: { symbol: string }) => t.symbol === 'BND')).toMatchObject({
        action: 'buy',
        new_holding: true,
      });
    });

    it('answers an empty plan for a user with nothing held', async () => {
      const res = await api.call('GET', '/api/rebalance', { user: 'user_rebalance_empty' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 0, trades: [], held_aside: [], cash: { before: 0, after: 0 } });
    });
  });

  describe('risk checks', () => {
    it('GET /api/risk-checks runs every rule with the defaults and says why', async () => {
      const res = await api.call('GET', '/api/risk-checks', { user: DEMO_USER });

      expect(res.status).toBe(200);
      expect(res.body.checks.map((c: { id: string }) => c.id)).toContain('holding_concentration');
      for (const check of res.body.checks) {
        expect(check.threshold).toBe(check.default_threshold);
        expect(check.message.length).toBeGreaterThan(0);
      }
    });

    it('PUT /api/risk-rules turns a rule red when its threshold is crossed, for that user only', async () => {
      const before = await api.call('GET', '/api/risk-checks', { user: DEMO_USER });
      const cash = before.body.checks.find((c: { id: string }) => c.id === 'cash_drag');

      const res = await api.call('PUT', '/api/risk-rules', {
        user: DEMO_USER,
        body: { cash_drag: { enabled: true, threshold: Math.max(0, Math.floor(cash.value) - 1) } },
      });
      const other = await api.call('GET', '/api/risk-checks', { user: OTHER_USER });

      expect(res.status).toBe(200);
      expect(res.body.checks.find((c: { id: string }) => c.id === 'cash_drag')).toMatchObject({
        status: 'fail',
      });
      expect(other.body.checks.find((c: { id: string }) => c.id === 'cash_drag').threshold).toBe(10);
    });

    it('PUT /api/risk-rules switches a rule off', async () => {
      const res = await api.call('PUT', '/api/risk-rules', {
        user: DEMO_USER,
        body: { too_few_holdings: { enabled: false, threshold: 50 } },
      });
      expect(res.body.checks.find((c: { id: string }) => c.id === 'too_few_holdings')).toMatchObject({
        status: 'off',
        enabled: false,
        threshold: 50,
      });
    });

    it('PUT /api/risk-rules refuses an out-of-bounds or unknown setting with a 400 naming the field', async () => {
      const outOfBounds = await api.call('PUT', '/api/risk-rules', {
        user: DEMO_USER,
        body: { holding_concentration: { enabled: true, threshold: 150 } },
      });
      const fraction = await api.call('PUT', '/api/risk-rules', {
        user: DEMO_USER,
        body: { data_gaps: { enabled: true, threshold: 1.5 } },
      });
      const unknown = await api.call('PUT', '/api/risk-rules', {
        user: DEMO_USER,
        body: { crypto_share: { enabled: true, threshold: 5 } },
      });

      expect(outOfBounds.status).toBe(400);
      expect(outOfBounds.body.error.details[0].field).toBe('holding_concentration.threshold');
      expect(fraction.body.error.details[0].message).toMatch(/whole number/);
      expect(unknown.status).toBe(400);
      const after = await api.call('GET', '/api/risk-checks', { user: DEMO_USER });
      expect(after.body.checks.find((c: { id: string }) => c.id === 'holding_concentration').threshold).toBe(
        25,
      );
    });
  });

  describe('GET /api/reports/history', () => {
    it('lists completed analyses with their snapshot and retirement figures, newest first', async () => {
      // Prepare
      const job = await api.repos.jobs.create(DEMO_USER);
      await api.db.client.query(
        "UPDATE analysis_jobs SET status = 'completed', completed_at = now() WHERE id = :id::uuid",
        { id: job.id },
      );
      await api.repos.snapshots.save(DEMO_USER, job.id, {
        total_value: 1234.5,
        invested_value: 1000,
        cash_value: 234.5,
        asset_class: [{ key: 'equity', percent: 81 }],
        regions: [{ key: 'north_america', percent: 100 }],
        failing_checks: ['Cash drag'],
      });

      // Act
      const res = await api.call('GET', '/api/reports/history', { user: DEMO_USER });
      const other = await api.call('GET', '/api/reports/history', { user: OTHER_USER });

      // Assess
      expect(res.status).toBe(200);
      expect(res.body[0]).toMatchObject({
        job_id: job.id,
        total_value: 1234.5,
        failing_checks: ['Cash drag'],
        success_rate: null,
      });
      expect(other.body).toEqual([]);
    });

    it('needs a signed-in user', async () => {
      const res = await api.call('GET', '/api/reports/history');
      expect(res.status).toBe(401);
    });
  });
});
