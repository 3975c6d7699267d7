import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import type { RetryPolicy } from '@alex/core';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { Model } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { bedrockRequestShape } from './bedrock-capabilities.ts';
import { BedrockErrorModel } from './bedrock-errors.ts';
import { shapeBedrockRequests } from './bedrock-request.ts';
import type { ModelConfig } from './model-config.ts';
import { RetryingModel } from './model-retry.ts';
import { OfflineModel, type OfflineScript } from './offline-model.ts';
import { turnOffOpenAiTraceExport } from './tracing.ts';

/** Static AWS credentials for Bedrock; omitted, the AWS default credential chain finds them. */
export interface BedrockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Knobs for tests and unusual deployments; production passes none. */
export interface CreateModelOptions {
  /** Overrides of the throttling retry policy (tests inject a zero-delay `sleep`). */
  retry?: Partial<RetryPolicy>;
  /** Another Bedrock runtime endpoint, e.g. a local server speaking the Converse API (wins over the config's). */
  bedrockBaseUrl?: string;
  bedrockCredentials?: BedrockCredentials;
}

/**
 * Claude on Bedrock through the AI SDK provider, wrapped for the Agents SDK by `aisdk()`. Credentials come
 * from the AWS default chain (env, profiles and SSO in AWS_CONFIG_FILE, container and instance roles);
 * each request is shaped to what the model accepts (bedrock-capabilities.ts); failures surface as
 * BedrockError naming the model, region and what to fix.
 */
export function createBedrockModel(
  config: Extract<ModelConfig, { provider: 'bedrock' }>,
  options: Omit<CreateModelOptions, 'retry'> = {},
): Model {
  const credentials = options.bedrockCredentials;
  const baseURL = options.bedrockBaseUrl ?? config.endpoint;
  const bedrock = createAmazonBedrock({
    region: config.region,
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(credentials === undefined
      ? { credentialProvider: fromNodeProviderChain() }
      : {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
        }),
  });
  const shaped = shapeBedrockRequests(bedrock(config.modelId), bedrockRequestShape(config.modelId));
  // AiSdkModel declares `rawUsage?: T | undefined`, which exactOptionalPropertyTypes rejects against Model.
  const model = aisdk(shaped) as unknown as Model;
  return new BedrockErrorModel(model, config.modelId, config.region);
}

/**
 * A Model for `new Agent({ model })`: Bedrock through `aisdk()`, or an OfflineModel running `offline`;
 * both retry transient errors (`isModelRetryable`) with exponential backoff and jitter. Until configureTracing runs, the SDK's
 * default trace export to OpenAI is switched off.
 */
export function createModel(
  config: ModelConfig,
  offline: OfflineScript,
  options: CreateModelOptions = {},
): Model {
  turnOffOpenAiTraceExport();
  const inner =
    config.provider === 'bedrock' ? createBedrockModel(config, options) : new OfflineModel(offline);
  return new RetryingModel(inner, options.retry);
}
