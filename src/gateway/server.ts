/**
 * Listens (HTTP, or HTTPS with TLS 1.2+ when a certificate and key are configured) and shuts down
 * gracefully: stop accepting, let in-flight requests and streams finish within the grace period,
 * then cut whatever is left.
 */
import { STATUS_CODES, createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { SealGateConfig } from '../config/schema.js';
import { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
import { stageTraceEnabled, traceRequestStart } from '../observability/stage-trace.js';
import { expressServerOptions } from './express-server-options.js';
import { answerShuttingDown } from './middleware/errors.js';

export interface RunningServer {
  gateway: Gateway;
  server: Server;
  url: string;
  port: number;
  host: string;
  /** Graceful: drains for up to `graceMs` (default server.shutdownGraceMs), then closes the gateway. */
  close(graceMs?: number): Promise<void>;
}

export function createNodeServer(gateway: Gateway, config: SealGateConfig): Server {
  const tls = config.server.tls;
  // SEALGATE_STAGE_TRACE: a request's timeline starts when node hands it over, before express.
  const listener: RequestListener = stageTraceEnabled
    ? (req, res) => {
        traceRequestStart();
        gateway.app(req, res);
      }
    : gateway.app;
  const protoOptions = expressServerOptions(gateway.app);
  const server: Server = tls
    ? (createHttpsServer(
        {
          ...protoOptions,
          cert: readFileSync(tls.certFile),
          key: readFileSync(tls.keyFile),
          ca: tls.caFile ? readFileSync(tls.caFile) : undefined,
          minVersion: 'TLSv1.2',
          requestCert: tls.clientCert !== 'none',
          rejectUnauthorized: tls.clientCert === 'required',
        },
        listener,
      ) as unknown as Server) // https.Server extends tls.Server, not http.Server, but has the same request API
    : createHttpServer(protoOptions, listener);
  server.on('clientError', answerClientError);
  // An `Expect` other than 100-continue: node's own answer is a bare 417. The app answers it (request-lifecycle.ts)
  // in OpenAI's error shape with an x-request-id, counted and logged like every request.
  server.on('checkExpectation', listener);
  // CONNECT (a client whose HTTPS_PROXY points here): node closes the socket without a word when nobody listens.
  server.on('connect', (_req, socket: Duplex) =>
    answerRaw(socket, 405, 'method_not_allowed', 'CONNECT is not supported: SealGate is an OpenAI-compatible API gateway, not a proxy. Send API requests to its URL directly.'),
  );
  // Longer than typical load-balancer idle timeouts, so the LB (not us) closes idle connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

const CLIENT_ERRORS: Record<string, [status: number, code: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'request_headers_too_large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time.'],
};

/**
 * A request node's HTTP parser refuses (malformed request line or header, headers too large, a request
 * that did not arrive in time) never reaches express: node's own answer is a bare status line and a reset.
 * This one is in OpenAI's error shape with an x-request-id, like every other answer, and closes the connection.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const inResponse = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (err.code === 'ECONNRESET' || !socket.writable || inResponse) {
    socket.destroy();
    return;
  }
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'invalid_http_request', 'The request is not valid HTTP/1.1.'];
  answerRaw(socket, status, code, message);
}

/** An OpenAI-shaped error written straight to a socket express never saw (with an x-request-id), then closed. */
function answerRaw(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { message, type: 'invalid_request_error', code, param: null } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: req_${randomUUID().replace(/-/g, '')}\r\nconnection: close\r\n\r\n${body}`,
  );
  // A peer that never reads or closes does not keep the socket.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

export async function startServer(config: SealGateConfig, opts: GatewayOptions = {}): Promise<RunningServer> {
  // The port first: building the gateway claims the audit chain and writes to it (a second instance on a busy port
  // took a per-process chain and left a segment and head file behind before it failed with EADDRINUSE).
  const bound = await bindPort(config.server.port, config.server.host);
  let gateway: Gateway;
  let server: Server;
  try {
    gateway = await createGateway(config, opts);
  } catch (err) {
    bound.release();
    throw err;
  }
  try {
    server = createNodeServer(gateway, config);
    await bound.handTo(server);
  } catch (err) {
    bound.release();
    await gateway.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const scheme = config.server.tls ? 'https' : 'http';
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  return {
    gateway,
    server,
    port: address.port,
    host: address.address,
    url: `${scheme}://${hostForUrl}:${address.port}`,
    close(graceMs = config.server.shutdownGraceMs) {
      closing ??= shutdown(server, gateway, graceMs);
      return closing;
    },
  };
}

/** A port bound before the gateway exists; connections arriving meanwhile wait and are handed over with it. */
interface BoundPort {
  /** The HTTP(S) server takes over the listening socket and the connections that came early. */
  handTo(server: Server): Promise<void>;
  /** Stops listening (the gateway could not be built). */
  release(): void;
}

/** Binds host:port, so a busy port fails before anything is claimed or written (`listen EADDRINUSE …`). */
async function bindPort(port: number, host: string): Promise<BoundPort> {
  const holder = createNetServer();
  const early: Socket[] = [];
  // A client that gives up while waiting must not crash the process with an unhandled socket error.
  const ignoreError = (): void => {};
  holder.on('connection', (socket: Socket) => {
    socket.on('error', ignoreError);
    early.push(socket);
  });
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject);
    holder.listen({ port, host }, () => {
      holder.off('error', reject);
      resolve();
    });
  });
  return {
    async handTo(server) {
      // listen(handle) adopts the holder's listening socket (documented for net.Server handles): no second bind.
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(holder, () => {
          server.off('error', reject);
          resolve();
        });
      });
      // 'connection' is how node documents injecting a socket into an HTTP(S) server.
      for (const socket of early.splice(0)) {
        socket.off('error', ignoreError);
        if (!socket.destroyed) server.emit('connection', socket);
      }
    },
    release() {
      for (const socket of early.splice(0)) socket.destroy();
      holder.close();
    },
  };
}

async function shutdown(server: Server, gateway: Gateway, graceMs: number): Promise<void> {
  const { lifecycle, logger } = gateway.deps;
  lifecycle.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold close() open; busy ones get `connection: close` on their next response.
  server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (lifecycle.inFlight > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    server.closeIdleConnections();
  }
  if (lifecycle.inFlight > 0) logger.warn({ inFlight: lifecycle.inFlight }, 'grace period over: closing remaining connections');
  lifecycle.cutting = true;
  // Open streams end with a server_shutdown error event first (what the SDK reports), flushed for at most 250 ms.
  // Requests still waiting for the model (nothing sent yet) get a 503 server_shutdown, flushed within the same 250 ms.
  const cuts = [
    ...[...(lifecycle.openStreams ?? [])].map((cut) => cut()),
    ...[...(lifecycle.open ?? [])].filter((res) => !res.headersSent && !res.writableEnded).map((res) => answerShuttingDown(res)),
  ];
  if (cuts.length > 0) await Promise.race([Promise.all(cuts), new Promise((r) => setTimeout(r, 250))]);
  server.closeAllConnections();
  await closed;
  // The server reports its sockets closed before each cut response's 'close' event has run the outcome
  // observers (which is what counts a request out): closing the gateway now sealed the audit trail first
  // and its record was dropped. Wait for them, briefly (a destroyed socket closes within a few turns).
  for (let turns = 0; lifecycle.inFlight > 0 && turns < 200; turns++) await new Promise((r) => setTimeout(r, 5));
  await gateway.close();
}
