import { type RunningDataApi, startLocalDataApi } from '@alex/local-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_MAX_SOCKETS, localDataApiClient } from '../../src/client/index.ts';

describe('the local Data API client', () => {
  let server: RunningDataApi;
  let connections = 0;

  beforeAll(async () => {
    server = await startLocalDataApi({ port: 0 });
    server.server.on('connection', () => {
      connections += 1;
    });
  });
  afterAll(async () => server?.close());

  it('sends statement after statement over one kept-alive connection', async () => {
    const client = localDataApiClient(server.url);
    connections = 0;

    for (let i = 0; i < 20; i += 1) await client.query('SELECT :i::int AS i', { i });

    expect(connections).toBe(1);
  });

  it('opens no more connections than statements in flight, and reuses them for the next ones', async () => {
    const client = localDataApiClient(server.url);
    const inFlight = 30;
    connections = 0;

    const burst = () =>
      Promise.all(Array.from({ length: inFlight }, (_, i) => client.query('SELECT :i::int AS i', { i })));
    const first = await burst();
    const afterFirst = connections;
    await burst();

    expect(first.map(([row]) => row?.i)).toEqual(Array.from({ length: inFlight }, (_, i) => i));
    expect(afterFirst).toBeLessThanOrEqual(inFlight);
    expect(connections).toBe(afterFirst);
  });

  it('caps its sockets, queueing statements beyond the cap rather than failing them', async () => {
    const client = localDataApiClient(server.url);
    connections = 0;

    const rows = await Promise.all(
      Array.from({ length: LOCAL_MAX_SOCKETS + 20 }, (_, i) => client.query('SELECT :i::int AS i', { i })),
    );

    expect(rows).toHaveLength(LOCAL_MAX_SOCKETS + 20);
    expect(connections).toBeLessThanOrEqual(LOCAL_MAX_SOCKETS);
  });
});
