import type { LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { RetryingModel } from '@alex/agents';
import { silentLogger, silentMetrics } from '@alex/core';
import { TEST_USER } from '@alex/database';
import type { Model } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartEvent, makeCharts } from '../src/charter.ts';
import { newJob, startTestDatabase, type TestDatabase } from './support.ts';

const USER = TEST_USER.clerk_user_id;
const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};
const turn = (
  content: LanguageModelV3GenerateResult['content'],
  unified: 'tool-calls' | 'stop',
): LanguageModelV3GenerateResult => ({
  content,
  finishReason: { unified, raw: unified === 'stop' ? 'end_turn' : 'tool_use' },
  usage,
  warnings: [],
});

describe('the charter through aisdk(), as on Bedrock', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => db?.close());

  it('passes the chart data to the model and applies the titles it answers', async () => {
    const answer = {
      charts: [{ key: 'top_holdings', title: 'SPY leads', description: 'SPY is the largest.' }],
    };
    const mock = new MockLanguageModelV3({
      doGenerate: [
        turn(
          [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'get_chart_data', input: '{}' }],
          'tool-calls',
        ),
        turn([{ type: 'text', text: JSON.stringify(answer) }], 'stop'),
      ],
    });
    // AiSdkModel's `rawUsage?: T | undefined` is rejected by exactOptionalPropertyTypes; the runtime shape is Model.
    const model = new RetryingModel(aisdk(mock) as unknown as Model, { sleep: async () => {} });
    const jobId = await newJob(db.repos, USER);

    await makeCharts(ChartEvent.parse({ job_id: jobId, clerk_user_id: USER }), {
      repos: db.repos,
      model,
      logger: silentLogger,
      generatedBy: 'offline',
      metrics: silentMetrics,
    });

    expect(JSON.stringify(mock.doGenerateCalls[1]?.prompt)).toContain('total_value_usd');
    expect(mock.doGenerateCalls[1]?.responseFormat?.type).toBe('json');
    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    expect(stored.find((c) => c.key === 'top_holdings')?.title).toBe('SPY leads');
  });
});
