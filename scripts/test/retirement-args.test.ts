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
        allocation: { equity: 70, fixed_income: 30 },
        zeroVolatility: false,
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
