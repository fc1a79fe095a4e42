/** drainedOrClosed (src/gateway/backpressure.ts): waits for a slow reader without leaving listeners behind. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drainedOrClosed } from '../../../src/gateway/backpressure.js';

function slowSink(): { sink: Writable; release: () => void } {
  const pending: Array<() => void> = [];
  const sink = new Writable({
    highWaterMark: 4,
    write(_chunk, _enc, done) {
      pending.push(done);
    },
  });
  return { sink, release: () => pending.splice(0).forEach((done) => done()) };
}

const listeners = (s: Writable) => s.listenerCount('drain') + s.listenerCount('close') + s.listenerCount('error');

describe('drainedOrClosed', () => {
  it('resolves on drain and removes its listeners, however many times a stream waits', async () => {
    const { sink, release } = slowSink();
    const before = listeners(sink);
    for (let i = 0; i < 50; i++) {
      expect(sink.write('more than four bytes')).toBe(false);
      const waiting = drainedOrClosed(sink);
      setImmediate(release);
      await waiting;
    }
    expect(listeners(sink)).toBe(before);
  });

  it('resolves on close (a closed stream never drains) and at once when already destroyed', async () => {
    const { sink } = slowSink();
    sink.write('more than four bytes');
    const waiting = drainedOrClosed(sink);
    sink.destroy();
    await waiting;
    expect(sink.listenerCount('drain')).toBe(0);
    await drainedOrClosed(sink);
  });
});
