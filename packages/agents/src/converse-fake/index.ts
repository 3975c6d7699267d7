export * from './replies.ts';
export * from './server.ts';
export * from './validate.ts';
export * from './writer.ts';
