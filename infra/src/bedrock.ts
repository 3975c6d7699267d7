import type { PolicyStatement } from './iam.ts';

/**
 * Regions a cross-region inference profile may route to, by profile prefix. A `us.` model id is an
 * inference profile: invoking it needs the profile ARN in the calling region AND the foundation
 * model ARN in every region the profile can send the request to. Override with
 * BEDROCK_PROFILE_REGIONS when AWS adds regions to a profile.
 */
export const PROFILE_REGIONS: Readonly<Record<string, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'],
  apac: [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-4',
  ],
};

/** What the policy needs to know about the configured model. */
export interface BedrockModel {
  readonly modelId: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition?: string;
  readonly profileRegions?: readonly string[] | undefined;
}

/** The ARNs `bedrock:InvokeModel` must allow for the configured model id. */
export function bedrockModelArns(model: BedrockModel): string[] {
  const partition = model.partition ?? 'aws';
  const [prefix, ...rest] = model.modelId.split('.');
  const isProfile = prefix !== undefined && (prefix in PROFILE_REGIONS || prefix === 'global');
  if (!isProfile) {
    return [`arn:${partition}:bedrock:${model.region}::foundation-model/${model.modelId}`];
  }
  const foundationModel = rest.join('.');
  const profileArn = `arn:${partition}:bedrock:${model.region}:${model.accountId}:inference-profile/${model.modelId}`;
  if (prefix === 'global') {
    // Global profiles route to any commercial region; the model ARN then carries no region.
    return [profileArn, `arn:${partition}:bedrock:::foundation-model/${foundationModel}`];
  }
  const regions = model.profileRegions ?? PROFILE_REGIONS[prefix] ?? [model.region];
  return [
    profileArn,
    ...regions.map((region) => `arn:${partition}:bedrock:${region}::foundation-model/${foundationModel}`),
  ];
}

/** Allow invoking (and streaming from) the configured model, and nothing else. */
export function bedrockAccess(model: BedrockModel): PolicyStatement {
  return {
    Sid: 'BedrockModel',
    Effect: 'Allow',
    Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
    Resource: bedrockModelArns(model),
  };
}
