import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  createRepositories,
  NotFoundError,
  type Repositories,
  resetDatabase,
  ValidationError,
} from '../../src/index.ts';
import { chart, RETIREMENT, TEST_ETF } from './fixtures.ts';

const ALICE = 'user_alice';
const BOB = 'user_bob';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe.each(BACKENDS)('repositories on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;
  let statements = 0;

  /** Runs `work` and returns how many Data API calls it made. */
  const countStatements = async (work: () => Promise<unknown>) => {
    statements = 0;
    await work().catch(() => {});
    return statements;
  };

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client);
    repos = createRepositories(db.client);
    db.client.onStatement(() => {
      statements += 1;
    });
    await repos.users.getOrCreate({ clerk_user_id: ALICE });
    await repos.users.getOrCreate({ clerk_user_id: BOB });
    await repos.users.getOrCreate({ clerk_user_id: 'user_release' });
  });
  afterAll(async () => db?.close());

  describe('users', () => {
    it('creates a user with the default goals on first sight and returns the same row after', async () => {
      const first = await repos.users.getOrCreate({ clerk_user_id: 'user_new' });
      expect(first).toMatchObject({
        years_until_retirement: 20,
        target_retirement_income: '60000.00',
        asset_class_targets: { equity: 70, fixed_income: 30 },
        region_targets: { north_america: 50, international: 50 },
      });
      expect(first.created_at).toMatch(/Z$/);
      expect(await repos.users.getOrCreate({ clerk_user_id: 'user_new' })).toEqual(first);
    });

    it('rejects targets that do not sum to 100 before any SQL, naming the field and the sum', async () => {
      const update = () =>
        repos.users.update(ALICE, { asset_class_targets: { equity: 70, fixed_income: 20 } });
      await expect(update()).rejects.toThrow(
        /asset_class_targets: asset_class_targets must sum to 100.*got 90/,
      );
      expect(await countStatements(update)).toBe(0);
    });

    it('updates only the fields given', async () => {
      const user = await repos.users.update(ALICE, {
        display_name: 'Alice',
        region_targets: { north_america: 100 },
      });
      expect(user).toMatchObject({
        display_name: 'Alice',
        region_targets: { north_america: 100 },
        years_until_retirement: 20,
      });
    });

    it('keeps preferences when an identity event updates the name', async () => {
      await repos.users.update(ALICE, { years_until_retirement: 12 });
      const user = await repos.users.upsertIdentity({ clerk_user_id: ALICE, display_name: 'Alice A.' });
      expect(user).toMatchObject({ display_name: 'Alice A.', years_until_retirement: 12 });
    });

    it('reports a missing user as not found', async () => {
      await expect(repos.users.update('user_nobody', { display_name: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe('accounts', () => {
    it('creates, lists, updates and deletes an account', async () => {
      const account = await repos.accounts.create(ALICE, {
        account_name: 'Brokerage',
        cash_balance: '1234.56',
      });
      expect(account).toMatchObject({
        account_name: 'Brokerage',
        cash_balance: '1234.56',
        cash_interest: '0.0000',
      });
      expect((await repos.accounts.list(ALICE)).map((a) => a.id)).toContain(account.id);
      const updated = await repos.accounts.update(ALICE, account.id, {
        cash_balance: 10,
        account_purpose: null,
      });
      expect(updated).toMatchObject({ cash_balance: '10.00', account_purpose: null });
      await repos.accounts.delete(ALICE, account.id);
      await expect(repos.accounts.get(ALICE, account.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("treats another user's account exactly like a missing one", async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Private' });
      await expect(repos.accounts.get(BOB, account.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        repos.accounts.update(BOB, account.id, { account_name: 'Mine now' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.accounts.delete(BOB, account.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await repos.accounts.get(ALICE, account.id)).account_name).toBe('Private');
      expect(await repos.accounts.list(BOB)).toEqual([]);
    });

    it('rejects an invalid UUID and negative cash before any SQL', async () => {
      expect(await countStatements(() => repos.accounts.get(ALICE, 'not-a-uuid'))).toBe(0);
      await expect(repos.accounts.get(ALICE, 'not-a-uuid')).rejects.toBeInstanceOf(ValidationError);
      const create = () => repos.accounts.create(ALICE, { account_name: 'x', cash_balance: '-1' });
      await expect(create()).rejects.toThrow(/cash_balance/);
      expect(await countStatements(create)).toBe(0);
    });

    it('stores SQL injection strings in names verbatim', async () => {
      const name = "Robert'); DROP TABLE accounts;--";
      const account = await repos.accounts.create(ALICE, { account_name: name });
      expect((await repos.accounts.get(ALICE, account.id)).account_name).toBe(name);
    });
  });

  describe('positions', () => {
    it('adds the quantity to the one held when the symbol is added again', async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Positions' });
      const first = await repos.positions.upsert(ALICE, {
        account_id: account.id,
        symbol: 'spy',
        quantity: '10',
      });
      const again = await repos.positions.upsert(ALICE, {
        account_id: account.id,
        symbol: 'SPY',
        quantity: '12.5',
      });
      expect(again.id).toBe(first.id);
      expect(again).toMatchObject({ symbol: 'SPY', quantity: '22.50000000' });
      const listed = await repos.positions.listForAccount(ALICE, account.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]?.instrument).toMatchObject({
        symbol: 'SPY',
        current_price: expect.stringMatching(/^\d+\.\d{4}$/),
      });
    });

    it('replaces the quantity held when asked to', async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Replace' });
      await repos.positions.upsert(ALICE, { account_id: account.id, symbol: 'SPY', quantity: '10' });
      const replaced = await repos.positions.upsert(ALICE, {
        account_id: account.id,
        symbol: 'SPY',
        quantity: '3',
        mode: 'replace',
      });
      expect(replaced.quantity).toBe('3.00000000');
    });

    it('refuses an addition whose total would overflow, naming the quantity', async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Overflow' });
      const big = { account_id: account.id, symbol: 'SPY', quantity: '999999999999' };
      await repos.positions.upsert(ALICE, big);
      const error = (await repos.positions.upsert(ALICE, big).catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues[0]?.field).toBe('quantity');
      const [held] = await repos.positions.listForAccount(ALICE, account.id);
      expect(held?.quantity).toBe('999999999999.00000000');
    });

    it('creates a user-added placeholder instrument for an unknown symbol', async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Unknowns' });
      await repos.positions.upsert(ALICE, { account_id: account.id, symbol: 'NEWCO', quantity: '3' });
      expect(await repos.instruments.get('NEWCO')).toMatchObject({
        is_user_added: true,
        allocation_asset_class: null,
      });
      expect((await repos.instruments.listUnclassified(['NEWCO', 'SPY'])).map((i) => i.symbol)).toEqual([
        'NEWCO',
      ]);
    });

    it("writes nothing when the account is another user's", async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Not Bob' });
      await expect(
        repos.positions.upsert(BOB, { account_id: account.id, symbol: 'BOBCO', quantity: '1' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await repos.instruments.get('BOBCO')).toBeNull();
      await expect(repos.positions.listForAccount(BOB, account.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('rejects zero quantities and bad symbols, naming the fields, before any SQL', async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Bad input' });
      const upsert = () =>
        repos.positions.upsert(ALICE, { account_id: account.id, symbol: 'BAD SYMBOL!', quantity: '0' });
      const error = (await upsert().catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues.map((i) => i.field).sort()).toEqual(['quantity', 'symbol']);
      expect(await countStatements(upsert)).toBe(0);
    });

    it("updates and deletes only the owner's positions", async () => {
      const account = await repos.accounts.create(ALICE, { account_name: 'Scoped' });
      const position = await repos.positions.upsert(ALICE, {
        account_id: account.id,
        symbol: 'BND',
        quantity: '5',
      });
      await expect(repos.positions.update(BOB, position.id, { quantity: '1' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(repos.positions.delete(BOB, position.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await repos.positions.update(ALICE, position.id, { quantity: '6' })).quantity).toBe(
        '6.00000000',
      );
      await repos.positions.delete(ALICE, position.id);
      await expect(repos.positions.get(ALICE, position.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('portfolio', () => {
    it('reads accounts, positions and instruments in one statement', async () => {
      const owner = 'user_portfolio';
      await repos.users.getOrCreate({ clerk_user_id: owner });
      for (const name of ['A', 'B', 'C']) {
        const account = await repos.accounts.create(owner, { account_name: name, cash_balance: '5' });
        for (const symbol of ['SPY', 'BND', 'VXUS']) {
          await repos.positions.upsert(owner, { account_id: account.id, symbol, quantity: '2' });
        }
      }
      await repos.accounts.create(owner, { account_name: 'D (empty)' });
      let portfolio: Awaited<ReturnType<Repositories['portfolio']['get']>> | undefined;
      expect(
        await countStatements(async () => {
          portfolio = await repos.portfolio.get(owner);
        }),
      ).toBe(1);
      expect(portfolio?.accounts.map((a) => [a.account_name, a.positions.length])).toEqual([
        ['A', 3],
        ['B', 3],
        ['C', 3],
        ['D (empty)', 0],
      ]);
      expect(portfolio?.accounts[0]?.positions[0]?.instrument.allocation_asset_class).toBeTruthy();
      expect(portfolio?.user.clerk_user_id).toBe(owner);
    });

    it('reports an unknown user as not found', async () => {
      await expect(repos.portfolio.get('user_ghost')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('instruments', () => {
    it('upserts a classified instrument and finds it by prefix or name', async () => {
      await repos.instruments.upsert(TEST_ETF);
      expect((await repos.instruments.search('ts')).map((i) => i.symbol)).toContain('TST');
      expect((await repos.instruments.search('total market')).map((i) => i.symbol)).toContain('TST');
      expect(await repos.instruments.search('%')).toEqual([]);
    });

    it('rejects allocations that do not sum to 100 before any SQL', async () => {
      const upsert = () => repos.instruments.upsert({ ...TEST_ETF, allocation_sectors: { technology: 50 } });
      await expect(upsert()).rejects.toThrow(/allocation_sectors must sum to 100.*got 50/);
      expect(await countStatements(upsert)).toBe(0);
    });

    it('adds placeholders only for symbols not known yet', async () => {
      const added = await repos.instruments.ensurePlaceholders([{ symbol: 'SPY' }, { symbol: 'PLCH' }], {
        userAdded: false,
      });
      expect(added).toEqual(['PLCH']);
      expect((await repos.instruments.get('SPY'))?.allocation_asset_class).toBeTruthy();
    });
  });

  describe('analysis jobs', () => {
    it('claims a pending job once; duplicates and finished jobs do no work', async () => {
      const job = await repos.jobs.create(ALICE, { source: 'test' });
      expect(job.status).toBe('pending');
      expect((await repos.jobs.claim(job.id, { staleAfterSeconds: 900 }))?.status).toBe('running');
      expect(await repos.jobs.claim(job.id, { staleAfterSeconds: 900 })).toBeNull();
      expect(await repos.jobs.complete(job.id, { ok: true })).toBe(true);
      expect(await repos.jobs.claim(job.id, { staleAfterSeconds: 0 })).toBeNull();
      expect(await repos.jobs.fail(job.id, 'late')).toBe(false);
      expect((await repos.jobs.get(ALICE, job.id)).status).toBe('completed');
    });

    it('refuses a second analysis while one is in flight', async () => {
      const job = await repos.jobs.create(BOB);
      await expect(repos.jobs.create(BOB)).rejects.toBeInstanceOf(ConflictError);
      await repos.jobs.fail(job.id, 'planner: boom');
      expect((await repos.jobs.create(BOB)).status).toBe('pending');
    });

    it('lets a job stuck in running be claimed again after the stale period', async () => {
      const job = await repos.jobs.create('user_new');
      await repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
      expect(await repos.jobs.claim(job.id, { staleAfterSeconds: 900 })).toBeNull();
      await db.client.execute(
        "UPDATE analysis_jobs SET updated_at = now() - interval '1 hour' WHERE id = :id::uuid",
        {
          id: job.id,
        },
      );
      expect((await repos.jobs.claim(job.id, { staleAfterSeconds: 900 }))?.status).toBe('running');
    });

    it('hands a running job back to pending for a retry', async () => {
      const job = await repos.jobs.create('user_release');
      await repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
      expect(await repos.jobs.release(job.id)).toBe(true);
      expect((await repos.jobs.claim(job.id, { staleAfterSeconds: 900 }))?.status).toBe('running');
      await repos.jobs.complete(job.id, {});
      expect(await repos.jobs.release(job.id)).toBe(false);
    });

    it('merges per-agent progress and keeps jobs private', async () => {
      const job = await repos.jobs.create('user_portfolio');
      await repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
      await repos.jobs.setProgress(job.id, 'reporter', { status: 'running' });
      await repos.jobs.setProgress(job.id, 'charter', { status: 'completed' });
      expect((await repos.jobs.get('user_portfolio', job.id)).progress).toEqual({
        reporter: { status: 'running' },
        charter: { status: 'completed' },
      });
      await expect(repos.jobs.get(ALICE, job.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.jobs.get(ALICE, MISSING_ID)).rejects.toBeInstanceOf(NotFoundError);
      expect((await repos.jobs.list('user_portfolio')).map((j) => j.id)).toContain(job.id);
    });
  });

  it("counts an agent's fallbacks in its progress and keeps the count when the planner completes it", async () => {
    const job = await repos.jobs.create('user_release');
    await repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
    await repos.jobs.setProgress(job.id, 'reporter', {
      status: 'running',
      started_at: '2026-01-01T00:00:00.000Z',
    });

    await repos.jobs.recordFallback(job.id, 'reporter');
    await repos.jobs.recordFallback(job.id, 'reporter');
    await repos.jobs.setProgress(job.id, 'reporter', { status: 'completed' });

    expect((await repos.jobs.get('user_release', job.id)).progress).toEqual({
      reporter: { status: 'completed', started_at: '2026-01-01T00:00:00.000Z', fallbacks: 2 },
    });
    await repos.jobs.complete(job.id, {});
  });

  describe('reports and retirement', () => {
    it('keeps both halves of a report written by two agents at once', async () => {
      const job = await repos.jobs.create(ALICE);
      await Promise.all([
        repos.reports.saveText(ALICE, job.id, {
          report_summary: 'S',
          report_detail: '# R',
          generated_by: 'test',
        }),
        repos.reports.saveCharts(ALICE, job.id, { charts: [chart('asset_class'), chart('top_holdings')] }),
      ]);
      const report = await repos.reports.getForJob(ALICE, job.id);
      expect(report).toMatchObject({
        report_summary: 'S',
        report_detail: '# R',
        asset_class_chart: chart('asset_class'),
      });
      expect(report.charts.map((c) => c.key)).toEqual(['asset_class', 'top_holdings']);
      await expect(repos.reports.getForJob(BOB, job.id)).rejects.toBeInstanceOf(NotFoundError);
      await repos.jobs.fail(job.id, 'done with test');
    });

    it('stores the retirement projection with its chart', async () => {
      const job = await repos.jobs.create(ALICE);
      await repos.retirement.save(ALICE, job.id, RETIREMENT);
      const stored = await repos.retirement.getForJob(ALICE, job.id);
      expect(stored).toMatchObject({
        estimated_income: '61234.57',
        success_rate: '87.50',
        chart: RETIREMENT.chart,
        generated_by: 'offline',
      });
      await expect(repos.retirement.getForJob(BOB, job.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
