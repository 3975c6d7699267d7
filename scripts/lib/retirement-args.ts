import {
  ASSET_CLASSES,
  FinanceError,
  InvalidInputError,
  type MonteCarloInput,
  seedFromInput,
  toMonteCarloConfig,
} from '@alex/finance';

/** How to call `scripts/retirement.ts`, printed with every usage error. */
export const RETIREMENT_USAGE = `Usage: pnpm tsx scripts/retirement.ts --value <dollars> --years <n> --income <dollars>
         --contribution <dollars> --allocation <class=percent,...>
         [--rising-contribution] [--other-income <dollars>] [--other-income-year <n>]
         [--fee <percent>] [--paths <n>] [--seed <n>] [--retirement-years <n>]
         [--zero-volatility] [--json]

  --value             current portfolio value in dollars, e.g. 500000
  --years             whole years until retirement, e.g. 25
  --income            target annual income in today's dollars, e.g. 60000
  --contribution      dollars added at the end of each year until retirement, e.g. 10000
  --rising-contribution  raise the contribution with inflation each year (level in today's dollars)
  --other-income      pension or Social Security in today's dollars a year, e.g. 24000 (default 0)
  --other-income-year years from now when the other income starts (default: at retirement)
  --fee               fees in percent of the balance a year, 0 to 5, e.g. 0.25 (default 0)
  --allocation        asset-class percentages summing to 100, e.g. equity=70,fixed_income=30
                      (classes: ${ASSET_CLASSES.join(', ')})
  --paths             simulated paths (default 10000)
  --seed              random seed, a whole number (default: derived from the other inputs)
  --retirement-years  years of withdrawals (default 30)
  --zero-volatility   every year returns its mean: the closed-form check
  --json              print the full result as JSON instead of a table
  --help              print this message`;

/** A command line that cannot be run; the message says what is wrong. */
export class UsageError extends FinanceError {}

/** What the command line asked for. */
export type RetirementCommand = { kind: 'help' } | { kind: 'run'; input: MonteCarloInput; json: boolean };

const VALUE_FLAGS = [
  'value',
  'years',
  'income',
  'contribution',
  'allocation',
  'other-income',
  'other-income-year',
  'fee',
  'paths',
  'seed',
  'retirement-years',
] as const;
const BOOLEAN_FLAGS = ['rising-contribution', 'zero-volatility', 'json', 'help'] as const;
const REQUIRED_FLAGS = ['value', 'years', 'income', 'contribution', 'allocation'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
type BooleanFlag = (typeof BOOLEAN_FLAGS)[number];

/** The flag behind each Monte Carlo input field, to word validation errors for the terminal. */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  currentValue: 'value',
  yearsToRetirement: 'years',
  targetIncome: 'income',
  annualContribution: 'contribution',
  otherIncome: 'other-income',
  otherIncomeStartYear: 'other-income-year',
  annualFee: 'fee',
  allocation: 'allocation',
  paths: 'paths',
  seed: 'seed',
  retirementYears: 'retirement-years',
};

// Plain or exponent notation (1e6): the simulation's own bounds then say what is too large.
const DECIMAL = /^\d+(\.\d+)?(e[+-]?\d+)?$/i;
const INTEGER = /^\d+$/;

function decimal(flag: string, text: string): number {
  if (/^-\d/.test(text)) throw new UsageError(`--${flag} must not be negative, got '${text}'`);
  if (!DECIMAL.test(text)) throw new UsageError(`--${flag} must be a number, got '${text}'`);
  return Number(text);
}

function integer(flag: string, text: string): number {
  if (!INTEGER.test(text)) throw new UsageError(`--${flag} must be a whole number, got '${text}'`);
  return Number(text);
}

/** Parses `equity=70,fixed_income=30` into percentages; the simulation checks the sum and classes. */
export function parseAllocation(text: string): Record<string, number> {
  const allocation: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [key = '', percent, extra] = part.split('=').map((piece) => piece.trim());
    if (key === '' || percent === undefined || extra !== undefined) {
      throw new UsageError(`--allocation must look like equity=70,fixed_income=30, got '${text}'`);
    }
    if (key in allocation) throw new UsageError(`--allocation names '${key}' twice`);
    allocation[key] = decimal(`allocation ${key}`, percent);
  }
  return allocation;
}

/** Splits argv into flag values, rejecting unknown, repeated and valueless flags. */
function readFlags(argv: readonly string[]) {
  const values = new Map<ValueFlag, string>();
  const switches = new Set<BooleanFlag>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === '--') continue;
    if (token === '-h') {
      switches.add('help');
      continue;
    }
    if (!token.startsWith('--')) throw new UsageError(`unexpected argument '${token}'`);
    const [name = '', inline] = token.slice(2).split(/=(.*)/s, 2);
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name as BooleanFlag);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown flag '--${name}'`);
    const flag = name as ValueFlag;
    if (values.has(flag)) throw new UsageError(`--${flag} given twice`);
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${flag} needs a value`);
    }
    if (inline === undefined) index += 1;
    values.set(flag, value);
  }
  return { values, switches };
}

/** Parses the retirement CLI's arguments (without node and the script path); throws {@link UsageError}. */
export function parseRetirementArgs(argv: readonly string[]): RetirementCommand {
  const { values, switches } = readFlags(argv);
  if (switches.has('help')) return { kind: 'help' };
  const missing = REQUIRED_FLAGS.filter((flag) => !values.has(flag));
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((flag) => `--${flag}`).join(', ')}`);
  const get = (flag: ValueFlag) => values.get(flag) ?? '';
  const optional = (flag: ValueFlag, key: 'paths' | 'seed' | 'retirementYears' | 'otherIncomeStartYear') =>
    values.has(flag) ? { [key]: integer(flag, get(flag)) } : {};
  const plan: Omit<MonteCarloInput, 'seed'> = {
    currentValue: decimal('value', get('value')),
    yearsToRetirement: integer('years', get('years')),
    targetIncome: decimal('income', get('income')),
    annualContribution: decimal('contribution', get('contribution')),
    contributionRisesWithInflation: switches.has('rising-contribution'),
    allocation: parseAllocation(get('allocation')),
    ...(values.has('other-income') ? { otherIncome: decimal('other-income', get('other-income')) } : {}),
    ...optional('other-income-year', 'otherIncomeStartYear'),
    ...(values.has('fee') ? { annualFee: decimal('fee', get('fee')) / 100 } : {}),
    ...optional('paths', 'paths'),
    ...optional('retirement-years', 'retirementYears'),
    zeroVolatility: switches.has('zero-volatility'),
  };
  // Without --seed, the seed comes from the inputs: the same command gives the same figures.
  const input: MonteCarloInput = { ...plan, seed: seedFromInput(plan), ...optional('seed', 'seed') };
  try {
    toMonteCarloConfig(input);
  } catch (error: unknown) {
    if (error instanceof InvalidInputError) {
      const flag = FIELD_FLAGS[error.field.split('.')[0] ?? ''] ?? error.field;
      // The fee is given in percent but checked as a fraction: say it in the flag's own unit.
      const reason = error.field === 'annualFee' ? 'must be a percentage from 0 to 5' : error.reason;
      throw new UsageError(`--${flag}: ${reason}`, { cause: error });
    }
    throw error;
  }
  return { kind: 'run', input, json: switches.has('json') };
}
