import type { Chart } from '@alex/contract';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ChartView from '../src/components/charts/chart-view.tsx';
import { writtenBy } from '../src/components/report/report-result.tsx';

const sectors: Chart = {
  key: 'sectors',
  title: 'Sector Breakdown: Technology 30%',
  type: 'horizontalBar',
  description: 'Share of invested assets by sector, in percent; cash is left out.',
  data: [
    { name: 'Technology', value: 30, color: '#111111' },
    { name: 'Communication', value: 25, color: '#222222' },
    { name: 'Consumer Discretionary', value: 45, color: '#333333' },
  ],
};

const accounts: Chart = {
  key: 'accounts',
  title: 'Value by account',
  type: 'bar',
  description: 'Total value of each account in US dollars, cash included.',
  data: [
    { name: '401(k)', value: 64445, color: '#111111' },
    { name: 'Roth IRA', value: 12342.5, color: '#222222' },
  ],
};

describe('ChartView', () => {
  it('shows a fixed title, with the writer’s headline under it', () => {
    render(<ChartView chart={sectors} />);

    expect(screen.getByRole('heading', { name: 'Sector breakdown' })).toBeTruthy();
    expect(screen.getByText('Sector Breakdown: Technology 30%')).toBeTruthy();
  });

  it('lists every figure, each label in full, in a table', () => {
    render(<ChartView chart={sectors} />);

    const table = screen.getByRole('table', { name: 'Sector breakdown: figures' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Technology30%',
      'Communication25%',
      'Consumer Discretionary45%',
    ]);
  });

  it('shows dollar charts with a currency sign', () => {
    render(<ChartView chart={accounts} />);

    const table = screen.getByRole('table', { name: 'Value by account: figures' });
    expect(within(table).getByText('$64,445.00')).toBeTruthy();
    expect(within(table).getByText('$12,342.50')).toBeTruthy();
  });
});

describe('writtenBy', () => {
  it('says what the offline writer is instead of "Written by offline."', () => {
    expect(writtenBy('offline')).toMatch(/^Written by Alex's offline writer: .* Claude did not write it\.$/);
    expect(writtenBy('anthropic.claude-sonnet-4-6')).toBe(
      'Written by Claude (model anthropic.claude-sonnet-4-6).',
    );
  });
});
