import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import type { OfflineScript } from '@alex/agents';
import { type ConverseFake, startConverseFake } from '@alex/agents/converse-fake';
import { charterOfflineScript } from '@alex/charter';
import { reportWriterScript } from '@alex/reporter';
import { retirementScript } from '@alex/retirement';
import { taggerOfflineScript } from '@alex/tagger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';

const run = promisify(execFile);
const SCRIPTS: Record<string, OfflineScript> = {
  lookup_reference_data: taggerOfflineScript,
  get_portfolio_analysis: reportWriterScript,
  get_chart_data: charterOfflineScript,
  run_monte_carlo: retirementScript,
};

/** Runs the smoke script against `endpoint` (never real Bedrock: there is no network in tests). */
async function smoke(endpoint: string, args: string[] = []) {
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDSMOKE',
    AWS_SECRET_ACCESS_KEY: 'smokeSecret',
    AWS_EC2_METADATA_DISABLED: 'true',
    BEDROCK_MODEL_ID: '',
    BEDROCK_REGION: '',
  };
  try {
    const { stdout } = await run('pnpm', ['exec', 'tsx', 'scripts/smoke-bedrock.ts', ...args], {
      cwd: REPO_ROOT,
      env,
    });
    return { code: 0, stdout };
  } catch (err: unknown) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
  }
}
const agentLines = (stdout: string) => stdout.split('\n').filter((l) => /^[✓✗] /.test(l));

describe('scripts/smoke-bedrock.ts', () => {
  let fake: ConverseFake;

  beforeAll(async () => {
    fake = await startConverseFake({
      agentOf: (turn) => turn.tools.find((tool) => tool in SCRIPTS) ?? 'unknown',
      writer: (turn, agent) => {
        const script = SCRIPTS[agent];
        if (script === undefined) throw new Error(`no script for ${agent}`);
        return script.next(turn);
      },
    });
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('runs each agent once on the model and region given, printing ok, latency and tokens per agent', async () => {
    const model = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';

    const { code, stdout } = await smoke(fake.url, ['--model', model, '--region', 'us-west-2']);

    expect(stdout).toContain(`Bedrock smoke test: ${model} in us-west-2 (${fake.url})`);
    const lines = agentLines(stdout);
    expect(lines.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['✓', 'tagger', 'ok'],
      ['✓', 'reporter', 'ok'],
      ['✓', 'charter', 'ok'],
      ['✓', 'retirement', 'ok'],
    ]);
    for (const l of lines)
      expect(l).toMatch(/\d+\.\d s +[1-9]\d* in \/ +[1-9]\d* out tokens +[1-9]\d* answers$/);
    expect(new Set(fake.calls.map((c) => c.modelId))).toEqual(new Set([model]));
    expect(fake.calls[0]?.authorization).toMatch(/\/us-west-2\/bedrock\//);
    expect(code).toBe(0);
  });

  it('fails clearly when Bedrock is unreachable', async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    probe.close();
    await once(probe, 'close');

    const { code, stdout } = await smoke(`http://127.0.0.1:${port}`);

    const lines = agentLines(stdout);
    expect(lines).toHaveLength(4);
    for (const l of lines)
      expect(l).toMatch(/^✗ \w+ +failed .*Bedrock ConnectionError .*To fix: check the network/);
    expect(code).toBe(1);
  });
});
