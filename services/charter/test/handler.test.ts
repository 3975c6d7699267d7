import { InvalidEventError } from '@alex/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { charterHandlerDeps, createCharterHandler } from '../src/create-handler.ts';

describe('charter handler', () => {
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    // The handler builds its clients from the environment given; nothing connects until an event is valid.
    handler = createCharterHandler(
      await charterHandlerDeps({ ALEX_MODEL_PROVIDER: 'offline', LOG_LEVEL: 'error' }),
    );
  });

  it('rejects an event without a user id, naming the field', async () => {
    const error = await handler({ job_id: '0b7c9a52-1d3e-4f6a-8b9c-0d1e2f3a4b5c' }).catch(
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((i) => i.field)).toEqual(['clerk_user_id']);
  });

  it('rejects a job id that is not a UUID, naming the field', async () => {
    await expect(handler({ job_id: '42', clerk_user_id: 'user_test_123' })).rejects.toThrow(/job_id: /);
  });
});
