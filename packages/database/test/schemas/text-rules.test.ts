import { AccountCreate, IsoDate, TickerSymbol } from '@alex/contract';
import { describe, expect, it } from 'vitest';
import { toDbError } from '../../src/client/data-api-client.ts';
import { ValidationError } from '../../src/client/errors.ts';

describe('ticker symbols', () => {
  it.each([
    [' spy ', 'SPY'],
    ['brk.b', 'BRK.B'],
    ['rds-a', 'RDS-A'],
  ])('accepts %j as %s', (input, expected) => {
    expect(TickerSymbol.parse(input)).toBe(expected);
  });

  it.each(['aß', 'spı', 'ｓｐｙ', '^GSPC', 'S P Y', 'SPY\u200B', '.SPY'])(
    'refuses %j rather than mapping it onto an ASCII ticker',
    (input) => {
      expect(TickerSymbol.safeParse(input).success).toBe(false);
    },
  );
});

describe('names', () => {
  it.each([
    ['a right-to-left override', 'Savings\u202Etxt.exe'],
    ['a zero-width space', 'Roth\u200BIRA'],
    ['an ANSI escape', '\u001B[31mRed'],
    ['a newline', 'line one\n| spoofed | row |'],
  ])('refuses an account name with %s', (_, name) => {
    expect(AccountCreate.safeParse({ account_name: name }).success).toBe(false);
  });

  it('accepts an ordinary name with accents and a purpose over several lines', () => {
    const parsed = AccountCreate.parse({
      account_name: ' Épargne retraite ',
      account_purpose: 'Line 1\nLine 2',
    });
    expect(parsed.account_name).toBe('Épargne retraite');
  });
});

describe('dates and database messages', () => {
  it('refuses year 0, which PostgreSQL cannot store', () => {
    expect(IsoDate.safeParse('0000-01-01').success).toBe(false);
    expect(IsoDate.parse('2024-02-29')).toBe('2024-02-29');
  });

  it('keeps the database message out of a validation issue', () => {
    const raw = Object.assign(
      new Error('ERROR: date/time field value out of range: "0000-01-01"; SQLState: 22008'),
      {
        name: 'BadRequestException',
      },
    );
    const err = toDbError(raw);
    expect(err).toBeInstanceOf(ValidationError);
    expect(JSON.stringify((err as ValidationError).issues)).not.toMatch(/ERROR|SQLState|0000/);
    expect(err.cause).toBe(raw);
  });
});
