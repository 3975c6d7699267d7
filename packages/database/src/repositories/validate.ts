import type { z } from 'zod';
import { ValidationError, validationErrorFrom } from '../client/errors.ts';
import { Uuid } from '../schemas/index.ts';

/** Parses `input` with `schema` or throws a {@link ValidationError} naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationErrorFrom(parsed.error, prefix);
  return parsed.data;
}

/** Checks an id is a UUID before it reaches SQL (a bad one is a 400, not a database error). */
export function validateId(id: string, field = 'id'): string {
  if (!Uuid.safeParse(id).success) throw new ValidationError([{ field, message: 'must be a UUID' }]);
  return id;
}

/** Parses rows read back from the database, where JSON columns need checking too. */
export function parseRows<S extends z.ZodType>(schema: S, rows: readonly unknown[]): z.output<S>[] {
  return rows.map((row) => schema.parse(row));
}
