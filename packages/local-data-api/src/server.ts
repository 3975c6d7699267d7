import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { databaseErrorMessage, type LocalDataApi, MAX_RESPONSE_BYTES } from './data-api.ts';
import { PgError } from './pglite-backend.ts';
import {
  BatchExecuteStatementRequest,
  BeginTransactionRequest,
  EndTransactionRequest,
  ExecuteStatementRequest,
} from './protocol.ts';
import { BadRequest } from './wire.ts';

const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

type Route = (api: LocalDataApi, body: unknown) => Promise<unknown>;

function route<S extends z.ZodType>(
  schema: S,
  run: (api: LocalDataApi, request: z.infer<S>) => Promise<unknown>,
): Route {
  return (api, body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadRequest(
        issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'Invalid request',
      );
    }
    return run(api, parsed.data);
  };
}

/** The REST-JSON paths of the RDS Data API operations. */
const ROUTES: Record<string, Route> = {
  '/Execute': route(ExecuteStatementRequest, (api, r) => api.executeStatement(r)),
  '/BatchExecute': route(BatchExecuteStatementRequest, (api, r) => api.batchExecuteStatement(r)),
  '/BeginTransaction': route(BeginTransactionRequest, (api, r) => api.beginTransaction(r)),
  '/CommitTransaction': route(EndTransactionRequest, (api, r) => api.commitTransaction(r.transactionId)),
  '/RollbackTransaction': route(EndTransactionRequest, (api, r) => api.rollbackTransaction(r.transactionId)),
};

/** A running local Data API: its base URL and how to stop it. */
export interface RunningDataApi {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Serves `api` over HTTP on `host:port` (port 0 picks a free one). */
export async function serveDataApi(
  api: LocalDataApi,
  options: { host?: string; port?: number } = {},
): Promise<RunningDataApi> {
  const server = createServer((req, res) => {
    handle(api, req, res).catch((err: unknown) =>
      send(res, 500, errorBody('InternalServerErrorException', String(err))),
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8010, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Why a request is not one an AWS client sent, or undefined if it is. The local Data API runs SQL
 * for whoever reaches it, so it answers SDK-shaped requests only: no `Origin` (a browser adds one to
 * every cross-origin POST), a `Host` naming this machine on this port (a DNS-rebinding page names
 * its own host), `application/json` (a form or `text/plain` POST needs no preflight) and a SigV4
 * `Authorization` header (the SDKs and the CLI always sign; a page cannot without a preflight,
 * which is never granted). Signatures are not checked: any credentials will do.
 */
function refusalOf(req: IncomingMessage, isOperation: boolean): string | undefined {
  if (req.headers.origin !== undefined) return 'Requests from web pages (with an Origin header) are refused';
  const port = req.socket.localPort;
  const host = req.headers.host?.toLowerCase();
  if (!host || !LOCAL_HOSTS.some((name) => host === `${name}:${port}`)) {
    return `Host ${host ?? '(none)'} is not this server; use 127.0.0.1:${port} or localhost:${port}`;
  }
  if (!isOperation) return undefined;
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return 'Content-Type must be application/json';
  if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
    return 'Missing AWS SigV4 Authorization header: use the AWS SDK or CLI';
  }
  return undefined;
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

async function handle(api: LocalDataApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const refusal = refusalOf(req, req.method !== 'GET');
  if (refusal) {
    // Drain the body so the connection stays usable, then refuse with no CORS headers at all.
    req.resume();
    send(res, 403, errorBody('AccessDeniedException', refusal), 'AccessDeniedException');
    return;
  }
  if (req.method === 'GET' && path === '/health') {
    send(res, 200, { status: 'ok', service: 'alex-local-data-api', backend: api.backendKind });
    return;
  }
  const operation = ROUTES[path];
  if (req.method !== 'POST' || !operation) {
    send(
      res,
      404,
      errorBody('UnknownOperationException', `Unknown operation ${req.method} ${path}`),
      'UnknownOperationException',
    );
    return;
  }
  try {
    const body = await readJson(req);
    const result = await operation(api, body);
    const payload = Buffer.from(JSON.stringify(result));
    if (payload.length > MAX_RESPONSE_BYTES) {
      throw new BadRequest('Database returned more than the allowed response size limit');
    }
    send(res, 200, payload);
  } catch (err: unknown) {
    if (err instanceof PgError) {
      send(res, 400, errorBody('BadRequestException', databaseErrorMessage(err)), 'BadRequestException');
    } else if (err instanceof BadRequest) {
      send(res, 400, errorBody('BadRequestException', err.message), 'BadRequestException');
    } else {
      const message = err instanceof Error ? err.message : String(err);
      send(res, 500, errorBody('InternalServerErrorException', message), 'InternalServerErrorException');
    }
  }
}

function errorBody(type: string, message: string) {
  return { __type: type, message };
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': payload.length,
    'x-amzn-requestid': crypto.randomUUID(),
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  res.writeHead(status, headers).end(payload);
}

/** The request body as JSON (`{}` when empty); collected from events, the cheapest way `node:http` offers. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.removeAllListeners('data').resume();
        reject(new BadRequest('Request is larger than 4 MiB'));
        return;
      }
      chunks.push(chunk);
    });
    req.once('error', reject);
    req.once('end', () => {
      const text =
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BadRequest('Request body is not valid JSON'));
      }
    });
  });
}
