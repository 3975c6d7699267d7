import { AGENT_NAMES, LAMBDA_NAMES, type LambdaName } from '@alex/core';
import type { Config } from './config.ts';

/** The Lambdas of Part 6: the planner and the agents it invokes (the list is `AGENT_NAMES` in `@alex/core`). */
export const AGENTS = ['planner', ...AGENT_NAMES] as const;
/** Every Lambda the project deploys (one zip each in dist/lambdas). */
export const SERVICES = LAMBDA_NAMES;
/** A deployable service name. */
export type Service = LambdaName;

/** `alex-<stage>-<suffix>`: every named resource goes through here so names stay predictable. */
export function resourceName(config: Pick<Config, 'stage'>, suffix?: string): string {
  return suffix === undefined ? `alex-${config.stage}` : `alex-${config.stage}-${suffix}`;
}

/** Lambda function name of a service. */
export function functionName(config: Pick<Config, 'stage'>, service: Service): string {
  return resourceName(config, service);
}

/** CloudWatch log group a Lambda writes to. */
export function logGroupName(config: Pick<Config, 'stage'>, service: Service): string {
  return `/aws/lambda/${functionName(config, service)}`;
}

/** Aurora cluster identifier (also used by scripts/aurora.ts). */
export function clusterIdentifier(config: Pick<Config, 'stage'>): string {
  return resourceName(config, 'db');
}

/** Analysis queue and its dead-letter queue. */
export function queueNames(config: Pick<Config, 'stage'>): { queue: string; dlq: string } {
  return { queue: resourceName(config, 'analysis'), dlq: resourceName(config, 'analysis-dlq') };
}

/** The name of the Aurora database (fixed: the services' AURORA_DATABASE). */
export const DATABASE_NAME = 'alex';
