import type { z } from 'zod';
import type { Logger } from './logger.ts';

/** A Lambda event that does not match the handler's schema; names each bad field. */
export class InvalidEventError extends Error {
  readonly issues: { field: string; message: string }[];
  constructor(service: string, issues: { field: string; message: string }[]) {
    super(`${service}: invalid event: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** What a thin Lambda handler needs: its name, event schema, logger and the plain function it runs. */
export interface HandlerOptions<S extends z.ZodType, R> {
  service: string;
  event: S;
  logger: Logger;
  run: (event: z.output<S>, logger: Logger) => Promise<R>;
  /** Called after every invocation, success or not (e.g. flushing traces); never sleeps. */
  after?: () => Promise<void>;
  now?: () => number;
}

/**
 * Wraps a plain function as a Lambda handler: parses the event with Zod (an {@link InvalidEventError}
 * naming the fields otherwise), logs one line per invocation with its duration and outcome, and
 * runs `after` in every case. Errors propagate, so Lambda reports a FunctionError to the caller.
 */
export function defineHandler<S extends z.ZodType, R>(
  options: HandlerOptions<S, R>,
): (event: unknown) => Promise<R> {
  const now = options.now ?? Date.now;
  return async (raw) => {
    const started = now();
    const parsed = options.event.safeParse(raw);
    const jobId = (raw as { job_id?: unknown } | null)?.job_id;
    const logger = options.logger.child({
      service: options.service,
      ...(typeof jobId === 'string' ? { job_id: jobId } : {}),
    });
    try {
      if (!parsed.success) {
        throw new InvalidEventError(
          options.service,
          parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(event)', message: i.message })),
        );
      }
      const result = await options.run(parsed.data, logger);
      logger.info('invocation succeeded', { duration_ms: now() - started });
      return result;
    } catch (err: unknown) {
      logger.error('invocation failed', { duration_ms: now() - started, err });
      throw err;
    } finally {
      await options.after?.().catch((err: unknown) => logger.warn('after-invocation hook failed', { err }));
    }
  };
}
