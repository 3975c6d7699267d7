import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process already owns the embedded database folder. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `The local database in ${dataDir} is open in another process (pid ${pid}). ` +
        'Stop it (e.g. the running `pnpm dev`) or point DATA_API_ENDPOINT at it.',
    );
    this.name = new.target.name;
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `dataDir` for this process: PGlite must have a single writer. A lock left by a process
 * that has died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'alex.lock');
  try {
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner))
      throw new DataDirLockedError(dataDir, owner);
  } catch (err: unknown) {
    if (err instanceof DataDirLockedError) throw err;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
