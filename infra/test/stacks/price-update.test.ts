import { beforeAll, describe, expect, it } from 'vitest';
import { PRICE_SCHEDULE } from '../../src/constructs/price-update.ts';
import { list, only, ref, resources, type StackJson, statementsOf, synthAll } from '../synth-helpers.ts';

let agents: StackJson;

beforeAll(() => {
  agents = synthAll().stacks.agents;
});

/** `${type.name.attribute}` of the one resource of `type` whose body matches. */
function refTo(type: string, match: (body: Record<string, unknown>) => boolean, attribute: string): string {
  const found = resources(agents, type).filter((r) => match(r.body));
  if (found.length !== 1) throw new Error(`expected one matching ${type}, found ${found.length}`);
  return `\${${type}.${found[0]?.name}.${attribute}}`;
}

const pricesFn = () => {
  const found = resources(agents, 'aws_lambda_function').find(
    (r) => r.body.function_name === 'alex-test-prices',
  );
  if (found === undefined) throw new Error('no prices function');
  return found;
};
const isPolygonSecret = (body: Record<string, unknown>) => body.name === 'alex-test/polygon';

describe('the daily price update (Part 6)', () => {
  it('deploys the prices Lambda with the database and the Polygon secret ARN, never a key', () => {
    const fn = pricesFn().body;
    expect(fn).toMatchObject({
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      filename: '/nonexistent/dist/lambdas/prices.zip',
      timeout: 120,
    });
    const variables = (fn.environment as { variables: Record<string, string> }).variables;
    expect(variables).toMatchObject({
      POLYGON_SECRET_ARN: refTo('aws_secretsmanager_secret', isPolygonSecret, 'arn'),
      AURORA_DATABASE: 'alex',
    });
    expect(variables.AURORA_CLUSTER_ARN).toBeDefined();
    expect(Object.keys(variables).filter((k) => k === 'POLYGON_API_KEY')).toEqual([]);
  });

  it('creates the key secret empty, and Terraform never reverts the key put in it', () => {
    const secretId = refTo('aws_secretsmanager_secret', isPolygonSecret, 'id');
    const version = resources(agents, 'aws_secretsmanager_secret_version').find(
      (r) => r.body.secret_id === secretId,
    );
    expect(JSON.parse(String(version?.body.secret_string))).toEqual({ POLYGON_API_KEY: '' });
    expect(version?.body.lifecycle).toEqual({ ignore_changes: ['secret_string'] });
  });

  it('lets the Lambda read only its own secrets and use the Data API, nothing else', () => {
    const fnRole = String(pricesFn().body.role).replace(/\.arn}$/, '.id}');
    const policy = resources(agents, 'aws_iam_role_policy').find((r) => r.body.role === fnRole);
    const statements = statementsOf(policy?.body.policy);
    const secretReads = statements
      .filter((s) => list(s.Action).includes('secretsmanager:GetSecretValue'))
      .flatMap((s) => list(s.Resource));
    expect(secretReads).toContain(refTo('aws_secretsmanager_secret', isPolygonSecret, 'arn'));
    expect(secretReads).not.toContain(ref('aws_secretsmanager_secret.langfuse.arn'));
    const actions = statements.flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.startsWith('bedrock:') || a.startsWith('lambda:'))).toEqual([]);
    expect(actions).toContain('rds-data:ExecuteStatement');
  });

  it('runs it once a day from an EventBridge rule allowed to invoke it', () => {
    const rule = only(agents, 'aws_cloudwatch_event_rule');
    expect(rule).toMatchObject({ name: 'alex-test-daily-prices', schedule_expression: PRICE_SCHEDULE });
    expect(PRICE_SCHEDULE).toBe('cron(0 6 * * ? *)');
    const ruleName = refTo('aws_cloudwatch_event_rule', () => true, 'name');
    const ruleArn = refTo('aws_cloudwatch_event_rule', () => true, 'arn');
    const fnRef = `\${aws_lambda_function.${pricesFn().name}`;
    expect(only(agents, 'aws_cloudwatch_event_target')).toMatchObject({
      rule: ruleName,
      arn: `${fnRef}.arn}`,
    });
    expect(only(agents, 'aws_lambda_permission')).toMatchObject({
      action: 'lambda:InvokeFunction',
      principal: 'events.amazonaws.com',
      function_name: `${fnRef}.function_name}`,
      source_arn: ruleArn,
    });
  });
});
