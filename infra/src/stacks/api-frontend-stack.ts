import { ENV } from '@alex/core';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import type { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { EdgeWaf } from '../constructs/edge-waf.ts';
import { HttpApi } from '../constructs/http-api.ts';
import { NodeLambda } from '../constructs/node-lambda.ts';
import { OriginSecret } from '../constructs/origin-secret.ts';
import { SpaSite } from '../constructs/spa-site.ts';
import { databaseAccess, readSecrets } from '../iam.ts';
import { DATABASE_NAME, resourceName } from '../naming.ts';
import { readStack } from '../state.ts';
import { AlexStack } from './alex-stack.ts';

/**
 * Part 7: the API Lambda behind an HTTP API, and the SPA on S3 + CloudFront with its WAF. CloudFront
 * serves both: `/api/*` goes to the HTTP API with a secret header the API requires, so the WAF's
 * rate rule covers every API call. Clerk's authorized parties are exactly the CloudFront origin (plus
 * a custom domain and any dev origins asked for with `ALEX_DEV_ORIGINS`).
 */
export class ApiFrontendStack extends AlexStack {
  constructor(scope: Construct, config: Config) {
    super(scope, 'api-frontend', config);
    const database = readStack(this, config, 'database');
    const agents = readStack(this, config, 'agents');
    const clusterArn = database.getString('cluster_arn');
    const secretArn = database.getString('secret_arn');
    const accountId = new DataAwsCallerIdentity(this, 'account').accountId;

    // Browsers reach the API through CloudFront (same origin); CORS is for local development only.
    const devOrigins = [...config.devOrigins];
    const http = new HttpApi(this, 'http', { config, allowedOrigins: devOrigins });
    const originSecret = new OriginSecret(this, 'origin-secret', { config });

    const waf = new EdgeWaf(this, 'waf', { config });
    const site = new SpaSite(this, 'site', {
      config,
      accountId,
      webAclArn: waf.acl.arn,
      api: { domainName: http.domainName, originSecret: originSecret.value },
    });
    const siteOrigin = `https://${site.distribution.domainName}`;
    const origins = [
      siteOrigin,
      ...(config.domain === undefined ? [] : [`https://${config.domain}`]),
      ...devOrigins,
    ];

    const webhookSecret = new SecretsmanagerSecret(this, 'clerk-webhook', {
      name: `${resourceName(config)}/clerk-webhook`,
      description: 'Clerk webhook signing secret (svix), set with put-secret-value',
      recoveryWindowInDays: 0,
    });
    new SecretsmanagerSecretVersion(this, 'clerk-webhook-placeholder', {
      secretId: webhookSecret.id,
      secretString: JSON.stringify({ CLERK_WEBHOOK_SECRET: '' }),
      lifecycle: { ignoreChanges: ['secret_string'] },
    });

    const issuer = config.clerkIssuer ?? '';
    const api = new NodeLambda(this, 'api', {
      config,
      service: 'api',
      environment: {
        [ENV.AURORA_CLUSTER_ARN]: clusterArn,
        [ENV.AURORA_SECRET_ARN]: secretArn,
        [ENV.AURORA_DATABASE]: DATABASE_NAME,
        [ENV.SQS_QUEUE_URL]: agents.getString('queue_url'),
        [ENV.CLERK_ISSUER]: issuer,
        [ENV.CLERK_JWKS_URL]: config.clerkJwksUrl ?? (issuer === '' ? '' : `${issuer}/.well-known/jwks.json`),
        [ENV.CLERK_AUTHORIZED_PARTIES]: origins.join(','),
        [ENV.CORS_ORIGINS]: origins.join(','),
        [ENV.CLERK_WEBHOOK_SECRET_ARN]: webhookSecret.arn,
        [ENV.ORIGIN_SECRET_ARN]: originSecret.secret.arn,
      },
      statements: [
        ...databaseAccess(clusterArn, secretArn),
        readSecrets('ClerkWebhookSecret', [webhookSecret.arn]),
        readSecrets('OriginSecret', [originSecret.secret.arn]),
        {
          Sid: 'EnqueueAnalysis',
          Effect: 'Allow',
          Action: ['sqs:SendMessage'],
          Resource: [agents.getString('queue_arn')],
        },
      ],
    });

    http.routeTo(api.fn);

    this.output(
      'api_url',
      http.api.apiEndpoint,
      'the execute-api URL: refuses calls without the origin secret',
    );
    this.output('api_id', http.api.id, 'HTTP API id (dashboard and alarms)');
    this.output('frontend_bucket', site.bucket.bucket.bucket, 'deploy.ts uploads the SPA here');
    this.output('distribution_id', site.distribution.id, 'deploy.ts invalidates this distribution');
    this.output(
      'frontend_url',
      config.domain === undefined ? siteOrigin : `https://${config.domain}`,
      'the app',
    );
    this.output('cloudfront_domain', site.distribution.domainName, 'CloudFront host name');
    this.output('web_acl_name', waf.acl.name, 'CloudFront WAF (us-east-1)');
    this.output('clerk_webhook_secret_arn', webhookSecret.arn, 'put the Clerk webhook signing secret here');
  }
}
