import { CloudfrontCachePolicy } from '@cdktf/provider-aws/lib/cloudfront-cache-policy';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
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

/**
 * The SPA: a private versioned bucket read only by this distribution (origin access control),
 * HTTPS only, index.html (the pre-rendered landing page) for `/`, app.html (the pre-rendered
 * signed-in shell) for client-side routes, security headers on every response.
 *
 * SPA routes: CloudFront may also list the bucket, so S3 answers 404 (not 403) for a key that does
 * not exist, and only 404 is turned into app.html. Mapping 403 as well would turn every WAF block
 * (a 403) into a 200 with the app, hiding blocks from users, tests and the security checklist.
 */
export class SpaSite extends Construct {
  readonly bucket: PrivateBucket;
  readonly distribution: CloudfrontDistribution;

  constructor(scope: Construct, id: string, props: { config: Config; accountId: string; webAclArn: string }) {
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

    const originId = 'spa-bucket';
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
      ],
      defaultCacheBehavior: { ...behaviour, cachePolicyId: htmlCache.id },
      orderedCacheBehavior: [
        // Vite puts content-hashed files under assets/: cache them for a year.
        { ...behaviour, pathPattern: '/assets/*', cachePolicyId: CACHING_OPTIMIZED_POLICY_ID },
      ],
      customErrorResponse: [
        // app.html: the build's pre-rendered signed-in shell (index.html is the landing page).
        { errorCode: 404, responseCode: 200, responsePagePath: '/app.html', errorCachingMinTtl: 0 },
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
