/**
 * `ResponseSealer.sealFrames`: a plaintext over one frame's bound (16 MiB sealed) is sealed as data
 * frames of at most MAX_FRAME_PLAINTEXT bytes and, when final, the final frame last, so the client
 * (which refuses any frame over 16 MiB) opens it whole (found by QA round 6; the e2e case is
 * test/e2e/qa6-confidential-large-answer.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_FRAME_LENGTH,
  MAX_FRAME_PLAINTEXT,
  RESPONSE_HEAD_LENGTH,
  ResponseOpener,
  ResponseSealer,
  concatBytes,
  exportResponseSecret,
  generateX25519KeyPair,
  loadSodium,
  openRequest,
  parseEnvelope,
  sealRequest,
  utf8,
} from '../../src/protocol/index.js';

beforeAll(async () => {
  await loadSodium();
});

function pair(kind: 'json' | 'event-stream') {
  const recipient = generateX25519KeyPair();
  const binding = { tenant: 'acme', route: '/v1/embeddings', model: 'm', timestampMs: 1_790_000_000_000, requestId: 'req_0123456789abcdef' };
  const request = sealRequest({ recipientPublicKey: recipient.publicKey, keyId: 'k1', binding, plaintext: utf8('{"model":"m"}') });
  const { context } = openRequest(parseEnvelope(request.body), recipient, { tenant: 'acme', route: '/v1/embeddings' });
  const sealer = new ResponseSealer(exportResponseSecret(context), request.enc);
  const head = sealer.begin({ status: 200, kind });
  return { sealer, head, opener: new ResponseOpener(exportResponseSecret(request.context), request.enc) };
}

/** Frame lengths on the wire after the head. */
function frameLengths(wire: Uint8Array): number[] {
  const buffer = Buffer.from(wire);
  const out: number[] = [];
  for (let at = RESPONSE_HEAD_LENGTH; at < buffer.length; at += 5 + buffer.readUInt32BE(at + 1)) out.push(buffer.readUInt32BE(at + 1));
  return out;
}

describe('sealFrames', () => {
  it('a body over one frame is data frames of at most 16 MiB and the final frame; the client opens it whole', () => {
    const { sealer, head, opener } = pair('json');
    const size = MAX_FRAME_PLAINTEXT + 1000;
    const body = new Uint8Array(Buffer.alloc(size, 'abcdefghijklmnopqrstuvwxyz'));
    const expected = body.slice();
    const wire = concatBytes(head, sealer.sealFrames(body, true));
    expect(frameLengths(wire)).toEqual([MAX_FRAME_LENGTH, 1000 + 16]);
    const parts = opener.push(wire);
    opener.end();
    expect(Buffer.compare(Buffer.concat(parts), Buffer.from(expected))).toBe(0);
    // The plaintext is wiped once sealed, as by seal().
    expect(Buffer.from(body.buffer).equals(Buffer.alloc(size))).toBe(true);
  });

  it('a body that fits is one frame, as before; data frames of a stream stay data frames', () => {
    const { sealer, head, opener } = pair('event-stream');
    const wire = concatBytes(head, sealer.sealFrames(utf8('data: {}\n\n'), false), sealer.sealFrames(new Uint8Array(MAX_FRAME_PLAINTEXT * 2), false), sealer.sealFrames(utf8('data: [DONE]\n\n'), true));
    expect(frameLengths(wire)).toEqual([10 + 16, MAX_FRAME_LENGTH, MAX_FRAME_LENGTH, 14 + 16]);
    const parts = opener.push(wire);
    opener.end();
    expect(parts).toHaveLength(4);
    expect(Buffer.from(parts[3]!).toString()).toBe('data: [DONE]\n\n');
  });
});
