import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';
import { checkCommands, documentsToCheck, extractCommands, type HelpResult } from '../lib/guide-commands.ts';

const run = promisify(execFile);

/** Runs `tsx <script> --help` the way a reader would, with no AWS settings. */
async function help(script: string): Promise<HelpResult> {
  try {
    const { stdout, stderr } = await run('pnpm', ['exec', 'tsx', script, '--help'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ALEX_TARGET: 'local' },
    });
    return { exitCode: 0, output: `${stdout}${stderr}` };
  } catch (err: unknown) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const exists = (script: string) => existsSync(join(REPO_ROOT, script));
const guides = readdirSync(join(REPO_ROOT, 'guides')).filter((f) => f.endsWith('.md'));

describe('the commands the guides and READMEs name', () => {
  const commands = documentsToCheck(REPO_ROOT, guides).flatMap((d) => extractCommands(d.file, d.text));

  it('finds the commands of every guide', () => {
    for (const guide of guides)
      expect(
        commands.some((c) => c.where.startsWith(`guides/${guide}:`)),
        guide,
      ).toBe(true);
    expect(
      commands.some((c) => c.script === 'scripts/reset-db.ts' && c.flags.includes('--with-test-data')),
    ).toBe(true);
  });

  it('run existing scripts that accept every flag they are given', { timeout: 600_000 }, async () => {
    expect(await checkCommands(commands, exists, help)).toEqual([]);
  });

  it('fail the check when a guide names a flag its script lacks, or a script that is gone', {
    timeout: 600_000,
  }, async () => {
    const drifted = extractCommands(
      'guides/drifted.md',
      [
        '```bash',
        'pnpm tsx scripts/reset-db.ts --with-test-data --wipe-everything',
        'pnpm tsx scripts/aurora.ts destroy \\',
        '  --confirm --forcefully',
        'pnpm tsx scripts/teleport.ts --now',
        '```',
      ].join('\n'),
    );
    const problems = await checkCommands(drifted, exists, help);
    expect(problems).toEqual([
      'guides/drifted.md:2: scripts/reset-db.ts does not accept --wipe-everything (in `pnpm tsx scripts/reset-db.ts --with-test-data --wipe-everything`)',
      'guides/drifted.md:3: scripts/aurora.ts does not accept --forcefully (in `pnpm tsx scripts/aurora.ts destroy --confirm --forcefully`)',
      'guides/drifted.md:5: scripts/teleport.ts does not exist (in `pnpm tsx scripts/teleport.ts --now`)',
    ]);
  });
});
