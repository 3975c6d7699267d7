import { AGENT_FUNCTION_VARIABLES, AGENT_NAMES, ENV } from '@alex/core';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import type { Construct } from 'constructs';
import { bedrockAccess } from '../bedrock.ts';
import type { Config } from '../config.ts';
import { AnalysisQueue } from '../constructs/analysis-queue.ts';
import { NodeLambda } from '../constructs/node-lambda.ts';
import { PriceUpdate } from '../constructs/price-update.ts';
import { databaseAccess, type PolicyStatement, readSecrets } from '../iam.ts';
import { type AGENTS, DATABASE_NAME, functionName, resourceName } from '../naming.ts';
import { readStack } from '../state.ts';
import { AlexStack } from './alex-stack.ts';

type Agent = (typeof AGENTS)[number];

/**
 * What each agent may touch beyond the database and the Langfuse secret. The planner decides in
 * code which agents run, so it never calls Bedrock itself: it only invokes the others.
 */
export const AGENT_NEEDS: Readonly<Record<Agent, { bedrock: boolean; marketKnowledge: boolean }>> = {
  planner: { bedrock: false, marketKnowledge: false },
  tagger: { bedrock: true, marketKnowledge: false },
  reporter: { bedrock: true, marketKnowledge: true },
  charter: { bedrock: true, marketKnowledge: false },
  retirement: { bedrock: true, marketKnowledge: false },
};

/**
 * Part 6: the planner fed by SQS, the four agents it invokes, their roles, logs and secrets, and the
 * optional daily price update.
 */
