import { beforeAll, describe, expect, it } from 'vitest';
import {
  RESPONSE_HEAD_LENGTH,
  RESPONSE_NONCE_LENGTH,
  ResponseOpener,
  ResponseSealer,
  checkTimestamp,
  concatBytes,
  exportResponseSecret,
  fromUtf8,
  generateX25519KeyPair,
  loadSodium,
  openRequest,
  parseEnvelope,
  prepareSender,
  sealRequest,
  utf8,
  type RequestBinding,
} from '../../src/protocol/index.js';

beforeAll(async () => {
  await loadSodium();
});

const binding: RequestBinding = {
  tenant: 'acme',
  route: '/v1/chat/completions',
  model: 'gpt-test',
  timestampMs: 1_790_000_000_000,
  requestId: 'req_0123456789abcdef',
};
const body = JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'secret 机密' }] });

function sealed(keyId = 'k1') {
  const recipient = generateX25519KeyPair();
  const request = sealRequest({ recipientPublicKey: recipient.publicKey, keyId, binding, plaintext: utf8(body) });
  return { recipient, request };
}

describe('request envelope', () => {
  it('seals with a sender context prepared ahead of time (one request each), and refuses one for another key', () => {
    const recipient = generateX25519KeyPair();
    const other = generateX25519KeyPair();
    const prepared = [prepareSender(recipient.publicKey, 'k1'), prepareSender(recipient.publicKey, 'k1')];
    // Two preparations never share an ephemeral key.
    expect(Buffer.from(prepared[0]!.enc).equals(Buffer.from(prepared[1]!.enc))).toBe(false);
    for (const sender of prepared) {
      const request = sealRequest({ recipientPublicKey: recipient.publicKey, keyId: 'k1', binding, plaintext: utf8(body), sender });
      expect(request.enc).toBe(sender.enc);
      const { plaintext } = openRequest(parseEnvelope(request.body), recipient, { tenant: 'acme', route: '/v1/chat/completions' });
      expect(fromUtf8(plaintext)).toBe(body);
    }
    const stale = prepareSender(recipient.publicKey, 'k1');
    expect(() => sealRequest({ recipientPublicKey: recipient.publicKey, keyId: 'k2', binding, plaintext: utf8(body), sender: stale })).toThrow(/another recipient key/);
    expect(() => sealRequest({ recipientPublicKey: other.publicKey, keyId: 'k1', binding, plaintext: utf8(body), sender: stale })).toThrow(/another recipient key/);
  });

  it('round-trips and exposes only routing metadata in clear', () => {
    const { recipient, request } = sealed();
    const envelope = parseEnvelope(request.body);
    expect(envelope.header).toMatchObject({ keyId: 'k1', model: 'gpt-test', requestId: binding.requestId, timestampMs: binding.timestampMs });
    expect(Buffer.from(request.body).includes(Buffer.from('secret'))).toBe(false);
    const { plaintext } = openRequest(envelope, recipient, { tenant: 'acme', route: '/v1/chat/completions' });
    expect(fromUtf8(plaintext)).toBe(body);
  });

  it.each([
    ['tenant', { tenant: 'other', route: '/v1/chat/completions' }],
    ['route', { tenant: 'acme', route: '/v1/embeddings' }],
  ])('refuses a request re-bound to another %s', (_name, outer) => {
    const { recipient, request } = sealed();
    expect(() => openRequest(parseEnvelope(request.body), recipient, outer)).toThrow(/could not be decrypted/);
  });

  it('refuses edited cleartext header fields (model, timestamp, request id, key id)', () => {
    const { recipient, request } = sealed();
    const envelope = parseEnvelope(request.body);
    const outer = { tenant: 'acme', route: '/v1/chat/completions' };
    for (const header of [
      { ...envelope.header, model: 'gpt-other' },
      { ...envelope.header, timestampMs: envelope.header.timestampMs + 1 },
      { ...envelope.header, requestId: 'req_fedcba9876543210' },
      { ...envelope.header, keyId: 'k2' },
    ]) {
      expect(() => openRequest({ ...envelope, header }, recipient, outer)).toThrow(/could not be decrypted/);
    }
  });

  it('refuses a tampered ciphertext and a wrong recipient key', () => {
    const { recipient, request } = sealed();
    const tampered = request.body.slice();
    tampered[tampered.length - 1]! ^= 0x80;
    const outer = { tenant: 'acme', route: '/v1/chat/completions' };
    expect(() => openRequest(parseEnvelope(tampered), recipient, outer)).toThrow(/could not be decrypted/);
    expect(() => openRequest(parseEnvelope(request.body), generateX25519KeyPair(), outer)).toThrow(/could not be decrypted/);
  });

  it('rejects malformed envelopes with a precise code', () => {
    const { request } = sealed();
    const codeOf = (bytes: Uint8Array) => {
      try {
        parseEnvelope(bytes);
        return 'parsed';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf(new Uint8Array(0))).toBe('malformed_envelope');
    expect(codeOf(request.body.subarray(0, 40))).toBe('malformed_envelope');
    const wrongVersion = request.body.slice();
    wrongVersion[0] = 9;
    expect(codeOf(wrongVersion)).toBe('unsupported_version');
    const wrongSuite = request.body.slice();
    wrongSuite[6] = 0x01; // AES-128-GCM
    expect(codeOf(wrongSuite)).toBe('unsupported_suite');
  });

  it('checks the timestamp window', () => {
    expect(() => checkTimestamp(1000, 1000 + 60_000)).not.toThrow();
    expect(() => checkTimestamp(1000, 1000 + 60_001)).toThrow(/outside the accepted window/);
    expect(() => checkTimestamp(1000 + 60_001, 1000)).toThrow(/outside the accepted window/);
  });
});

describe('sealed response frames', () => {
  function pair() {
    const { recipient, request } = sealed();
    const { context } = openRequest(parseEnvelope(request.body), recipient, { tenant: 'acme', route: '/v1/chat/completions' });
    const sealer = new ResponseSealer(exportResponseSecret(context), request.enc);
    sealer.begin({ status: 200, kind: 'event-stream' });
    const opener = () => new ResponseOpener(exportResponseSecret(request.context), request.enc);
    return { sealer, opener, request };
  }
  const frames = (sealer: ResponseSealer, parts: string[]) =>
    parts.map((part, i) => sealer.seal(utf8(part), i === parts.length - 1));

  it('decrypts a stream delivered in arbitrary byte slices', () => {
    const { sealer, opener } = pair();
    const wire = concatBytes(sealer.head, ...frames(sealer, ['a', 'bb', 'ccc', '[DONE]']));
    const reader = opener();
    const out: string[] = [];
    for (let i = 0; i < wire.length; i += 7) out.push(...reader.push(wire.subarray(i, i + 7)).map(fromUtf8));
    reader.end();
    expect(out).toEqual(['a', 'bb', 'ccc', '[DONE]']);
  });

  it('detects truncation before the final frame', () => {
    const { sealer, opener } = pair();
    const [a, b] = frames(sealer, ['a', 'b', 'final']);
    const reader = opener();
    reader.push(concatBytes(sealer.head, a!, b!));
    expect(() => reader.end()).toThrow(/before its authenticated final frame/);
  });

  it('detects reordering and a dropped frame', () => {
    const { sealer, opener } = pair();
    const [a, b, c] = frames(sealer, ['a', 'b', 'final']);
    expect(() => opener().push(concatBytes(sealer.head, b!, a!, c!))).toThrow(/failed authentication/);
    expect(() => opener().push(concatBytes(sealer.head, a!, c!))).toThrow(/failed authentication/);
  });

  it('detects a non-final frame relabelled as final (early end)', () => {
    const { sealer, opener } = pair();
    const [a] = frames(sealer, ['a', 'final']);
    const relabelled = a!.slice();
    relabelled[0] = 0x01;
    expect(() => opener().push(concatBytes(sealer.head, relabelled))).toThrow(/failed authentication/);
  });

  it('detects frames spliced in from another response', () => {
    const one = pair();
    const two = pair();
    const [a1] = frames(one.sealer, ['a', 'final']);
    const [, final2] = frames(two.sealer, ['x', 'final']);
    expect(() => one.opener().push(concatBytes(one.sealer.head, a1!, final2!))).toThrow(/failed authentication/);
  });

  it('authenticates the status and kind in the head: known once a frame opened, a relabelled head fails', () => {
    const { sealer, opener } = pair();
    const [a, final] = frames(sealer, ['a', 'final']);
    const reader = opener();
    reader.push(sealer.head);
    expect(reader.head).toBeUndefined();
    reader.push(a!);
    expect(reader.head).toEqual({ status: 200, kind: 'event-stream' });
    for (const [at, value] of [
      [RESPONSE_NONCE_LENGTH, 0x01], // status 200 (0x00c8) -> 456 (0x01c8)
      [RESPONSE_NONCE_LENGTH + 1, 0xc9], // status 200 -> 201
      [RESPONSE_NONCE_LENGTH + 2, 0x00], // event stream -> JSON
    ] as const) {
      const relabelled = sealer.head.slice();
      relabelled[at] = value;
      expect(() => opener().push(concatBytes(relabelled, a!, final!))).toThrow(/failed authentication/);
    }
    const unknownKind = sealer.head.slice();
    unknownKind[RESPONSE_HEAD_LENGTH - 1] = 7;
    expect(() => opener().push(unknownKind)).toThrow(/malformed response head/);
  });

  it('seals nothing before the head is set, and sets it once', () => {
    const { request } = sealed();
    const sealer = new ResponseSealer(new Uint8Array(32).fill(1), request.enc);
    expect(() => sealer.seal(utf8('x'), true)).toThrow(/call begin/);
    expect(sealer.begin({ status: 404, kind: 'json' })).toHaveLength(RESPONSE_HEAD_LENGTH);
    expect(() => sealer.begin({ status: 200, kind: 'json' })).toThrow(/already set/);
    expect(() => new ResponseSealer(new Uint8Array(32), request.enc).begin({ status: 1000, kind: 'json' })).toThrow(/invalid HTTP status/);
  });

  it('refuses data after the final frame and absurd frame lengths', () => {
    const { sealer, opener } = pair();
    const [final] = frames(sealer, ['only']);
    expect(() => opener().push(concatBytes(sealer.head, final!, Uint8Array.of(0, 0, 0, 0, 20)))).toThrow(/after the final/);
    expect(() => opener().push(concatBytes(sealer.head, Uint8Array.of(0, 0xff, 0xff, 0xff, 0xff)))).toThrow(/malformed response frame/);
  });
});
