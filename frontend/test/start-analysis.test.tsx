import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import ReportsPage from '../src/pages/reports.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { accountFixture, instrumentFixture, portfolioFixture } from './fixtures.ts';

function renderReports(portfolio = portfolioFixture()) {
  const api = fakeApi({
    listJobs: vi.fn(async () => []),
    getPortfolio: vi.fn(async () => portfolio),
  });
  render(
    <Providers api={api}>
      <ReportsPage />
    </Providers>,
  );
  return api;
}

describe('Start analysis on the reports page', () => {
  it('is disabled with the reason when there are no positions', async () => {
    const api = renderReports();

    const reason = await screen.findByText(/Add a position to start an analysis/);
    const button = screen.getByRole('button', { name: 'Start analysis' }) as HTMLButtonElement;

    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    expect(api.startAnalysis).not.toHaveBeenCalled();
  });

  it('is enabled once the portfolio has a position', async () => {
    const position = {
      id: 'p1',
      account_id: 'a1',
      symbol: 'SPY',
      quantity: '1.00000000',
      as_of_date: '2026-11-25',
      created_at: '2026-11-25T10:00:00Z',
      updated_at: '2026-11-25T10:00:00Z',
      instrument: instrumentFixture(),
      value: '500.00',
    };
    const api = renderReports(portfolioFixture({ accounts: [accountFixture({ positions: [position] })] }));

    await vi.waitFor(() => expect(api.getPortfolio).toHaveBeenCalled());
    await act(async () => {}); // let the portfolio's answer land
    expect(screen.getByRole('button', { name: 'Start analysis' })).toHaveProperty('disabled', false);
    expect(screen.queryByText(/Add a position to start an analysis/)).toBeNull();
  });
});
