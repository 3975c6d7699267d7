/** Test kit for code that synthesises the stacks: a student's typical deployment settings. Tests only. */
export const TEST_ENV = {
  ALEX_STAGE: 'test',
  AWS_REGION: 'eu-west-2',
  BEDROCK_REGION: 'us-east-1',
  ALEX_OWNER: 'ada',
  ALEX_BUDGET_EMAIL: 'ada@example.com',
  CLERK_ISSUER: 'https://happy-cat-1.clerk.accounts.dev',
  ALEX_LAMBDA_DIST_DIR: '/nonexistent/dist/lambdas',
  ALEX_STATE_DIR: '/tmp/alex-test-state',
};
