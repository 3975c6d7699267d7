import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { PARTS, type PartNumber, partByNumber } from '../parts.ts';
import { ScriptError } from './runner.ts';

/** Wrong command line: the message ends with the usage text; exit code 2. */
export class UsageError extends ScriptError {
  constructor(problem: string, usage: string) {
    super(`${problem}\n\n${usage}`, 2);
  }
}

/** Options shared by deploy and destroy. */
export interface StackCommandArgs {
  /** Parts to act on, in the order to act on them. */
  readonly parts: PartNumber[];
  readonly yes: boolean;
  readonly overrides: Partial<Record<keyof Config, string>>;
}

const PART_LIST = PARTS.map(({ part }) => part).join('|');

/** Usage of scripts/deploy.ts. */
export const DEPLOY_USAGE = `Usage: pnpm tsx scripts/deploy.ts [--part ${PART_LIST}] [--stage <name>] [--region <aws-region>] [--yes]
  Without --part, deploys every part in order (5, 6, 7, 8).
  --part 5  database   Aurora Serverless v2 + Data API
  --part 6  agents     package the Lambdas, the five agents and their queue
  --part 7  api + SPA  the API, then build and upload the SPA to S3/CloudFront
  --part 8  ops        dashboard, alarms, CloudTrail, $50 budget (needs ALEX_BUDGET_EMAIL)
  --yes     apply without terraform's confirmation prompt`;

/** Usage of scripts/destroy.ts. */
export const DESTROY_USAGE = `Usage: pnpm tsx scripts/destroy.ts [--part ${PART_LIST}] [--stage <name>] [--region <aws-region>] [--yes]
  Without --part, destroys every deployed part in reverse order (8, 7, 6, 5).
  --yes     destroy without terraform's confirmation prompt`;

const COMMON_OPTIONS = {
  stage: { type: 'string' },
  region: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Run node's parseArgs, turning its errors into a UsageError. */
function parseOrUsage<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (err: unknown) {
    throw new UsageError(err instanceof Error ? err.message : String(err), usage);
  }
}

function parseStackCommand(
  argv: readonly string[],
  usage: string,
  order: 'forward' | 'reverse',
): StackCommandArgs {
  const { values } = parseOrUsage(
    () =>
      parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, part: { type: 'string' } }, strict: true }),
    usage,
  );
  if (values.help === true) throw new ScriptError(usage, 0);
  let parts: PartNumber[] = PARTS.map(({ part }) => part);
  if (values.part !== undefined) {
    const entry = /^\d+$/.test(values.part) ? partByNumber(Number(values.part)) : undefined;
    if (entry === undefined)
      throw new UsageError(`--part must be one of ${PART_LIST}, not "${values.part}"`, usage);
    parts = [entry.part];
  }
  if (order === 'reverse') parts.reverse();
  const overrides: Partial<Record<keyof Config, string>> = {};
  if (values.stage !== undefined) overrides.stage = values.stage;
  if (values.region !== undefined) overrides.region = values.region;
  return { parts, yes: values.yes === true, overrides };
}

/** Parse `deploy.ts` arguments. */
export function parseDeployArgs(argv: readonly string[]): StackCommandArgs {
  return parseStackCommand(argv, DEPLOY_USAGE, 'forward');
}

/** Parse `destroy.ts` arguments. */
export function parseDestroyArgs(argv: readonly string[]): StackCommandArgs {
  return parseStackCommand(argv, DESTROY_USAGE, 'reverse');
}

/** The aurora.ts sub-commands. */
export const AURORA_COMMANDS = ['status', 'pause', 'resume', 'destroy', 'recreate'] as const;
/** One aurora.ts sub-command. */
export type AuroraCommand = (typeof AURORA_COMMANDS)[number];

/** Usage of scripts/aurora.ts. */
export const AURORA_USAGE = `Usage: pnpm tsx scripts/aurora.ts <status|pause|resume|destroy|recreate> [--stage <name>] [--region <aws-region>] [--confirm] [--yes]
  status    state, capacity range and what that state costs
  pause     stop the cluster: storage only (AWS restarts a stopped cluster after 7 days)
  resume    start a stopped cluster
  destroy   delete the cluster with terraform (data is lost; needs --confirm): $0
  recreate  create it again with terraform, then reload data with scripts/reset-db.ts
  --yes     recreate without terraform's confirmation prompt`;

/** Parsed aurora.ts arguments. */
export interface AuroraArgs {
  readonly command: AuroraCommand;
  readonly yes: boolean;
  /** `destroy` deletes the data: it goes ahead only with this flag. */
  readonly confirm: boolean;
  readonly overrides: Partial<Record<keyof Config, string>>;
}

/** Parse `aurora.ts` arguments. */
export function parseAuroraArgs(argv: readonly string[]): AuroraArgs {
  const parsed = parseOrUsage(
    () =>
      parseArgs({
        args: [...argv],
        options: { ...COMMON_OPTIONS, confirm: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      }),
    AURORA_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help === true) throw new ScriptError(AURORA_USAGE, 0);
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError('Which command?', AURORA_USAGE);
  if (!(AURORA_COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command "${command}"`, AURORA_USAGE);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra.join(' ')}"`, AURORA_USAGE);
  const overrides: Partial<Record<keyof Config, string>> = {};
  if (values.stage !== undefined) overrides.stage = values.stage;
  if (values.region !== undefined) overrides.region = values.region;
  return {
    command: command as AuroraCommand,
    yes: values.yes === true,
    confirm: values.confirm === true,
    overrides,
  };
}
