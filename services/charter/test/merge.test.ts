import type { Chart } from '@alex/database';
import { describe, expect, it } from 'vitest';
import { mergeChartTexts } from '../src/charter.ts';
import { offlineChartText } from '../src/offline.ts';
import { chartDataAnswer } from '../src/tools.ts';

const computed: Chart[] = [
  {
    key: 'asset_class',
    title: 'Asset Allocation',
    type: 'donut',
    description: 'Share of portfolio value by asset class.',
    data: [
      { name: 'Equity', value: 62, color: '#3B82F6' },
      { name: 'Fixed Income', value: 38, color: '#10B981' },
    ],
  },
  {
    key: 'accounts',
    title: 'Value by Account',
    type: 'bar',
    description: 'Total value of each account in US dollars.',
    data: [
      { name: 'Roth IRA', value: 25_000, color: '#F59E0B' },
      { name: '401k', value: 75_000, color: '#EF4444' },
    ],
  },
];

describe('mergeChartTexts', () => {
  it('takes the first text given for a key', () => {
    const { charts } = mergeChartTexts(computed, [
      { key: 'asset_class', title: 'First', description: 'One.' },
      { key: 'asset_class', title: 'Second', description: 'Two.' },
    ]);

    expect(charts[0]?.title).toBe('First');
  });

  it('never lets a text change a chart’s data, type or key', () => {
    const { charts } = mergeChartTexts(computed, [
      { key: 'accounts', title: 'Accounts', description: 'Two.' },
    ]);

    expect(charts.map(({ key, type, data }) => ({ key, type, data }))).toEqual(
      computed.map(({ key, type, data }) => ({ key, type, data })),
    );
  });

  it('names the keys it ignored', () => {
    const { ignored } = mergeChartTexts(computed, [{ key: 'bogus', title: 'Bogus', description: '' }]);

    expect(ignored).toEqual(['bogus']);
  });
});

describe('offlineChartText', () => {
  const charts = chartDataAnswer({ charts: computed, totalValue: 100_000, jobId: 'j', userId: 'u' }).charts;

  it('keeps the fixed title and names the largest slices in the description', () => {
    const text = offlineChartText(charts[0] as (typeof charts)[number]);
    expect(text.title).toBe('Asset Allocation');
    expect(text.description).toContain('Equity 62%');
  });

  it('shows dollar charts in dollars with each share of the total', () => {
    const text = offlineChartText(charts[1] as (typeof charts)[number]);

    expect(text.title).toBe('Value by Account');
    expect(text.description).toContain('Roth IRA $25,000 (25%)');
  });
});
