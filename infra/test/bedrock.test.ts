import { describe, expect, it } from 'vitest';
import { bedrockModelArns } from '../src/bedrock.ts';

const base = { region: 'us-east-1', accountId: '123456789012' };

describe('bedrockModelArns', () => {
  it('allows a us. inference profile and its model in each US region it routes to', () => {
    expect(bedrockModelArns({ ...base, modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0' })).toEqual([
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
      'arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
      'arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
      'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
    ]);
  });

  it('allows only the foundation model in the calling region for a plain model id', () => {
    expect(bedrockModelArns({ ...base, modelId: 'anthropic.claude-3-haiku-20240307-v1:0' })).toEqual([
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    ]);
  });

  it('uses the regions given in configuration instead of the built-in list', () => {
    const arns = bedrockModelArns({
      ...base,
      region: 'eu-west-1',
      modelId: 'eu.m-v1:0',
      profileRegions: ['eu-west-1'],
    });
    expect(arns).toEqual([
      'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.m-v1:0',
      'arn:aws:bedrock:eu-west-1::foundation-model/m-v1:0',
    ]);
  });

  it('allows a global profile’s model without a region', () => {
    expect(bedrockModelArns({ ...base, modelId: 'global.m-v1:0' })).toEqual([
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.m-v1:0',
      'arn:aws:bedrock:::foundation-model/m-v1:0',
    ]);
  });
});
