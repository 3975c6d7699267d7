import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeTarget, type ResolvedTarget, resolveTarget } from './target.ts';

/** The repository root (scripts/ lives directly under it). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Settings in the root .env apply to every script; variables already set in the shell win.
if (existsSync(join(REPO_ROOT, '.env'))) process.loadEnvFile(join(REPO_ROOT, '.env'));

// Then the scripts' defaults (AWS SDK notice off, LOG_LEVEL=warn), again only where nothing is set.
process.loadEnvFile(join(REPO_ROOT, 'scripts', 'defaults.env'));

let resolved: ResolvedTarget | undefined;
let targetError: unknown;
try {
  resolved = resolveTarget(process.env);
} catch (err: unknown) {
  targetError = err;
}

/** The environment, read once and filtered by `ALEX_TARGET`: the only place scripts touch `process.env`. */
export const env: Readonly<Record<string, string | undefined>> = resolved?.env ?? { ...process.env };

/**
 * Prints which target this run uses ("using the local Data API" or "using Aurora cluster …");
 * every script that touches a database, queue or AWS calls it first. Throws for a bad ALEX_TARGET.
 */
export function announceTarget(print: (line: string) => void = console.log): ResolvedTarget {
  if (resolved === undefined) throw targetError;
  print(describeTarget(resolved));
  return resolved;
}

/** A port number from the environment, or the default; a clear error for anything else. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}
