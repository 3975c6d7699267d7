import { z } from 'zod';
import { Chart, ProjectionChart } from './charts.ts';
import type { Endpoint } from './endpoint.ts';
import { allEndpoints } from './index.ts';
import { PortfolioView } from './portfolio.ts';
import {
  Account,
  ErrorBody,
  Instrument,
  Job,
  Position,
  Report,
  Retirement,
  User,
  ValuedPosition,
} from './responses.ts';

type JsonObject = Record<string, unknown>;

/** Response schemas named in `components.schemas` (and referenced from every operation using them). */
const NAMED = {
  User,
  Account,
  Instrument,
  Position,
  ValuedPosition,
  Job,
  Report,
  Retirement,
  PortfolioView,
  Chart,
  ProjectionChart,
  ErrorBody,
};

const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * The API as an OpenAPI 3.1 document, generated from the contract with Zod's own JSON Schema output
 * (draft 2020-12, the dialect OpenAPI 3.1 uses). Request bodies and queries are described as a
 * caller writes them (`io: 'input'`), responses as the API sends them.
 */
export function openApiDocument(options: { serverUrl?: string } = {}): JsonObject {
  const responses = z.registry<{ id: string }>();
  const requests = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) responses.add(schema, { id });
  const named = new Map<z.ZodType, string>(Object.entries(NAMED).map(([id, schema]) => [schema, id]));
  for (const [operationId, e] of Object.entries(allEndpoints) as [string, Endpoint][]) {
    if (!named.has(e.response)) responses.add(e.response, { id: `${pascal(operationId)}Response` });
    if (e.body) requests.add(e.body, { id: `${pascal(operationId)}Body` });
    if (e.query) requests.add(e.query, { id: `${pascal(operationId)}Query` });
  }
  const common = { target: 'draft-2020-12', uri: ref, unrepresentable: 'any' } as const;
  const out = z.toJSONSchema(responses, { ...common, io: 'output' }).schemas;
  const inp = z.toJSONSchema(requests, { ...common, io: 'input' }).schemas;
  const schemas: JsonObject = {};
  for (const [id, schema] of Object.entries({ ...out, ...inp })) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    if (!id.endsWith('Query')) schemas[id] = rest;
  }

  const paths: Record<string, JsonObject> = {};
  for (const [operationId, e] of Object.entries(allEndpoints) as [string, Endpoint][]) {
    const op: JsonObject = {
      operationId,
      summary: e.summary,
      ...(e.localOnly ? { tags: ['local'] } : {}),
      ...(e.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: [...pathParameters(e.path), ...queryParameters(inp[`${pascal(operationId)}Query`])],
      responses: {
        [e.status]: jsonContent('Success', named.get(e.response) ?? `${pascal(operationId)}Response`),
        default: jsonContent('Failure: `{error: {code, message, details}}`', 'ErrorBody'),
      },
    };
    if (e.body) {
      op.requestBody = {
        required: !e.body.safeParse(undefined).success,
        content: { 'application/json': { schema: { $ref: ref(`${pascal(operationId)}Body`) } } },
      };
    }
    paths[e.path] = { ...paths[e.path], [e.method.toLowerCase()]: op };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Alex API',
      version: '1.0.0',
      description:
        'The HTTP API of Alex, the AI financial planner. Generated from @alex/contract; operations tagged `local` exist only on the local development server.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

function jsonContent(description: string, id: string): JsonObject {
  return { description, content: { 'application/json': { schema: { $ref: ref(id) } } } };
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  }));
}

function queryParameters(query: unknown): JsonObject[] {
  const { properties = {}, required = [] } = (query ?? {}) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema,
  }));
}

function pascal(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}
