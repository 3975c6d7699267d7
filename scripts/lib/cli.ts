/** Thrown for bad command-line arguments; scripts print the usage and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Parses `--flag` switches; anything not in `known` is a {@link UsageError}. */
export function parseFlags<K extends string>(
  argv: readonly string[],
  known: readonly K[],
): Record<K, boolean> {
  const flags = Object.fromEntries(known.map((k) => [k, false])) as Record<K, boolean>;
  for (const arg of argv) {
    const name = arg.replace(/^--/, '') as K;
    if (!arg.startsWith('--') || !known.includes(name)) throw new UsageError(`Unknown argument: ${arg}`);
    flags[name] = true;
  }
  return flags;
}

/** Runs a script's main, printing usage errors (exit 2) and failures (exit 1) without stack noise. */
export async function runMain(main: () => Promise<number | undefined>, usage: string): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (err: unknown) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
  }
}
