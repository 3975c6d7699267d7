import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRouteRequests } from './routes.ts';
import {
  BACKENDS,
  DEMO_USER,
  OTHER_USER,
  RETIREMENT_FIGURES,
  snapshot,
  startTestApi,
  type TestApi,
} from './support.ts';

const VALID_BODIES: Record<string, unknown> = {
  'PUT /api/accounts/{id}': { account_name: 'Mine now' },
  'PUT /api/positions/{id}': { quantity: 1 },
};

const ID_ROUTES = userRouteRequests('{id}').filter((r) => r.pattern.includes('{id}'));

describe.each(BACKENDS)('tenant isolation (%s)', (kind) => {
  let api: TestApi;
  const ids: Record<'accounts' | 'positions' | 'jobs', string> = { accounts: '', positions: '', jobs: '' };

  beforeAll(async () => {
    api = await startTestApi(kind);
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const [position] = await api.repos.positions.listForAccount(DEMO_USER, account?.id ?? '');
    const job = await api.repos.jobs.create(DEMO_USER);
    await api.repos.reports.saveText(DEMO_USER, job.id, {
      report_summary: 's',
      report_detail: 'd',
      generated_by: 't',
    });
    await api.repos.retirement.save(DEMO_USER, job.id, {
      estimated_income: 1,
      success_rate: 50,
      figures: RETIREMENT_FIGURES,
      summary: 's',
      detail: 'd',
      chart: {
        title: 't',
        type: 'projection',
        description: 'd',
        data: [{ year: 0, phase: 'accumulation', p10: 1, p50: 1, p90: 1 }],
      },
      assumptions: {},
      generated_by: 'offline',
    });
    Object.assign(ids, { accounts: account?.id, positions: position?.id, jobs: job.id });
  });
  afterAll(() => api.close());

  const idFor = (pattern: string) => ids[pattern.split('/')[2] as keyof typeof ids];

  it.each(ID_ROUTES)(
    '$method $pattern with another user’s id → 404, nothing changed',
    async ({ method, pattern }) => {
      const before = await snapshot(api.db);
      const res = await api.call(method, pattern.replace('{id}', idFor(pattern)), {
        user: OTHER_USER,
        body: VALID_BODIES[`${method} ${pattern}`] ?? {},
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(await snapshot(api.db)).toBe(before);
    },
  );

  it.each(ID_ROUTES.filter((r) => r.method === 'GET'))(
    '$method $pattern answers the owner',
    async ({ pattern }) => {
      const res = await api.call('GET', pattern.replace('{id}', idFor(pattern)), { user: DEMO_USER });
      expect(res.status).toBe(200);
    },
  );

  it.each(ID_ROUTES)('$method $pattern with an id that does not exist → 404', async ({ method, pattern }) => {
    const res = await api.call(method, pattern.replace('{id}', '7d444840-9dc0-11d1-b245-5ffdce74fad2'), {
      user: DEMO_USER,
      body: VALID_BODIES[`${method} ${pattern}`] ?? {},
    });
    expect(res.status).toBe(404);
  });

  it.each(ID_ROUTES)(
    '$method $pattern with an invalid UUID → 400 naming the id',
    async ({ method, pattern }) => {
      const res = await api.call(method, pattern.replace('{id}', 'not-a-uuid%27%3B--'), {
        user: DEMO_USER,
        body: VALID_BODIES[`${method} ${pattern}`] ?? {},
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    },
  );

  it('adding a position to another user’s account → 404 and nothing written', async () => {
    const before = await snapshot(api.db);
    const res = await api.call('POST', '/api/positions', {
      user: OTHER_USER,
      body: { account_id: ids.accounts, symbol: 'NEWCO', quantity: 1 },
    });
    expect(res.status).toBe(404);
    expect(await snapshot(api.db)).toBe(before);
  });

  it('another user’s jobs never appear in a history', async () => {
    const res = await api.call('GET', '/api/jobs', { user: OTHER_USER });
    expect(res.body).toEqual([]);
  });
});
