import type { User } from '@alex/contract';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import DashboardPage from '../src/pages/dashboard.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { accountFixture, noPlan, portfolioFixture } from './fixtures.ts';

const user: User = {
  clerk_user_id: 'user_new',
  display_name: null,
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
  ...noPlan,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};

describe('DashboardPage', () => {
  it('guides a new user to set up a portfolio and cannot start an analysis yet', async () => {
    const api = fakeApi({
      getUser: vi.fn(async () => user),
      getPortfolio: vi.fn(async () => portfolioFixture()),
      listJobs: vi.fn(async () => []),
    });

    render(
      <Providers api={api}>
        <DashboardPage />
      </Providers>,
    );

    expect(await screen.findByText('No accounts yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Set up your portfolio' }).getAttribute('href')).toBe(
      '/portfolio',
    );
    expect((screen.getByRole('button', { name: 'Start analysis' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the total value from the API totals', async () => {
    const portfolio = portfolioFixture({
      accounts: [accountFixture()],
      totals: { cash: '10.00', invested: '0.00', total: '1234567.89' },
    });
    const api = fakeApi({
      getUser: vi.fn(async () => user),
      getPortfolio: vi.fn(async () => portfolio),
      listJobs: vi.fn(async () => []),
    });

    render(
      <Providers api={api}>
        <DashboardPage />
      </Providers>,
    );

    expect(await screen.findByText('$1,234,567.89')).toBeTruthy();
  });

  it('shows the error and a retry when the API fails', async () => {
    const api = fakeApi({
      getUser: vi.fn(async () => Promise.reject(new Error('Could not reach the Alex API.'))),
      getPortfolio: vi.fn(async () => portfolioFixture()),
      listJobs: vi.fn(async () => []),
    });

    render(
      <Providers api={api}>
        <DashboardPage />
      </Providers>,
    );

    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the Alex API.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
