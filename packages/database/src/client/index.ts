export * from './create-client.ts';
export * from './data-api-client.ts';
export * from './errors.ts';
export * from './params.ts';
export * from './results.ts';