export class AgentsStack extends AlexStack {
  constructor(scope: Construct, config: Config) {
    super(scope, 'agents', config);
    const database = readStack(this, config, 'database');
    const clusterArn = database.getString('cluster_arn');
    const secretArn = database.getString('secret_arn');
    const account = new DataAwsCallerIdentity(this, 'account').accountId;
    const partition = new DataAwsPartition(this, 'partition').partition;

    const langfuse = new SecretsmanagerSecret(this, 'langfuse', {
      name: `${resourceName(config)}/langfuse`,
      description:
        'LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_HOST for the agents (set with put-secret-value)',
      recoveryWindowInDays: 0,
    });
    new SecretsmanagerSecretVersion(this, 'langfuse-placeholder', {
      secretId: langfuse.id,
      // Empty keys mean "tracing off"; the real keys are put outside Terraform so they never sit in
      // the synthesised JSON, and ignore_changes keeps Terraform from reverting them.
      secretString: JSON.stringify({
        LANGFUSE_PUBLIC_KEY: '',
        LANGFUSE_SECRET_KEY: '',
        LANGFUSE_HOST: 'https://cloud.langfuse.com',
      }),
      lifecycle: { ignoreChanges: ['secret_string'] },
    });

    const queue = new AnalysisQueue(this, 'analysis', { config });

    const common = {
      [ENV.AURORA_CLUSTER_ARN]: clusterArn,
      [ENV.AURORA_SECRET_ARN]: secretArn,
      [ENV.AURORA_DATABASE]: DATABASE_NAME,
      [ENV.BEDROCK_MODEL_ID]: config.bedrockModelId,
      [ENV.BEDROCK_REGION]: config.bedrockRegion,
      [ENV.LANGFUSE_SECRET_ARN]: langfuse.arn,
    };
    const vectorBucket = config.vectorBucket ?? `alex-vectors-${account}`;
    const region = config.region;
    const statementsFor = (agent: Agent): PolicyStatement[] => {
      const needs = AGENT_NEEDS[agent];
      const statements = [
        ...databaseAccess(clusterArn, secretArn),
        readSecrets('LangfuseKeys', [langfuse.arn]),
      ];
      if (needs.bedrock) {
        statements.push(
          bedrockAccess({
            modelId: config.bedrockModelId,
            region: config.bedrockRegion,
            accountId: account,
            partition,
            profileRegions: config.bedrockProfileRegions,
          }),
        );
      }
      if (needs.marketKnowledge) {
        statements.push(
          {
            Sid: 'MarketKnowledgeIndex',
            Effect: 'Allow',
            Action: ['s3vectors:QueryVectors', 's3vectors:GetVectors'],
            Resource: [
              `arn:${partition}:s3vectors:${region}:${account}:bucket/${vectorBucket}/index/${config.vectorIndex}`,
            ],
          },
          {
            Sid: 'EmbeddingEndpoint',
            Effect: 'Allow',
            Action: ['sagemaker:InvokeEndpoint'],
            // SageMaker ARNs carry the endpoint name in lower case.
            Resource: [
              `arn:${partition}:sagemaker:${region}:${account}:endpoint/${config.sagemakerEndpoint.toLowerCase()}`,
            ],
          },
        );
      }
      return statements;
    };

    const workers = {
      tagger: new NodeLambda(this, 'tagger', {
        config,
        service: 'tagger',
        environment: common,
        statements: statementsFor('tagger'),
      }),
      reporter: new NodeLambda(this, 'reporter', {
        config,
        service: 'reporter',
        environment: {
          ...common,
          [ENV.VECTOR_BUCKET]: vectorBucket,
          [ENV.VECTOR_INDEX]: config.vectorIndex,
          [ENV.SAGEMAKER_ENDPOINT]: config.sagemakerEndpoint,
        },
        statements: statementsFor('reporter'),
      }),
      charter: new NodeLambda(this, 'charter', {
        config,
        service: 'charter',
        environment: common,
        statements: statementsFor('charter'),
      }),
      retirement: new NodeLambda(this, 'retirement', {
        config,
        service: 'retirement',
        environment: common,
        statements: statementsFor('retirement'),
      }),
    };

    const planner = new NodeLambda(this, 'planner', {
      config,
      service: 'planner',
      environment: {
        ...common,
        ...Object.fromEntries(
          AGENT_NAMES.map((agent) => [AGENT_FUNCTION_VARIABLES[agent], functionName(config, agent)]),
        ),
      },
      statements: [
        ...statementsFor('planner'),
        {
          Sid: 'InvokeAgents',
          Effect: 'Allow',
          Action: ['lambda:InvokeFunction'],
          Resource: Object.values(workers).map((worker) => worker.fn.arn),
        },
        {
          Sid: 'ConsumeAnalysisQueue',
          Effect: 'Allow',
          Action: [
            'sqs:ReceiveMessage',
            'sqs:DeleteMessage',
            'sqs:GetQueueAttributes',
            'sqs:ChangeMessageVisibility',
          ],
          Resource: [queue.queue.arn],
        },
      ],
    });

    new LambdaEventSourceMapping(this, 'planner-trigger', {
      functionName: planner.fn.arn,
      eventSourceArn: queue.queue.arn,
      batchSize: 1,
      // One failed job goes back to the queue (and, after 3 receives, to the DLQ) on its own.
      functionResponseTypes: ['ReportBatchItemFailures'],
      // Caps how many analyses run at once: Bedrock cost and quota stay bounded.
      scalingConfig: { maximumConcurrency: config.plannerMaxConcurrency },
    });

    const prices = new PriceUpdate(this, 'prices', { config, clusterArn, secretArn });

    this.output('queue_url', queue.queue.url, 'SQS_QUEUE_URL for the API');
    this.output('queue_arn', queue.queue.arn, 'the API may only SendMessage here');
    this.output('queue_name', queue.queue.name, 'analysis queue');
    this.output('dlq_name', queue.dlq.name, 'dead-letter queue (alarm when > 0)');
    this.output('dlq_url', queue.dlq.url, 'inspect or redrive failed jobs');
    this.output('langfuse_secret_arn', langfuse.arn, 'put the Langfuse keys here');
    this.output('planner_function_name', planner.fn.functionName, 'the orchestrator');
    this.output('polygon_secret_arn', prices.secret.arn, 'put the Polygon.io key here (optional)');
    this.output('prices_function_name', prices.lambda.fn.functionName, 'the daily price update');
  }
}
