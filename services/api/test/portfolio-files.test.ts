import { readCsv } from '@alex/portfolio-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO_USER, snapshot, startTestApi, type TestApi } from './support.ts';

const file = (text: string | Uint8Array) => ({
  file_base64: Buffer.from(typeof text === 'string' ? new TextEncoder().encode(text) : text).toString(
    'base64',
  ),
});

const GOOD =
  'account,symbol,quantity,cash\nImported IRA,SPY,2,150.25\nImported IRA,BND,10,\nNew Taxable,XYZNEW,3,\n';
const ONE_BAD = 'account,symbol,quantity\nImported IRA,SPY,2\nImported IRA,BND,-10\n';

describe.each(BACKENDS)('import and export (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  it('POST /api/import/preview shows accounts, rows and new symbols, and writes nothing', async () => {
    const before = await snapshot(api.db);

    const res = await api.call('POST', '/api/import/preview', { user: 'user_preview', body: file(GOOD) });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      format: 'generic',
      errors: 0,
      can_import: true,
      new_symbols: ['XYZNEW'],
      accounts: [
        { account_name: 'Imported IRA', exists: false, cash_balance: '150.25', positions: 2 },
        { account_name: 'New Taxable', exists: false, cash_balance: null, positions: 1 },
      ],
    });
    expect(await snapshot(api.db)).toBe(before);
  });

  it('POST /api/import/preview names the bad row and refuses nothing yet', async () => {
    const res = await api.call('POST', '/api/import/preview', { user: 'user_preview', body: file(ONE_BAD) });

    expect(res.status).toBe(200);
    expect(res.body.can_import).toBe(false);
    expect(res.body.rows[1]).toMatchObject({
      line: 3,
      status: 'error',
      messages: ['quantity: must be greater than 0'],
    });
  });

  it('POST /api/import refuses a file with a bad row, naming the line, and writes nothing', async () => {
    const before = await snapshot(api.db);

    const res = await api.call('POST', '/api/import', { user: 'user_bad_import', body: file(ONE_BAD) });

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'line 3', message: 'quantity: must be greater than 0' },
    ]);
    expect(await snapshot(api.db)).toBe(before);
  });

  it.each([
    ['a wrong header', 'name,ticker,amount\nIRA,SPY,1\n', /Line 1: Unknown header/],
    [
      'a file that is not UTF-8',
      new Uint8Array([...Buffer.from('account,symbol,quantity\nCaf'), 0xe9, 0x0a]),
      /not UTF-8/,
    ],
    [
      'a formula in a name',
      'account,symbol,quantity\n"=HYPERLINK(""http://x"")",SPY,1\n',
      /account: must not start with =/,
    ],
  ])('POST /api/import refuses %s with a clear message and writes nothing', async (_, content, message) => {
    const before = await snapshot(api.db);

    const res = await api.call('POST', '/api/import', { user: 'user_bad_import', body: file(content) });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toMatch(message);
    expect(await snapshot(api.db)).toBe(before);
  });

  it('POST /api/import refuses a 10 MB file before reading it', async () => {
    const before = await snapshot(api.db);
    const big = { file_base64: Buffer.alloc(10 * 1024 * 1024, 'a').toString('base64') };

    const res = await api.call('POST', '/api/import', { user: 'user_bad_import', body: big });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({
      field: '(body)',
      message: expect.stringMatching(/^must be at most \d+ bytes$/),
    });
    expect(await snapshot(api.db)).toBe(before);
  });

  it('POST /api/import refuses a file just over 1 MB, saying the limit', async () => {
    const res = await api.call('POST', '/api/import', {
      user: 'user_bad_import',
      body: { file_base64: Buffer.alloc(1024 * 1024 + 3, 'a').toString('base64') },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({
      field: 'file_base64',
      message: 'must be a file of at most 1 MB',
    });
  });

  it('POST /api/import writes accounts, positions, cash and placeholders in one go', async () => {
    const res = await api.call('POST', '/api/import', { user: 'user_importer', body: file(GOOD) });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      format: 'generic',
      accounts_created: 2,
      accounts_updated: 0,
      positions_written: 3,
      positions_removed: 0,
      new_symbols: ['XYZNEW'],
    });
    const portfolio = await api.call('GET', '/api/portfolio', { user: 'user_importer' });
    expect(portfolio.body.accounts.map((a: { account_name: string }) => a.account_name)).toEqual([
      'Imported IRA',
      'New Taxable',
    ]);
  });

  it('POST /api/import answers 429 when the file adds more new symbols than the daily limit allows', async () => {
    const limited = await startTestApi(kind, { limits: { analysesPerDay: 10, placeholdersPerDay: 1 } });
    try {
      const res = await limited.call('POST', '/api/import', {
        user: 'user_many_symbols',
        body: file('account,symbol,quantity\nIRA,NEWAAA,1\nIRA,NEWBBB,1\n'),
      });

      expect(res.status).toBe(429);
      expect(res.body.error.message).toMatch(
        /adds 2 symbols Alex does not know yet; you can add 1 more today/,
      );
      expect(await limited.repos.accounts.list('user_many_symbols')).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('GET /api/export?format=json returns accounts, valued positions with price dates, and the latest report', async () => {
    const res = await api.call('GET', '/api/export?format=json', { user: DEMO_USER });

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="alex-portfolio-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.body.format_version).toBe(1);
    expect(res.body.accounts.length).toBeGreaterThan(0);
    const position = res.body.accounts[0].positions[0];
    expect(position).toMatchObject({
      price: expect.any(String),
      price_as_of: '2025-10-03',
      value: expect.any(String),
    });
    expect(res.body.latest_report).toBeNull();
  });

  it('GET /api/export?format=csv is a CSV download in which no cell starts a formula', async () => {
    await api.call('POST', '/api/accounts', {
      user: 'user_exporter',
      body: { account_name: '+SUM(1)', cash_balance: '5' },
    });

    const res = await api.call('GET', '/api/export?format=csv', { user: 'user_exporter' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="alex-portfolio-.*\.csv"/);
    const cells = readCsv(res.body).flatMap((l) => l.cells);
    expect(cells).toContain("'+SUM(1)");
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
  });

  it('GET /api/export refuses an unknown format', async () => {
    const res = await api.call('GET', '/api/export?format=xlsx', { user: DEMO_USER });

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('format');
  });
});
