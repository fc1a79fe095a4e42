/**
 * QA round 6: a JSON body labelled `charset=utf8` (no hyphen: OkHttp, .NET and many hand-written clients spell it
 * so; the WHATWG Encoding standard reads it as UTF-8) or `charset=us-ascii` (a subset of UTF-8) was refused with
 * 415 unsupported_encoding, on every body: the request reader took only the spelling `utf-8`. Such bodies are read
 * as UTF-8 now, whether sent plain, chunked or gzip-compressed; a charset that is not UTF-8 is still a 415.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const BODY = JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'café au lait' }] });

async function send(contentType: string, how: 'plain' | 'chunked' | 'gzip'): Promise<{ status: number; text: string }> {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': contentType, ...(how === 'gzip' ? { 'content-encoding': 'gzip' } : {}) },
    body: how === 'gzip' ? gzipSync(BODY) : how === 'chunked' ? new Blob([BODY]).stream() : BODY,
    ...(how === 'chunked' ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, text: await res.text() };
}

describe('UTF-8 bodies under other charset labels', () => {
  for (const label of ['utf8', 'UTF8', '"utf8"', 'us-ascii']) {
    for (const how of ['plain', 'chunked', 'gzip'] as const) {
      it(`charset=${label}, ${how}: read as UTF-8`, async () => {
        const { status, text } = await send(`application/json; charset=${label}`, how);
        expect(status).toBe(200);
        expect(JSON.parse(text).choices[0].message.content).toBe('café au lait');
      });
    }
  }

  it('a charset that is not UTF-8 is still refused with 415', async () => {
    for (const how of ['plain', 'gzip'] as const) {
      const { status, text } = await send('application/json; charset=latin1', how);
      expect(status).toBe(415);
      expect(JSON.parse(text).error.code).toBe('unsupported_encoding');
    }
  });
});
