/** Severity of a log line, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A structured logger: one JSON object per line, with bound keys (job id, user id …) on each. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

/** Where lines go; stdout in Lambda and locally, an array in tests. */
export type LogSink = (line: string) => void;

/** Creates a JSON-lines logger at `level` and above, with `bound` fields on every line. */
export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; bound?: Record<string, unknown>; clock?: () => Date } = {},
): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const sink = options.sink ?? ((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const bound = options.bound ?? {};
  const write =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      sink(JSON.stringify({ time: clock().toISOString(), level, message, ...bound, ...serialise(fields) }));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger({ ...options, bound: { ...bound, ...fields } }),
  };
}

/**
 * Errors become `{name, message, code?}`: no stack traces in logs that users' data sits beside; a
 * `code` (an AWS error name kept by a wrapping error) stays, since alarms match on it.
 */
function serialise(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!(value instanceof Error)) {
      out[key] = value;
      continue;
    }
    const code = (value as { code?: unknown }).code;
    out[key] = { name: value.name, message: value.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return out;
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ sink: () => {} });

/** Parses a LOG_LEVEL value, defaulting to info. */
export function parseLogLevel(value: string | undefined): LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? '') ? (value as LogLevel) : 'info';
}
