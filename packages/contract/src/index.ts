/**
 * The HTTP contract of the Alex API: request and response schemas and the table of endpoints, shared
 * by the API's routes and the SPA's client. Zod and the core taxonomy only, so the SPA can bundle it.
 */
import { endpoints } from './endpoints.ts';
import { localEndpoints } from './local-endpoints.ts';
import { toolEndpoints } from './tools.ts';

export * from './allocation.ts';
export * from './charts.ts';
export * from './endpoint.ts';
export * from './endpoints.ts';
export * from './enums.ts';
export * from './instrument-by-hand.ts';
export * from './local-endpoints.ts';
export * from './plain.ts';
export * from './plan.ts';
export * from './portfolio.ts';
export * from './portfolio-files.ts';
export * from './primitives.ts';
export * from './requests.ts';
export * from './responses.ts';
export * from './retirement-figures.ts';
export * from './tag-outcome.ts';
export * from './tools.ts';
export * from './values.ts';

/** Every endpoint, the local development server's included. */
export const allEndpoints = { ...endpoints, ...toolEndpoints, ...localEndpoints };
