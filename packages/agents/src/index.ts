export * from './bedrock-model.ts';
export * from './invoker.ts';
export * from './model-config.ts';
export * from './model-retry.ts';
export * from './offline-label.ts';
export * from './offline-model.ts';
export * from './offline-script.ts';
