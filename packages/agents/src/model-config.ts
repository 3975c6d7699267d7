import { EnvironmentError, envValue } from '@alex/core';

/** Which model the agents talk to: Claude on Bedrock, or the deterministic offline model. */
export type ModelConfig = { provider: 'bedrock'; modelId: string; region: string } | { provider: 'offline' };

/** Claude Sonnet 4 through its US cross-region inference profile. */
export const DEFAULT_BEDROCK_MODEL_ID = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

/** Raised when a model variable holds a value we cannot use; the message names the variable. */
export class ModelConfigError extends EnvironmentError {}

const PROVIDERS = ['bedrock', 'offline'] as const;
// Bedrock ids and inference profiles: "anthropic.claude-…", "us.anthropic.claude-…:0", or an ARN.
const MODEL_ID = /^(arn:aws[\w-]*:bedrock:[\w-]+:\d*:[\w/.:-]+|[a-z0-9-]+(\.[\w-]+)+(:[\w-]+)*)$/i;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

// An empty variable counts as unset: `envValue` from @alex/core is the one place that says so.
const read = envValue;

/**
 * Reads the model choice from the environment: ALEX_MODEL_PROVIDER=bedrock|offline (default bedrock
 * inside Lambda, offline elsewhere), BEDROCK_MODEL_ID, BEDROCK_REGION (default AWS_REGION, then us-east-1).
 */
export function modelConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ModelConfig {
  const chosen = read(env, 'ALEX_MODEL_PROVIDER')?.toLowerCase();
  if (chosen !== undefined && !(PROVIDERS as readonly string[]).includes(chosen)) {
    throw new ModelConfigError(
      'ALEX_MODEL_PROVIDER',
      `must be one of ${PROVIDERS.join(', ')}, got "${chosen}"`,
    );
  }
  const provider = chosen ?? (read(env, 'AWS_LAMBDA_FUNCTION_NAME') === undefined ? 'offline' : 'bedrock');
  if (provider === 'offline') return { provider: 'offline' };

  const modelId = read(env, 'BEDROCK_MODEL_ID') ?? DEFAULT_BEDROCK_MODEL_ID;
  if (!MODEL_ID.test(modelId)) {
    throw new ModelConfigError(
      'BEDROCK_MODEL_ID',
      `"${modelId}" is not a Bedrock model id or inference profile`,
    );
  }
  const regionVariable = read(env, 'BEDROCK_REGION') === undefined ? 'AWS_REGION' : 'BEDROCK_REGION';
  const region = read(env, 'BEDROCK_REGION') ?? read(env, 'AWS_REGION') ?? 'us-east-1';
  if (!REGION.test(region)) {
    throw new ModelConfigError(regionVariable, `"${region}" is not an AWS region`);
  }
  return { provider: 'bedrock', modelId, region };
}
