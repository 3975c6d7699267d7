import { ConfigError, loadDotEnv } from '../config.ts';
import { defaultContext, type ScriptContext } from './context.ts';
import { ScriptError } from './runner.ts';

/** A script body: arguments in, work done through the context. */
export type ScriptMain = (argv: readonly string[], ctx: ScriptContext) => Promise<void>;

/**
 * Entry point for scripts/*.ts: loads .env, runs `main` with the real context, and turns known
 * errors into a message and an exit code instead of a stack trace.
 */
export async function runCli(main: ScriptMain): Promise<void> {
  loadDotEnv();
  try {
    await main(process.argv.slice(2), defaultContext(process.env));
  } catch (err: unknown) {
    if (err instanceof ScriptError && err.exitCode === 0) {
      console.log(err.message);
      return;
    }
    if (err instanceof ScriptError || err instanceof ConfigError) {
      console.error(`\n${err.message}`);
      process.exitCode = err instanceof ScriptError ? err.exitCode : 1;
      return;
    }
    throw err;
  }
}
