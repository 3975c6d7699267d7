import type {
  Model,
  ModelRequest,
  ModelResponse,
  ModelRetryAdviceRequest,
  StreamEvent,
} from '@openai/agents';

/** A failed Bedrock call: the error type Bedrock named, its HTTP status, and its message. */
export class BedrockError extends Error {
  constructor(
    readonly errorType: string,
    readonly statusCode: number | undefined,
    /** What the AI SDK decided (408/409/429/5xx and dropped connections are retryable). */
    readonly isRetryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bedrock refused the caller (HTTP 403); the message says what to fix. */
export class BedrockAccessDeniedError extends BedrockError {}

interface CallErrorLike {
  message?: unknown;
  statusCode?: unknown;
  isRetryable?: unknown;
  responseHeaders?: Record<string, string>;
}

/** What to do about a Bedrock error, in one sentence, or undefined when there is nothing specific. */
export function bedrockAdvice(
  errorType: string,
  message: string,
  modelId: string,
  region: string,
): string | undefined {
  if (errorType === 'ConnectionError')
    return `check the network, and the endpoint if AWS_ENDPOINT_URL_BEDROCK_RUNTIME or AWS_ENDPOINT_URL is set; Bedrock runtime for ${region} is bedrock-runtime.${region}.amazonaws.com`;
  if (errorType === 'AccessDeniedException')
    return `enable access to ${modelId} in the Bedrock console (Model access) in ${region}, check that the inference profile prefix (us./eu./apac.) matches BEDROCK_REGION=${region}, and allow bedrock:InvokeModel on the model and its inference profile`;
  if (errorType === 'UnrecognizedClientException' || errorType === 'ExpiredTokenException')
    return 'refresh your AWS credentials (aws sso login, or the profile in AWS_PROFILE) and check aws sts get-caller-identity';
  if (/on-demand throughput isn.t supported/i.test(message))
    return `use an inference profile id such as us.${modelId.replace(/^[a-z]{2,4}\./, '')} in BEDROCK_MODEL_ID`;
  if (errorType === 'ResourceNotFoundException' || /model identifier is invalid/i.test(message))
    return `check BEDROCK_MODEL_ID=${modelId}: it must be a model or inference profile offered in ${region}`;
  if (errorType === 'ValidationException' && /Extra inputs are not permitted|is not supported/.test(message))
    return 'the request broke a rule of this model; check BEDROCK_MODEL_ID against the capability table in packages/agents/src/bedrock-capabilities.ts';
  if (errorType === 'ThrottlingException' || errorType === 'ServiceQuotaExceededException')
    return 'wait and retry, or ask for a higher Bedrock quota for this model';
  return undefined;
}

/**
 * A Bedrock failure as a BedrockError: one line naming the model, Bedrock's error type and message, and
 * for access and validation errors what to fix. Errors that are not API call failures pass through.
 */
export function toBedrockError(err: unknown, modelId: string, region: string): unknown {
  if (typeof err !== 'object' || err === null || !('isRetryable' in err)) return err;
  const call = err as CallErrorLike;
  const status = typeof call.statusCode === 'number' ? call.statusCode : undefined;
  // Bedrock names the error in a header: "ThrottlingException:http://internal.amazon.com/coral/…".
  const header = call.responseHeaders?.['x-amzn-errortype'] ?? '';
  const errorType = header.split(':')[0] || (status === undefined ? 'ConnectionError' : `HTTP${status}`);
  const text = String(call.message ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const advice = bedrockAdvice(errorType, text, modelId, region);
  const message = `Bedrock ${errorType}${status === undefined ? '' : ` (HTTP ${status})`} from ${modelId} in ${region}: ${text}${advice === undefined ? '' : `. To fix: ${advice}`}`;
  const Kind = errorType === 'AccessDeniedException' ? BedrockAccessDeniedError : BedrockError;
  return new Kind(errorType, status, call.isRetryable === true, message, { cause: err });
}

/** Wraps the provider's Model so every failure surfaces as a BedrockError naming model and region. */
export class BedrockErrorModel implements Model {
  constructor(
    private readonly inner: Model,
    private readonly modelId: string,
    private readonly region: string,
  ) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    try {
      return await this.inner.getResponse(request);
    } catch (err: unknown) {
      throw toBedrockError(err, this.modelId, this.region);
    }
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    try {
      yield* this.inner.getStreamedResponse(request);
    } catch (err: unknown) {
      throw toBedrockError(err, this.modelId, this.region);
    }
  }

  getRetryAdvice(args: ModelRetryAdviceRequest) {
    return this.inner.getRetryAdvice?.(args);
  }
}
