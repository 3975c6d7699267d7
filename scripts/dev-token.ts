/**
 * Prints a bearer token the local API accepts, signed by the local issuer's dev key.
 *   pnpm tsx scripts/dev-token.ts <user_id>
 * Then: curl -H "Authorization: Bearer $(pnpm -s tsx scripts/dev-token.ts user_test_123)" http://127.0.0.1:8000/api/user
 */
import { join } from 'node:path';
import { createLocalIssuer, LOCAL_SPA_ORIGIN } from '@alex/api';
import { runMain, UsageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm tsx scripts/dev-token.ts <user_id>';

await runMain(async () => {
  const [userId, ...rest] = process.argv.slice(2);
  if (userId === '--help') {
    console.log(USAGE);
    return 0;
  }
  if (!userId || rest.length > 0) throw new UsageError('Expected exactly one user id');
  if (!/^[A-Za-z0-9_\-.:@|]{1,255}$/.test(userId)) throw new UsageError(`Not a user id: ${userId}`);
  const issuer = await createLocalIssuer(join(REPO_ROOT, '.alex', 'dev-issuer'));
  console.log(await issuer.sign(userId, { azp: LOCAL_SPA_ORIGIN }));
  return 0;
}, USAGE);
