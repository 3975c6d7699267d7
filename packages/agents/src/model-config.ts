import { EnvironmentError, envValue } from '@alex/core';

/** Which model the agents talk to: Claude on Bedrock, or the deterministic offline model. */
export type ModelConfig =
  | {
      provider: 'bedrock';
      modelId: string;
      region: string;
      /** Another Bedrock runtime endpoint (a local Converse server), from the standard AWS variables. */
      endpoint?: string;
    }
  | { provider: 'offline' };

/**
 * Claude Sonnet 4.6 through its US cross-region inference profile. Why this one (guide 6 says how to
 * change it): Anthropic retired Sonnet 4 on its API on 2026-06-15 and names Sonnet 4.6 as the upgrade;
 * Sonnet 4.5 retires 2026-11-30; Sonnet 4.6 is served by Converse with tool use and structured answers,
 * and bedrock-capabilities.ts records what its tool schemas may carry.
 */
export const DEFAULT_BEDROCK_MODEL_ID = 'us.anthropic.claude-sonnet-4-6';

/** The endpoint variables every AWS SDK client honours for Bedrock runtime, most specific first. */
export const BEDROCK_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'AWS_ENDPOINT_URL'] as const;

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
 * inside Lambda, offline elsewhere), BEDROCK_MODEL_ID, BEDROCK_REGION (default AWS_REGION, then us-east-1),
 * and the endpoint from AWS_ENDPOINT_URL_BEDROCK_RUNTIME, then AWS_ENDPOINT_URL (as every AWS SDK does).
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
  return { provider: 'bedrock', modelId, region, ...bedrockEndpoint(env) };
}

/** The first endpoint variable set, checked to be an http(s) URL. */
function bedrockEndpoint(env: Readonly<Record<string, string | undefined>>): { endpoint?: string } {
  for (const variable of BEDROCK_ENDPOINT_VARIABLES) {
    const value = read(env, variable);
    if (value === undefined) continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      throw new ModelConfigError(variable, `"${value}" is not an http(s) URL`);
    }
    return { endpoint: value.replace(/\/+$/, '') };
  }
  return {};
}
