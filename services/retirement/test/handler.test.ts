import { InvalidEventError } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

describe('retirement handler', () => {
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    // The handler builds its clients from the environment when it is loaded.
    vi.stubEnv('ALEX_MODEL_PROVIDER', 'offline');
    vi.stubEnv('LOG_LEVEL', 'error');
    ({ handler } = await import('../src/handler.ts'));
  });
  afterAll(() => vi.unstubAllEnvs());

  it('rejects an event whose job_id is not a UUID, naming the field', async () => {
    const rejection = handler({ job_id: 'job-1', clerk_user_id: 'user_test_123' });

    await expect(rejection).rejects.toBeInstanceOf(InvalidEventError);
    await expect(rejection).rejects.toThrow(/retirement: invalid event: job_id/);
  });

  it('rejects an event without a user id, naming the field', async () => {
    await expect(handler({ job_id: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow(
      /clerk_user_id/,
    );
  });
});
