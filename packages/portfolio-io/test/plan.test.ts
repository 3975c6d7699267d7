import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, MAX_IMPORT_BYTES, planImport } from '../src/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

function fileError(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (err: unknown) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error('expected an ImportFileError');
}

describe('planImport, generic format', () => {
  it('groups rows by account, case-insensitively, with cash from its column', () => {
    const plan = planImport(
      bytes('account,symbol,quantity,cash\nRoth IRA,spy,10,250.50\nroth ira,BND,5.5,\nBrokerage,VTI,1,\n'),
    );

    expect(plan.format).toBe('generic');
    expect(plan.errors).toBe(0);
    expect(plan.accounts).toEqual([
      {
        account_name: 'Roth IRA',
        cash_balance: '250.50',
        positions: [
          { symbol: 'SPY', quantity: '10' },
          { symbol: 'BND', quantity: '5.5' },
        ],
      },
      { account_name: 'Brokerage', cash_balance: null, positions: [{ symbol: 'VTI', quantity: '1' }] },
    ]);
  });

  it('takes the columns in any order and ignores other columns', () => {
    const plan = planImport(bytes('Quantity,Note,Symbol,Account\n3,hello,AAPL,Taxable\n'));

    expect(plan.accounts).toEqual([
      { account_name: 'Taxable', cash_balance: null, positions: [{ symbol: 'AAPL', quantity: '3' }] },
    ]);
  });

  it('names each bad row and its field: negative quantity, bad symbol, formula in a name', () => {
    const plan = planImport(
      bytes(
        'account,symbol,quantity\nIRA,SPY,-5\nIRA,$$$,1\n"=HYPERLINK(""http://evil.example"",""x"")",VTI,1\nIRA,BND,2\n',
      ),
    );

    expect(plan.errors).toBe(3);
    expect(plan.rows.map((r) => [r.line, r.status, r.messages])).toEqual([
      [2, 'error', ['quantity: must be greater than 0']],
      [3, 'error', [expect.stringMatching(/^symbol: must be a ticker symbol/)]],
      [4, 'error', [expect.stringMatching(/^account: must not start with =/)]],
      [5, 'ok', []],
    ]);
  });

  it('sums a symbol listed twice in one account and says so', () => {
    const plan = planImport(bytes('account,symbol,quantity\nIRA,SPY,1.5\nIRA,SPY,2.25\n'));

    expect(plan.accounts[0]?.positions).toEqual([{ symbol: 'SPY', quantity: '3.75' }]);
    expect(plan.rows[1]?.messages).toEqual(['added to the SPY above: 3.75 in all']);
  });

  it('refuses two different cash balances for one account', () => {
    const plan = planImport(bytes('account,symbol,quantity,cash\nIRA,SPY,1,100\nIRA,,,200\n'));

    expect(plan.errors).toBe(1);
    expect(plan.rows[1]?.messages).toEqual(['cash: line 2 gives this account 100; give one balance']);
  });

  it('stops at a blank line and counts what it did not read', () => {
    const plan = planImport(bytes('account,symbol,quantity\nIRA,SPY,1\n\nfield,value\ntotal_value,100\n'));

    expect(plan.rows).toHaveLength(1);
    expect(plan.ignoredAfter).toEqual({ blankLine: 3, lines: 2 });
  });

  it('reports quoted fields with commas and line breaks on their starting line', () => {
    const plan = planImport(bytes('account,symbol,quantity\n"Joint, with\nspouse",SPY,1\nIRA,,1\n'));

    expect(plan.rows.map((r) => [r.line, r.account])).toEqual([
      [2, 'Joint, with\nspouse'],
      [4, 'IRA'],
    ]);
    expect(plan.rows[0]?.messages).toEqual([
      'account: must not contain control, zero-width or bidi characters',
    ]);
    expect(plan.rows[1]?.messages).toEqual(['symbol: is missing']);
  });
});

