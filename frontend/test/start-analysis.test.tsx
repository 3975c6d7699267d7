import { render, screen } from '@testing-library/react';
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
    renderReports(portfolioFixture({ accounts: [accountFixture()] }));

    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'Start analysis' })).toHaveProperty('disabled', false),
    );
    expect(screen.queryByText(/Add a position to start an analysis/)).toBeNull();
  });
});
