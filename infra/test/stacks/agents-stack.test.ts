import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FoundResource,
  list,
  only,
  ref,
  resources,
  type StackJson,
  type Statement,
  statementsOf,
  synthAll,
  TEST_ENV,
} from '../synth-helpers.ts';

let agents: StackJson;

beforeAll(() => {
  agents = synthAll().stacks.agents;
});

const AGENTS = ['planner', 'tagger', 'reporter', 'charter', 'retirement'];

function fn(service: string): Record<string, unknown> {
  const found = resources(agents, 'aws_lambda_function').find(
    (r) => r.body.function_name === `alex-test-${service}`,
  );
  if (found === undefined) throw new Error(`no ${service} function`);
  return found.body;
}

/** The statements of the inline policy attached to the role a function runs as. */
function statementsFor(service: string): Statement[] {
  const roleRef = String(fn(service).role).replace(/\.arn}$/, '.id}');
  const policy = resources(agents, 'aws_iam_role_policy').find(
    (r) => r.body.role === roleRef,
  ) as FoundResource;
  return statementsOf(policy.body.policy);
}

function actionsOf(service: string): string[] {
  return statementsFor(service).flatMap((s) => list(s.Action));
}

function resourcesFor(service: string, action: string): string[] {
  return statementsFor(service)
    .filter((s) => list(s.Action).includes(action))
    .flatMap((s) => list(s.Resource));
}

/** The placeholder version of one secret, found by the secret's `id` reference. */
function secretVersion(secretIdRef: string): Record<string, unknown> {
  const found = resources(agents, 'aws_secretsmanager_secret_version').filter((r) =>
    String(r.body.secret_id).startsWith(`\${${secretIdRef.replace(/\.id$/, '')}`),
  );
  if (found.length !== 1) throw new Error(`expected one version of ${secretIdRef}, found ${found.length}`);
  return (found[0] as FoundResource).body;
}

