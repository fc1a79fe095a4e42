/** Client SDK for confidential mode: bundle this without the server (imports only src/protocol). */
export { createConfidentialFetch, REFUSED_ANSWER_HEADER, type ConfidentialFetch, type ConfidentialFetchOptions } from './confidential-fetch.js';
export { AttestationCache, type VerifiedAttestation } from './attestation-cache.js';
export { ProtocolError, verifyAttestation, verifyReceiptSignature, decodeAttestationPayload } from '../protocol/index.js';
