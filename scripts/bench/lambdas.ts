import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/env.ts';
import { availableServices, packageLambda } from '../lib/package-lambdas.ts';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);

/** An environment like a Lambda's: ARNs and names set, no real credentials needed to load. */
const LAMBDA_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'alex-bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AURORA_CLUSTER_ARN: 'arn:aws:rds:us-east-1:000000000000:cluster:alex-bench',
  AURORA_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:alex-bench',
  TAGGER_FUNCTION: 'alex-bench-tagger',
  REPORTER_FUNCTION: 'alex-bench-reporter',
  CHARTER_FUNCTION: 'alex-bench-charter',
  RETIREMENT_FUNCTION: 'alex-bench-retirement',
  SQS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/alex-bench',
  CLERK_ISSUER: 'https://example.clerk.accounts.dev',
  CLERK_JWKS_URL: 'https://example.clerk.accounts.dev/.well-known/jwks.json',
  CLERK_AUTHORIZED_PARTIES: 'https://example.cloudfront.net',
  CORS_ORIGINS: 'https://example.cloudfront.net',
  CLERK_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

/** Milliseconds for a fresh Node process to import a bundle (module load, clients at module scope). */
async function coldStartMs(bundle: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
    });
    times.push(Number(stdout.trim().split('\n').at(-1)));
  }
  times.sort((a, b) => a - b);
  return times[1] ?? Number.NaN;
}

/** Bundle size and cold-start module load time per Lambda. */
export const lambdasSuite: BenchSuite = {
  name: 'lambdas',
  async run() {
    const results: BenchResult[] = [];
    for (const service of availableServices(REPO_ROOT)) {
      const packaged = await packageLambda(REPO_ROOT, service);
      results.push(
        {
          suite: 'lambdas',
          name: `${service} zip`,
          value: Math.round(packaged.zipBytes / 1024),
          unit: 'KiB',
        },
        {
          suite: 'lambdas',
          name: `${service} bundle`,
          value: Math.round(packaged.bundleBytes / 1024),
          unit: 'KiB',
        },
        {
          suite: 'lambdas',
          name: `${service} cold module load`,
          value: Number(
            (await coldStartMs(join(REPO_ROOT, 'dist', 'lambdas', service, 'index.mjs'))).toFixed(1),
          ),
          unit: 'ms',
          note: 'median of 3 fresh Node processes importing the bundle',
        },
      );
    }
    return results;
  },
};
