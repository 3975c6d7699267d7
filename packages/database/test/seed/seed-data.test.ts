import { describe, expect, it } from 'vitest';
import {
  AccountCreate,
  allocationSum,
  InstrumentCreate,
  Quantity,
  UserCreate,
} from '../../src/schemas/index.ts';
import { DEFAULT_INSTRUMENTS, TEST_ACCOUNTS, TEST_USER } from '../../src/seed/index.ts';

const REFERENCE_SYMBOLS = [
  'SPY',
  'QQQ',
  'IWM',
  'VEA',
  'VWO',
  'EFA',
  'AGG',
  'BND',
  'TLT',
  'HYG',
  'XLK',
  'XLV',
  'XLF',
  'XLE',
  'VNQ',
  'GLD',
  'SLV',
  'AOR',
  'AOA',
  'VUG',
  'VTV',
  'VIG',
];

const seededSymbols = DEFAULT_INSTRUMENTS.map((instrument) => instrument.symbol);

function seeded(symbol: string): InstrumentCreate {
  const instrument = DEFAULT_INSTRUMENTS.find((candidate) => candidate.symbol === symbol);
  if (instrument === undefined) throw new Error(`${symbol} is not seeded`);
  return instrument;
}

describe('DEFAULT_INSTRUMENTS', () => {
  it('every default instrument parses with InstrumentCreate', () => {
    const failures = DEFAULT_INSTRUMENTS.flatMap((instrument) => {
      const result = InstrumentCreate.safeParse(instrument);
      return result.success ? [] : [`${instrument.symbol}: ${result.error.message}`];
    });

    expect(failures, `instruments that fail InstrumentCreate:\n${failures.join('\n')}`).toEqual([]);
  });

  it('every allocation map sums to exactly 100', () => {
    const offenders = DEFAULT_INSTRUMENTS.flatMap((instrument) =>
      (['allocation_regions', 'allocation_sectors', 'allocation_asset_class'] as const)
        .map((map) => ({ map, sum: allocationSum(instrument[map]) }))
        .filter(({ sum }) => sum !== 100)
        .map(({ map, sum }) => `${instrument.symbol}.${map} sums to ${sum}`),
    );

    expect(offenders).toEqual([]);
  });

  it('every default instrument is an ETF priced with a decimal string', () => {
    const offenders = DEFAULT_INSTRUMENTS.filter(
      (instrument) =>
        instrument.instrument_type !== 'etf' ||
        typeof instrument.current_price !== 'string' ||
        !/^\d+\.\d{1,4}$/.test(instrument.current_price),
    ).map((instrument) => instrument.symbol);

    expect(offenders).toEqual([]);
  });

  it('symbols are unique and upper-case', () => {
    expect(new Set(seededSymbols).size).toBe(seededSymbols.length);
    expect(seededSymbols.filter((symbol) => symbol !== symbol.toUpperCase())).toEqual([]);
  });

  it('seeds at least the 22 ETFs the reference seeded', () => {
    expect(seededSymbols.length).toBeGreaterThanOrEqual(22);
    expect(REFERENCE_SYMBOLS.filter((symbol) => !seededSymbols.includes(symbol))).toEqual([]);
  });

  it('seeds VTI and VXUS, which the reference test data held without seeding', () => {
    expect(seededSymbols).toEqual(expect.arrayContaining(['VTI', 'VXUS']));
  });

  it('AOR is 60/40 equity/fixed income', () => {
    expect(seeded('AOR').allocation_asset_class).toEqual({ equity: 60, fixed_income: 40 });
  });

  it('AOA is 80/20 equity/fixed income', () => {
    expect(seeded('AOA').allocation_asset_class).toEqual({ equity: 80, fixed_income: 20 });
  });

  it('rejects a copy whose allocations sum to 90, naming the map and its sum', () => {
    const broken = { ...seeded('SPY'), allocation_sectors: { technology: 60, financials: 30 } };

    const result = InstrumentCreate.safeParse(broken);

    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['allocation_sectors'],
        message: expect.stringMatching(/^allocation_sectors must sum to 100 .*got 90$/),
      }),
    ]);
  });
});

describe('test data', () => {
  it('every symbol the test accounts hold is seeded', () => {
    const held = TEST_ACCOUNTS.flatMap((account) => account.positions.map((position) => position.symbol));

    expect(held.filter((symbol) => !seededSymbols.includes(symbol))).toEqual([]);
  });

  it('the test user parses with UserCreate', () => {
    const result = UserCreate.safeParse(TEST_USER);

    expect(result.error?.message).toBeUndefined();
    expect(result.data?.clerk_user_id).toBe('user_test_123');
  });

  it('every test account parses with AccountCreate', () => {
    const failures = TEST_ACCOUNTS.flatMap((account) => {
      const result = AccountCreate.safeParse(account);
      return result.success ? [] : [`${account.account_name}: ${result.error.message}`];
    });

    expect(TEST_ACCOUNTS).toHaveLength(3);
    expect(failures).toEqual([]);
  });

  it('every test position quantity parses as a Quantity', () => {
    const failures = TEST_ACCOUNTS.flatMap((account) =>
      account.positions
        .filter((position) => !Quantity.safeParse(position.quantity).success)
        .map((position) => `${account.account_name} ${position.symbol} ${position.quantity}`),
    );

    expect(failures).toEqual([]);
  });
});
