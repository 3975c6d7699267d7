/** Base of every error this package raises; `name` is stable for mapping. */
export class PortfolioIoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A file that cannot be read as a positions file at all (too large, not UTF-8, not CSV, an unknown
 * header): nothing of it is imported. `line` is set when one line is to blame.
 */
export class ImportFileError extends PortfolioIoError {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}
