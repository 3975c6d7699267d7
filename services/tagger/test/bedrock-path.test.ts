import type { LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { RetryingModel, TaggerEvent } from '@alex/agents';
import { silentLogger } from '@alex/core';
import type { Model } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagInstruments } from '../src/tagger.ts';
import { addPlaceholders, eventFor, startTestDatabase, type TestDatabase } from './support.ts';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};
const toolCall = (symbol: string): LanguageModelV3GenerateResult => ({
  content: [
    {
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'lookup_reference_data',
      input: JSON.stringify({ symbol }),
    },
  ],
  finishReason: { unified: 'tool-calls', raw: 'tool_use' },
  usage,
  warnings: [],
});
const text = (value: unknown): LanguageModelV3GenerateResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
  finishReason: { unified: 'stop', raw: 'end_turn' },
  usage,
  warnings: [],
});

describe('the tagger through aisdk(), as on Bedrock', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
    await addPlaceholders(db.repos, ['AVGO']);
  });
  afterAll(async () => db?.close());

  it('sends the allocation records as a JSON response format and stores the parsed answer', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: [
        toolCall('AVGO'),
        text({
          outcome: {
            known: true,
            symbol: 'AVGO',
            name: 'Broadcom Inc.',
            instrument_type: 'stock',
            current_price: 340.5,
            allocation_asset_class: { equity: 100 },
            allocation_regions: { north_america: 100 },
            allocation_sectors: { technology: 100 },
            confidence: 'medium',
            rationale: 'A large US semiconductor company; price estimated.',
          },
        }),
      ],
    });
    // AiSdkModel's `rawUsage?: T | undefined` is rejected by exactOptionalPropertyTypes; the runtime shape is Model.
    const model = new RetryingModel(aisdk(mock) as unknown as Model, { sleep: async () => {} });

    const result = await tagInstruments(TaggerEvent.parse(eventFor('AVGO')), {
      repos: db.repos,
      model,
      logger: silentLogger,
    });

    expect(result).toMatchObject({ tagged: ['AVGO'], unresolved: [], skipped: [] });
    expect(result.classifications.map((c) => c.symbol)).toEqual(['AVGO']);
    const format = mock.doGenerateCalls[1]?.responseFormat;
    expect(format?.type).toBe('json');
    expect(JSON.stringify(format)).toContain('allocation_sectors');
    expect((await db.repos.instruments.get('AVGO'))?.current_price).toBe('340.5000');
  });
});
