/** Protocol identifiers. Changing any of these is a new protocol version (docs/PROTOCOL.md). */
export const PROTOCOL_VERSION = 2;
export const PROTOCOL_NAME = 'sealgate/2';

/** Content types on the wire: the gateway routes by them, the client decrypts only these. */
export const REQUEST_CONTENT_TYPE = 'message/sealgate-request';
export const RESPONSE_CONTENT_TYPE = 'message/sealgate-response';

/** Confidential routes live under this prefix; the rest of the path is the OpenAI route it carries. */
export const CONFIDENTIAL_PATH_PREFIX = '/v1/confidential';

/** Domain-separation labels: a signature or key for one purpose can never be replayed for another. */
export const LABEL_REQUEST_INFO = 'sealgate/2 request';
export const LABEL_REQUEST_AAD = 'sealgate/2 aad';
export const LABEL_RESPONSE_EXPORT = 'sealgate/2 response';
/**
 * The attestation document and receipts keep their own format versions (the document's `version`
 * field, the receipt payload's): their signed bytes did not change with the wire protocol, and
 * receipts already in audit trails must keep verifying. The document names the wire protocol in
 * its `protocol` field, which clients check.
 */
export const LABEL_ATTESTATION = 'sealgate/1 attestation';
export const LABEL_RECEIPT = 'sealgate/1 receipt';

/** Default acceptance window for request timestamps (either side of the enclave's clock). */
export const DEFAULT_TIMESTAMP_WINDOW_MS = 60_000;
