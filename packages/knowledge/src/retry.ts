import { DEFAULT_RETRY, type RetryPolicy, transientByName } from '@alex/core';

/**
 * Retries for knowledge calls: 5 tries, 0.5 s doubling to 8 s (about 15 s at worst), short enough
 * that a reporter waiting on market insights degrades instead of stalling.
 */
export const KNOWLEDGE_RETRY: RetryPolicy = {
  ...DEFAULT_RETRY,
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** SageMaker runtime failures worth another try: throttling, a busy or warming model, a server hiccup. */
export const isTransientSageMakerError = transientByName([
  'ThrottlingException',
  'ServiceUnavailable',
  'ModelNotReadyException',
  'InternalFailure',
  'InternalDependencyException',
]);

/** S3 Vectors failures worth another try: throttling (`TooManyRequestsException`) and server-side faults. */
export const isTransientS3VectorsError = transientByName([
  'TooManyRequestsException',
  'ServiceUnavailableException',
  'InternalServerException',
  'RequestTimeoutException',
]);
