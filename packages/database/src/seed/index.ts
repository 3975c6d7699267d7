export * from './instruments.ts';
export * from './reset.ts';
export * from './test-data.ts';
export * from './verify.ts';
