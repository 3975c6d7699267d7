import { describe, expect, it } from 'vitest';
import { parseAuroraArgs, parseDeployArgs, parseDestroyArgs, UsageError } from '../../src/scripts/args.ts';

function usageErrorOf(parse: () => unknown): UsageError {
  try {
    parse();
  } catch (err: unknown) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('deploy and destroy arguments', () => {
  it('deploys every part in order when no part is given', () => {
    expect(parseDeployArgs([]).parts).toEqual([5, 6, 7, 8]);
  });

  it('deploys only the part asked for', () => {
    expect(parseDeployArgs(['--part', '6'])).toMatchObject({ parts: [6], yes: false });
  });

  it('destroys every part newest first', () => {
    expect(parseDestroyArgs(['--yes']).parts).toEqual([8, 7, 6, 5]);
  });

  it('passes --stage and --region on as configuration overrides', () => {
    expect(parseDeployArgs(['--stage', 'prod', '--region', 'eu-west-1']).overrides).toEqual({
      stage: 'prod',
      region: 'eu-west-1',
    });
  });

  it('rejects a part that does not exist, with the usage and exit code 2', () => {
    const err = usageErrorOf(() => parseDeployArgs(['--part', '9']));
    expect(err.message).toContain('--part must be one of 5|6|7|8');
    expect(err.message).toContain('Usage: pnpm tsx scripts/deploy.ts');
    expect(err.exitCode).toBe(2);
  });

  it('rejects an unknown flag', () => {
    expect(usageErrorOf(() => parseDestroyArgs(['--force'])).message).toContain("Unknown option '--force'");
  });
});

describe('aurora arguments', () => {
  it('accepts each command', () => {
    for (const command of ['status', 'pause', 'resume', 'destroy', 'recreate']) {
      expect(parseAuroraArgs([command]).command).toBe(command);
    }
  });

  it('asks which command when none is given', () => {
    expect(usageErrorOf(() => parseAuroraArgs([])).message).toMatch(/^Which command\?/);
  });

  it('rejects an unknown command', () => {
    expect(usageErrorOf(() => parseAuroraArgs(['stop'])).message).toContain('Unknown command "stop"');
  });

  it('reads --yes for destroy', () => {
    expect(parseAuroraArgs(['destroy', '--yes'])).toMatchObject({ command: 'destroy', yes: true });
  });
});
