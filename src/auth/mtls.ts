/**
 * Mutual TLS: the TLS server (src/gateway/server.ts) verifies the client certificate against the
 * configured CA; here a verified certificate is mapped to a tenant by SHA-256 fingerprint or subject CN.
 */
import type { TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import type { MtlsClientMapping } from '../config/sections/access.js';

export interface MtlsIdentity {
  mapping: MtlsClientMapping;
  fingerprint256: string;
}

export function normalizeFingerprint(fp: string): string {
  return fp.replace(/:/g, '').toLowerCase();
}

/** The mapping for the socket's verified client certificate, or undefined (no TLS, no cert, unverified, unmapped). */
export function identifyClientCertificate(socket: Socket, mappings: readonly MtlsClientMapping[]): MtlsIdentity | undefined {
  if (mappings.length === 0) return undefined;
  const tls = socket as Partial<TLSSocket>;
  if (typeof tls.getPeerCertificate !== 'function' || tls.authorized !== true) return undefined;
  const cert = tls.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return undefined;
  const fingerprint = normalizeFingerprint(cert.fingerprint256);
  const cn = typeof cert.subject?.CN === 'string' ? cert.subject.CN : undefined;
  const mapping =
    mappings.find((m) => m.fingerprint256 !== undefined && normalizeFingerprint(m.fingerprint256) === fingerprint) ??
    mappings.find((m) => m.fingerprint256 === undefined && m.subjectCN !== undefined && m.subjectCN === cn);
  return mapping ? { mapping, fingerprint256: fingerprint } : undefined;
}
