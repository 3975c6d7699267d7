import { InvalidEventError } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newJob, startSeededDatabase, USER } from './support.ts';

describe('retirement handler', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    db = await startSeededDatabase();
    // The handler builds its clients from the environment when loaded: point it at this database.
    vi.stubEnv('DATA_API_ENDPOINT', db.url);
    vi.stubEnv('ALEX_MODEL_PROVIDER', 'offline');
    vi.stubEnv('LOG_LEVEL', 'error');
    ({ handler } = await import('../src/handler.ts'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db?.close();
  });

  it('stores the projection for a valid event and answers with its success rate and income', async () => {
    const jobId = await newJob(db.repos);

    const result = await handler({ job_id: jobId, clerk_user_id: USER });

    const stored = await db.repos.retirement.getForJob(USER, jobId);
    expect(result).toEqual({
      success_rate: Number(stored.success_rate),
      estimated_income: Number(stored.estimated_income),
      generated_by: 'offline',
    });
  });

  it('rejects an event whose job_id is not a UUID, naming the field', async () => {
    const rejection = handler({ job_id: 'job-1', clerk_user_id: USER });

    await expect(rejection).rejects.toBeInstanceOf(InvalidEventError);
    await expect(rejection).rejects.toThrow(/retirement: invalid event: job_id/);
  });

  it('rejects an event without a user id, naming the field', async () => {
    await expect(handler({ job_id: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow(
      /clerk_user_id/,
    );
  });
});
