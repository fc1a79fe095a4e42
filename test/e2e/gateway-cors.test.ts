/** Browser access: CORS is off by default; listed origins get preflights answered and headers exposed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let open: TestGateway;
let closed: TestGateway;

beforeAll(async () => {
  open = await startGateway({ ...CORE_ONLY, server: { cors: { allowedOrigins: ['https://app.example.com'] } } });
  closed = await startGateway({ ...CORE_ONLY });
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
});

const preflight = (gw: TestGateway, origin: string) =>
  fetch(`${gw.baseURL}/chat/completions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('CORS', () => {
  it('answers preflights from allowed origins without credentials', async () => {
    const res = await preflight(open, 'https://app.example.com');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('exposes request id and rate-limit headers on real responses', async () => {
    const res = await fetch(`${open.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { origin: 'https://app.example.com', authorization: `Bearer ${open.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sealgate-demo', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('gives other origins, and every origin when CORS is off, no CORS headers', async () => {
    for (const [gw, origin] of [[open, 'https://evil.example'], [closed, 'https://app.example.com']] as const) {
      const res = await preflight(gw, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.status).not.toBe(204);
    }
  });

  it('marks every answer Vary: Origin when origins are listed, also for other origins and no origin (a shared cache keys on it)', async () => {
    const body = JSON.stringify({ model: 'sealgate-demo', messages: [{ role: 'user', content: 'hi' }] });
    for (const origin of ['https://evil.example', undefined]) {
      const res = await fetch(`${open.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { ...(origin ? { origin } : {}), authorization: `Bearer ${open.apiKey}`, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('vary') ?? '', String(origin)).toContain('Origin');
    }
  });
});
