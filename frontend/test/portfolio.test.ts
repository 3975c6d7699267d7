import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api/endpoints.ts';
import { assetClassMix, readPortfolio } from '../src/lib/portfolio.ts';

/** The shape `GET /api/portfolio` answers with (services/api/src/routes/portfolio.ts). */
const apiPortfolio = {
  user: { clerk_user_id: 'user_test_123' },
  accounts: [
    {
      id: 'a1',
      account_name: '401(k)',
      account_purpose: null,
      cash_balance: '5000.00',
      cash_interest: '0.0450',
      cash_value: '5000.00',
      invested_value: '45212.34',
      total_value: '50212.34',
      positions: [
        {
          id: 'p1',
          account_id: 'a1',
          symbol: 'SPY',
          quantity: '100',
          instrument: { symbol: 'SPY', name: 'SPDR S&P 500', current_price: '452.1234' },
          value: '45212.34',
        },
      ],
    },
  ],
  totals: { cash: '5000.00', invested: '45212.34', total: '50212.34' },
  allocations: {
    asset_class: {
      dimension: 'asset_class',
      total: 50212.34,
      buckets: [
        { key: 'equity', value: 45212.34, percent: 90.04 },
        { key: 'cash', value: 5000, percent: 9.96 },
      ],
      unclassified: [],
    },
  },
  unpriced: [],
  unclassified: ['NEWCO'],
};

describe('readPortfolio with the API shape', () => {
  it("reads each account's totals from cash_value, invested_value and total_value", () => {
    const account = readPortfolio(apiPortfolio).accounts[0];

    expect(account?.totals).toEqual({ cash: '5000.00', invested: '45212.34', total: '50212.34' });
    expect(account?.positions[0]?.value).toBe('45212.34');
  });

  it("uses the API's asset-class buckets for the allocation", () => {
    expect(assetClassMix(readPortfolio(apiPortfolio))).toEqual({ equity: 90.04, cash: 9.96 });
  });

  it('keeps the symbols the API could not classify', () => {
    expect(readPortfolio(apiPortfolio).unclassified).toEqual(['NEWCO']);
  });
});

describe('getReport', () => {
  it('reads the summary and markdown whichever names the API gives them', async () => {
    const api = createApi(
      async () => ({ job_id: 'j', summary: 'Short', markdown: '# Long', charts: [] }) as never,
    );

    const report = await api.getReport('j');

    expect(report.report_summary).toBe('Short');
    expect(report.report_detail).toBe('# Long');
  });
});
