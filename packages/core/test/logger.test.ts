import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('createLogger', () => {
  const capture = (level?: 'debug' | 'info' | 'warn' | 'error') => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      ...(level ? { level } : {}),
      sink: (line) => lines.push(JSON.parse(line)),
      clock: () => new Date('2026-01-01T00:00:00Z'),
    });
    return { logger, lines };
  };

  it('writes one JSON object per line with bound fields from child loggers', () => {
    const { logger, lines } = capture();
    logger.child({ job_id: 'j1' }).child({ user_id: 'u1' }).info('claimed', { attempt: 1 });
    expect(lines).toEqual([
      {
        time: '2026-01-01T00:00:00.000Z',
        level: 'info',
        message: 'claimed',
        job_id: 'j1',
        user_id: 'u1',
        attempt: 1,
      },
    ]);
  });

  it('drops lines below the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.error('loud');
    expect(lines.map((l) => l.message)).toEqual(['loud']);
  });

  it('logs errors by name, message and code, without the stack', () => {
    const { logger, lines } = capture();
    logger.error('failed', { err: new TypeError('bad') });
    logger.error('failed', {
      err: Object.assign(new Error('down'), { code: 'DatabaseUnavailableException' }),
    });
    expect(lines[0]?.err).toEqual({ name: 'TypeError', message: 'bad' });
    expect(lines[1]?.err).toEqual({ name: 'Error', message: 'down', code: 'DatabaseUnavailableException' });
  });
});
