/**
 * Waiting for a slow reader. `events.once(res, 'drain')` raced against `once(res, 'close')` leaves
 * the loser's listeners (and an 'error' listener each) on the response until it closes, so a long
 * stream to a slow client piles up listeners on every wait. This waits for whichever comes first and
 * removes both listeners either way.
 */
import type { Writable } from 'node:stream';

/** Resolves when `out` drains, closes or is already destroyed (a destroyed stream never drains). Never rejects. */
export function drainedOrClosed(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
