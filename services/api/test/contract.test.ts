import { allEndpoints, type Endpoint, endpoints, toolEndpoints } from '@alex/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../src/routes/index.ts';
import { ContractViolation, checkAgainstContract } from './contract-check.ts';
import { DEMO_USER, RETIREMENT_FIGURES, startTestApi, type TestApi } from './support.ts';

const key = (e: { method: string; path?: string; pattern?: string }) => `${e.method} ${e.path ?? e.pattern}`;

describe('the HTTP contract', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(() => api.close());

  it('every route serves one endpoint of the contract, and every endpoint has a route', () => {
    const routes = apiRoutes({ localMode: true });
    expect(routes.map(key).sort()).toEqual(Object.values(allEndpoints).map(key).sort());
    for (const route of routes) expect(key(route)).toBe(key(route.endpoint));
  });

  it('every user endpoint answers a body its schema describes (checked on each call)', async () => {
    const seen = new Set<string>();
    const call = async (e: Endpoint, path: string, body?: unknown) => {
      const res = await api.call(e.method, path, {
        user: DEMO_USER,
        ...(body === undefined ? {} : { body }),
      });
      expect(res.status, `${e.method} ${path}: ${JSON.stringify(res.body)}`).toBe(e.status);
      seen.add(key(e));
      return res.body;
    };
    await call(endpoints.health, '/health');
    await call(endpoints.getUser, '/api/user');
    await call(endpoints.updateUser, '/api/user', { display_name: 'Ada', target_retirement_income: '72000' });
    await call(endpoints.listAccounts, '/api/accounts');
    const account = await call(endpoints.createAccount, '/api/accounts', { account_name: 'Contract' });
    await call(endpoints.getAccount, `/api/accounts/${account.id}`);
    await call(endpoints.updateAccount, `/api/accounts/${account.id}`, { cash_balance: '10.50' });
    const position = await call(endpoints.createPosition, '/api/positions', {
      account_id: account.id,
      symbol: 'SPY',
      quantity: '2',
    });
    await call(endpoints.updatePosition, `/api/positions/${position.id}`, { quantity: '3' });
    await call(endpoints.listAccountPositions, `/api/accounts/${account.id}/positions`);
    await call(endpoints.searchInstruments, '/api/instruments?q=VT&limit=5');
    await call(endpoints.createPosition, '/api/positions', {
      account_id: account.id,
      symbol: 'HANDQ',
      quantity: '1',
    });
    await call(endpoints.classifyInstrument, '/api/instruments/classify', {
      symbol: 'HANDQ',
      current_price: '12.5',
      asset_class: 'equity',
      region: 'europe',
      sector: 'diversified',
    });
    await call(endpoints.getPortfolio, '/api/portfolio');
    const { job_id } = await call(endpoints.startAnalysis, '/api/analyze', {});
    await call(endpoints.listJobs, '/api/jobs?limit=5');
    await call(endpoints.getJob, `/api/jobs/${job_id}`);
    await api.repos.reports.saveText(DEMO_USER, job_id, {
      report_summary: 'Summary',
      report_detail: '# Report',
      generated_by: 'offline',
    });
    await call(endpoints.getReport, `/api/jobs/${job_id}/report`);
    await api.repos.retirement.save(DEMO_USER, job_id, {
      estimated_income: 50_000,
      success_rate: 90,
      figures: RETIREMENT_FIGURES,
      summary: 'On track',
      detail: '## Detail',
      chart: {
        title: 'Projection',
        type: 'projection',
        description: 'Bands',
        data: [{ year: 0, age: 40, phase: 'accumulation', p10: 1, p50: 2, p90: 3 }],
      },
      assumptions: { paths: 500 },
      generated_by: 'offline',
    });
    await call(endpoints.getRetirement, `/api/jobs/${job_id}/retirement`);
    await call(toolEndpoints.getRebalance, '/api/rebalance');
    await call(toolEndpoints.getRiskChecks, '/api/risk-checks');
    await call(toolEndpoints.updateRiskRules, '/api/risk-rules', {
      cash_drag: { enabled: true, threshold: 12 },
    });
    await call(toolEndpoints.listReportHistory, '/api/reports/history');
    const csv = { file_base64: Buffer.from('account,symbol,quantity\nContract,VTI,1\n').toString('base64') };
    await call(endpoints.previewImport, '/api/import/preview', csv);
    await call(endpoints.importPositions, '/api/import', csv);
    await call(endpoints.exportPortfolio, '/api/export?format=json');
    await call(endpoints.deletePosition, `/api/positions/${position.id}`);
    await call(endpoints.deleteAccount, `/api/accounts/${account.id}`);

    // The webhook and the local helpers are exercised (and checked) in webhook and local-mode tests.
    const exercisedElsewhere: Endpoint[] = [
      endpoints.clerkWebhook,
      ...Object.values(allEndpoints).filter((e) => 'localOnly' in e),
    ];
    const expected = Object.values(allEndpoints).filter((e) => !exercisedElsewhere.includes(e));
    expect([...seen].sort()).toEqual(expected.map(key).sort());
  });

  it('an answer with a field the contract does not describe is a violation', async () => {
    const { body } = await api.call('GET', '/api/user', { user: DEMO_USER });
    expect(() => checkAgainstContract('GET', '/api/user', 200, body)).not.toThrow();
    expect(() => checkAgainstContract('GET', '/api/user', 200, { ...body, password: 'x' })).toThrow(
      ContractViolation,
    );
  });

  it('an answer with a field renamed is a violation', async () => {
    const { body } = await api.call('GET', '/api/accounts', { user: DEMO_USER });
    const [{ account_name, ...rest }] = body;
    const renamed = [{ ...rest, name: account_name }];
    expect(() => checkAgainstContract('GET', '/api/accounts', 200, renamed)).toThrow(/account_name|name/);
  });

  it('a success status the endpoint does not declare, or an error body of another shape, is a violation', () => {
    expect(() => checkAgainstContract('POST', '/api/analyze', 200, { job_id: 'x' })).toThrow(/declares 202/);
    expect(() => checkAgainstContract('GET', '/api/user', 404, { message: 'gone' })).toThrow(
      ContractViolation,
    );
  });

  it('a route that answers an undescribed field fails the request in the tests', async () => {
    const { users } = api.repos;
    const getOrCreate = users.getOrCreate;
    users.getOrCreate = async (input) => ({ ...(await getOrCreate.call(users, input)), internal_note: 'x' });
    try {
      await expect(api.call('GET', '/api/user', { user: DEMO_USER })).rejects.toThrow(/internal_note/);
    } finally {
      users.getOrCreate = getOrCreate;
    }
  });
});
