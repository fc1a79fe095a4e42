/** The confidential wire format shared by the client SDK and the enclave (docs/PROTOCOL.md). */
export * from './constants.js';
export * from './errors.js';
export * from './bytes.js';
export * from './canonical-json.js';
export * from './hpke.js';
export * from './envelope.js';
export * from './frames.js';
export * from './attestation.js';
export * from './receipt.js';
export { loadSodium, wipe } from './sodium.js';
