import { InProcessInvoker } from '@alex/agents';
import { SAMPLE_REPLIES } from '@alex/agents/testing';
import { type AgentName, silentLogger } from '@alex/core';
import { createRepositories, type Repositories, resetDatabase } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysisJob } from '../src/planner.ts';
import { BACKENDS, startTestDatabase, type TestDatabase } from './support.ts';

type Handler = (event: unknown) => Promise<unknown>;

/**
 * Fake agents that record calls and how many ran at once. With `together`, each agent waits until
 * that many are running before it answers (so a planner that ran them one at a time never finishes);
 * otherwise each takes 30 ms.
 */
function fakeAgents(overrides: Partial<Record<AgentName, Handler>> = {}, together = 0) {
  const calls: { agent: AgentName; event: unknown }[] = [];
  let running = 0;
  let maxConcurrent = 0;
  let allRunning: () => void = () => {};
  const gathered = new Promise<void>((resolve) => {
    allRunning = resolve;
  });
  const agent =
    (name: AgentName): Handler =>
    async (event) => {
      calls.push({ agent: name, event });
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      if (together > 0 && running >= together) allRunning();
      try {
        await (together > 0 ? gathered : new Promise((resolve) => setTimeout(resolve, 30)));
        const override = overrides[name];
        return override ? await override(event) : SAMPLE_REPLIES[name];
      } finally {
        running -= 1;
      }
    };
  const invoker = new InProcessInvoker({
    tagger: agent('tagger'),
    reporter: agent('reporter'),
    charter: agent('charter'),
    retirement: agent('retirement'),
  });
  return { invoker, calls, maxConcurrent: () => maxConcurrent };
}

