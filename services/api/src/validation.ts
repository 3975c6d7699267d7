import { Uuid, ValidationError, validationErrorFrom } from '@alex/database';
import type { z } from 'zod';

/** Bodies larger than this are refused before parsing; no route needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Parses a JSON body with `schema`, or a {@link ValidationError} naming each bad field. Bodies over
 * `maxBytes` ({@link MAX_BODY_BYTES} unless a route that takes a file says more) are refused unread.
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  rawBody: string | undefined,
  maxBytes = MAX_BODY_BYTES,
): z.output<S> {
  if (rawBody !== undefined && Buffer.byteLength(rawBody) > maxBytes) {
    throw new ValidationError([{ field: '(body)', message: `must be at most ${maxBytes} bytes` }]);
  }
  let input: unknown;
  if (rawBody === undefined || rawBody.trim() === '') {
    input = undefined;
  } else {
    try {
      input = JSON.parse(rawBody);
    } catch {
      throw new ValidationError([{ field: '(body)', message: 'must be valid JSON' }]);
    }
  }
  rejectUnstorableText(input, '(body)');
  return parseWith(schema, input, '(body)');
}

/** Parses query parameters with `schema` (names each bad parameter). */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Readonly<Record<string, string>>,
): z.output<S> {
  return parseWith(schema, query, '(query)');
}

/** A path parameter that must be a UUID: a bad one is a 400 naming it, never a database error. */
export function uuidParam(params: Readonly<Record<string, string>>, name = 'id'): string {
  const value = params[name];
  if (value === undefined || !Uuid.safeParse(value).success) {
    throw new ValidationError([{ field: name, message: 'must be a UUID' }]);
  }
  return value.toLowerCase();
}

/**
 * Runs several parsers (path, query, body) and reports every bad field of all of them in one
 * {@link ValidationError}, rather than stopping at the first.
 */
export function parseAll<T extends unknown[]>(...parsers: { [K in keyof T]: () => T[K] }): T {
  const issues: ValidationError['issues'] = [];
  const results = parsers.map((parse) => {
    try {
      return parse();
    } catch (err: unknown) {
      if (!(err instanceof ValidationError)) throw err;
      issues.push(...err.issues);
      return undefined;
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return results as T;
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, whole: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { issues } = validationErrorFrom(parsed.error);
  throw new ValidationError(issues.map((i) => (i.field === '(input)' ? { ...i, field: whole } : i)));
}

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate is not valid UTF-8: either would fail
 * in the database as a 500. Rejects them up front, naming the field. Iterative, so a deeply nested
 * body cannot exhaust the stack.
 */
function rejectUnstorableText(input: unknown, whole: string): void {
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (!storable(value)) {
        throw new ValidationError([
          { field: path || whole, message: 'must not contain NUL or unpaired surrogates' },
        ]);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!storable(key)) {
          throw new ValidationError([
            { field: whole, message: 'must not contain NUL or unpaired surrogates' },
          ]);
        }
        stack.push([child, childPath]);
      }
    }
  }
}

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: string): boolean {
  return !UNSTORABLE.test(text);
}
