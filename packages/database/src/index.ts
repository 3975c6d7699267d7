export * from './client/index.ts';
export * from './migrations/runner.ts';
export * from './repositories/index.ts';
export * from './schemas/index.ts';
export * from './seed/index.ts';
export * from './sql/lexer.ts';
