export * from './deployables.ts';
export * from './env.ts';
export * from './lambda.ts';
export * from './logger.ts';
export * from './metrics.ts';
export * from './retry.ts';
export * from './risk-rules.ts';
export * from './taxonomy.ts';
