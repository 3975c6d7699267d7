import { beforeAll, describe, expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS } from '../../src/constructs/edge-waf.ts';
import {
  ALL_VIEWER_EXCEPT_HOST_POLICY_ID,
  CACHING_DISABLED_POLICY_ID,
  CACHING_OPTIMIZED_POLICY_ID,
  ORIGIN_SECRET_HEADER,
} from '../../src/constructs/spa-site.ts';
import {
  type FoundResource,
  list,
  only,
  ref,
  resources,
  type StackJson,
  statementsOf,
  synthAll,
  TEST_ENV,
} from '../synth-helpers.ts';

let stack: StackJson;
let distribution: Record<string, unknown>;

beforeAll(() => {
  stack = synthAll().stacks['api-frontend'];
  distribution = only(stack, 'aws_cloudfront_distribution');
});

const api = () => only(stack, 'aws_lambda_function');
const apiBehaviour = () =>
  (distribution.ordered_cache_behavior as Record<string, unknown>[]).find(
    (b) => b.path_pattern === '/api/*',
  ) as Record<string, unknown>;
const variables = () => (api().environment as { variables: Record<string, string> }).variables;
const CLOUDFRONT_ORIGIN = /^https:\/\/\$\{aws_cloudfront_distribution\.site_cdn_\w+\.domain_name}$/;

describe('the API (Part 7)', () => {
  it('runs the API Lambda on Node.js 22 arm64 with 30 s and 512 MB', () => {
    expect(api()).toMatchObject({
      function_name: 'alex-test-api',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      timeout: 30,
      memory_size: 512,
    });
  });

  it('has no CORS in a deployed stage unless dev origins are asked for: the browser calls its own origin', () => {
    expect(only(stack, 'aws_apigatewayv2_api').cors_configuration).toBeUndefined();
    expect(variables().CORS_ORIGINS).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(variables().CLERK_AUTHORIZED_PARTIES).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('allows exactly the dev origins asked for, with the methods and headers the SPA sends', () => {
    const dev = synthAll({ ...TEST_ENV, ALEX_DEV_ORIGINS: 'http://localhost:5173' }).stacks['api-frontend'];
    const devCors = only(dev, 'aws_apigatewayv2_api').cors_configuration as Record<string, string[]>;
    expect(devCors).toMatchObject({
      allow_origins: ['http://localhost:5173'],
      allow_methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allow_headers: ['authorization', 'content-type'],
      expose_headers: ['x-job-id', 'retry-after'],
    });
  });

  it('tells the API the same origins for CORS and for Clerk authorized parties', () => {
    expect(variables().CORS_ORIGINS).toBe(variables().CLERK_AUTHORIZED_PARTIES);
    expect(variables().CORS_ORIGINS?.split(',')[0]).toMatch(CLOUDFRONT_ORIGIN);
  });

  it('passes Clerk, queue and database settings through the variable names the API reads', () => {
    expect(variables()).toMatchObject({
      CLERK_ISSUER: 'https://happy-cat-1.clerk.accounts.dev',
      CLERK_JWKS_URL: 'https://happy-cat-1.clerk.accounts.dev/.well-known/jwks.json',
      SQS_QUEUE_URL: ref('data.terraform_remote_state.stack-agents.outputs.queue_url'),
      AURORA_DATABASE: 'alex',
      CLERK_WEBHOOK_SECRET_ARN: expect.stringMatching(/aws_secretsmanager_secret\.clerk-webhook\.arn/),
    });
  });

  it('lets the API send to the analysis queue and nothing else of SQS', () => {
    const statements = statementsOf(only(stack, 'aws_iam_role_policy').policy);
    const sqs = statements.filter((s) => list(s.Action).some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      expect.objectContaining({
        Action: ['sqs:SendMessage'],
        Resource: [ref('data.terraform_remote_state.stack-agents.outputs.queue_arn')],
      }),
    ]);
  });

  it('throttles the stage with a rate and a burst limit', () => {
    expect(only(stack, 'aws_apigatewayv2_stage').default_route_settings).toMatchObject({
      throttling_rate_limit: 20,
      throttling_burst_limit: 40,
    });
  });

  it('lets only this API invoke the API Lambda', () => {
    expect(only(stack, 'aws_lambda_permission')).toMatchObject({
      principal: 'apigateway.amazonaws.com',
      source_arn: expect.stringMatching(/execution_arn}\/\*\/\*$/),
    });
  });
});

