import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, run } from '@openai/agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../src/bedrock-model.ts';
import { type ConverseFake, startConverseFake } from '../src/converse-fake/index.ts';
import { modelConfigFromEnv } from '../src/model-config.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';

// The variables the AWS default chain reads; saved and restored so other files see the real environment.
const VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let fake: ConverseFake;
let dir: string;

beforeAll(async () => {
  fake = await startConverseFake({ writer: (turn) => defaultOfflineScript.next(turn) });
  dir = await mkdtemp(join(tmpdir(), 'alex-aws-'));
  await writeFile(
    join(dir, 'config'),
    '[profile alex-student]\nregion = us-east-1\naws_access_key_id = AKIAPROFILEEXAMPLE\naws_secret_access_key = profileSecret\n',
  );
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
    delete process.env[name];
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials-file');
  process.env.AWS_PROFILE = 'alex-student';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = fake.url;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Bedrock credentials and endpoint', () => {
  it('signs with the profile from AWS_CONFIG_FILE and calls the endpoint from AWS_ENDPOINT_URL_BEDROCK_RUNTIME', async () => {
    const config = modelConfigFromEnv({ ...process.env, ALEX_MODEL_PROVIDER: 'bedrock' });
    const agent = new Agent({
      name: 'Greeter',
      instructions: 'Say hello.',
      model: createModel(config, defaultOfflineScript),
    });

    const result = await run(agent, 'hello');

    expect(result.finalOutput).toContain('hello');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAPROFILEEXAMPLE\/\d{8}\/us-east-1\/bedrock\//,
    );
  });
});
