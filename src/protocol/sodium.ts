/**
 * The only place the protocol loads libsodium. Named imports from libsodium-wrappers crash at
 * runtime under ESM (stack-notes.md), so everything goes through the default export after `ready`.
 */
import sodium from 'libsodium-wrappers';

export type Sodium = typeof sodium;

let readyPromise: Promise<Sodium> | undefined;
let sodiumIsReady = false;

export function loadSodium(): Promise<Sodium> {
  readyPromise ??= sodium.ready.then(() => {
    sodiumIsReady = true;
    return sodium;
  });
  return readyPromise;
}

/** Synchronous access once `loadSodium()` has resolved; hot paths stay free of awaits. */
export function sodiumSync(): Sodium {
  if (!sodiumIsReady) throw new Error('libsodium not initialised: await loadSodium() first');
  return sodium;
}


/** Overwrite key material / plaintext in place; best effort for the Uint8Arrays we own. */
export function wipe(...buffers: Array<Uint8Array | undefined>): void {
  for (const buffer of buffers) if (buffer && buffer.length > 0) sodium.memzero(buffer);
}
