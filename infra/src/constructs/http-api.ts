import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { resourceName } from '../naming.ts';

/** What the HTTP API needs: the exact browser origins allowed to call it cross-origin (local development). */
export interface HttpApiProps {
  readonly config: Config;
  readonly allowedOrigins: readonly string[];
}

/**
 * API Gateway HTTP API in front of the API Lambda. CORS names each allowed origin (never `*`) and
 * API Gateway answers preflight itself; the stage throttles (rate and burst) and writes access logs.
 * JWTs are checked in the Lambda with jose, so the route has no authorizer. Browsers reach it through
 * CloudFront (`/api/*`, same origin), so CORS lists only the local development origins, if any;
 * the function is attached with {@link HttpApi.routeTo}, since it needs CloudFront's host name,
 * which needs this API's.
 */
export class HttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;
  readonly region: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { config } = props;
    this.region = config.region;
    if (props.allowedOrigins.some((origin) => origin.includes('*'))) {
      throw new Error('CORS origins must be exact origins, never a wildcard');
    }

    this.api = new Apigatewayv2Api(this, 'api', {
      name: resourceName(config, 'api'),
      protocolType: 'HTTP',
      ...(props.allowedOrigins.length === 0
        ? {}
        : {
            corsConfiguration: {
              allowOrigins: [...props.allowedOrigins],
              allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
              allowHeaders: ['authorization', 'content-type'],
              exposeHeaders: ['x-job-id', 'retry-after'],
              maxAge: 300,
              allowCredentials: false,
            },
          }),
    });

    const accessLogs = new CloudwatchLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${resourceName(config, 'api')}`,
      retentionInDays: config.logRetentionDays,
    });

    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      defaultRouteSettings: {
        throttlingRateLimit: config.apiRateLimit,
        throttlingBurstLimit: config.apiBurstLimit,
      },
      accessLogSettings: {
        destinationArn: accessLogs.arn,
        format: JSON.stringify({
          requestId: '$context.requestId',
          ip: '$context.identity.sourceIp',
          method: '$context.httpMethod',
          path: '$context.path',
          status: '$context.status',
          latencyMs: '$context.responseLatency',
          integrationError: '$context.integrationErrorMessage',
        }),
      },
    });
  }

  /** The API's host name, for CloudFront's origin (`<id>.execute-api.<region>.amazonaws.com`). */
  get domainName(): string {
    return `${this.api.id}.execute-api.${this.region}.amazonaws.com`;
  }

  /** Sends every route to `handler` and lets only this API invoke it. */
  routeTo(handler: LambdaFunction): void {
    const integration = new Apigatewayv2Integration(this, 'lambda', {
      apiId: this.api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: handler.invokeArn,
      payloadFormatVersion: '2.0',
      timeoutMilliseconds: 29_000,
    });
    new Apigatewayv2Route(this, 'default-route', {
      apiId: this.api.id,
      routeKey: '$default',
      target: `integrations/${integration.id}`,
    });
    new LambdaPermission(this, 'invoke', {
      statementId: 'AllowApiGatewayInvoke',
      action: 'lambda:InvokeFunction',
      functionName: handler.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${this.api.executionArn}/*/*`,
    });
  }
}
