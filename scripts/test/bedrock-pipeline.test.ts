import { DEFAULT_BEDROCK_MODEL_ID, type OfflineScript, OUTPUT_RETRY_NOTE } from '@alex/agents';
import {
  CONVERSE_ERRORS,
  type ConverseFake,
  connectionReset,
  cutAtMaxTokens,
  parallelToolUse,
  type ScriptedReply,
  startConverseFake,
  withToolInput,
} from '@alex/agents/converse-fake';
import { charterOfflineScript } from '@alex/charter';
import { createLogger } from '@alex/core';
import type { Repositories } from '@alex/database';
import { type SeededDatabase, startSeededDatabase } from '@alex/local-data-api';
import { reportWriterScript } from '@alex/reporter';
import { retirementScript } from '@alex/retirement';
import { taggerOfflineScript } from '@alex/tagger';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../lib/local-pipeline.ts';

/** Static keys for the default credential chain; no instance metadata lookups on this machine. */
const AWS_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIDPIPELINE',
  AWS_SECRET_ACCESS_KEY: 'pipelineSecret',
  AWS_EC2_METADATA_DISABLED: 'true',
};

// Claude's part is played by each agent's offline script, answering through the Converse fake; the
// agents themselves run as in Lambda: their handlers, the real Bedrock provider, SigV4, retries.
const SCRIPTS: Record<string, OfflineScript> = {
  tagger: taggerOfflineScript,
  reporter: reportWriterScript,
  charter: charterOfflineScript,
  retirement: retirementScript,
};
const TOOL_OF_AGENT: Record<string, string> = {
  lookup_reference_data: 'tagger',
  get_portfolio_analysis: 'reporter',
  get_chart_data: 'charter',
  run_monte_carlo: 'retirement',
};
const passThrough: ScriptedReply = (written) => ({ kind: 'turn', turn: written });

