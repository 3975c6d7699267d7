export * from './accounts.ts';
export * from './allocation.ts';
export * from './charts.ts';
export * from './enums.ts';
export * from './instruments.ts';
export * from './jobs.ts';
export * from './primitives.ts';
export * from './users.ts';
