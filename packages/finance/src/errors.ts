/** Base class of every error this package throws; `name` is the subclass name. */
export class FinanceError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A money or quantity string that is not a plain decimal number. */
export class InvalidDecimalError extends FinanceError {
  constructor(
    readonly value: string,
    readonly field: string,
  ) {
    super(`${field} must be a decimal number, got ${JSON.stringify(value)}`);
  }
}

/** An input outside what the calculation accepts; `field` names the offending input. */
export class InvalidInputError extends FinanceError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A Monte Carlo row held a value its bands cannot rank (negative, infinite or NaN): a bug, never an input. */
export class MonteCarloValueError extends FinanceError {
  constructor(readonly year: number) {
    super(`the Monte Carlo's year ${year} holds a negative, infinite or NaN value`);
  }
}
