import { describe, expect, it } from 'vitest';
import { fromScaled, multiplyToMoney, sumMoney, toScaled } from '../src/lib/decimal.ts';
import { readPortfolio } from '../src/lib/portfolio.ts';

describe('decimal strings', () => {
  it('multiplies quantity by price and rounds once to cents', () => {
    expect(multiplyToMoney('0.1', '0.2')).toBe('0.02');
    expect(multiplyToMoney('3', '33.3333')).toBe('100.00');
    expect(multiplyToMoney('100', '452.1234')).toBe('45212.34');
  });

  it('sums money exactly where floats would drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
  });

  it('scales and unscales without loss', () => {
    expect(fromScaled(toScaled('-1.5', 4), 4)).toBe('-1.5000');
  });
});

describe('readPortfolio', () => {
  it('uses the totals the API sends', () => {
    const portfolio = readPortfolio({
      accounts: [],
      totals: { cash: '1.00', invested: '2.00', total: '3.00' },
    });

    expect(portfolio.totals).toEqual({ cash: '1.00', invested: '2.00', total: '3.00' });
  });

  it('values positions and totals exactly when the API leaves them out', () => {
    const portfolio = readPortfolio({
      accounts: [
        {
          id: 'a1',
          account_name: 'Roth IRA',
          cash_balance: '100.10',
          cash_interest: '0.01',
          positions: [
            {
              id: 'p1',
              account_id: 'a1',
              symbol: 'SPY',
              quantity: '10',
              instrument: { symbol: 'SPY', current_price: '500.2' },
            },
            {
              id: 'p2',
              account_id: 'a1',
              symbol: 'NEW',
              quantity: '5',
              instrument: { symbol: 'NEW', current_price: null },
            },
          ],
        },
      ],
    });

    expect(portfolio.accounts[0]?.positions.map((p) => p.value)).toEqual(['5002.00', null]);
    expect(portfolio.totals).toEqual({ cash: '100.10', invested: '5002.00', total: '5102.10' });
  });
});
