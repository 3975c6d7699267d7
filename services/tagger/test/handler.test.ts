import { InvalidEventError } from '@alex/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTaggerHandler, taggerHandlerDeps } from '../src/create-handler.ts';

describe('tagger handler', () => {
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    // The handler builds its clients from the environment given; nothing connects until an event is valid.
    handler = createTaggerHandler(
      await taggerHandlerDeps({ ALEX_MODEL_PROVIDER: 'offline', LOG_LEVEL: 'error' }),
    );
  });

  it('rejects an event without instruments, naming the field', async () => {
    await expect(handler({ instruments: [] })).rejects.toThrow(/instruments: /);
  });

  it('rejects a job id that is not a UUID, naming the field', async () => {
    const event = {
      job_id: 'job-1',
      instruments: [{ symbol: 'AAPL', name: 'Apple', instrument_type: null }],
    };

    const error = await handler(event).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((i) => i.field)).toEqual(['job_id']);
  });

  it('rejects a symbol that is not a ticker, naming its path', async () => {
    const event = { instruments: [{ symbol: 'not a ticker!', name: 'x', instrument_type: null }] };

    await expect(handler(event)).rejects.toThrow('instruments.0.symbol');
  });
});
