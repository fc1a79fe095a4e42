/**
 * Transport security owned by the gateway core: HTTPS with TLS 1.2 as the floor when a certificate
 * and key are configured, and upstream TLS always verified (an upstream with an untrusted
 * certificate is a failed upstream, never a silently accepted one). Certificates are made with the
 * system's openssl in a temp dir.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer, request as httpsRequest, type Server } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

const dir = mkdtempSync(join(tmpdir(), 'sealgate-tls-'));
const cert = join(dir, 'server.crt');
const key = join(dir, 'server.key');

let gw: TestGateway;
let untrustedUpstream: Server;

beforeAll(async () => {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'pipe' },
  );
  // An OpenAI-looking upstream whose certificate nobody trusts.
  untrustedUpstream = createHttpsServer({ cert: readFileSync(cert), key: readFileSync(key) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [] }));
  });
  await new Promise<void>((r) => untrustedUpstream.listen(0, '127.0.0.1', r));
  const port = (untrustedUpstream.address() as AddressInfo).port;
  gw = await startGateway({
    ...CORE_ONLY,
    server: { tls: { certFile: cert, keyFile: key } },
    upstream: { providers: [{ name: 'selfsigned', type: 'openai', baseUrl: `https://127.0.0.1:${port}/v1`, models: ['m'] }], retries: { maxAttempts: 1 } },
  });
});

afterAll(async () => {
  await gw?.close();
  await new Promise((r) => untrustedUpstream?.close(r));
});

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${gw.url}${path}`, { ca: readFileSync(cert) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function handshake(maxVersion: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'): Promise<string> {
  const url = new URL(gw.url);
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: url.hostname, port: Number(url.port), ca: readFileSync(cert), minVersion: 'TLSv1', maxVersion }, () => {
      const version = socket.getProtocol() ?? '';
      socket.end();
      resolve(version);
    });
    socket.on('error', reject);
  });
}

describe('HTTPS', () => {
  it('serves over TLS when given a certificate and key', async () => {
    expect(gw.url.startsWith('https://')).toBe(true);
    expect(await get('/healthz')).toBe(200);
  });

  it('accepts TLS 1.2 and 1.3, refuses anything older', async () => {
    expect(await handshake('TLSv1.2')).toBe('TLSv1.2');
    expect(await handshake('TLSv1.3')).toBe('TLSv1.3');
    await expect(handshake('TLSv1.1')).rejects.toThrow();
  });
});

describe('upstream TLS', () => {
  it('is verified: an upstream with an untrusted certificate fails with 502', async () => {
    // The test trusts the certificate for its own hop to the gateway; the gateway does not for its upstream.
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(
        `${gw.baseURL}/chat/completions`,
        { method: 'POST', ca: readFileSync(cert), headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' } },
        (r) => {
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }));
    });
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'upstream_error' } });
  });
});
