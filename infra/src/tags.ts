import { Aspects, type IAspect, TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { Config } from './config.ts';

/** The cost allocation tags every resource carries (gameplan Part 8, cost controls). */
export function costTags(config: Pick<Config, 'stage' | 'owner'>): Record<string, string> {
  return { Project: 'alex', Environment: config.stage, Owner: config.owner };
}

/**
 * Resource types that have no `tags` argument in the AWS provider, so neither default_tags nor an
 * explicit map can reach them. Each is a child or an attachment of a tagged resource.
 */
export const UNTAGGABLE_RESOURCE_TYPES: ReadonlyMap<string, string> = new Map([
  ['aws_iam_role_policy', 'inline policy of a tagged role'],
  ['aws_lambda_permission', 'resource policy statement of a tagged function'],
  ['aws_cloudwatch_event_target', 'target of a tagged EventBridge rule'],
  ['aws_sqs_queue_redrive_allow_policy', 'attribute of the tagged DLQ'],
  ['aws_apigatewayv2_integration', 'part of the tagged HTTP API'],
  ['aws_apigatewayv2_route', 'part of the tagged HTTP API'],
  ['aws_s3_bucket_public_access_block', 'setting of a tagged bucket'],
  ['aws_s3_bucket_versioning', 'setting of a tagged bucket'],
  ['aws_s3_bucket_server_side_encryption_configuration', 'setting of a tagged bucket'],
  ['aws_s3_bucket_ownership_controls', 'setting of a tagged bucket'],
  ['aws_s3_bucket_lifecycle_configuration', 'setting of a tagged bucket'],
  ['aws_s3_bucket_policy', 'setting of a tagged bucket'],
  ['aws_cloudfront_origin_access_control', 'CloudFront OAC has no tags'],
  ['aws_cloudfront_cache_policy', 'CloudFront policies have no tags'],
  ['aws_cloudfront_function', 'CloudFront Functions have no tags'],
  ['aws_cloudfront_response_headers_policy', 'CloudFront policies have no tags'],
  ['aws_secretsmanager_secret_version', 'version of a tagged secret'],
  ['aws_sns_topic_subscription', 'subscription of a tagged topic'],
  ['aws_cloudwatch_log_metric_filter', 'filter on a tagged log group'],
  ['aws_cloudwatch_dashboard', 'CloudWatch dashboards have no tags'],
]);

/** Adds the cost tags explicitly to every resource that accepts tags (on top of provider default_tags). */
class CostTagAspect implements IAspect {
  constructor(private readonly tags: Record<string, string>) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !('tagsInput' in node)) return;
    const taggable = node as TerraformResource & {
      tagsInput?: Record<string, string>;
      tags: Record<string, string>;
    };
    taggable.tags = { ...this.tags, ...(taggable.tagsInput ?? {}) };
  }
}

/** Tag every taggable resource under `scope`. */
export function tagEverything(scope: IConstruct, config: Pick<Config, 'stage' | 'owner'>): void {
  Aspects.of(scope).add(new CostTagAspect(costTags(config)));
}
