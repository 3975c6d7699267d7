export * from './instruments.ts';
export * from './test-data.ts';
