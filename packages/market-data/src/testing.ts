/** Test kit: a local Polygon.io fake for tests of the adapter and of scripts. Tests only. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Closing prices the fake serves, by trading day. */
export type FakeCloses = Record<string, Record<string, number>>;

/**
 * A local stand-in for Polygon.io's grouped-daily endpoint that checks requests as the real service
 * does: only GET on `/v2/aggs/grouped/locale/us/market/stocks/{YYYY-MM-DD}`, a known key (Bearer
 * header or `apiKey` query) or 401, a real calendar date or 400, and 429 past `perMinute` calls.
 * Days without closes (weekends, holidays) answer OK with no results, as Polygon does.
 */
export async function startPolygonFake(options: { key: string; closes: FakeCloses; perMinute?: number }) {
  const requests: { path: string; query: string }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ path: url.pathname, query: url.search });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const key = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('apiKey');
    if (req.method !== 'GET') return send(405, { status: 'ERROR', error: 'Method not allowed' });
    if (!key) return send(401, { status: 'ERROR', request_id: 'r', error: 'API Key was not provided' });
    if (key !== options.key) return send(401, { status: 'ERROR', request_id: 'r', error: 'Unknown API Key' });
    if (requests.length > (options.perMinute ?? 5)) {
      return send(429, {
        status: 'ERROR',
        request_id: 'r',
        error: "You've exceeded the maximum requests per minute",
      });
    }
    const match = /^\/v2\/aggs\/grouped\/locale\/us\/market\/stocks\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
    if (!match?.[1]) return send(404, { status: 'NOT_FOUND', request_id: 'r', message: 'Not found' });
    const day = match[1];
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      return send(400, { status: 'ERROR', request_id: 'r', error: 'Could not parse the date' });
    }
    const closes = options.closes[day] ?? {};
    const results = Object.entries(closes).map(([T, c]) => ({
      T,
      c,
      o: c,
      h: c,
      l: c,
      v: 1000,
      vw: c,
      n: 10,
      t: Date.parse(`${day}T04:00:00Z`),
    }));
    return send(200, {
      status: 'OK',
      adjusted: url.searchParams.get('adjusted') !== 'false',
      queryCount: results.length,
      resultsCount: results.length,
      request_id: 'r',
      ...(results.length > 0 ? { results } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
