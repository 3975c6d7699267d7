import { seedFromInput } from '@alex/finance';
import { describe, expect, it } from 'vitest';
import { parseRetirementArgs, UsageError } from '../lib/retirement-args.ts';

const VALID: Record<string, string> = {
  '--value': '500000',
  '--years': '25',
  '--income': '60000',
  '--contribution': '10000',
  '--allocation': 'equity=70,fixed_income=30',
};
const REQUIRED = Object.entries(VALID).flat();

/** A valid command line with some flags' values replaced (or added). */
function argvWith(changes: Record<string, string>): string[] {
  return Object.entries({ ...VALID, ...changes }).flat();
}

describe('parseRetirementArgs', () => {
  it('reads the required flags into a Monte Carlo input', () => {
    // Act
    const command = parseRetirementArgs(REQUIRED);

    // Assess
    expect(command).toEqual({
      kind: 'run',
      json: false,
      input: {
        currentValue: 500_000,
        yearsToRetirement: 25,
        targetIncome: 60_000,
        annualContribution: 10_000,
        contributionRisesWithInflation: false,
        allocation: { equity: 70, fixed_income: 30 },
        zeroVolatility: false,
        seed: expect.any(Number),
      },
    });
  });

  it('derives the seed from the inputs when --seed is not given: same command, same seed', () => {
    // Act
    const first = parseRetirementArgs(REQUIRED);
    const again = parseRetirementArgs(REQUIRED);
    const other = parseRetirementArgs(argvWith({ '--income': '61000' }));

    // Assess
    if (first.kind !== 'run' || again.kind !== 'run' || other.kind !== 'run') throw new Error('not a run');
    const { seed, ...rest } = first.input;
    expect(seed).toBe(seedFromInput(rest));
    expect(again.input.seed).toBe(seed);
    expect(other.input.seed).not.toBe(seed);
  });

  it('reads the plan flags: rising contribution, other income and its start, and the fee in percent', () => {
    // Act
    const command = parseRetirementArgs([
      ...REQUIRED,
      '--rising-contribution',
      '--other-income',
      '24000',
      '--other-income-year=27',
      '--fee',
      '0.25',
    ]);

    // Assess
    expect(command).toMatchObject({
      input: {
        contributionRisesWithInflation: true,
        otherIncome: 24_000,
        otherIncomeStartYear: 27,
        annualFee: 0.0025,
      },
    });
  });

  it('reads optional flags, in --flag=value form too', () => {
    // Act
    const command = parseRetirementArgs([
      ...REQUIRED,
      '--paths=2000',
      '--seed',
      '7',
      '--zero-volatility',
      '--json',
    ]);

    // Assess
    expect(command).toMatchObject({
      kind: 'run',
      json: true,
      input: { paths: 2000, seed: 7, zeroVolatility: true },
    });
  });

  it('asks for help with --help even when other flags are missing', () => {
    // Act
    const command = parseRetirementArgs(['--help']);

    // Assess
    expect(command).toEqual({ kind: 'help' });
  });

  it.each([
    [{ '--verbose': 'yes' }, /unknown flag '--verbose'/],
    [{ '--value': 'lots' }, /--value must be a number/],
    [{ '--years': '2.5' }, /--years must be a whole number/],
    [{ '--allocation': 'equity=70,fixed_income=20' }, /--allocation: must sum to 100, got 90/],
    [{ '--allocation': 'equity=70,crypto=30' }, /--allocation: unknown asset class 'crypto'/],
    [{ '--allocation': 'equity:100' }, /--allocation must look like/],
    [{ '--allocation': 'equity=50,equity=50' }, /--allocation names 'equity' twice/],
    [{ '--paths': '0' }, /--paths: must be a whole number from 1/],
    [{ '--value': '1e307' }, /--value: must be at most \$1,000,000,000,000/],
    [{ '--value': '-5' }, /--value must not be negative, got '-5'/],
    [{ '--income': '1e13' }, /--income: must be at most \$1,000,000,000,000/],
    [{ '--contribution': '2000000000000' }, /--contribution: must be at most/],
    [{ '--other-income': '1e300' }, /--other-income: must be at most/],
    [{ '--fee': '7' }, /--fee: must be a percentage from 0 to 5/],
  ])('rejects %j with a usage error', (changes, message) => {
    // Prepare
    const argv = argvWith(changes);

    // Act
    const parse = () => parseRetirementArgs(argv);

    // Assess
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('rejects a flag given twice', () => {
    // Act
    const parse = () => parseRetirementArgs([...REQUIRED, '--value', '1']);

    // Assess
    expect(parse).toThrow('--value given twice');
  });

  it('names every missing required flag', () => {
    // Act
    const parse = () => parseRetirementArgs(['--value', '1']);

    // Assess
    expect(parse).toThrow('missing --years, --income, --contribution, --allocation');
  });

  it('rejects a flag left without its value', () => {
    // Act
    const parse = () => parseRetirementArgs([...REQUIRED.slice(2), '--value']);

    // Assess
    expect(parse).toThrow('--value needs a value');
  });
});
