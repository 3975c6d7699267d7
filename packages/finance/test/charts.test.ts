import { describe, expect, it } from 'vitest';
import {
  accountsChart,
  assetClassChart,
  type Chart,
  portfolioCharts,
  sectorChart,
  topHoldingsChart,
  valuePortfolio,
} from '../src/index.ts';
import { account, DEMO_PORTFOLIO, position } from './fixtures.ts';

const total = (chart: Chart | null) => (chart?.data ?? []).reduce((sum, point) => sum + point.value, 0);

/** The stored `Chart` shape, checked by hand because this package must not import @alex/database. */
function expectChartShape(chart: Chart): void {
  expect(chart.key).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(['pie', 'donut', 'bar', 'horizontalBar']).toContain(chart.type);
  expect(chart.title.length).toBeGreaterThan(0);
  expect(chart.description.length).toBeLessThanOrEqual(500);
  expect(chart.data.length).toBeGreaterThanOrEqual(1);
  expect(chart.data.length).toBeLessThanOrEqual(50);
  for (const point of chart.data) {
    expect(point.name.length).toBeGreaterThan(0);
    expect(point.name.length).toBeLessThanOrEqual(100);
    expect(Number.isFinite(point.value)).toBe(true);
    expect(point.color).toMatch(/^#[0-9a-fA-F]{6}$/);
  }
}

describe('charts', () => {
  it('draws five charts of the stored shape for a portfolio', () => {
    // Act
    const charts = portfolioCharts(valuePortfolio(DEMO_PORTFOLIO));

    // Assess
    expect(charts.map((chart) => chart.key)).toEqual([
      'asset_class',
      'regions',
      'sectors',
      'accounts',
      'top_holdings',
    ]);
    for (const chart of charts) expectChartShape(chart);
  });

  it('gives allocation charts percentages that sum to 100 within 0.1', () => {
    // Act
    const charts = portfolioCharts(valuePortfolio(DEMO_PORTFOLIO)).filter(
      (chart) => chart.key !== 'accounts',
    );

    // Assess
    for (const chart of charts) expect(Math.abs(total(chart) - 100)).toBeLessThanOrEqual(0.1);
  });

  it('labels keys for people and colours a key the same in every chart', () => {
    // Prepare
    const valuation = valuePortfolio(DEMO_PORTFOLIO);

    // Act
    const assetClass = assetClassChart(valuation)?.data.find((point) => point.name === 'Real Estate');
    const sector = sectorChart(valuation)?.data.find((point) => point.name === 'Real Estate');

    // Assess
    expect(assetClass?.color).toBeDefined();
    expect(sector?.color).toBe(assetClass?.color);
  });

  it('shows account values in dollars', () => {
    // Act
    const chart = accountsChart(valuePortfolio(DEMO_PORTFOLIO));

    // Assess
    expect(chart?.data.map((point) => [point.name, point.value])).toEqual([
      ['401(k)', 64445],
      ['Roth IRA', 12342.5],
      ['Taxable', 10140],
    ]);
  });

  it('sums holdings across accounts and folds all but the largest into Other', () => {
    // Prepare
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'AAA', quantity: '5' }), position({ symbol: 'BBB', quantity: '3' })]),
      account('b', [position({ symbol: 'AAA', quantity: '1' }), position({ symbol: 'CCC', quantity: '1' })]),
    ]);

    // Act
    const chart = topHoldingsChart(valuation, 1);

    // Assess
    expect(chart?.data.map((point) => [point.name, point.value])).toEqual([
      ['AAA', 60],
      ['Other', 40],
    ]);
  });

  it('draws nothing for a portfolio without value', () => {
    // Act
    const charts = portfolioCharts(valuePortfolio([account('a', [position({ symbol: 'X', price: null })])]));

    // Assess
    expect(charts).toEqual([]);
  });
});
