import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvironmentError, envValue, readEnv, setVariables } from '../src/env.ts';

const Settings = z.object({
  PORT: z.coerce.number().int().min(1).default(8000),
  NAME: z.string().optional(),
});

describe('envValue', () => {
  it('treats an empty or blank variable as unset and trims the rest', () => {
    const env = { A: '', B: '   ', C: ' value ', D: undefined };

    expect([envValue(env, 'A'), envValue(env, 'B'), envValue(env, 'C'), envValue(env, 'D')]).toEqual([
      undefined,
      undefined,
      'value',
      undefined,
    ]);
    expect(setVariables(env)).toEqual({ C: 'value' });
  });
});

describe('readEnv', () => {
  it('parses the set variables, so an empty one takes the default', () => {
    expect(readEnv(Settings, { PORT: '', NAME: ' alex ' })).toEqual({ PORT: 8000, NAME: 'alex' });
  });

  it('fails with an EnvironmentError naming the bad variable', () => {
    const error = (() => {
      try {
        readEnv(Settings, { PORT: 'eighty' });
      } catch (err: unknown) {
        return err;
      }
    })();

    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error).toMatchObject({ name: 'EnvironmentError', variable: 'PORT' });
    expect((error as Error).message).toMatch(/^PORT: /);
  });
});