describe('the whole analysis through the Bedrock provider against the Converse fake', () => {
  let db: SeededDatabase;
  let repos: Repositories;
  let fake: ConverseFake;
  let pipeline: LocalPipeline;

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
    fake = await startConverseFake({
      agentOf: (turn) => turn.tools.map((tool) => TOOL_OF_AGENT[tool]).find(Boolean) ?? 'unknown',
      writer: (turn, agent) => {
        const script = SCRIPTS[agent];
        if (script === undefined)
          throw new Error(`no script for a request offering ${turn.tools.join(', ')}`);
        return script.next(turn);
      },
    });
    // As a deployment would: the standard endpoint variable, and credentials from the AWS default
    // chain, which reads them from the process environment (restored after the suite).
    for (const [name, value] of Object.entries(AWS_CREDENTIALS)) vi.stubEnv(name, value);
    pipeline = await startLocalPipeline({
      client: db.client,
      env: {
        ...process.env,
        ...AWS_CREDENTIALS,
        DATA_API_ENDPOINT: db.url,
        ALEX_MODEL_PROVIDER: 'bedrock',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
        LOG_LEVEL: 'error',
      },
      logger: createLogger({ level: 'error' }),
    });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await pipeline?.close();
    await fake?.close();
    await db?.close();
  });
  beforeEach(() => {
    fake.calls.length = 0;
  });

  const analyse = async (user: string, symbols: string[]) => {
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Brokerage', cash_balance: '1000' });
    for (const symbol of symbols)
      await repos.positions.upsert(user, { account_id: account.id, symbol, quantity: '10' });
    const job = await repos.jobs.create(user);
    pipeline.queue.send(job.id);
    await pipeline.queue.drained();
    return repos.jobs.get(user, job.id);
  };
  const callsOf = (agent: string) => fake.calls.filter((call) => call.agent === agent);

  it('runs tagger, reporter, charter and retirement on Claude’s answers and completes the job', async () => {
    const job = await analyse('user_bedrock_whole', ['SPY', 'BND', 'AAPL']);

    expect(job.error_message).toBeNull();
    expect(job.status).toBe('completed');
    expect(new Set(fake.calls.map((call) => call.agent))).toEqual(
      new Set(['tagger', 'reporter', 'charter', 'retirement']),
    );
    expect(fake.calls.filter((call) => call.error !== undefined)).toEqual([]);
    expect(new Set(fake.calls.map((call) => call.modelId))).toEqual(new Set([DEFAULT_BEDROCK_MODEL_ID]));
    expect(fake.calls[0]?.authorization).toMatch(/Credential=AKIDPIPELINE\/\d{8}\/us-east-1\/bedrock\//);
    const report = await repos.reports.getForJob('user_bedrock_whole', job.id);
    expect(report.generated_by).toBe(DEFAULT_BEDROCK_MODEL_ID);
    expect(report.charts.length).toBeGreaterThan(0);
    expect((await repos.retirement.getForJob('user_bedrock_whole', job.id)).detail).toBeTruthy();
    expect((await repos.instruments.get('AAPL'))?.allocation_asset_class).toMatchObject({ equity: 100 });
  });

  it('sends the chosen model strict tools without the keywords its grammar rejects', async () => {
    await analyse('user_bedrock_shape', ['SPY', 'MSFT']);

    const tools = fake.calls.flatMap(
      (call) => (call.body.toolConfig as { tools: { toolSpec: Record<string, unknown> }[] }).tools,
    );
    const lookup = tools.find((tool) => tool.toolSpec.name === 'lookup_reference_data')?.toolSpec;
    expect(lookup?.strict).toBe(true);
    expect(JSON.stringify(tools)).not.toMatch(/"(minLength|maxLength|minItems|maxItems)"/);
  });

  it('survives a 500, a connection reset, parallel tool calls, a max_tokens stop and malformed tool input', async () => {
    fake.script('charter', CONVERSE_ERRORS.internal, passThrough, cutAtMaxTokens);
    fake.script('retirement', connectionReset);
    fake.script(
      'reporter',
      parallelToolUse(
        { name: 'get_portfolio_analysis', input: {} },
        { name: 'get_market_insights', input: { symbols: ['SPY'] } },
      ),
    );
    fake.script('tagger', withToolInput({ symbol: '' }));

    const job = await analyse('user_bedrock_faults', ['SPY', 'NVDA']);

    expect(job.error_message).toBeNull();
    expect(job.status).toBe('completed');
    // 500, retried; the chart-data call; the answer cut at max_tokens; then the re-ask's two turns.
    expect(callsOf('charter').map((call) => call.reply)).toEqual(['error', 'turn', 'turn', 'turn', 'turn']);
    expect(JSON.stringify(callsOf('charter')[3]?.body.messages)).toContain(OUTPUT_RETRY_NOTE);
    expect(callsOf('retirement')[0]?.reply).toBe('reset');
    const reporterSecond = callsOf('reporter')[1]?.body.messages as { content: Record<string, unknown>[] }[];
    expect(reporterSecond.at(-1)?.content.filter((block) => 'toolResult' in block)).toHaveLength(2);
    expect(JSON.stringify(callsOf('tagger')[1]?.body.messages)).toContain('Invalid JSON input for tool');
    expect((await repos.instruments.get('NVDA'))?.current_price).not.toBeNull();
    const report = await repos.reports.getForJob('user_bedrock_faults', job.id);
    expect(report.generated_by).toBe(DEFAULT_BEDROCK_MODEL_ID);
  });

  it('fails the job on a 400, naming the agent and Bedrock’s message', async () => {
    fake.script('retirement', CONVERSE_ERRORS.validation('messages.0.content.0.text: prompt is too long'));

    const job = await analyse('user_bedrock_400', ['SPY']);

    expect(job.status).toBe('failed');
    expect(job.error_message).toMatch(/retirement/);
    expect(job.error_message).toContain(
      'Bedrock ValidationException (HTTP 400) from us.anthropic.claude-sonnet-4-6 in us-east-1: messages.0.content.0.text: prompt is too long',
    );
    expect(callsOf('retirement')).toHaveLength(1);
  });
});
