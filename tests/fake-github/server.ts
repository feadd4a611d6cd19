import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubWaits, systemClock, type Clock, type Waits } from './clock';
import { corsPreflight, withCors } from './cors';
import { controlHandler } from './faults/control';
import { FaultRegistry, type ActiveFault, type FaultKind } from './faults/registry';
import { faultResponse } from './faults/responses';
import { graphqlOperationName } from './graphql/operation';
import { REST_DOCS } from './rest/errors';

/**
 * The fake GitHub's HTTP core. One server on 127.0.0.1 plays both hosts:
 * - `site: 'api'` — a request whose Host (or X-Forwarded-Host, set by the end-to-end routing)
 *   is `api.github.com`, or any request under `/api/v3` or to `/api/graphql` (GitHub Enterprise
 *   style, where the prefix is stripped so handlers see `/repos/...` and `/graphql`);
 * - `site: 'web'` — everything else: github.com's pages, `/login/...`.
 * Handlers are tried in the order they were added; the first to answer wins.
 * Every api answer carries api.github.com's CORS headers and preflights are answered here
 * (cors.ts). Faults (see faults/registry.ts) are checked before the handlers. `/_fake/...` is the control API
 * (faults, waits, request log, and handlers' own control routes), neither faulted nor logged.
 */
export type Site = 'web' | 'api';

export interface FakeRequest {
  method: string;
  site: Site;
  /** Path as the handler should route it (GHE prefixes removed), without the query. */
  path: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
  text(): string;
  json(): unknown;
  /** The fault this request tripped, for faults a handler carries out (a concurrent push during a write). */
  fault?: ActiveFault;
}

export type Handler = (req: FakeRequest) => Response | undefined | Promise<Response | undefined>;

export interface LoggedRequest {
  method: string;
  site: Site;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The status answered; 0 when the connection was dropped without an answer; null while in flight. */
  status: number | null;
  /** The GraphQL operation name, for POST /graphql. */
  operation?: string;
  /** The fault this request tripped, if any. */
  fault?: FaultKind;
}

export interface FakeServer {
  url: string;
  port: number;
  /** Every request but `/_fake/` ones, in arrival order, with its headers and final status. */
  log: LoggedRequest[];
  /** Faults on demand; also reachable at `/_fake/faults`. */
  faults: FaultRegistry;
  clock: Clock;
  /** The waits the fake asks clients for; mutable, GitHub's values unless given. */
  waits: Waits;
  use(handler: Handler): void;
  close(): Promise<void>;
}

export function siteOf(host: string | null, path: string): { site: Site; path: string } {
  if (path === '/api/graphql') return { site: 'api', path: '/graphql' };
  if (path === '/api/v3' || path.startsWith('/api/v3/')) return { site: 'api', path: path.slice('/api/v3'.length) || '/' };
  const name = (host ?? '').split(':')[0]!.toLowerCase();
  return { site: name === 'api.github.com' ? 'api' : 'web', path };
}

function notFound(site: Site): Response {
  return site === 'api'
    ? Response.json({ message: 'Not Found', documentation_url: REST_DOCS, status: '404' }, { status: 404 })
    : new Response('Not Found', { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export interface ServerOptions {
  port?: number;
  handlers?: Handler[];
  clock?: Clock;
  waits?: Partial<Waits>;
  /** How a delay fault waits (default: a real timer); tests can record the waits instead. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answer(handlers: Handler[], fake: FakeRequest): Promise<Response> {
  try {
    for (const handler of handlers) {
      const response = await handler(fake);
      if (response) return response;
    }
    return notFound(fake.site);
  } catch (error) {
    console.error('[fake-github]', fake.method, fake.url.pathname, error);
    return Response.json({ message: 'Server Error', documentation_url: REST_DOCS }, { status: 500 });
  }
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((v, k) => (outHeaders[k] = v));
  res.writeHead(response.status, outHeaders);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startServer(options: ServerOptions = {}): Promise<FakeServer> {
  const handlers: Handler[] = [...(options.handlers ?? [])];
  const log: LoggedRequest[] = [];
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const waits: Waits = { ...githubWaits, ...options.waits };
  const faults = new FaultRegistry(clock);
  const control = controlHandler({ faults, waits, log });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = new Uint8Array(Buffer.concat(chunks));
    const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? null;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const { site, path } = siteOf(host, url.pathname);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    const fake: FakeRequest = {
      method: req.method ?? 'GET',
      site,
      path,
      url,
      headers,
      body,
      text: () => new TextDecoder().decode(body),
      json: () => JSON.parse(new TextDecoder().decode(body)) as unknown,
    };
    // Control routes: the fault/log/waits API first, then any handler's own `/_fake/…` routes.
    if (path.startsWith('/_fake/')) return send(res, await answer([control, ...handlers], fake));

    const operation = site === 'api' && path === '/graphql' && fake.method === 'POST' ? graphqlOperationName(fake.text()) : undefined;
    const target = { site, method: fake.method, path, operation, authenticated: headers.has('authorization') };
    // A browser's preflight is answered by api.github.com's CORS layer: never faulted, so a fault
    // for the next request is spent on that request, not on its preflight.
    const preflight = site === 'api' && fake.method === 'OPTIONS';
    const fault = preflight ? undefined : faults.take(target);
    if (fault) fake.fault = fault;
    // Logged on arrival, so a test slicing the log around a page view counts a request that is
    // still in flight (its status fills in when it is answered) and never a late one from before.
    const entry: LoggedRequest = {
      method: fake.method,
      site,
      path,
      query: url.search,
      headers: Object.fromEntries(headers),
      status: null,
      ...(operation !== undefined && { operation }),
      ...(fault && { fault: fault.action.kind }),
    };
    log.push(entry);
    const record = (status: number) => void (entry.status = status);

    if (fault?.action.kind === 'drop-before') {
      record(0);
      res.destroy();
      return;
    }
    if (fault?.action.kind === 'delay' && fault.action.ms > 0) await sleep(fault.action.ms);
    const response = preflight ? corsPreflight() : ((fault && faultResponse(fault, target, clock.now(), waits)) ?? (await answer(handlers, fake)));
    if (site === 'api') withCors(response);
    if (fault?.action.kind === 'drop-after') {
      record(0);
      res.destroy();
      return;
    }
    record(response.status);
    await send(res, response);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    faults,
    clock,
    waits,
    use: (handler) => handlers.push(handler),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
