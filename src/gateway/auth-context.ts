/** Who is calling: set on `res.locals.auth` by the authentication middleware for every /v1 route. */
export interface AuthContext {
  tenantId: string;
  /** Public key id (never the key). */
  keyId: string;
  /** Models this credential may use; `'*'` for any model the tenant may use. */
  allowedModels: readonly string[] | '*';
  /** How the caller authenticated. */
  method: 'api_key' | 'token' | 'mtls';
}
