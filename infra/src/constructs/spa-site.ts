import { CloudfrontCachePolicy } from '@cdktf/provider-aws/lib/cloudfront-cache-policy';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontFunction } from '@cdktf/provider-aws/lib/cloudfront-function';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { contentSecurityPolicy } from '../csp.ts';
import { policyDocument } from '../iam.ts';
import { resourceName } from '../naming.ts';
import { PrivateBucket } from './private-bucket.ts';

/** AWS managed "CachingOptimized" policy: honours long max-age, compresses. Used for hashed assets. */
export const CACHING_OPTIMIZED_POLICY_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';
/** AWS managed "CachingDisabled" policy: every API request goes to the origin. */
export const CACHING_DISABLED_POLICY_ID = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
/** AWS managed "AllViewerExceptHostHeader": headers (Authorization), query and body reach API Gateway. */
export const ALL_VIEWER_EXCEPT_HOST_POLICY_ID = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** The header CloudFront adds to every API request; the API refuses requests without it. */
export const ORIGIN_SECRET_HEADER = 'x-alex-origin-secret';

/**
 * Viewer-request function on the SPA's behaviours: `/` is the pre-rendered landing page
 * (/index.html); any other client-side route (a path whose last segment has no file extension) is
 * served the pre-rendered signed-in shell (/app.html). Only the SPA's behaviours run it, so an API
 * 404 stays a 404 (a distribution-wide error mapping would turn it into a page).
 */
const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (request.uri === '/') request.uri = '/index.html';
  else if (last.indexOf('.') === -1) request.uri = '/app.html';
  return request;
}`;

/** The HTTP API CloudFront forwards `/api/*` to, and the secret header it adds. */
export interface SpaApiOrigin {
  readonly domainName: string;
  readonly originSecret: string;
}

/**
 * The SPA: a private versioned bucket read only by this distribution (origin access control),
 * HTTPS only, index.html (the pre-rendered landing page) for `/`, app.html (the pre-rendered
 * signed-in shell) for client-side routes, security headers on every response.
 *
 * `/api/*` goes to the HTTP API (uncached, every method, the viewer's headers but not its Host, plus
 * the origin secret), so the browser talks to one origin and the WAF's per-IP rate rule covers the
 * API as well as the site.
 *
 * SPA routes: a viewer-request function serves app.html for extensionless paths. CloudFront may
 * also list the bucket, so S3 answers 404 (not 403) for a missing file; no error is remapped, so a
 * WAF block (403) or an API 404 reaches the client as it is.
 */
export class SpaSite extends Construct {
  readonly bucket: PrivateBucket;
  readonly distribution: CloudfrontDistribution;

  constructor(
    scope: Construct,
    id: string,
    props: { config: Config; accountId: string; webAclArn: string; api: SpaApiOrigin },
  ) {
    super(scope, id);
    const { config } = props;
    const name = resourceName(config, 'spa');
    this.bucket = new PrivateBucket(this, 'bucket', {
      bucket: `${resourceName(config, 'frontend')}-${props.accountId}`,
      // Only build output lives here; deploy re-uploads it, so destroy may empty the bucket.
      forceDestroy: true,
    });

    const oac = new CloudfrontOriginAccessControl(this, 'oac', {
      name,
      description: 'CloudFront signs every request to the SPA bucket',
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });

    // Default behaviour: obey the object's Cache-Control (deploy sets no-cache on index.html), else 0.
    const htmlCache = new CloudfrontCachePolicy(this, 'html-cache', {
      name: `${name}-html`,
      comment: 'Honour origin Cache-Control; nothing cached without it',
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: 31_536_000,
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: 'none' },
        headersConfig: { headerBehavior: 'none' },
        queryStringsConfig: { queryStringBehavior: 'none' },
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      },
    });

    const headers = new CloudfrontResponseHeadersPolicy(this, 'security-headers', {
      name: `${name}-security-headers`,
      comment: 'CSP, HSTS, no framing, no MIME sniffing',
      securityHeadersConfig: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(config), override: true },
        strictTransportSecurity: {
          accessControlMaxAgeSec: 63_072_000,
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        frameOptions: { frameOption: 'DENY', override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
      },
    });

    const spaRouting = new CloudfrontFunction(this, 'spa-routing', {
      name: `${name}-routing`,
      runtime: 'cloudfront-js-2.0',
      comment: 'Serve the landing page at / and the app shell for client-side routes',
      publish: true,
      code: SPA_ROUTING_CODE,
    });

    const originId = 'spa-bucket';
    const apiOriginId = 'http-api';
    const behaviour = {
      targetOriginId: originId,
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      responseHeadersPolicyId: headers.id,
    };
    this.distribution = new CloudfrontDistribution(this, 'cdn', {
      comment: `Alex SPA (${config.stage})`,
      enabled: true,
      isIpv6Enabled: true,
      httpVersion: 'http2and3',
      priceClass: 'PriceClass_100',
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      ...(config.domain === undefined ? {} : { aliases: [config.domain] }),
      origin: [
        {
          originId,
          domainName: this.bucket.bucket.bucketRegionalDomainName,
          originAccessControlId: oac.id,
        },
        {
          originId: apiOriginId,
          domainName: props.api.domainName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: 'https-only',
            originSslProtocols: ['TLSv1.2'],
          },
          customHeader: [{ name: ORIGIN_SECRET_HEADER, value: props.api.originSecret }],
        },
      ],
      defaultCacheBehavior: {
        ...behaviour,
        cachePolicyId: htmlCache.id,
        functionAssociation: [{ eventType: 'viewer-request', functionArn: spaRouting.arn }],
      },
      orderedCacheBehavior: [
        {
          pathPattern: '/api/*',
          targetOriginId: apiOriginId,
          viewerProtocolPolicy: 'https-only',
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
          cachedMethods: ['GET', 'HEAD'],
          compress: true,
          cachePolicyId: CACHING_DISABLED_POLICY_ID,
          originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_POLICY_ID,
          responseHeadersPolicyId: headers.id,
        },
        // Vite puts content-hashed files under assets/: cache them for a year.
        { ...behaviour, pathPattern: '/assets/*', cachePolicyId: CACHING_OPTIMIZED_POLICY_ID },
      ],
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate:
        config.certificateArn === undefined
          ? { cloudfrontDefaultCertificate: true }
          : {
              acmCertificateArn: config.certificateArn,
              sslSupportMethod: 'sni-only',
              minimumProtocolVersion: 'TLSv1.2_2021',
            },
    });

    new S3BucketPolicy(this, 'bucket-policy', {
      bucket: this.bucket.bucket.id,
      policy: policyDocument([
        {
          Sid: 'CloudFrontReadsObjects',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['s3:GetObject'],
          Resource: [`${this.bucket.bucket.arn}/*`],
          Condition: { StringEquals: { 'AWS:SourceArn': this.distribution.arn } },
        },
        {
          // Lets S3 answer 404 for a missing key. No query string reaches the origin (see the cache
          // policies), so nobody can use this to list the bucket through CloudFront.
          Sid: 'CloudFrontSeesMissingKeys',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['s3:ListBucket'],
          Resource: [this.bucket.bucket.arn],
          Condition: { StringEquals: { 'AWS:SourceArn': this.distribution.arn } },
        },
        this.bucket.denyInsecureTransport(),
      ]),
    });
  }
}
