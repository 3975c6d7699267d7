import { createPricesHandler, pricesHandlerDeps } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point for the daily EventBridge schedule: any event in, what was updated out. */
export const handler = createPricesHandler(pricesHandlerDeps(process.env));