describe('the agents stack (Part 6)', () => {
  it('deploys the five agents on Node.js 22 arm64 with the index.handler entry point', () => {
    for (const service of AGENTS) {
      expect(fn(service)).toMatchObject({
        runtime: 'nodejs22.x',
        architectures: ['arm64'],
        handler: 'index.handler',
        filename: `/nonexistent/dist/lambdas/${service}.zip`,
      });
    }
  });

  it('gives the planner 15 minutes and 2048 MB and the others 300 s and 1024 MB', () => {
    expect(fn('planner')).toMatchObject({ timeout: 900, memory_size: 2048 });
    for (const service of ['tagger', 'reporter', 'charter', 'retirement']) {
      expect(fn(service)).toMatchObject({ timeout: 300, memory_size: 1024 });
    }
  });

  it('gives every function its own role', () => {
    const roles = new Set(AGENTS.map((service) => fn(service).role));
    expect(roles.size).toBe(5);
    // …and the daily price update its own: five agents plus one.
    expect(resources(agents, 'aws_iam_role')).toHaveLength(6);
    expect(roles.has(fn('prices').role)).toBe(false);
  });

  it('creates each function its log group with a retention period', () => {
    const groups = resources(agents, 'aws_cloudwatch_log_group').map((g) => g.body);
    for (const service of AGENTS) {
      expect(groups).toContainEqual(
        expect.objectContaining({ name: `/aws/lambda/alex-test-${service}`, retention_in_days: 14 }),
      );
    }
  });

  it('lets each function write only to its own log group', () => {
    for (const service of AGENTS) {
      const logs = resourcesFor(service, 'logs:PutLogEvents');
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(
        new RegExp(`aws_cloudwatch_log_group\\.${service}_logs_\\w+\\.arn}:log-stream:\\*$`),
      );
    }
  });

  it('lets the planner invoke exactly the four other agents', () => {
    const targets = resourcesFor('planner', 'lambda:InvokeFunction');
    expect(targets).toHaveLength(4);
    for (const service of ['tagger', 'reporter', 'charter', 'retirement']) {
      expect(targets.some((arn) => arn.startsWith(`\${aws_lambda_function.${service}_function_`))).toBe(true);
    }
  });

  it('lets the planner consume its queue and nothing else of SQS', () => {
    const sqs = actionsOf('planner').filter((a) => a.startsWith('sqs:'));
    expect(sqs.sort()).toEqual(
      [
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:ReceiveMessage',
      ].sort(),
    );
    expect(resourcesFor('planner', 'sqs:ReceiveMessage')).toEqual([
      expect.stringMatching(/analysis_queue_\w+\.arn}$/),
    ]);
  });

  it('does not let the planner call Bedrock, S3 Vectors or SageMaker', () => {
    expect(actionsOf('planner').filter((a) => /^(bedrock|s3vectors|sagemaker):/.test(a))).toEqual([]);
  });

  it('lets the tagger, charter and retirement agents use the database and Bedrock only', () => {
    for (const service of ['tagger', 'charter', 'retirement']) {
      const services = new Set(actionsOf(service).map((a) => a.split(':')[0]));
      expect([...services].sort()).toEqual(['bedrock', 'logs', 'rds-data', 'secretsmanager']);
    }
  });

  it('lets the reporter query the market-knowledge index and the embedding endpoint', () => {
    expect(resourcesFor('reporter', 's3vectors:QueryVectors')).toEqual([
      expect.stringMatching(
        /^arn:.*:s3vectors:eu-west-2:.*:bucket\/alex-vectors-.*\/index\/financial-research$/,
      ),
    ]);
    expect(resourcesFor('reporter', 'sagemaker:InvokeEndpoint')).toEqual([
      expect.stringMatching(/:sagemaker:eu-west-2:.*:endpoint\/alex-embedding-endpoint$/),
    ]);
  });

  it('scopes the Data API to the cluster and the secret read to the database and Langfuse secrets', () => {
    for (const service of AGENTS) {
      expect(resourcesFor(service, 'rds-data:ExecuteStatement')).toEqual([
        ref('data.terraform_remote_state.stack-database.outputs.cluster_arn'),
      ]);
      expect(resourcesFor(service, 'secretsmanager:GetSecretValue').sort()).toEqual(
        [
          ref('aws_secretsmanager_secret.langfuse.arn'),
          ref('data.terraform_remote_state.stack-database.outputs.secret_arn'),
        ].sort(),
      );
    }
  });

  it('allows the cross-region inference profile and its foundation model in each of its regions', () => {
    const arns = resourcesFor('tagger', 'bedrock:InvokeModel');
    expect(arns).toContainEqual(
      expect.stringMatching(/:bedrock:us-east-1:.*:inference-profile\/us\.anthropic\.claude-sonnet-4-6$/),
    );
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) {
      expect(arns).toContain(
        `arn:${ref('data.aws_partition.partition.partition')}:bedrock:${region}::foundation-model/anthropic.claude-sonnet-4-6`,
      );
    }
  });

  it('passes the database, model and Langfuse secret ARN through the variable names the code reads', () => {
    const variables = (fn('tagger').environment as { variables: Record<string, string> }).variables;
    expect(Object.keys(variables).sort()).toEqual(
      [
        'ALEX_STAGE',
        'AURORA_CLUSTER_ARN',
        'AURORA_DATABASE',
        'AURORA_SECRET_ARN',
        'BEDROCK_MODEL_ID',
        'BEDROCK_REGION',
        'LANGFUSE_SECRET_ARN',
        'LOG_LEVEL',
      ].sort(),
    );
    expect(variables).toMatchObject({
      AURORA_DATABASE: 'alex',
      BEDROCK_MODEL_ID: 'us.anthropic.claude-sonnet-4-6',
    });
  });

  it('keeps the Langfuse keys out of environment variables and out of Terraform', () => {
    for (const service of AGENTS) {
      const variables = (fn(service).environment as { variables: Record<string, string> }).variables;
      expect(
        Object.keys(variables).filter((k) => k.startsWith('LANGFUSE_') && k !== 'LANGFUSE_SECRET_ARN'),
      ).toEqual([]);
    }
    const version = secretVersion('aws_secretsmanager_secret.langfuse.id');
    expect(JSON.parse(String(version.secret_string))).toMatchObject({
      LANGFUSE_PUBLIC_KEY: '',
      LANGFUSE_SECRET_KEY: '',
    });
    expect(version.lifecycle).toEqual({ ignore_changes: ['secret_string'] });
  });

  it('tells the planner the other agents by function name', () => {
    expect((fn('planner').environment as { variables: Record<string, string> }).variables).toMatchObject({
      TAGGER_FUNCTION: 'alex-test-tagger',
      REPORTER_FUNCTION: 'alex-test-reporter',
      CHARTER_FUNCTION: 'alex-test-charter',
      RETIREMENT_FUNCTION: 'alex-test-retirement',
    });
  });

  it('sets the queue visibility timeout longer than the planner timeout', () => {
    const queue = resources(agents, 'aws_sqs_queue').find(
      (q) => q.body.name === 'alex-test-analysis',
    ) as FoundResource;
    expect(Number(queue.body.visibility_timeout_seconds)).toBeGreaterThan(Number(fn('planner').timeout));
  });

  it('sends a message to the DLQ after three receives', () => {
    const queue = resources(agents, 'aws_sqs_queue').find(
      (q) => q.body.name === 'alex-test-analysis',
    ) as FoundResource;
    expect(JSON.parse(String(queue.body.redrive_policy))).toEqual({
      deadLetterTargetArn: expect.stringMatching(/analysis_dlq_\w+\.arn}$/),
      maxReceiveCount: 3,
    });
  });

  it('triggers the planner one message at a time and reports failures per item', () => {
    expect(only(agents, 'aws_lambda_event_source_mapping')).toMatchObject({
      batch_size: 1,
      function_response_types: ['ReportBatchItemFailures'],
      scaling_config: { maximum_concurrency: 2 },
    });
  });

  it('omits the code hash while the zips are not built, and hashes them once they are', () => {
    expect(fn('planner').source_code_hash).toBeUndefined();
    const dist = mkdtempSync(join(tmpdir(), 'alex-dist-'));
    writeFileSync(join(dist, 'planner.zip'), 'zip bytes');
    const built = synthAll({ ...TEST_ENV, ALEX_LAMBDA_DIST_DIR: dist }).stacks.agents;
    const planner = resources(built, 'aws_lambda_function').find(
      (r) => r.body.function_name === 'alex-test-planner',
    );
    expect(planner?.body.source_code_hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
