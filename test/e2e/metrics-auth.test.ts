/**
 * `GET /metrics` lists tenant ids, models and request rates, and was open to anyone who reached the port
 * (found by QA round 4). With `server.metrics.tokenEnv` it needs that bearer token; without it, it stays
 * open (loopback default) and `sealgate doctor` warns when the gateway listens beyond loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/loader.js';
import { diagnose } from '../../src/cli/doctor.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

const ENV = 'SG_TEST_METRICS_TOKEN';
const TOKEN = 'metrics-scrape-token-7f3a91';

describe('with server.metrics.tokenEnv', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    process.env[ENV] = TOKEN;
    gw = await startGateway({ server: { metrics: { tokenEnv: ENV } }, audit: { enabled: false } });
  });
  afterAll(async () => {
    await gw?.close();
    delete process.env[ENV];
  });

  it('a scrape without the token gets a 401 in OpenAI error shape and no metrics', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${gw.apiKey}`]) {
      const res = await fetch(`${gw.url}/metrics`, { headers: authorization ? { authorization } : {} });
      const text = await res.text();
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(JSON.parse(text).error.code).toBe('invalid_metrics_token');
      expect(text).not.toContain('sealgate_');
    }
  });

  it('a scrape with the token gets the Prometheus text', async () => {
    const res = await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^# HELP /m);
  });

  it('health endpoints stay open', async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
  });
});

describe('start-up and doctor', () => {
  it('a tokenEnv naming an unset variable stops start-up', async () => {
    delete process.env[ENV];
    await expect(startGateway({ server: { metrics: { tokenEnv: ENV } } })).rejects.toThrow(/SG_TEST_METRICS_TOKEN, which is not set/);
  });

  it('without a token, /metrics is open and doctor warns only beyond loopback', async () => {
    const gw = await startGateway({ audit: { enabled: false } });
    try {
      expect((await fetch(`${gw.url}/metrics`)).status).toBe(200);
    } finally {
      await gw.close();
    }
    const codes = (host: string, metrics: object = {}) => diagnose(validateConfig({ server: { host, metrics } }, 'test'), {}).map((w) => w.code);
    expect(codes('127.0.0.1')).not.toContain('metrics_open');
    expect(codes('0.0.0.0')).toContain('metrics_open');
    expect(codes('0.0.0.0', { tokenEnv: ENV })).not.toContain('metrics_open');
    expect(codes('0.0.0.0', { tokenEnv: ENV })).toContain('metrics_token_missing');
  });
});
