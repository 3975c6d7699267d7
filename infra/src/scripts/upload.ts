import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { type CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Content-hashed files Vite writes under assets/: safe to cache for a year. */
export const IMMUTABLE = 'public,max-age=31536000,immutable';
/** Everything else (index.html above all) is revalidated on every load. */
export const NO_CACHE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Cache-Control for an object key. */
export function cacheControlFor(key: string): string {
  return key.startsWith('assets/') ? IMMUTABLE : NO_CACHE;
}

/** Content-Type for an object key. */
export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * Upload a built SPA. Hashed assets go first and the pages (index.html, app.html) last, so a visitor
 * never gets a page that points at assets not yet uploaded. Old assets stay (open tabs may still need them).
 */
export async function uploadSpa(s3: S3Client, bucket: string, distDir: string): Promise<string[]> {
  const keys = walk(distDir)
    .map((path) => relative(distDir, path).split('\\').join('/'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const key of keys) {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: readFileSync(join(distDir, key)),
        ContentType: contentTypeFor(key),
        CacheControl: cacheControlFor(key),
      }),
    );
  }
  return keys;
}

function rank(key: string): number {
  if (key.startsWith('assets/')) return 0;
  return key === 'index.html' || key === 'app.html' ? 2 : 1;
}

/** Ask CloudFront to drop its cached copies (one wildcard path counts as one invalidation). */
export async function invalidate(
  cloudfront: CloudFrontClient,
  distributionId: string,
  reference: string,
): Promise<string> {
  const result = await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: reference, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  return result.Invalidation?.Id ?? '';
}
