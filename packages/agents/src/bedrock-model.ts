import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import type { RetryPolicy } from '@alex/core';
import type { Model } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import type { ModelConfig } from './model-config.ts';
import { RetryingModel } from './model-retry.ts';
import { OfflineModel, type OfflineScript } from './offline-model.ts';
import { turnOffOpenAiTraceExport } from './tracing.ts';

/** Static AWS credentials for Bedrock; omitted, the provider reads AWS_ACCESS_KEY_ID and friends (as in Lambda). */
export interface BedrockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Knobs for tests and unusual deployments; production passes none. */
export interface CreateModelOptions {
  /** Overrides of the throttling retry policy (tests inject a zero-delay `sleep`). */
  retry?: Partial<RetryPolicy>;
  /** Another Bedrock runtime endpoint, e.g. a local server speaking the Converse API. */
  bedrockBaseUrl?: string;
  bedrockCredentials?: BedrockCredentials;
}

/** Claude on Bedrock through the AI SDK provider, wrapped for the Agents SDK by `aisdk()`. */
export function createBedrockModel(
  config: Extract<ModelConfig, { provider: 'bedrock' }>,
  options: Omit<CreateModelOptions, 'retry'> = {},
): Model {
  const credentials = options.bedrockCredentials;
  const bedrock = createAmazonBedrock({
    region: config.region,
    ...(options.bedrockBaseUrl === undefined ? {} : { baseURL: options.bedrockBaseUrl }),
    ...(credentials === undefined
      ? {}
      : {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
        }),
  });
  // AiSdkModel declares `rawUsage?: T | undefined`, which exactOptionalPropertyTypes rejects against Model.
  return aisdk(bedrock(config.modelId)) as unknown as Model;
}

/**
 * A Model for `new Agent({ model })`: Bedrock through `aisdk()`, or an OfflineModel running `offline`;
 * both retry throttling with exponential backoff and jitter. Until configureTracing runs, the SDK's
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
