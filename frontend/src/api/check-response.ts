import { allEndpoints, type EndpointName } from '@alex/contract';
import { ApiError } from './errors.ts';

/**
 * Validates an answer with its endpoint's schema from the contract. Loaded only by development
 * builds and tests (see `createApi`), so production bundles never carry Zod or the schemas.
 */
export async function checkResponse(name: EndpointName, path: string, body: unknown): Promise<void> {
  const parsed = allEndpoints[name].response.safeParse(body);
  if (parsed.success) return;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new ApiError(
    200,
    'contract_violation',
    `The API's answer to ${path} does not match the contract (@alex/contract): ${issues.join('; ')}`,
  );
}
