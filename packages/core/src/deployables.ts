/**
 * The agents the planner invokes, in the order it calls them. Written once: infra, the package
 * script, the dev pipeline, run-agent, the job schema and the planner's registry all read it.
 */
export const AGENT_NAMES = ['tagger', 'reporter', 'charter', 'retirement'] as const;
/** An agent the planner invokes. */
export type AgentName = (typeof AGENT_NAMES)[number];

/**
 * Every Lambda the project deploys (one zip each in dist/lambdas): the planner, its agents, the API,
 * and the daily price update.
 */
export const LAMBDA_NAMES = ['planner', ...AGENT_NAMES, 'api', 'prices'] as const;
/** A deployable service name. */
export type LambdaName = (typeof LAMBDA_NAMES)[number];

/**
 * The environment variables infra sets on the Lambdas and the services read. Infra writes its
 * `environment` blocks with these keys, so a renamed variable fails to compile on one side or the other.
 */
export const ENV = {
  AURORA_CLUSTER_ARN: 'AURORA_CLUSTER_ARN',
  AURORA_SECRET_ARN: 'AURORA_SECRET_ARN',
  AURORA_DATABASE: 'AURORA_DATABASE',
  BEDROCK_MODEL_ID: 'BEDROCK_MODEL_ID',
  BEDROCK_REGION: 'BEDROCK_REGION',
  LANGFUSE_SECRET_ARN: 'LANGFUSE_SECRET_ARN',
  VECTOR_BUCKET: 'VECTOR_BUCKET',
  VECTOR_INDEX: 'VECTOR_INDEX',
  SAGEMAKER_ENDPOINT: 'SAGEMAKER_ENDPOINT',
  SQS_QUEUE_URL: 'SQS_QUEUE_URL',
  CLERK_ISSUER: 'CLERK_ISSUER',
  CLERK_JWKS_URL: 'CLERK_JWKS_URL',
  CLERK_AUTHORIZED_PARTIES: 'CLERK_AUTHORIZED_PARTIES',
  CORS_ORIGINS: 'CORS_ORIGINS',
  CLERK_WEBHOOK_SECRET_ARN: 'CLERK_WEBHOOK_SECRET_ARN',
  ORIGIN_SECRET_ARN: 'ORIGIN_SECRET_ARN',
  POLYGON_SECRET_ARN: 'POLYGON_SECRET_ARN',
  STALE_JOB_SECONDS: 'STALE_JOB_SECONDS',
  LOG_LEVEL: 'LOG_LEVEL',
  ALEX_STAGE: 'ALEX_STAGE',
} as const;

/** The variable holding each agent's Lambda function name (set on the planner). */
export const AGENT_FUNCTION_VARIABLES = {
  tagger: 'TAGGER_FUNCTION',
  reporter: 'REPORTER_FUNCTION',
  charter: 'CHARTER_FUNCTION',
  retirement: 'RETIREMENT_FUNCTION',
} as const satisfies Record<AgentName, string>;
