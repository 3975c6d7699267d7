import { ErrorBody } from '@alex/contract';
import { createRouter } from '../src/router.ts';
import { apiRoutes } from '../src/routes/index.ts';

const match = createRouter(apiRoutes({ localMode: true }));

/** The API answered something its contract does not describe. */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Checks one answer against the contract: a route's success body must parse with its endpoint's
 * response schema (strict objects: an extra or misnamed field fails), a failure body with
 * {@link ErrorBody}, and no route may answer a success status its endpoint does not declare.
 */
export function checkAgainstContract(method: string, path: string, status: number, body: unknown): void {
  if (method === 'OPTIONS') return;
  const where = `${method} ${path} → ${status}`;
  if (status >= 400) {
    const parsed = ErrorBody.safeParse(body);
    if (!parsed.success) throw new ContractViolation(`${where}: error body ${parsed.error.message}`);
    return;
  }
  const found = match(method, path);
  if (!found) throw new ContractViolation(`${where}: no endpoint in the contract`);
  const { endpoint } = found.route;
  if (status !== endpoint.status) {
    throw new ContractViolation(`${where}: the contract declares ${endpoint.status}`);
  }
  const parsed = endpoint.response.safeParse(body);
  if (!parsed.success) throw new ContractViolation(`${where}: ${parsed.error.message}`);
}
