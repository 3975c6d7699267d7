import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRebalance, type RebalancePlan, tradesInWholeShares, valuePortfolio } from '../src/index.ts';
import { account, position } from './fixtures.ts';

const cents = (n: number) => Math.round(n * 100);
const tradeCents = (plan: RebalancePlan) => plan.trades.reduce((sum, t) => sum + cents(t.value), 0);

describe('planRebalance', () => {
  it('sells the overweight class and buys the underweight one, netting to zero with cash', () => {
    // Prepare: $8,000 SPY, $1,000 BND, $1,000 cash against 60/40.
    const valuation = valuePortfolio([
      account(
        'a',
        [
          position({ symbol: 'SPY', quantity: '80', price: '100.00' }),
          position({
            symbol: 'BND',
            quantity: '20',
            price: '50.00',
            allocation_asset_class: { fixed_income: 100 },
          }),
        ],
        '1000.00',
      ),
    ]);

    // Act
    const plan = planRebalance(valuation, {
      assetClassTargets: { equity: 60, fixed_income: 40 },
      regionTargets: {},
    });

    // Assess
    const bySymbol = Object.fromEntries(plan.trades.map((t) => [t.symbol, t]));
    expect(bySymbol.SPY).toMatchObject({ action: 'sell', shares: '20', value: -2000 });
    expect(bySymbol.BND).toMatchObject({ action: 'buy', shares: '60', value: 3000 });
    expect(plan.cash).toEqual({ before: 1000, change: -1000, after: 0 });
    expect(tradeCents(plan) + cents(plan.cash.change)).toBe(0);
    expect(plan.after.find((r) => r.key === 'equity')?.percent).toBe(60);
  });

  it('rounds to the nearest whole share, not always down', () => {
    // $1,206 of equity to sell at $668.73 a share is 1.8 shares: 2 are sold, not 1.
    const valuation = valuePortfolio([
      account(
        'a',
        [
          position({ symbol: 'SPY', quantity: '10', price: '668.73' }),
          position({
            symbol: 'BND',
            quantity: '10',
            price: '74.31',
            allocation_asset_class: { fixed_income: 100 },
          }),
        ],
        '400.00',
      ),
    ]);

    const plan = planRebalance(valuation, {
      assetClassTargets: { equity: 70, fixed_income: 30 },
      regionTargets: {},
    });

    expect(plan.trades.find((t) => t.symbol === 'SPY')).toMatchObject({ action: 'sell', shares: '2' });
    expect(plan.trades.find((t) => t.symbol === 'BND')).toMatchObject({ action: 'buy', shares: '22' });
    expect(plan.cash.after).toBeGreaterThanOrEqual(0);
  });

  it('buys in the under-weight region and sells in the over-weight one within an asset class', () => {
    // Prepare: $1,500 US and $500 international equity; regions 50/50.
    const holdings = [
      position({ symbol: 'VTI', quantity: '15', price: '100.00' }),
      position({
        symbol: 'VXUS',
        quantity: '5',
        price: '100.00',
        allocation_regions: { europe: 60, asia: 40 },
      }),
    ];
    const regionTargets = { north_america: 50, international: 50 };

    // Act: $1,000 to invest, then $1,000 to raise (equity 50% with bonds to buy).
    const buying = planRebalance(valuePortfolio([account('a', holdings, '1000.00')]), {
      assetClassTargets: { equity: 100 },
      regionTargets,
    });
    const selling = planRebalance(
      valuePortfolio([
        account('a', [
          ...holdings,
          position({
            symbol: 'BND',
            quantity: '10',
            price: '100.00',
            allocation_asset_class: { fixed_income: 100 },
          }),
        ]),
      ]),
      { assetClassTargets: { equity: 33.33, fixed_income: 66.67 }, regionTargets },
    );

    // Assess
    expect(buying.trades).toEqual([expect.objectContaining({ symbol: 'VXUS', action: 'buy', shares: '10' })]);
    expect(selling.trades.filter((t) => t.action === 'sell')).toEqual([
      expect.objectContaining({ symbol: 'VTI', shares: '10' }),
    ]);
  });

  it('trades whole shares of an ETF and leaves the remainder in cash', () => {
    // Prepare: $1,000 cash to put into a $300 ETF.
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'VTI', quantity: '1', price: '300.00' })], '1000.00'),
    ]);

    // Act
    const plan = planRebalance(valuation, { assetClassTargets: { equity: 100 }, regionTargets: {} });

    // Assess: $1,000 buys 3 shares ($900), $100 stays as cash.
    expect(plan.trades).toEqual([expect.objectContaining({ symbol: 'VTI', shares: '3', value: 900 })]);
    expect(plan.cash.after).toBe(100);
  });

  it('buys fractions of a mutual fund when told it trades in fractions', () => {
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'VTSAX', quantity: '1', price: '300.00' })], '1000.00'),
    ]);

    const plan = planRebalance(valuation, {
      assetClassTargets: { equity: 100 },
      regionTargets: {},
      wholeShares: (symbol) => symbol !== 'VTSAX',
    });

    expect(plan.trades).toEqual([
      expect.objectContaining({ symbol: 'VTSAX', shares: '3.333', value: 999.9, wholeShares: false }),
    ]);
    expect(plan.cash.after).toBe(0.1);
  });

  it('leaves unpriced and unclassified holdings alone and lists them', () => {
    const valuation = valuePortfolio([
      account(
        'a',
        [
          position({ symbol: 'SPY', quantity: '10', price: '100.00' }),
          position({ symbol: 'NEW', quantity: '5', price: '20.00', allocation_asset_class: null }),
          position({ symbol: 'ZZZQ', quantity: '5', price: null }),
        ],
        '0.00',
        'Brokerage',
      ),
    ]);

    const plan = planRebalance(valuation, { assetClassTargets: { equity: 100 }, regionTargets: {} });

    expect(plan.heldAside).toEqual([
      { accountName: 'Brokerage', symbol: 'NEW', value: 100, reason: 'unclassified' },
      { accountName: 'Brokerage', symbol: 'ZZZQ', value: null, reason: 'unpriced' },
    ]);
    expect(plan.basis).toBe(1000);
    expect(plan.trades).toEqual([]);
  });

  it('buys a candidate when no holding is of the class, or states the amount as unplaced', () => {
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'SPY', quantity: '10', price: '100.00' })], '0.00'),
    ]);
    const targets = { assetClassTargets: { equity: 70, fixed_income: 30 }, regionTargets: {} };

    const withCandidate = planRebalance(valuation, {
      ...targets,
      candidates: { fixed_income: { symbol: 'BND', price: '70.00', wholeShares: true } },
    });
    const without = planRebalance(valuation, targets);

    expect(withCandidate.trades.find((t) => t.symbol === 'BND')).toMatchObject({
      action: 'buy',
      shares: '4',
      newHolding: true,
    });
    expect(without.unplaced).toEqual([{ assetClass: 'fixed_income', value: 300 }]);
    expect(tradeCents(without) + cents(without.cash.change)).toBe(0);
  });

  it('reports each account cash change so a shortfall in one account is visible', () => {
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'SPY', quantity: '10', price: '100.00' })], '0.00', 'IRA'),
      account(
        'b',
        [
          position({
            symbol: 'BND',
            quantity: '1',
            price: '100.00',
            allocation_asset_class: { fixed_income: 100 },
          }),
        ],
        '0.00',
        'Taxable',
      ),
    ]);

    const plan = planRebalance(valuation, {
      assetClassTargets: { equity: 50, fixed_income: 50 },
      regionTargets: {},
    });

    const byName = Object.fromEntries(plan.accounts.map((a) => [a.accountName, a]));
    // $450 each way rounds to 5 shares of $100: the IRA raises $500 that the Taxable account spends.
    expect(byName.IRA?.change).toBe(500);
    expect(byName.Taxable?.change).toBe(-500);
  });

  it('never sells more than is held, never spends more cash than there is, and always nets to zero', () => {
    const holding = fc.record({
      quantity: fc.integer({ min: 1, max: 500 }).map(String),
      // Four decimal places, as prices are stored: a price between two cents must not stall the trimming.
      price: fc.integer({ min: 10_000, max: 10_000_000 }).map((units) => (units / 10_000).toFixed(4)),
      cls: fc.constantFrom('equity', 'fixed_income', 'real_estate'),
      fractional: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(holding, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (holdings, cashCents, equity) => {
          const positions = holdings.map((h, i) =>
            position({
              symbol: `S${i}`,
              quantity: h.quantity,
              price: h.price,
              allocation_asset_class: { [h.cls]: 100 },
            }),
          );
          const valuation = valuePortfolio([account('a', positions, (cashCents / 100).toFixed(2))]);
          const plan = planRebalance(valuation, {
            assetClassTargets: { equity, fixed_income: 100 - equity },
            regionTargets: {},
            wholeShares: (symbol) => !holdings[Number(symbol.slice(1))]?.fractional,
          });
          expect(tradeCents(plan) + cents(plan.cash.change)).toBe(0);
          expect(plan.cash.after).toBeGreaterThanOrEqual(0);
          for (const t of plan.trades.filter((t) => t.action === 'sell')) {
            const held = holdings[Number(t.symbol.slice(1))];
            expect(Number(t.shares)).toBeLessThanOrEqual(Number(held?.quantity));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tradesInWholeShares', () => {
  it('lets mutual funds trade in fractions and holds everything else to whole shares', () => {
    expect(tradesInWholeShares('mutual_fund')).toBe(false);
    expect(tradesInWholeShares('etf')).toBe(true);
    expect(tradesInWholeShares(null)).toBe(true);
  });
});