describe.each(BACKENDS)('planner on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;
  const USER = 'user_test_123';

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client, { withTestData: true });
    repos = createRepositories(db.client);
  });
  afterAll(async () => db?.close());

  const newJob = async (user = USER) => (await repos.jobs.create(user)).id;
  const deps = (invoker: InProcessInvoker) => ({
    repos,
    invoker,
    logger: silentLogger,
    staleAfterSeconds: 910,
  });

  it('runs reporter, charter and retirement in parallel and completes the job', async () => {
    const agents = fakeAgents({}, 3);
    const jobId = await newJob();
    const outcome = await runAnalysisJob(jobId, deps(agents.invoker));
    expect(outcome).toEqual({ kind: 'completed', jobId });
    expect(agents.calls.map((c) => c.agent).sort()).toEqual(['charter', 'reporter', 'retirement']);
    expect(agents.maxConcurrent()).toBe(3);
    const job = await repos.jobs.get(USER, jobId);
    expect(job.status).toBe('completed');
    expect(job.progress).toMatchObject({
      tagger: { status: 'skipped' },
      reporter: { status: 'completed' },
      charter: { status: 'completed' },
      retirement: { status: 'completed' },
    });
    expect(agents.calls[0]?.event).toEqual({ job_id: jobId, clerk_user_id: USER });
  });

  it('does no work for a duplicate or late delivery of a finished job', async () => {
    const jobId = await newJob();
    await runAnalysisJob(jobId, deps(fakeAgents().invoker));
    const again = fakeAgents();
    expect(await runAnalysisJob(jobId, deps(again.invoker))).toEqual({
      kind: 'skipped',
      reason: 'job is completed',
    });
    expect(again.calls).toEqual([]);
  });

  it('runs a job exactly once when several deliveries arrive at the same time', async () => {
    const jobId = await newJob();
    const agents = fakeAgents();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => runAnalysisJob(jobId, deps(agents.invoker))),
    );
    expect(outcomes.filter((o) => o.kind === 'completed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'skipped')).toHaveLength(4);
    expect(agents.calls).toHaveLength(3);
  });

  it('fails the job with a message naming the agent and the cause when a sub-agent fails', async () => {
    const agents = fakeAgents({
      charter: async () => {
        throw new Error('Bedrock said no');
      },
    });
    const jobId = await newJob();
    const outcome = await runAnalysisJob(jobId, deps(agents.invoker));
    expect(outcome.kind).toBe('failed');
    const job = await repos.jobs.get(USER, jobId);
    expect(job.status).toBe('failed');
    expect(job.error_message).toContain('charter');
    expect(job.error_message).toContain('Bedrock said no');
    expect(job.progress.charter).toMatchObject({ status: 'failed' });
    expect(job.progress.reporter).toMatchObject({ status: 'completed' });
  });

  it('fails the job when an agent answers something its registered output schema does not describe', async () => {
    const agents = fakeAgents({ retirement: async () => ({ success_rate: 'most of them' }) });
    const jobId = await newJob();

    const outcome = await runAnalysisJob(jobId, deps(agents.invoker));

    expect(outcome.kind).toBe('failed');
    const job = await repos.jobs.get(USER, jobId);
    expect(job.error_message).toMatch(/^retirement: .*invalid reply: success_rate: /);
    expect(job.progress.retirement).toMatchObject({ status: 'failed' });
  });

  it('sends instruments that lack data to the tagger before the other agents', async () => {
    const user = 'user_unknowns';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Brokerage' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'SPY', quantity: '3' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'ZZZQ', quantity: '4' });
    const agents = fakeAgents({
      tagger: async () => ({
        ...SAMPLE_REPLIES.tagger,
        unresolved: [{ symbol: 'ZZZQ', reason: 'unknown' }],
      }),
    });
    const jobId = await newJob(user);
    await runAnalysisJob(jobId, deps(agents.invoker));
    expect(agents.calls[0]).toEqual({
      agent: 'tagger',
      event: { job_id: jobId, instruments: [{ symbol: 'ZZZQ', name: 'ZZZQ', instrument_type: null }] },
    });
    expect(agents.calls).toHaveLength(4);
    expect((await repos.jobs.get(user, jobId)).result_data).toMatchObject({
      unresolved: [{ symbol: 'ZZZQ' }],
    });
  });

  it('records what became of each symbol in the tagger’s progress, with the next step for one not found', async () => {
    const user = 'user_tag_outcomes';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Outcomes' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'NEWCO', quantity: '1' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'YYYQ', quantity: '1' });
    const agents = fakeAgents({
      tagger: async () => ({
        ...SAMPLE_REPLIES.tagger,
        tagged: ['NEWCO'],
        unresolved: [{ symbol: 'YYYQ', reason: 'unknown' }],
      }),
    });
    const jobId = await newJob(user);
    await runAnalysisJob(jobId, deps(agents.invoker));
    expect((await repos.jobs.get(user, jobId)).progress.tagger).toMatchObject({
      status: 'completed',
      symbols: [
        { symbol: 'NEWCO', outcome: 'classified' },
        { symbol: 'YYYQ', outcome: 'not_found' },
      ],
      message:
        'Classified NEWCO. Not found: YYYQ. Check the symbol, or enter its price and class yourself on the Portfolio page.',
    });
  });

  it('splits more unknown symbols than the tagger accepts into batches of at most 50', async () => {
    const user = 'user_many_unknowns';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Many' });
    const symbols = Array.from({ length: 120 }, (_, i) => `UNK${String(i).padStart(3, '0')}`);
    for (const symbol of symbols)
      await repos.positions.upsert(user, { account_id: account.id, symbol, quantity: '1' });
    const agents = fakeAgents({
      tagger: async (event) => ({
        ...SAMPLE_REPLIES.tagger,
        tagged: (event as { instruments: { symbol: string }[] }).instruments.map((i) => i.symbol),
      }),
    });
    const jobId = await newJob(user);
    expect(await runAnalysisJob(jobId, deps(agents.invoker))).toMatchObject({ kind: 'completed' });
    const sizes = agents.calls
      .filter((c) => c.agent === 'tagger')
      .map((c) => (c.event as { instruments: unknown[] }).instruments.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect((await repos.jobs.get(user, jobId)).result_data?.tagged).toHaveLength(120);
  });

  it('does not send a symbol the tagger could not classify again during the cooling-off period', async () => {
    const user = 'user_cooling';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Cooling' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'NOPEQ', quantity: '1' });
    const agents = fakeAgents({
      tagger: async () => ({
        ...SAMPLE_REPLIES.tagger,
        unresolved: [{ symbol: 'NOPEQ', reason: 'unknown' }],
      }),
    });
    const first = await newJob(user);
    await runAnalysisJob(first, deps(agents.invoker));
    const second = await newJob(user);
    await runAnalysisJob(second, deps(agents.invoker));
    expect(agents.calls.filter((c) => c.agent === 'tagger')).toHaveLength(1);
    const job = await repos.jobs.get(user, second);
    expect(job.status).toBe('completed');
    expect(job.progress.tagger).toMatchObject({
      status: 'skipped',
      symbols: [{ symbol: 'NOPEQ', outcome: 'not_retried' }],
    });
    expect(job.result_data).toMatchObject({
      unresolved: [{ symbol: 'NOPEQ', reason: expect.stringMatching(/cooling-off/) }],
    });
  });

  it('fails an empty portfolio without calling any agent', async () => {
    const user = 'user_empty';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const agents = fakeAgents();
    const jobId = await newJob(user);
    const outcome = await runAnalysisJob(jobId, deps(agents.invoker));
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('portfolio is empty') });
    expect(agents.calls).toEqual([]);
  });
});
