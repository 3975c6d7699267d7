import { describe, expect, it, vi } from 'vitest';
import type { RequestFn } from '../src/api/client.ts';
import { createApi } from '../src/api/endpoints.ts';
import { ApiError } from '../src/api/errors.ts';
import { assetClassMix } from '../src/lib/portfolio.ts';
import { portfolioFixture, reportFixture } from './fixtures.ts';

/** A request function that answers `body` to anything and records what it was asked. */
function answering(body: unknown) {
  const request = vi.fn(async () => body);
  return { request: request as unknown as RequestFn, calls: request.mock.calls as unknown[][] };
}

describe('assetClassMix', () => {
  it("is the API's asset-class buckets as percentages", () => {
    const portfolio = portfolioFixture({
      allocations: {
        ...portfolioFixture().allocations,
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
    });

    expect(assetClassMix(portfolio)).toEqual({ equity: 90.04, cash: 9.96 });
  });
});

describe('createApi', () => {
  it('calls the path of the contract, with the id and query filled in', async () => {
    const { request, calls } = answering({ items: [], next_cursor: null });
    const api = createApi(request);

    await api.searchInstruments('vt', 5);
    await api.getRetirement('job/1').catch(() => undefined);

    expect(calls[0]?.slice(0, 2)).toEqual(['GET', '/api/instruments?q=vt&limit=5']);
    expect(calls[1]?.slice(0, 2)).toEqual(['GET', '/api/jobs/job%2F1/retirement']);
  });

  it('in tests and development builds, accepts an answer the contract describes', async () => {
    const report = reportFixture({ summary: 'Short', markdown: '# Long' });
    const api = createApi(answering(report).request);

    expect(await api.getReport('job-1')).toEqual(report);
  });

  it('in tests and development builds, rejects an answer with a field the contract does not describe', async () => {
    const { summary, markdown, ...rest } = reportFixture({ summary: 'Short', markdown: '# Long' });
    const renamed = { ...rest, report_summary: summary, report_detail: markdown };
    const api = createApi(answering(renamed).request);

    const failure = await api.getReport('job-1').catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('contract_violation');
    expect((failure as ApiError).message).toMatch(/report_summary/);
  });

  it('trusts the types when checking is turned off, as a production build does', async () => {
    const api = createApi(answering({ anything: true }).request, { checkResponses: false });

    expect(await api.getReport('job-1')).toEqual({ anything: true });
  });
});
