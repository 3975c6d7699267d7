import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestApi, type TestApi } from './support.ts';

const THIS_YEAR = new Date().getUTCFullYear();

describe.each(BACKENDS)("the user's retirement plan through the API (%s)", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  it('PUT /api/user saves the plan and GET /api/user returns it with the derived age and years', async () => {
    // Prepare
    const plan = {
      birth_year: THIS_YEAR - 50,
      retirement_age: 62,
      annual_contribution: '20000',
      contribution_rises_with_inflation: true,
      other_retirement_income: '30000.00',
      other_income_start_age: 67,
      annual_fee_percent: '0.5',
      risk_score: 3,
    };

    // Act
    const put = await api.call('PUT', '/api/user', { user: 'user_plan_api', body: plan });
    const get = await api.call('GET', '/api/user', { user: 'user_plan_api' });

    // Assess
    expect(put.status).toBe(200);
    expect(get.body).toMatchObject({
      birth_year: THIS_YEAR - 50,
      current_age: 50,
      retirement_age: 62,
      years_until_retirement: 12,
      annual_contribution: '20000.00',
      contribution_rises_with_inflation: true,
      other_retirement_income: '30000.00',
      other_income_start_age: 67,
      annual_fee_percent: '0.50',
      risk_score: 3,
    });
  });

  it('names each out-of-range plan field with the reason', async () => {
    // Act
    const res = await api.call('PUT', '/api/user', {
      user: 'user_plan_api',
      body: {
        annual_contribution: '1e307',
        other_retirement_income: '99999999',
        annual_fee_percent: '12',
        risk_score: 0,
      },
    });

    // Assess
    expect(res.status).toBe(400);
    const details = Object.fromEntries(
      res.body.error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(details).toMatchObject({
      annual_contribution: expect.stringMatching(/decimal number/),
      other_retirement_income: expect.stringMatching(/at most 10,000,000 dollars a year/),
      annual_fee_percent: expect.stringMatching(/at most 5/),
      risk_score: expect.stringMatching(/1|least/),
    });
  });
});
