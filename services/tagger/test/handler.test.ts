import { InvalidEventError } from '@alex/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

describe('tagger handler', () => {
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    // The handler builds its clients at import; nothing connects until an event is valid.
    vi.stubEnv('ALEX_MODEL_PROVIDER', 'offline');
    vi.stubEnv('LOG_LEVEL', 'error');
    ({ handler } = await import('../src/handler.ts'));
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
