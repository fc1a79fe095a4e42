/**
 * A gateway with confidential mode on, its enclave root key in a temp dir, a fake upstream, and an
 * official openai SDK client whose `fetch` is the confidential client. `recorded` holds every byte
 * that crossed the wire between client and gateway, so tests can assert no plaintext was on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { deepMerge } from '../../src/config/loader.js';
import { createConfidentialFetch, type ConfidentialFetch } from '../../src/client/index.js';
import { initRootKey } from '../../enclave-sim/root-key.js';
import { RESPONSE_HEAD_LENGTH } from '../../src/protocol/index.js';
import type { EnclaveHost } from '../../enclave-sim/host.js';
import type { GatewayOptions } from '../../src/gateway/gateway.js';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

export interface WireRecord {
  url: string;
  requestBody: Uint8Array | null;
  responseBody: Uint8Array;
}

export interface ConfidentialSetup {
  gw: TestGateway;
  fake: FakeUpstream;
  host: EnclaveHost;
  rootPublicKey: string;
  measurement: string;
  recorded: WireRecord[];
  /** An openai client in confidential mode; `fetchOverrides` let tests tamper with the wire. */
  client(opts?: ClientOptions): { openai: OpenAI; fetch: ConfidentialFetch };
  close(): Promise<void>;
}

export interface ClientOptions {
  rootPublicKey?: string;
  allowedMeasurements?: string[];
  now?: () => number;
  maxRetries?: number;
  /** Rewrites each request before it is sent (tamper tests). */
  onRequest?: (url: string, init: RequestInit) => { url: string; init: RequestInit };
  /** Hand responses through as they stream (no recording): needed to act mid-stream. */
  passthrough?: boolean;
  /** Rewrites each response body's bytes (tamper tests). */
  onResponseBytes?: (url: string, bytes: Uint8Array) => Uint8Array;
  /** Rewrites each response's HTTP status (a main thread relabelling a sealed answer). */
  onResponseStatus?: (url: string, status: number) => number;
  maxAnswerBytes?: number;
}

export async function startConfidentialGateway(overrides: Record<string, unknown> = {}, gatewayOptions: GatewayOptions = {}): Promise<ConfidentialSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-conf-'));
  const rootKeyFile = join(dir, 'enclave-root.json');
  const { publicKey } = await initRootKey(rootKeyFile);
  const fake = await startFakeUpstream();
  const gw = await startGateway(
    deepMerge({ upstream: { providers: [fakeProvider(fake)] }, confidential: { enabled: true, rootKeyFile } }, overrides),
    gatewayOptions,
  );
  const host = gw.running.gateway.deps.confidential!.host;
  const measurement = host.identity!.measurement;
  // The allow-list the default clients trust: the enclave's measurement, plus any it gets after a
  // restart (the shared working tree may change under a long test run; in CI it never does).
  const trusted = [measurement];
  host.on('ready', (identity: { measurement: string }) => {
    if (!trusted.includes(identity.measurement)) trusted.push(identity.measurement);
  });
  const recorded: WireRecord[] = [];

  const client = (opts: ClientOptions = {}) => {
    const wire: typeof fetch = async (input, init) => {
      let url = input instanceof Request ? input.url : String(input);
      let requestInit: RequestInit = init ?? {};
      if (opts.onRequest) ({ url, init: requestInit } = opts.onRequest(url, requestInit));
      const requestBody = requestInit.body instanceof Uint8Array ? requestInit.body : null;
      const response = await fetch(input instanceof Request && !opts.onRequest ? input : url, requestInit);
      if (opts.passthrough) return response;
      let bytes: Uint8Array = new Uint8Array(await response.arrayBuffer());
      if (opts.onResponseBytes) bytes = opts.onResponseBytes(url, bytes);
      recorded.push({ url, requestBody, responseBody: bytes });
      const status = opts.onResponseStatus ? opts.onResponseStatus(url, response.status) : response.status;
      return new Response(bytes.slice() as Uint8Array<ArrayBuffer>, { status, headers: response.headers });
    };
    const confidentialFetch = createConfidentialFetch({
      gatewayUrl: gw.url,
      rootPublicKey: opts.rootPublicKey ?? publicKey,
      allowedMeasurements: opts.allowedMeasurements ?? trusted,
      fetch: wire,
      now: opts.now,
      maxAnswerBytes: opts.maxAnswerBytes,
    });
    const openai = new OpenAI({ apiKey: gw.apiKey, baseURL: gw.baseURL, maxRetries: opts.maxRetries ?? 0, timeout: 20_000, fetch: confidentialFetch });
    return { openai, fetch: confidentialFetch };
  };

  return {
    gw,
    fake,
    host,
    rootPublicKey: publicKey,
    measurement,
    recorded,
    client,
    async close() {
      await gw.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A chat request for the fake upstream's model. */
export const ask = (content: string) => ({ model: 'fake-model', messages: [{ role: 'user' as const, content }] });

/** Applies a wire edit to the sealed route's traffic only (attestation and other calls pass). */
export const sealedOnly =
  <T>(edit: (value: T) => T) =>
  (url: string, value: T): T =>
    url.includes('/v1/confidential/') ? edit(value) : value;

/** A sealed answer as the wire carries it: the head, then each frame (type | u32 length | sealed). */
export function splitSealedAnswer(bytes: Uint8Array): { head: Buffer; frames: Buffer[] } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: Buffer[] = [];
  for (let at = RESPONSE_HEAD_LENGTH; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at + 1);
    frames.push(buffer.subarray(at, at + 5 + length));
    at += 5 + length;
  }
  return { head: buffer.subarray(0, RESPONSE_HEAD_LENGTH), frames };
}

export function containsBytes(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle, 'utf8'));
}
