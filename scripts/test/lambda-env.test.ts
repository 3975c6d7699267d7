import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentInvokerFromEnv, agentSettings, LambdaInvoker } from '@alex/agents';
import { apiEnv } from '@alex/api';
import { type Env, LAMBDA_NAMES, type LambdaName } from '@alex/core';
import { loadConfig, PARTS, stackJsonPath, synthesize } from '@alex/infra';
import { TEST_ENV as DEPLOY_ENV } from '@alex/infra/testing';
import { knowledgeFromEnv } from '@alex/knowledge';
import { plannerEnv } from '@alex/planner';
import { pricesHandlerDeps } from '@alex/prices';
import { reporterEnv } from '@alex/reporter';
import { describe, expect, it } from 'vitest';

/** What Terraform resolves at apply time (another stack's output, a new ARN), given a plausible value. */
function resolved(name: string, value: string): string {
  if (!/^\$\{[^}]*\}$/.test(value)) return value.replace(/\$\{[^}]*\}/g, 'd111111abcdef8.cloudfront.net');
  if (name.endsWith('_ARN')) return `arn:aws:service:eu-west-2:123456789012:resource:${name.toLowerCase()}`;
  if (name.endsWith('_URL')) return `https://sqs.eu-west-2.amazonaws.com/123456789012/${name.toLowerCase()}`;
  return `resolved-${name.toLowerCase()}`;
}

/** Each Lambda's environment as infra synthesises it, plus what the Lambda runtime adds. */
function lambdaEnvironments(): Map<LambdaName, Env> {
  const config = loadConfig(DEPLOY_ENV);
  const outdir = mkdtempSync(join(tmpdir(), 'alex-lambda-env-'));
  synthesize(config, outdir);
  const found = new Map<LambdaName, Env>();
  for (const { stack } of PARTS) {
    const json = JSON.parse(readFileSync(stackJsonPath(outdir, stack), 'utf8')) as {
      resource?: { aws_lambda_function?: Record<string, Record<string, unknown>> };
    };
    for (const fn of Object.values(json.resource?.aws_lambda_function ?? {})) {
      const name = String(fn.function_name);
      const service = LAMBDA_NAMES.find((s) => name === `alex-test-${s}`);
      if (service === undefined) throw new Error(`a Lambda infra deploys is not in LAMBDA_NAMES: ${name}`);
      const block = fn.environment as { variables?: Record<string, string> } | undefined;
      const variables = Object.entries(block?.variables ?? {}).map(([k, v]) => [k, resolved(k, v)]);
      found.set(service, {
        ...Object.fromEntries(variables),
        AWS_REGION: config.region,
        AWS_LAMBDA_FUNCTION_NAME: name,
      });
    }
  }
  return found;
}

describe('the environment infra gives each Lambda', () => {
  const environments = lambdaEnvironments();
  const envOf = (service: LambdaName): Env => {
    const env = environments.get(service);
    if (env === undefined) throw new Error(`infra deploys no ${service} Lambda`);
    return env;
  };

  it('covers every Lambda the project packages', () => {
    expect([...environments.keys()].sort()).toEqual([...LAMBDA_NAMES].sort());
  });

  it.each(['tagger', 'charter', 'retirement'] as const)(
    'parses with the %s reader: Aurora and Bedrock',
    (service) => {
      const settings = agentSettings(envOf(service));

      expect(settings.database.mode).toBe('aurora');
      expect(settings.model.provider).toBe('bedrock');
    },
  );

  it('parses with the reporter reader, market knowledge on S3 Vectors', () => {
    const settings = reporterEnv(envOf('reporter'));

    expect(settings.database.mode).toBe('aurora');
    expect(settings.model.provider).toBe('bedrock');
    expect(knowledgeFromEnv(settings.env, settings.knowledgeRoot).describe).toMatch(/^S3 Vectors index/);
  });

  it('parses with the planner reader, invoking every agent as a Lambda', () => {
    const settings = plannerEnv(envOf('planner'));

    expect(settings.database.mode).toBe('aurora');
    expect(agentInvokerFromEnv(settings.env)).toBeInstanceOf(LambdaInvoker);
  });

  it('parses with the API reader, on AWS rather than in local mode', () => {
    const settings = apiEnv(envOf('api'));

    expect(settings.database.mode).toBe('aurora');
    expect(settings.localMode).toBe(false);
    expect(settings.auth.issuer).toBe(DEPLOY_ENV.CLERK_ISSUER);
  });

  it('parses with the prices reader, the Polygon key in Secrets Manager', async () => {
    const env = envOf('prices');
    const seen: unknown[] = [];
    const secrets = {
      send: async (command: { input: unknown }) => {
        seen.push(command.input);
        return { SecretString: JSON.stringify({ POLYGON_API_KEY: '' }) };
      },
    };
    const deps = pricesHandlerDeps(env, { secrets: secrets as never });

    expect(env.AURORA_CLUSTER_ARN).toMatch(/^arn:/);
    await expect(deps.polygonKey()).resolves.toBeUndefined();
    expect(seen).toEqual([{ SecretId: env.POLYGON_SECRET_ARN }]);
    expect(env.POLYGON_SECRET_ARN).toMatch(/^arn:/);
  });
});
