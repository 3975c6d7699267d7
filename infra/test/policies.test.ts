import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTS } from '../src/parts.ts';
import { type StackJson, synthAll } from './synth-helpers.ts';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

const policy = (part: number): Statement[] =>
  (
    JSON.parse(readFileSync(new URL(`../policies/deploy-part-${part}.json`, import.meta.url), 'utf8')) as {
      Statement: Statement[];
    }
  ).Statement;
const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
/** IAM's matching: `*` any run of characters, `?` one, actions case-insensitive. */
const glob = (pattern: string, value: string, caseless = false) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    caseless ? 'i' : '',
  ).test(value);
const allows = (statements: Statement[], action: string, resource?: string) =>
  statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      list(s.Action).some((a) => glob(a, action, true)) &&
      (resource === undefined || list(s.Resource).some((r) => glob(r, resource))),
  );

/**
 * What terraform needs to create, read, update and delete each resource type (the AWS provider's
 * calls), plus what the part's scripts call. A resource type missing here fails the test: add it and
 * its actions to the part's policy.
 */
const ACTIONS: Record<string, string[]> = {
  aws_rds_cluster: [
    'rds:CreateDBCluster',
    'rds:DescribeDBClusters',
    'rds:ModifyDBCluster',
    'rds:DeleteDBCluster',
    'rds:AddTagsToResource',
    'rds:ListTagsForResource',
    'rds:EnableHttpEndpoint',
    'secretsmanager:CreateSecret',
    'kms:DescribeKey',
    'kms:CreateGrant',
  ],
  aws_rds_cluster_instance: [
    'rds:CreateDBInstance',
    'rds:DescribeDBInstances',
    'rds:ModifyDBInstance',
    'rds:DeleteDBInstance',
  ],
  aws_cloudwatch_log_group: [
    'logs:CreateLogGroup',
    'logs:DescribeLogGroups',
    'logs:PutRetentionPolicy',
    'logs:DeleteLogGroup',
    'logs:ListTagsForResource',
  ],
  aws_iam_role: [
    'iam:CreateRole',
    'iam:GetRole',
    'iam:DeleteRole',
    'iam:TagRole',
    'iam:ListRolePolicies',
    'iam:ListAttachedRolePolicies',
    'iam:ListInstanceProfilesForRole',
    'iam:PassRole',
  ],
  aws_iam_role_policy: ['iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy'],
  aws_lambda_function: [
    'lambda:CreateFunction',
    'lambda:GetFunction',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'lambda:DeleteFunction',
    'lambda:ListVersionsByFunction',
    'lambda:GetFunctionCodeSigningConfig',
    'lambda:TagResource',
  ],
  aws_lambda_event_source_mapping: [
    'lambda:CreateEventSourceMapping',
    'lambda:GetEventSourceMapping',
    'lambda:UpdateEventSourceMapping',
    'lambda:DeleteEventSourceMapping',
  ],
  aws_lambda_permission: ['lambda:AddPermission', 'lambda:GetPolicy', 'lambda:RemovePermission'],
  aws_cloudwatch_event_rule: [
    'events:PutRule',
    'events:DescribeRule',
    'events:DeleteRule',
    'events:ListTagsForResource',
    'events:TagResource',
  ],
  aws_cloudwatch_event_target: ['events:PutTargets', 'events:ListTargetsByRule', 'events:RemoveTargets'],
  aws_secretsmanager_secret: [
    'secretsmanager:CreateSecret',
    'secretsmanager:DescribeSecret',
    'secretsmanager:GetResourcePolicy',
    'secretsmanager:DeleteSecret',
    'secretsmanager:TagResource',
  ],
  aws_secretsmanager_secret_version: ['secretsmanager:PutSecretValue', 'secretsmanager:GetSecretValue'],
  aws_sqs_queue: [
    'sqs:CreateQueue',
    'sqs:GetQueueAttributes',
    'sqs:SetQueueAttributes',
    'sqs:DeleteQueue',
    'sqs:TagQueue',
    'sqs:ListQueueTags',
  ],
  aws_sqs_queue_redrive_allow_policy: ['sqs:SetQueueAttributes', 'sqs:GetQueueAttributes'],
  aws_apigatewayv2_api: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
  aws_apigatewayv2_integration: [
    'apigateway:POST',
    'apigateway:GET',
    'apigateway:PATCH',
    'apigateway:DELETE',
  ],
  aws_apigatewayv2_route: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
  aws_apigatewayv2_stage: [
    'apigateway:POST',
    'apigateway:GET',
    'apigateway:PATCH',
    'apigateway:DELETE',
    'logs:CreateLogDelivery',
  ],
  aws_cloudfront_cache_policy: [
    'cloudfront:CreateCachePolicy',
    'cloudfront:GetCachePolicy',
    'cloudfront:UpdateCachePolicy',
    'cloudfront:DeleteCachePolicy',
  ],
  aws_cloudfront_function: [
    'cloudfront:CreateFunction',
    'cloudfront:DescribeFunction',
    'cloudfront:PublishFunction',
    'cloudfront:UpdateFunction',
    'cloudfront:DeleteFunction',
  ],
  aws_cloudfront_distribution: [
    'cloudfront:CreateDistributionWithTags',
    'cloudfront:GetDistribution',
    'cloudfront:UpdateDistribution',
    'cloudfront:DeleteDistribution',
    'cloudfront:ListTagsForResource',
    'cloudfront:CreateInvalidation',
  ],
  aws_cloudfront_origin_access_control: [
    'cloudfront:CreateOriginAccessControl',
    'cloudfront:GetOriginAccessControl',
    'cloudfront:UpdateOriginAccessControl',
    'cloudfront:DeleteOriginAccessControl',
  ],
  aws_cloudfront_response_headers_policy: [
    'cloudfront:CreateResponseHeadersPolicy',
    'cloudfront:GetResponseHeadersPolicy',
    'cloudfront:UpdateResponseHeadersPolicy',
    'cloudfront:DeleteResponseHeadersPolicy',
  ],
  aws_wafv2_web_acl: [
    'wafv2:CreateWebACL',
    'wafv2:GetWebACL',
    'wafv2:UpdateWebACL',
    'wafv2:DeleteWebACL',
    'wafv2:ListTagsForResource',
  ],
  aws_s3_bucket: [
    's3:CreateBucket',
    's3:ListBucket',
    's3:GetBucketPolicy',
    's3:GetBucketAcl',
    's3:GetBucketCORS',
    's3:GetBucketWebsite',
    's3:GetBucketLogging',
    's3:GetAccelerateConfiguration',
    's3:GetReplicationConfiguration',
    's3:GetBucketTagging',
    's3:PutBucketTagging',
    's3:DeleteBucket',
    's3:ListBucketVersions',
    's3:DeleteObjectVersion',
  ],
  aws_s3_bucket_lifecycle_configuration: ['s3:PutLifecycleConfiguration', 's3:GetLifecycleConfiguration'],
  aws_s3_bucket_ownership_controls: ['s3:PutBucketOwnershipControls', 's3:GetBucketOwnershipControls'],
  aws_s3_bucket_policy: ['s3:PutBucketPolicy', 's3:GetBucketPolicy', 's3:DeleteBucketPolicy'],
  aws_s3_bucket_public_access_block: ['s3:PutBucketPublicAccessBlock', 's3:GetBucketPublicAccessBlock'],
  aws_s3_bucket_server_side_encryption_configuration: [
    's3:PutEncryptionConfiguration',
    's3:GetEncryptionConfiguration',
  ],
  aws_s3_bucket_versioning: ['s3:PutBucketVersioning', 's3:GetBucketVersioning'],
  aws_budgets_budget: ['budgets:ModifyBudget', 'budgets:ViewBudget'],
  aws_cloudtrail: [
    'cloudtrail:CreateTrail',
    'cloudtrail:GetTrail',
    'cloudtrail:DescribeTrails',
    'cloudtrail:GetTrailStatus',
    'cloudtrail:StartLogging',
    'cloudtrail:UpdateTrail',
    'cloudtrail:DeleteTrail',
    'cloudtrail:AddTags',
    'cloudtrail:ListTags',
    'cloudtrail:GetEventSelectors',
  ],
  aws_cloudwatch_dashboard: [
    'cloudwatch:PutDashboard',
    'cloudwatch:GetDashboard',
    'cloudwatch:DeleteDashboards',
  ],
  aws_cloudwatch_log_metric_filter: [
    'logs:PutMetricFilter',
    'logs:DescribeMetricFilters',
    'logs:DeleteMetricFilter',
  ],
  aws_cloudwatch_metric_alarm: [
    'cloudwatch:PutMetricAlarm',
    'cloudwatch:DescribeAlarms',
    'cloudwatch:DeleteAlarms',
    'cloudwatch:ListTagsForResource',
  ],
  aws_sns_topic: [
    'sns:CreateTopic',
    'sns:GetTopicAttributes',
    'sns:SetTopicAttributes',
    'sns:DeleteTopic',
    'sns:ListTagsForResource',
  ],
  aws_sns_topic_subscription: ['sns:Subscribe', 'sns:GetSubscriptionAttributes', 'sns:Unsubscribe'],
};

