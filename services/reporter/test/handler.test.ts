import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidEventError } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReporterHandler, reporterHandlerDeps } from '../src/create-handler.ts';
import { newJob, startSeededDatabase, USER } from './support.ts';

describe('reporter handler', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    db = await startSeededDatabase();
    // Built from an environment that points at this database, the offline model and a knowledge
    // folder of its own.
    const env = {
      DATA_API_ENDPOINT: db.url,
      ALEX_ROOT: mkdtempSync(join(tmpdir(), 'alex-reporter-handler-')),
      ALEX_MODEL_PROVIDER: 'offline',
      LOG_LEVEL: 'error',
    };
    handler = createReporterHandler(await reporterHandlerDeps(env));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes and stores the report for a valid event and answers with its size', async () => {
    const jobId = await newJob(db.repos);

    const result = await handler({ job_id: jobId, clerk_user_id: USER });

    const stored = await db.repos.reports.getForJob(USER, jobId);
    expect(result).toEqual({
      report_chars: stored.report_detail?.length,
      insights_available: true,
      generated_by: 'offline',
    });
  });

  it('rejects an event whose job_id is not a UUID, naming the field', async () => {
    const rejection = handler({ job_id: 'job-1', clerk_user_id: USER });

    await expect(rejection).rejects.toBeInstanceOf(InvalidEventError);
    await expect(rejection).rejects.toThrow(/reporter: invalid event: job_id/);
  });

  it('rejects an event without a user id, naming the field', async () => {
    await expect(handler({ job_id: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow(
      /clerk_user_id/,
    );
  });
});
