import { join } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { deploy } from '../../src/scripts/deploy.ts';
import { TerraformMissingError } from '../../src/scripts/terraform.ts';
import { FakeRunner, markDeployed, workspace, writeFile } from './fakes.ts';

const s3 = mockClient(S3Client);
const cloudfront = mockClient(CloudFrontClient);
const secrets = mockClient(SecretsManagerClient);

const EDGE_OUTPUTS = {
  api_url: 'https://abc.execute-api.us-east-1.amazonaws.com',
  frontend_bucket: 'alex-test-frontend-123',
  distribution_id: 'E123',
  frontend_url: 'https://d111.cloudfront.net',
};

beforeEach(() => {
  s3.reset();
  cloudfront.reset();
  secrets.reset();
  cloudfront.on(CreateInvalidationCommand).resolves({});
});

describe('deploy', () => {
  it('applies Part 5 in its stack directory and prints the ARNs for .env', async () => {
    const runner = new FakeRunner(['terraform'], {
      database: { cluster_arn: 'arn:cluster', secret_arn: 'arn:secret' },
    });
    const { ctx, lines } = workspace(runner);
    await deploy(['--part', '5'], ctx);
    expect(runner.terraformCalls()).toEqual([
      'database init -input=false',
      'database apply',
      'database output -json',
    ]);
    expect(lines).toContain('  AURORA_CLUSTER_ARN=arn:cluster');
  });

  it('stops before anything else when terraform is missing', async () => {
    const runner = new FakeRunner([]);
    await expect(deploy(['--part', '5'], workspace(runner).ctx)).rejects.toBeInstanceOf(
      TerraformMissingError,
    );
    expect(runner.calls).toEqual([]);
  });

  it('refuses Part 6 until the database stack is deployed', async () => {
    const runner = new FakeRunner();
    const { ctx, dist } = workspace(runner);
    for (const agent of ['planner', 'tagger', 'reporter', 'charter', 'retirement', 'prices'])
      writeFile(join(dist, `${agent}.zip`), 'z');
    await expect(deploy(['--part', '6'], ctx)).rejects.toThrow('deploy --part 5 first');
  });

  it('packages with pnpm run package when the script exists, then needs every agent zip', async () => {
    const runner = new FakeRunner();
    const { ctx, repo, stateDir } = workspace(runner);
    writeFile(join(repo, 'package.json'), JSON.stringify({ scripts: { package: 'tsx scripts/package.ts' } }));
    markDeployed(stateDir, 'database');
    await expect(deploy(['--part', '6'], ctx)).rejects.toThrow(
      /Missing Lambda bundles .*planner\.zip, tagger\.zip, reporter\.zip, charter\.zip, retirement\.zip, prices\.zip/,
    );
    expect(runner.calls[0]).toMatchObject({ command: 'pnpm', args: ['run', 'package'] });
  });

  it('deploys every part in order in one run, each after the stacks it reads', async () => {
    const runner = new FakeRunner(['terraform'], { 'api-frontend': EDGE_OUTPUTS });
    const { ctx, dist } = workspace(runner);
    for (const service of ['planner', 'tagger', 'reporter', 'charter', 'retirement', 'prices', 'api']) {
      writeFile(join(dist, `${service}.zip`), 'z');
    }
    await deploy(['--yes'], ctx);
    const applies = runner.terraformCalls().filter((call) => call.includes(' apply'));
    expect(applies).toEqual([
      'database apply -auto-approve',
      'agents apply -auto-approve',
      'api-frontend apply -auto-approve',
      'observability apply -auto-approve',
    ]);
  });

  it('applies with -auto-approve when given --yes', async () => {
    const runner = new FakeRunner();
    await deploy(['--part', '5', '--yes'], workspace(runner).ctx);
    expect(runner.terraformCalls()).toContain('database apply -auto-approve');
  });

  it('says so and skips the SPA when frontend/ does not exist yet', async () => {
    const runner = new FakeRunner(['terraform'], { 'api-frontend': EDGE_OUTPUTS });
    const { ctx, dist, stateDir, lines } = workspace(runner);
    writeFile(join(dist, 'api.zip'), 'z');
    markDeployed(stateDir, 'database');
    markDeployed(stateDir, 'agents');
    await deploy(['--part', '7'], ctx);
    expect(lines.some((line) => line.startsWith('frontend/package.json does not exist yet'))).toBe(true);
    expect(s3).not.toHaveReceivedCommand(PutObjectCommand);
  });

  it('builds the SPA against the deployed API, uploads it and invalidates CloudFront', async () => {
    const runner = new FakeRunner(['terraform'], { 'api-frontend': EDGE_OUTPUTS });
    const { ctx, dist, repo, stateDir } = workspace(runner);
    writeFile(join(dist, 'api.zip'), 'z');
    writeFile(join(repo, 'frontend', 'package.json'), '{}');
    writeFile(join(repo, 'frontend', 'dist', 'index.html'), '<!doctype html>');
    writeFile(join(repo, 'frontend', 'dist', 'assets', 'app-1a2b.js'), '');
    markDeployed(stateDir, 'database');
    markDeployed(stateDir, 'agents');
    await deploy(['--part', '7'], ctx);
    const build = runner.calls.find((c) => c.args.includes('build'));
    expect(build).toMatchObject({
      command: 'pnpm',
      args: ['--filter', './frontend', 'build'],
      options: { env: { VITE_API_URL: '', VITE_CLERK_PUBLISHABLE_KEY: 'pk_test_abc' } },
    });
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: 'alex-test-frontend-123',
      Key: 'index.html',
    });
    expect(cloudfront).toHaveReceivedCommandWith(CreateInvalidationCommand, { DistributionId: 'E123' });
  });

  it('asks for the Clerk settings before deploying Part 7', async () => {
    const { ctx } = workspace(new FakeRunner(), { CLERK_ISSUER: '', VITE_CLERK_PUBLISHABLE_KEY: '' });
    const withoutKey = { ...ctx, env: { ...ctx.env, VITE_CLERK_PUBLISHABLE_KEY: undefined } };
    await expect(deploy(['--part', '7'], withoutKey)).rejects.toThrow(
      /CLERK_ISSUER[\s\S]*VITE_CLERK_PUBLISHABLE_KEY/,
    );
  });

  it('asks for a budget alert target (email or SNS topic) before deploying Part 8', async () => {
    const { ctx } = workspace(new FakeRunner(), { ALEX_BUDGET_EMAIL: '' });
    await expect(deploy(['--part', '8'], ctx)).rejects.toThrow(
      /ALEX_BUDGET_EMAIL or ALEX_BUDGET_SNS_TOPIC_ARN/,
    );
  });

  it('stores the Langfuse keys from .env in the secret Part 6 created, never in Terraform', async () => {
    const runner = new FakeRunner(['terraform'], { agents: { langfuse_secret_arn: 'arn:langfuse' } });
    const { ctx, dist, stateDir } = workspace(runner, {
      LANGFUSE_PUBLIC_KEY: 'pk-lf-1',
      LANGFUSE_SECRET_KEY: 'sk-lf-1',
    });
    for (const agent of ['planner', 'tagger', 'reporter', 'charter', 'retirement', 'prices'])
      writeFile(join(dist, `${agent}.zip`), 'z');
    markDeployed(stateDir, 'database');
    await deploy(['--part', '6'], ctx);
    expect(secrets).toHaveReceivedCommandWith(PutSecretValueCommand, {
      SecretId: 'arn:langfuse',
      SecretString: JSON.stringify({
        LANGFUSE_PUBLIC_KEY: 'pk-lf-1',
        LANGFUSE_SECRET_KEY: 'sk-lf-1',
        LANGFUSE_HOST: 'https://cloud.langfuse.com',
      }),
    });
  });

  it('leaves the Langfuse secret alone when no keys are configured', async () => {
    const runner = new FakeRunner(['terraform'], { agents: { langfuse_secret_arn: 'arn:langfuse' } });
    const { ctx, dist, stateDir } = workspace(runner);
    for (const agent of ['planner', 'tagger', 'reporter', 'charter', 'retirement', 'prices'])
      writeFile(join(dist, `${agent}.zip`), 'z');
    markDeployed(stateDir, 'database');
    await deploy(['--part', '6'], ctx);
    expect(secrets).not.toHaveReceivedCommand(PutSecretValueCommand);
  });
});
