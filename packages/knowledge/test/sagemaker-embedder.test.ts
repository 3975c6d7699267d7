import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandOutput,
  SageMakerRuntimeClient,
  ValidationError,
} from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingError, SageMakerEmbedder } from '../src/index.ts';

const sagemaker = mockClient(SageMakerRuntimeClient);
const body = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)) as InvokeEndpointCommandOutput['Body'];
const throttled = () =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 429 },
  });
/** A 384-wide vector with `value` at `index` and zeros elsewhere. */
const spike = (index: number, value = 1) => Array.from({ length: 384 }, (_, i) => (i === index ? value : 0));

function embedder(batchSize?: number) {
  const sleeps: number[] = [];
  const instance = new SageMakerEmbedder(new SageMakerRuntimeClient({ region: 'us-east-1' }), {
    endpointName: 'alex-embedding-endpoint',
    ...(batchSize ? { batchSize } : {}),
    retry: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
  });
  return { instance, sleeps };
}

describe('SageMakerEmbedder', () => {
  beforeEach(() => sagemaker.reset());

  it('sends the texts as {"inputs": [...]} JSON to the named endpoint', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body([spike(0), spike(1)]) });
    await embedder().instance.embed(['bonds', 'gold']);
    expect(sagemaker).toHaveReceivedCommandWith(InvokeEndpointCommand, {
      EndpointName: 'alex-embedding-endpoint',
      ContentType: 'application/json',
      Accept: 'application/json',
    });
    const sent = sagemaker.commandCalls(InvokeEndpointCommand)[0]?.args[0].input.Body as Uint8Array;
    expect(JSON.parse(new TextDecoder().decode(sent))).toEqual({ inputs: ['bonds', 'gold'] });
  });

  it('passes sentence vectors through, normalised', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body([spike(3, 2), spike(7, 0.5)]) });
    expect(await embedder().instance.embed(['a', 'b'])).toEqual([spike(3), spike(7)]);
  });

  it('mean-pools token-level output into one unit vector per text', async () => {
    // Text one has two tokens (slots 0 and 1); text two has three tokens, all on slot 2.
    const tokens = [
      [spike(0), spike(1)],
      [spike(2), spike(2), spike(2)],
    ];
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body(tokens) });
    const [first, second] = await embedder().instance.embed(['a', 'b']);
    expect(first?.[0]).toBeCloseTo(Math.SQRT1_2);
    expect(first?.[1]).toBeCloseTo(Math.SQRT1_2);
    expect(second).toEqual(spike(2));
  });

  it('mean-pools the token vectors of a single text sent without a batch level', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body([spike(0), spike(0), spike(5, 0)]) });
    const [vector] = await embedder().instance.embed(['one text']);
    expect(vector).toEqual(spike(0));
  });

  it('reads vectors under an "embeddings" key', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body({ embeddings: [spike(9)] }) });
    expect(await embedder().instance.embed(['a'])).toEqual([spike(9)]);
  });

  it('splits many texts into batches of batchSize per request', async () => {
    sagemaker.on(InvokeEndpointCommand).callsFake((input: { Body: Uint8Array }) => {
      const { inputs } = JSON.parse(new TextDecoder().decode(input.Body)) as { inputs: string[] };
      return { Body: body(inputs.map((_, i) => spike(i))) };
    });
    const vectors = await embedder(2).instance.embed(['a', 'b', 'c']);
    expect(vectors).toHaveLength(3);
    expect(sagemaker).toHaveReceivedCommandTimes(InvokeEndpointCommand, 2);
  });

  it('retries a throttled request, then succeeds', async () => {
    sagemaker
      .on(InvokeEndpointCommand)
      .rejectsOnce(throttled())
      .resolves({ Body: body([spike(1)]) });
    const { instance, sleeps } = embedder();
    expect(await instance.embed(['a'])).toEqual([spike(1)]);
    expect(sagemaker).toHaveReceivedCommandTimes(InvokeEndpointCommand, 2);
    expect(sleeps).toHaveLength(1);
  });

  it('does not retry a request the endpoint rejects as invalid', async () => {
    sagemaker.on(InvokeEndpointCommand).rejects(new ValidationError({ message: 'bad input', $metadata: {} }));
    await expect(embedder().instance.embed(['a'])).rejects.toThrow('bad input');
    expect(sagemaker).toHaveReceivedCommandTimes(InvokeEndpointCommand, 1);
  });

  it('rejects vectors of the wrong width with an EmbeddingError', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body([[0.1, 0.2, 0.3]]) });
    await expect(embedder().instance.embed(['a'])).rejects.toBeInstanceOf(EmbeddingError);
  });

  it('rejects a response with fewer vectors than texts', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: body([spike(0)]) });
    await expect(embedder().instance.embed(['a', 'b'])).rejects.toThrow(EmbeddingError);
  });

  it('rejects a body that is not JSON', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('<html>') as never });
    await expect(embedder().instance.embed(['a'])).rejects.toThrow(/did not answer with JSON/);
  });
});
