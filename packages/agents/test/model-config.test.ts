import { describe, expect, it } from 'vitest';
import { DEFAULT_BEDROCK_MODEL_ID, ModelConfigError, modelConfigFromEnv } from '../src/model-config.ts';

describe('modelConfigFromEnv', () => {
  it('uses the offline model outside Lambda when nothing is set', () => {
    expect(modelConfigFromEnv({})).toEqual({ provider: 'offline' });
  });

  it('uses Bedrock inside Lambda with the Claude Sonnet 4.6 inference profile and us-east-1', () => {
    expect(modelConfigFromEnv({ AWS_LAMBDA_FUNCTION_NAME: 'alex-reporter' })).toEqual({
      provider: 'bedrock',
      modelId: DEFAULT_BEDROCK_MODEL_ID,
      region: 'us-east-1',
    });
    expect(DEFAULT_BEDROCK_MODEL_ID).toBe('us.anthropic.claude-sonnet-4-6');
  });

  it('takes the endpoint from AWS_ENDPOINT_URL_BEDROCK_RUNTIME before AWS_ENDPOINT_URL', () => {
    const env = {
      ALEX_MODEL_PROVIDER: 'bedrock',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:8020/',
    };

    expect(modelConfigFromEnv(env)).toMatchObject({ endpoint: 'http://127.0.0.1:8020' });
    expect(modelConfigFromEnv({ ...env, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: '' })).toMatchObject({
      endpoint: 'http://127.0.0.1:4566',
    });
    expect(modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'bedrock' })).not.toHaveProperty('endpoint');
  });

  it('names the endpoint variable that holds something other than an http(s) URL', () => {
    expect(() =>
      modelConfigFromEnv({
        ALEX_MODEL_PROVIDER: 'bedrock',
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'localhost:8020',
      }),
    ).toThrow(/^AWS_ENDPOINT_URL_BEDROCK_RUNTIME: "localhost:8020" is not an http\(s\) URL/);
  });

  it('takes the region from BEDROCK_REGION before AWS_REGION', () => {
    const env = { ALEX_MODEL_PROVIDER: 'bedrock', AWS_REGION: 'eu-west-2', BEDROCK_REGION: 'us-west-2' };

    expect(modelConfigFromEnv(env)).toMatchObject({ region: 'us-west-2' });
    expect(modelConfigFromEnv({ ...env, BEDROCK_REGION: '' })).toMatchObject({ region: 'eu-west-2' });
  });

  it('lets ALEX_MODEL_PROVIDER choose offline even inside Lambda', () => {
    expect(modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'offline', AWS_LAMBDA_FUNCTION_NAME: 'x' })).toEqual({
      provider: 'offline',
    });
  });

  it('accepts a model id from BEDROCK_MODEL_ID', () => {
    const env = {
      ALEX_MODEL_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    };

    expect(modelConfigFromEnv(env)).toMatchObject({ modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0' });
  });

  it('names ALEX_MODEL_PROVIDER when it holds an unknown provider', () => {
    expect(() => modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'openai' })).toThrow(
      'ALEX_MODEL_PROVIDER: must be one of bedrock, offline, got "openai"',
    );
  });

  it('names BEDROCK_MODEL_ID when it is not a model id', () => {
    const error = (() => {
      try {
        modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: 'claude sonnet' });
      } catch (err: unknown) {
        return err;
      }
    })();

    expect(error).toBeInstanceOf(ModelConfigError);
    expect(error).toMatchObject({ variable: 'BEDROCK_MODEL_ID' });
  });

  it('names the variable the bad region came from', () => {
    expect(() => modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'bedrock', BEDROCK_REGION: 'mars' })).toThrow(
      /^BEDROCK_REGION:/,
    );
    expect(() => modelConfigFromEnv({ ALEX_MODEL_PROVIDER: 'bedrock', AWS_REGION: 'mars' })).toThrow(
      /^AWS_REGION:/,
    );
  });
});
