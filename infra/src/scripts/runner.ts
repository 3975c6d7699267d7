import { spawn } from 'node:child_process';

/** How a command is run: inherit the terminal (prompts work) or capture stdout. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly capture?: boolean;
  /** Discard stderr (used when only probing whether a binary exists). */
  readonly quiet?: boolean;
}

/** Result of one command. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
}

/**
 * Port for shelling out, so scripts are tested without terraform, pnpm or a network. The real one
 * spawns processes; tests pass a fake that records calls.
 */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** True when `command` can be started (found on PATH). */
  exists(command: string): Promise<boolean>;
}

/** Base error of the scripts; the CLI prints its message without a stack. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command exited non-zero. */
export class CommandFailedError extends ScriptError {
  constructor(
    readonly command: string,
    readonly code: number,
  ) {
    super(`\`${command}\` failed with exit code ${code}`);
  }
}

/** The runner that really spawns processes. */
export const nodeRunner: CommandRunner = {
  run(command, args, options = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env === undefined ? process.env : { ...process.env, ...options.env },
        stdio: [
          'inherit',
          options.capture === true ? 'pipe' : 'inherit',
          options.quiet === true ? 'ignore' : 'inherit',
        ],
        shell: process.platform === 'win32',
      });
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
    });
  },
  async exists(command) {
    try {
      const { code } = await nodeRunner.run(command, ['-version'], { capture: true, quiet: true });
      return code === 0;
    } catch {
      return false;
    }
  },
};

/** Run and fail on a non-zero exit. */
export async function runOrFail(
  runner: CommandRunner,
  command: string,
  args: readonly string[],
  options?: RunOptions,
): Promise<RunResult> {
  const result = await runner.run(command, args, options);
  if (result.code !== 0) throw new CommandFailedError([command, ...args].join(' '), result.code);
  return result;
}
