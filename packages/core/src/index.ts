export * from './logger.ts';
export * from './retry.ts';
