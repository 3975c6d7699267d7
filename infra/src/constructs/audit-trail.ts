import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { policyDocument } from '../iam.ts';
import { resourceName } from '../naming.ts';
import { PrivateBucket } from './private-bucket.ts';

/**
 * CloudTrail for audit: management events from every region into a private bucket, with log file
 * validation. The first trail's management events are free; the bucket keeps 90 days.
 */
export class AuditTrail extends Construct {
  readonly trail: Cloudtrail;

  constructor(scope: Construct, id: string, props: { config: Config; accountId: string; partition: string }) {
    super(scope, id);
    const { config, accountId, partition } = props;
    const name = resourceName(config, 'audit');
    const trailArn = `arn:${partition}:cloudtrail:${config.region}:${accountId}:trail/${name}`;
    const logs = new PrivateBucket(this, 'bucket', {
      bucket: `${resourceName(config, 'audit')}-${accountId}`,
      forceDestroy: true,
      expireObjectsAfterDays: 90,
    });
    const fromThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
    const policy = new S3BucketPolicy(this, 'policy', {
      bucket: logs.bucket.id,
      policy: policyDocument([
        {
          Sid: 'CloudTrailAclCheck',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: ['s3:GetBucketAcl'],
          Resource: [logs.bucket.arn],
          Condition: fromThisTrail,
        },
        {
          Sid: 'CloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: ['s3:PutObject'],
          Resource: [`${logs.bucket.arn}/AWSLogs/${accountId}/*`],
          Condition: {
            StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' },
          },
        },
        logs.denyInsecureTransport(),
      ]),
    });
    this.trail = new Cloudtrail(this, 'trail', {
      name,
      s3BucketName: logs.bucket.id,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      dependsOn: [policy],
    });
  }
}