describe('the SPA bucket and CloudFront (Part 7)', () => {
  const spaBucketSetting = (type: string): Record<string, unknown> =>
    (resources(stack, type).find((r) => r.name.startsWith('site_')) as FoundResource).body;

  it('blocks every form of public access to the bucket', () => {
    expect(spaBucketSetting('aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('versions and encrypts the bucket', () => {
    expect(spaBucketSetting('aws_s3_bucket_versioning').versioning_configuration).toEqual({
      status: 'Enabled',
    });
    expect(spaBucketSetting('aws_s3_bucket_server_side_encryption_configuration')).toBeDefined();
  });

  it('lets only this distribution read objects, and only over TLS', () => {
    const statements = statementsOf(only(stack, 'aws_s3_bucket_policy').policy);
    const fromDistribution = {
      StringEquals: { 'AWS:SourceArn': expect.stringMatching(/aws_cloudfront_distribution\..*\.arn}$/) },
    };
    expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: ['s3:GetObject'],
        Condition: fromDistribution,
      }),
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: ['s3:ListBucket'],
        Condition: fromDistribution,
      }),
    ]);
    expect(statements.find((s) => s.Effect === 'Deny')).toMatchObject({
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('reaches the bucket through origin access control signed with SigV4', () => {
    expect(only(stack, 'aws_cloudfront_origin_access_control')).toMatchObject({
      origin_access_control_origin_type: 's3',
      signing_behavior: 'always',
      signing_protocol: 'sigv4',
    });
    const [origin] = distribution.origin as Record<string, unknown>[];
    expect(origin?.origin_access_control_id).toMatch(/aws_cloudfront_origin_access_control\./);
    expect(origin?.s3_origin_config).toBeUndefined();
  });

  it('redirects HTTP to HTTPS on the site and refuses plain HTTP for the API', () => {
    const behaviours = [
      distribution.default_cache_behavior,
      ...(distribution.ordered_cache_behavior as unknown[]),
    ] as Record<string, unknown>[];
    for (const behaviour of behaviours) {
      const expected = behaviour.path_pattern === '/api/*' ? 'https-only' : 'redirect-to-https';
      expect(behaviour.viewer_protocol_policy).toBe(expected);
    }
  });

  it('serves index.html at / and app.html for SPA routes through a viewer-request function on the site only', () => {
    expect(distribution.default_root_object).toBe('index.html');
    const fn = only(stack, 'aws_cloudfront_function');
    expect(fn).toMatchObject({ runtime: 'cloudfront-js-2.0', publish: true });
    const run = new Function(`${fn.code}; return handler;`)() as (e: unknown) => { uri: string };
    expect(run({ request: { uri: '/' } }).uri).toBe('/index.html');
    expect(run({ request: { uri: '/accounts/123' } }).uri).toBe('/app.html');
    expect(run({ request: { uri: '/assets/index-abc.js' } }).uri).toBe('/assets/index-abc.js');
    expect((distribution.default_cache_behavior as Record<string, unknown>).function_association).toEqual([
      { event_type: 'viewer-request', function_arn: expect.stringMatching(/aws_cloudfront_function\./) },
    ]);
    expect(apiBehaviour()).not.toHaveProperty('function_association');
  });

  it('remaps no error, so WAF blocks (403) and API errors (404) reach the client unchanged', () => {
    expect(distribution.custom_error_response ?? []).toEqual([]);
  });

  it('forwards /api/* to the HTTP API uncached, with every method, the viewer headers and the origin secret', () => {
    expect(apiBehaviour()).toMatchObject({
      allowed_methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
      cache_policy_id: CACHING_DISABLED_POLICY_ID,
      origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST_POLICY_ID,
    });
    const origin = (distribution.origin as Record<string, unknown>[]).find(
      (o) => o.origin_id === apiBehaviour().target_origin_id,
    );
    expect(origin?.domain_name).toMatch(
      /^\$\{aws_apigatewayv2_api\.http_api_\w+\.id}\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/,
    );
    expect(origin?.custom_origin_config).toMatchObject({ origin_protocol_policy: 'https-only' });
    expect(origin?.custom_header).toEqual([
      {
        name: ORIGIN_SECRET_HEADER,
        value: expect.stringMatching(
          /data\.aws_secretsmanager_secret_version\.origin-secret_current_\w+\.secret_string/,
        ),
      },
    ]);
  });

  it('gives the API the ARN of the origin secret and lets it read only that and the webhook secret', () => {
    expect(variables().ORIGIN_SECRET_ARN).toMatch(/aws_secretsmanager_secret\.origin-secret_\w+\.arn/);
    const statements = statementsOf(only(stack, 'aws_iam_role_policy').policy);
    const reads = statements.filter((s) => list(s.Action).includes('secretsmanager:GetSecretValue'));
    expect(reads.flatMap((s) => list(s.Resource)).some((r) => r.includes('origin-secret'))).toBe(true);
  });

  it('caches hashed assets with the long-lived policy and index.html not at all by default', () => {
    const assets = (distribution.ordered_cache_behavior as Record<string, unknown>[]).find(
      (b) => b.path_pattern === '/assets/*',
    );
    expect(assets).toMatchObject({ cache_policy_id: CACHING_OPTIMIZED_POLICY_ID });
    expect(only(stack, 'aws_cloudfront_cache_policy')).toMatchObject({ default_ttl: 0, min_ttl: 0 });
  });

  it('adds CSP, HSTS, frame and content-type headers to every response', () => {
    const headers = only(stack, 'aws_cloudfront_response_headers_policy').security_headers_config as Record<
      string,
      Record<string, unknown>
    >;
    expect(headers.content_security_policy?.content_security_policy).toMatch(
      /default-src 'self'.*frame-ancestors 'none'/,
    );
    expect(headers.content_security_policy?.content_security_policy).toContain(
      'https://happy-cat-1.clerk.accounts.dev',
    );
    expect(headers.strict_transport_security).toMatchObject({
      access_control_max_age_sec: 63_072_000,
      include_subdomains: true,
    });
    expect(headers.frame_options).toMatchObject({ frame_option: 'DENY' });
    expect(headers.content_type_options).toMatchObject({ override: true });
    for (const behaviour of [
      distribution.default_cache_behavior,
      ...(distribution.ordered_cache_behavior as unknown[]),
    ]) {
      expect((behaviour as Record<string, unknown>).response_headers_policy_id).toMatch(
        /response_headers_policy/,
      );
    }
  });
});

