import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/ lives directly under it). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Settings in the root .env apply to every script; variables already set in the shell win.
if (existsSync(join(REPO_ROOT, '.env'))) process.loadEnvFile(join(REPO_ROOT, '.env'));

// Node 20 is this project's runtime; the AWS SDK's notice about its future Node 22 floor is noise
// on every local command. (Deployed Lambdas run on nodejs22.x.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Services run in-process by scripts log every trace span at info; a terminal wants warnings only.
process.env.LOG_LEVEL ??= 'warn';

/** The environment, read once: the only place scripts touch `process.env`. */
export const env: Readonly<Record<string, string | undefined>> = { ...process.env };

/** A port number from the environment, or the default; a clear error for anything else. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}
