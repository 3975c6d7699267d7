import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHandler, InvalidEventError } from '../src/lambda.ts';
import { createLogger } from '../src/logger.ts';

describe('defineHandler', () => {
  const setup = (run: (e: { job_id: string }) => Promise<string>) => {
    const lines: Record<string, unknown>[] = [];
    let afterCalls = 0;
    const handler = defineHandler({
      service: 'demo',
      event: z.object({ job_id: z.uuid() }),
      logger: createLogger({ sink: (l) => lines.push(JSON.parse(l)) }),
      run,
      after: async () => {
        afterCalls += 1;
      },
    });
    return { handler, lines, afterCalls: () => afterCalls };
  };
  const JOB = '7d444840-9dc0-41d1-b245-5ffdce74fad2';

  it('runs the function with the parsed event and logs one line with the job id', async () => {
    const { handler, lines, afterCalls } = setup(async (e) => `ran ${e.job_id}`);
    expect(await handler({ job_id: JOB })).toBe(`ran ${JOB}`);
    expect(lines).toEqual([
      expect.objectContaining({ service: 'demo', job_id: JOB, message: 'invocation succeeded' }),
    ]);
    expect(afterCalls()).toBe(1);
  });

  it('rejects a bad event naming the field, and still runs the after hook', async () => {
    const { handler, afterCalls } = setup(async () => 'never');
    const error = await handler({ job_id: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).message).toMatch(/^demo: invalid event: job_id: /);
    expect(afterCalls()).toBe(1);
  });

  it('lets a failure propagate so Lambda reports it', async () => {
    const { handler, lines } = setup(async () => {
      throw new Error('model unavailable');
    });
    await expect(handler({ job_id: JOB })).rejects.toThrow('model unavailable');
    expect(lines[0]).toMatchObject({ level: 'error', err: { message: 'model unavailable' } });
  });
});
