/**
 * Listens (HTTP, or HTTPS with TLS 1.2+ when a certificate and key are configured) and shuts down
 * gracefully: stop accepting, let in-flight requests and streams finish within the grace period,
 * then cut whatever is left.
 */
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { SealGateConfig } from '../config/schema.js';
import { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
import { stageTraceEnabled, traceRequestStart } from '../observability/stage-trace.js';
import { expressServerOptions } from './express-server-options.js';

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
  // Longer than typical load-balancer idle timeouts, so the LB (not us) closes idle connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export async function startServer(config: SealGateConfig, opts: GatewayOptions = {}): Promise<RunningServer> {
  const gateway = await createGateway(config, opts);
  const server = createNodeServer(gateway, config);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.server.port, config.server.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
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
  server.closeAllConnections();
  await closed;
  await gateway.close();
}
