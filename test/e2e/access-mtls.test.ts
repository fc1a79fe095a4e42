/**
 * Mutual TLS: the gateway verifies client certificates against a CA and maps them to tenants by
 * subject CN or SHA-256 fingerprint. Certificates are made with the system's openssl in a temp dir.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

const dir = mkdtempSync(join(tmpdir(), 'sealgate-mtls-'));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

function issue(name: string, cn: string, ext?: string): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`);
  const args = ['x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file(`${name}.crt`), '-days', '2'];
  if (ext) {
    writeFileSync(file(`${name}.ext`), ext);
    args.push('-extfile', file(`${name}.ext`));
  }
  openssl(...args);
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

function call(gw: TestGateway, path: string, opts: { client?: string; apiKey?: string; body?: unknown }): Promise<Reply> {
  const url = new URL(`${gw.url}${path}`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: opts.body ? 'POST' : 'GET',
        ca: readFileSync(file('ca.crt')),
        ...(opts.client ? { cert: readFileSync(file(`${opts.client}.crt`)), key: readFileSync(file(`${opts.client}.key`)) } : {}),
        headers: { 'content-type': 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ? JSON.stringify(opts.body) : undefined);
  });
}

describe('mutual TLS client certificates mapped to tenants', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  const chat = { model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] };

  beforeAll(async () => {
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=SealGate Test CA');
    issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\n');
    issue('billing', 'billing-svc');
    issue('search', 'search-svc');
    issue('stranger', 'stranger-svc');
    const searchFingerprint = new X509Certificate(readFileSync(file('search.crt'))).fingerprint256;
    fake = await startFakeUpstream();
    gw = await startGateway({
      server: { tls: { certFile: file('server.crt'), keyFile: file('server.key'), caFile: file('ca.crt'), clientCert: 'optional' } },
      upstream: { providers: [fakeProvider(fake)] },
      access: {
        devMode: false,
        tenants: { billing: { limits: { requestsPerMinute: 77 } }, search: { limits: { requestsPerMinute: 55 } } },
        mtls: { clients: [{ subjectCN: 'billing-svc', tenant: 'billing' }, { fingerprint256: searchFingerprint, tenant: 'search' }] },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    await fake?.close();
  });

  it('authenticates a mapped certificate by subject CN, with no API key', async () => {
    const reply = await call(gw, '/v1/chat/completions', { client: 'billing', body: chat });
    expect(reply.status).toBe(200);
    expect(reply.body.choices[0].message.content).toBe('hi');
    expect(reply.headers['x-ratelimit-limit-requests']).toBe('77');
  });

  it('authenticates a mapped certificate by fingerprint', async () => {
    const reply = await call(gw, '/v1/chat/completions', { client: 'search', body: chat });
    expect(reply.status).toBe(200);
    expect(reply.headers['x-ratelimit-limit-requests']).toBe('55');
  });

  it('does not mint short-lived tokens from a certificate identity (tokens trace back to a revocable key)', async () => {
    const reply = await call(gw, '/v1/tokens', { client: 'billing', body: {} });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('token_requires_api_key');
  });

  it('refuses an unmapped certificate and a connection without one', async () => {
    expect((await call(gw, '/v1/chat/completions', { client: 'stranger', body: chat })).status).toBe(401);
    const none = await call(gw, '/v1/chat/completions', { body: chat });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('missing_api_key');
  });
});