describe('the CloudFront WAF (Part 8, deployed with the distribution)', () => {
  const acl = () => only(stack, 'aws_wafv2_web_acl');
  const rules = () => acl().rule as { name: string; statement: Record<string, Record<string, unknown>> }[];

  it('attaches a CLOUDFRONT-scoped web ACL in us-east-1 to the distribution', () => {
    expect(acl()).toMatchObject({ scope: 'CLOUDFRONT', region: 'us-east-1' });
    expect(distribution.web_acl_id).toMatch(/^\$\{aws_wafv2_web_acl\.waf_acl_\w+\.arn}$/);
  });

  it('applies the AWS managed rule groups for common exploits and XSS, SQL injection and bad inputs', () => {
    const managed = rules().flatMap((rule) => {
      const statement = rule.statement.managed_rule_group_statement;
      return statement === undefined ? [] : [`${statement.vendor_name}/${statement.name}`];
    });
    expect(managed).toEqual(MANAGED_RULE_GROUPS.map((group) => `AWS/${group}`));
  });

  it('blocks an IP that sends more than the configured requests per minute', () => {
    const rate = rules().find((rule) => rule.statement.rate_based_statement !== undefined);
    expect(rate?.statement.rate_based_statement).toEqual({
      aggregate_key_type: 'IP',
      limit: 100,
      evaluation_window_sec: 60,
    });
    expect(rate).toMatchObject({ action: { block: { custom_response: { response_code: 429 } } } });
  });

  it('rate-limits API calls too: the ACL guards the distribution that serves /api/*, with no scope-down', () => {
    const rate = rules().find((rule) => rule.statement.rate_based_statement !== undefined);
    expect(rate?.statement.rate_based_statement).not.toHaveProperty('scope_down_statement');
    expect(distribution.web_acl_id).toMatch(/aws_wafv2_web_acl\./);
    expect(apiBehaviour()).toBeDefined();
  });
});

describe('with a custom domain', () => {
  it('adds the domain as an alias with its certificate, and to the authorized parties', () => {
    const custom = synthAll({
      ...TEST_ENV,
      ALEX_DOMAIN: 'alex.example.com',
      ALEX_CERTIFICATE_ARN: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    }).stacks['api-frontend'];
    const cdn = only(custom, 'aws_cloudfront_distribution');
    expect(cdn.aliases).toEqual(['alex.example.com']);
    expect(cdn.viewer_certificate).toMatchObject({
      ssl_support_method: 'sni-only',
      minimum_protocol_version: 'TLSv1.2_2021',
    });
    const env = (only(custom, 'aws_lambda_function').environment as { variables: Record<string, string> })
      .variables;
    expect(env.CLERK_AUTHORIZED_PARTIES).toContain('https://alex.example.com');
  });
});
