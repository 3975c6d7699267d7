import { describe, expect, it } from 'vitest';
import { inProcessJobQueue } from '../src/queue.ts';

describe('inProcessJobQueue', () => {
  it('hands each job id to the in-process queue', async () => {
    const sent: string[] = [];
    const queue = inProcessJobQueue({ send: (id: string) => sent.push(id) > 0 });
    await queue.send('job-1');
    expect(sent).toEqual(['job-1']);
  });
});