/** What each part's scripts call besides terraform (aurora.ts, reset-db on Aurora, run-analysis, deploy). */
const SCRIPT_ACTIONS: Record<number, string[]> = {
  5: [
    'rds:StopDBCluster',
    'rds:StartDBCluster',
    'cloudwatch:GetMetricData',
    'rds-data:ExecuteStatement',
    'rds-data:BeginTransaction',
    'rds-data:CommitTransaction',
    'secretsmanager:GetSecretValue',
  ],
  6: ['sqs:SendMessage', 'secretsmanager:PutSecretValue', 'logs:FilterLogEvents', 'lambda:InvokeFunction'],
  7: ['s3:PutObject', 'cloudfront:CreateInvalidation', 'secretsmanager:PutSecretValue'],
  8: [],
};

let stacks: Record<string, StackJson>;
beforeAll(() => {
  stacks = synthAll().stacks;
});

describe('infra/policies/deploy-part-<n>.json: what a student’s deploying user needs', () => {
  for (const { part, stack } of PARTS) {
    it(`part ${part} (${stack}): every resource type the stack creates is covered`, () => {
      const statements = policy(part);
      const types = Object.keys((stacks[stack] as { resource?: Record<string, unknown> }).resource ?? {});
      expect(types.length).toBeGreaterThan(0);
      const missing = types.flatMap((type) => {
        const needed = ACTIONS[type];
        if (needed === undefined) return [`${type}: not in this test's table`];
        return needed.filter((action) => !allows(statements, action)).map((action) => `${type}: ${action}`);
      });
      const scripts = (SCRIPT_ACTIONS[part] ?? []).filter((action) => !allows(statements, action));
      expect([...missing, ...scripts]).toEqual([]);
    });

    it(`part ${part}: least privilege, no action is "*" or a whole service`, () => {
      const actions = policy(part).flatMap((s) => list(s.Action));
      expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
      expect(policy(part).every((s) => s.Effect === 'Allow')).toBe(true);
    });
  }

  it('part 6 lets Claude be called through the us. inference profile and in each of its destination regions', () => {
    const statements = policy(6);
    const model = 'anthropic.claude-sonnet-4-20250514-v1:0';
    const profile = `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${model}`;
    expect(allows(statements, 'bedrock:InvokeModel', profile)).toBe(true);
    // The US profile routes each request to one of these regions, where the model itself is invoked.
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) {
      const foundation = `arn:aws:bedrock:${region}::foundation-model/${model}`;
      expect(allows(statements, 'bedrock:InvokeModel', foundation), region).toBe(true);
      expect(allows(statements, 'bedrock:InvokeModelWithResponseStream', foundation), region).toBe(true);
    }
    expect(
      allows(
        statements,
        'bedrock:InvokeModel',
        `arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0`,
      ),
    ).toBe(false);
  });

  it('scopes the part 6 and 7 roles, functions and secrets to alex-* names', () => {
    for (const part of [6, 7]) {
      expect(
        allows(policy(part), 'iam:PassRole', 'arn:aws:iam::123456789012:role/alex-test-planner-role'),
      ).toBe(true);
      expect(allows(policy(part), 'iam:PassRole', 'arn:aws:iam::123456789012:role/Admin')).toBe(false);
      expect(
        allows(policy(part), 'lambda:UpdateFunctionCode', 'arn:aws:lambda:us-east-1:1:function:other'),
      ).toBe(false);
    }
  });
});
