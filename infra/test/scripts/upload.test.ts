import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMMUTABLE, invalidate, NO_CACHE, uploadSpa } from '../../src/scripts/upload.ts';
import { writeFile } from './fakes.ts';

const s3 = mockClient(S3Client);
const cloudfront = mockClient(CloudFrontClient);

function builtSpa(): string {
  const dist = mkdtempSync(join(tmpdir(), 'alex-spa-'));
  writeFile(join(dist, 'index.html'), '<!doctype html>');
  writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFile(join(dist, 'assets', 'index-def456.css'), 'body{}');
  writeFile(join(dist, 'favicon.svg'), '<svg/>');
  return dist;
}

beforeEach(() => {
  s3.reset();
  cloudfront.reset();
});

describe('uploadSpa', () => {
  it('caches hashed assets for a year as immutable', async () => {
    await uploadSpa(new S3Client({}), 'spa-bucket', builtSpa());
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: 'spa-bucket',
      Key: 'assets/index-abc123.js',
      CacheControl: 'public,max-age=31536000,immutable',
      ContentType: 'text/javascript; charset=utf-8',
    });
    expect(IMMUTABLE).toBe('public,max-age=31536000,immutable');
  });

  it('marks index.html no-cache so a deploy shows at once', async () => {
    await uploadSpa(new S3Client({}), 'spa-bucket', builtSpa());
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Key: 'index.html',
      CacheControl: NO_CACHE,
      ContentType: 'text/html; charset=utf-8',
    });
  });

  it('does not mark un-hashed files outside assets/ as immutable', async () => {
    await uploadSpa(new S3Client({}), 'spa-bucket', builtSpa());
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Key: 'favicon.svg', CacheControl: NO_CACHE });
  });

  it('uploads the assets first and index.html last', async () => {
    const keys = await uploadSpa(new S3Client({}), 'spa-bucket', builtSpa());
    expect(keys).toEqual(['assets/index-abc123.js', 'assets/index-def456.css', 'favicon.svg', 'index.html']);
    expect(s3).toHaveReceivedNthCommandWith(PutObjectCommand, 4, { Key: 'index.html' });
  });
});

describe('invalidate', () => {
  it('invalidates every path of the distribution in one wildcard', async () => {
    cloudfront.on(CreateInvalidationCommand).resolves({
      Invalidation: {
        Id: 'I123',
        Status: 'InProgress',
        CreateTime: new Date(),
        InvalidationBatch: undefined,
      },
    });
    expect(await invalidate(new CloudFrontClient({}), 'E1', 'ref-1')).toBe('I123');
    expect(cloudfront).toHaveReceivedCommandWith(CreateInvalidationCommand, {
      DistributionId: 'E1',
      InvalidationBatch: { CallerReference: 'ref-1', Paths: { Quantity: 1, Items: ['/*'] } },
    });
  });
});
