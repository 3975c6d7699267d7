import { InvalidEventError } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetirementHandler, retirementHandlerDeps } from '../src/create-handler.ts';
import { newJob, startSeededDatabase, USER } from './support.ts';

describe('retirement handler', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    db = await startSeededDatabase();
    // Built from an environment that points at this database and the offline model.
    const env = { DATA_API_ENDPOINT: db.url, ALEX_MODEL_PROVIDER: 'offline', LOG_LEVEL: 'error' };
    handler = createRetirementHandler(await retirementHandlerDeps(env));
  });
  afterAll(async () => {
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
