import { DEFAULT_INSTRUMENTS, InstrumentCreate } from '@alex/database';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA, referenceLookup } from '../src/reference-data.ts';

describe('the bundled reference table', () => {
  it.each(REFERENCE_DATA.map((entry) => [entry.symbol, entry] as const))(
    '%s is a complete instrument the database accepts',
    (_symbol, entry) => {
      expect(InstrumentCreate.safeParse(entry).error).toBeUndefined();
    },
  );

  it('holds none of the seeded instruments', () => {
    const seeded = new Set(DEFAULT_INSTRUMENTS.map((i) => i.symbol));

    expect(REFERENCE_DATA.filter((entry) => seeded.has(entry.symbol))).toEqual([]);
  });

  it('finds symbols regardless of case and spacing', () => {
    const lookup = referenceLookup();

    expect(lookup(' brk.b ')?.name).toBe('Berkshire Hathaway Inc. Class B');
    expect(lookup('ZZZQ')).toBeUndefined();
  });
});
