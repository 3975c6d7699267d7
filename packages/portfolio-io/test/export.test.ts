import type { ExportDocument } from '@alex/contract';
import { describe, expect, it } from 'vitest';
import { exportToCsv, inertText, planImport, readCsv, toCsv } from '../src/index.ts';

const doc: ExportDocument = {
  format_version: 1,
  exported_at: '2026-01-02T03:04:05.000Z',
  total_value: '1600.00',
  accounts: [
    {
      account_name: '=HYPERLINK("http://evil.example","click")',
      account_purpose: '@SUM(A1)',
      cash_balance: '100.00',
      cash_interest: '0',
      positions: [
        {
          symbol: 'SPY',
          name: '+cmd|calc',
          quantity: '3',
          as_of_date: '2026-01-01',
          price: '500.0000',
          price_as_of: '2025-12-31',
          value: '1500.00',
        },
      ],
    },
  ],
  latest_report: null,
};

describe('inertText', () => {
  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '  =1'])(
    'prefixes %j with an apostrophe',
    (text) => {
      expect(inertText(text)).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(inertText('Roth IRA')).toBe('Roth IRA');
  });
});

describe('exportToCsv', () => {
  it('never writes a cell that starts a formula', () => {
    const cells = readCsv(exportToCsv(doc)).flatMap((l) => l.cells);

    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'+cmd|calc");
  });

  it('imports back: the positions table is the generic format', () => {
    const safe = { ...doc, accounts: doc.accounts.map((a) => ({ ...a, account_name: 'Roth IRA' })) };

    const plan = planImport(new TextEncoder().encode(exportToCsv(safe)));

    expect(plan.errors).toBe(0);
    expect(plan.accounts).toEqual([
      { account_name: 'Roth IRA', cash_balance: '100.00', positions: [{ symbol: 'SPY', quantity: '3' }] },
    ]);
    expect(plan.ignoredAfter).not.toBeNull();
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, { number: '-1.5' }]])).toBe(
      '"a,b","say ""hi""","two\nlines",,-1.5\r\n',
    );
  });

  it('refuses a number cell that is not a plain decimal', () => {
    expect(() => toCsv([[{ number: '=1' }]])).toThrow(TypeError);
  });
});