describe('planImport, whole-file errors', () => {
  it('refuses an unknown header, naming the columns it needs', () => {
    const err = fileError(() => planImport(bytes('name,ticker,amount\nIRA,SPY,1\n')));

    expect(err.line).toBe(1);
    expect(err.message).toMatch(/must name the columns account, symbol, quantity/);
  });

  it('refuses a file that is not UTF-8, naming the line of the first bad byte', () => {
    const latin1 = new Uint8Array([...bytes('account,symbol,quantity\nCaf'), 0xe9, ...bytes(',SPY,1\n')]);

    const err = fileError(() => planImport(latin1));

    expect(err.message).toBe('Line 2: The file is not UTF-8 text: save it as "CSV UTF-8" and try again');
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x41);

    expect(fileError(() => planImport(big)).message).toBe(
      `The file is 10.0 MB; the limit is ${MAX_IMPORT_BYTES / (1024 * 1024)}.0 MB`,
    );
  });

  it('refuses an unclosed quote as malformed CSV', () => {
    const err = fileError(() => planImport(bytes('account,symbol,quantity\n"IRA,SPY,1\n')));

    expect(err.message).toMatch(/not a well-formed CSV file \(a quoted field is never closed\)/);
  });

  it('refuses an empty file and a header with no rows', () => {
    expect(fileError(() => planImport(new Uint8Array())).message).toBe('The file is empty');
    expect(fileError(() => planImport(bytes('account,symbol,quantity\n'))).message).toBe(
      'The file has no positions or cash rows',
    );
  });

  it('accepts a UTF-8 byte-order mark and CRLF line ends', () => {
    const plan = planImport(bytes('\uFEFFaccount,symbol,quantity\r\nIRA,SPY,1\r\n'));

    expect(plan.accounts).toHaveLength(1);
  });
});

describe('planImport, brokerage exports', () => {
  it('reads a Fidelity positions export: accounts, money market as cash, pending activity skipped', () => {
    const plan = planImport(fixture('fidelity.csv'));

    expect(plan.format).toBe('fidelity');
    expect(plan.errors).toBe(0);
    expect(plan.accounts).toEqual([
      {
        account_name: 'Individual',
        cash_balance: '1234.56',
        positions: [{ symbol: 'VTI', quantity: '1250.5' }],
      },
      { account_name: 'ROTH IRA', cash_balance: null, positions: [{ symbol: 'BND', quantity: '40' }] },
    ]);
    expect(plan.rows.find((r) => r.symbol === 'Pending Activity')?.status).toBe('skipped');
    expect(plan.ignoredAfter?.lines).toBe(3);
  });

  it('reads a Charles Schwab positions export below its title line', () => {
    const plan = planImport(fixture('schwab.csv'));

    expect(plan.format).toBe('schwab');
    expect(plan.errors).toBe(0);
    expect(plan.accounts).toEqual([
      {
        account_name: 'Individual ...123',
        cash_balance: '500.25',
        positions: [
          { symbol: 'SCHB', quantity: '1000' },
          { symbol: 'AAPL', quantity: '10' },
        ],
      },
    ]);
  });

  it('reads each account of a Schwab all-accounts export under its own title', () => {
    const header = '"Symbol","Description","Quantity","Price","Market Value","Security Type"';
    const text = [
      '"Positions for All-Accounts as of 09:00 AM ET, 2025/05/04"',
      '',
      '"Individual ...123"',
      header,
      '"SPY","SPDR S&P 500","2","$500","$1,000","ETFs"',
      '',
      '"Roth IRA ...456"',
      header,
      '"BND","VANGUARD BOND","3","$70","$210","ETFs"',
    ].join('\n');

    const plan = planImport(bytes(text));

    expect(plan.accounts.map((a) => [a.account_name, a.positions])).toEqual([
      ['Individual ...123', [{ symbol: 'SPY', quantity: '2' }]],
      ['Roth IRA ...456', [{ symbol: 'BND', quantity: '3' }]],
    ]);
  });
});
