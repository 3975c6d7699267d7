import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createApiHandler } from './app.ts';
import { apiHandlerDeps } from './handler-deps.ts';

// Everything is built once per container, at cold start; a bad variable fails it, naming the variable.
const api = createApiHandler(await apiHandlerDeps(process.env));

/** Lambda entry point behind API Gateway (HTTP API, payload v2). */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return api(event);
}
