import { portfolioFacts } from '@alex/analysis';
import { testPortfolio as portfolio } from '@alex/database/testing';
import { describe, expect, it } from 'vitest';
import { countRecommendations } from '../src/agent.ts';
import { portfolioAnalysis } from '../src/portfolio-analysis.ts';
import { MAX_RECOMMENDATIONS, MIN_RECOMMENDATIONS, recommendationsFor } from '../src/recommendations.ts';

// Eight funds, none above 25%: 70/30 equity/fixed income, half North American, half abroad.
const onTarget = portfolio('0.00', [
  ['USA1', 1750, 'equity', 'north_america'],
  ['USA2', 1750, 'equity', 'north_america'],
  ['EUR1', 1750, 'equity', 'europe'],
  ['EUR2', 1750, 'equity', 'europe'],
  ['USB1', 750, 'fixed_income', 'north_america'],
  ['USB2', 750, 'fixed_income', 'north_america'],
  ['INB1', 750, 'fixed_income', 'asia'],
  ['INB2', 750, 'fixed_income', 'asia'],
]);

describe('portfolioAnalysis', () => {
  it('counts every region the targets do not name as international', () => {
    const analysis = portfolioAnalysis(portfolioFacts(onTarget));

    expect(analysis.vs_targets.region.map((r) => [r.key, r.current_percent, r.drift_points])).toEqual([
      ['international', 50, 0],
      ['north_america', 50, 0],
    ]);
    expect(analysis.vs_targets.region_note).toBe(
      'Counted as international: Europe, Asia (regions your targets do not name).',
    );
  });

  it('states unclassified value left out of the asset-class comparison, whose trades then net to zero', () => {
    const analysis = portfolioAnalysis(
      portfolioFacts(
        portfolio('0.00', [
          ['EQ', 9000, 'equity', 'north_america'],
          ['NEW', 1000, null, null],
        ]),
      ),
    );

    expect(analysis.vs_targets.asset_class_note).toBe(
      'Not classified yet and left out of this comparison: $1000.00 (10%); the percentages and trades cover the rest.',
    );
    expect(analysis.vs_targets.asset_class.reduce((sum, r) => sum + Math.round(r.trade_value * 100), 0)).toBe(
      0,
    );
  });

  it('finds nothing to fix in a portfolio on its targets', () => {
    expect(portfolioAnalysis(portfolioFacts(onTarget)).findings).toEqual([]);
  });

  it('flags drift beyond the band, a concentrated holding, idle cash and unclassified holdings', () => {
    const facts = portfolioFacts(
      portfolio('3000.00', [
        ['BIG', 6000, 'equity', 'north_america'],
        ['BND', 500, 'fixed_income', 'north_america'],
        ['NEW', 500, null, null],
      ]),
    );

    const kinds = portfolioAnalysis(facts).findings.map((f) => f.kind);

    expect(kinds).toEqual(
      expect.arrayContaining([
        'asset_class_drift',
        'region_drift',
        'holding_concentration',
        'cash_drag',
        'unclassified',
      ]),
    );
  });
});

describe('recommendationsFor', () => {
  it('tops up a portfolio with few findings to the minimum with concrete standing advice', () => {
    const { items, fromFindings } = recommendationsFor(portfolioAnalysis(portfolioFacts(onTarget)));

    expect(fromFindings).toBe(0);
    expect(items).toHaveLength(MIN_RECOMMENDATIONS);
    expect(items[0]).toContain('5-point band');
  });

  it('never gives more than the maximum, however many findings there are', () => {
    const many = portfolio(
      '20000.00',
      ['A', 'B', 'C']
        .map((s): [string, number, string | null, string | null] => [s, 100, null, null])
        .concat([
          ['BIG', 9000, 'equity', 'north_america'],
          ['GLD', 3000, 'commodities', 'global'],
          ['ALT', 2500, 'alternatives', 'north_america'],
        ]),
    );

    const analysis = portfolioAnalysis(portfolioFacts(many));

    const { items } = recommendationsFor(analysis);

    expect(analysis.findings.length).toBeGreaterThan(MAX_RECOMMENDATIONS);
    expect(items).toHaveLength(MAX_RECOMMENDATIONS);
  });
});

describe('countRecommendations', () => {
  it('counts numbered items under the Recommendations heading only', () => {
    const markdown =
      '## Risk Assessment\n\n1. not this\n\n## Recommendations\n\n1. One\n2. Two\n3) Three\n\n## Conclusion\n\n1. nor this';

    expect(countRecommendations(markdown)).toBe(3);
  });
});
