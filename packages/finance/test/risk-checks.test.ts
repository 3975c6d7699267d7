import { describe, expect, it } from 'vitest';
import { type RiskCheck, runRiskChecks, valuePortfolio } from '../src/index.ts';
import { account, position } from './fixtures.ts';

const byId = (checks: RiskCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

// $6,000 VTI and $2,000 BND in one account, $1,000 GLD and $1,000 cash in another.
const valuation = valuePortfolio([
  account(
    'a',
    [
      position({ symbol: 'VTI', quantity: '60' }),
      position({
        symbol: 'BND',
        quantity: '20',
        allocation_asset_class: { fixed_income: 100 },
        allocation_sectors: { treasury: 100 },
      }),
    ],
    '0.00',
    '401(k)',
  ),
  account(
    'b',
    [
      position({
        symbol: 'GLD',
        quantity: '10',
        allocation_asset_class: { commodities: 100 },
        allocation_regions: { global: 100 },
        allocation_sectors: { commodities: 100 },
      }),
    ],
    '1000.00',
    'Savings',
  ),
]);
const input = { valuation, assetClassTargets: { equity: 60, fixed_income: 40 } };

describe('runRiskChecks', () => {
  it('runs every rule with its default threshold and says why each passed or failed', () => {
    // Act
    const checks = byId(runRiskChecks(input));

    // Assess
    expect(checks.holding_concentration).toMatchObject({ status: 'fail', value: 60, subjects: ['VTI'] });
    expect(checks.holding_concentration?.message).toBe('Over 25% of the portfolio: VTI 60%.');
    expect(checks.account_concentration).toMatchObject({ status: 'pass', value: 80 }); // at the limit, not over
    expect(checks.cash_drag).toMatchObject({ status: 'pass', value: 10 });
    expect(checks.too_few_holdings).toMatchObject({ status: 'pass', value: 3 });
    expect(checks.data_gaps).toMatchObject({ status: 'pass', value: 0 });
  });

  it('turns a rule red as soon as its threshold is crossed, and green again when it is raised', () => {
    const strict = byId(runRiskChecks(input, { cash_drag: { enabled: true, threshold: 9.99 } }));
    const loose = byId(runRiskChecks(input, { holding_concentration: { enabled: true, threshold: 60 } }));

    expect(strict.cash_drag).toMatchObject({ status: 'fail', subjects: ['cash'] });
    expect(loose.holding_concentration).toMatchObject({ status: 'pass', value: 60 });
  });

  it('reports a rule switched off as off, still measured', () => {
    const checks = byId(runRiskChecks(input, { holding_concentration: { enabled: false, threshold: 25 } }));
    expect(checks.holding_concentration).toMatchObject({ status: 'off', value: 60, enabled: false });
  });

  it('measures asset-class drift beyond the band, leaving cash to its own rule', () => {
    // Equity 6000 of 10000 = 60, fixed income 20 vs 40, commodities 10 vs 0, cash 10 vs 0.
    const drift = byId(runRiskChecks(input)).asset_class_drift;
    expect(drift).toMatchObject({ status: 'fail', value: 20, subjects: ['fixed_income', 'commodities'] });
    expect(drift?.message).toContain('Fixed Income 20 points under its 40% target');
  });

  it('measures region concentration over money placed in a region, leaving global funds out', () => {
    const region = byId(runRiskChecks(input)).region_concentration;
    expect(region).toMatchObject({ status: 'fail', value: 100, subjects: ['north_america'] });
  });

  it('counts holdings without a price or classification', () => {
    const gaps = valuePortfolio([
      account('a', [
        position({ symbol: 'ZZZQ', price: null }),
        position({ symbol: 'NEW', allocation_sectors: null }),
      ]),
    ]);
    const check = byId(runRiskChecks({ valuation: gaps, assetClassTargets: {} })).data_gaps;
    expect(check).toMatchObject({ status: 'fail', value: 2, subjects: ['NEW', 'ZZZQ'] });
    expect(check?.message).toBe('2 holdings need attention: NEW (not classified), ZZZQ (no price).');
  });

  it('puts the threshold into the question it answers', () => {
    const checks = byId(runRiskChecks(input, { too_few_holdings: { enabled: true, threshold: 7 } }));
    expect(checks.too_few_holdings?.question).toBe('Flags a portfolio with fewer than 7 different holdings.');
    expect(checks.too_few_holdings?.status).toBe('fail');
  });
});
