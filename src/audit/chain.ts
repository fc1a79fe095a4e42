/**
 * Hash-chain line format. A record's hash is SHA-256 over the exact bytes of its JSON body (every
 * field but `hash`/`sig`, `prev` included); the stored line is that body with `"hash"` (and for
 * checkpoints `"sig"`) appended as the last fields. Hashing bytes rather than a re-serialisation
 * means there is no canonical-JSON ambiguity: any edit of the stored line changes the hash.
 */
import { hash as oneShotHash } from 'node:crypto';

const TRAILER = /,"hash":"([A-Za-z0-9_-]{43})"(?:,"sig":"([A-Za-z0-9_-]{86})")?\}$/;

/** SHA-256 in one call (crypto.hash: no Hash object per record, about a third of createHash's cost on short input). */
export function sha256b64url(data: string | Buffer): string {
  return oneShotHash('sha256', data, 'base64url');
}

/** Seal a record body (JSON of an object without hash/sig) into a chain line. */
export function sealLine(body: string, sign?: (hash: string) => string): { line: string; hash: string } {
  const hash = sha256b64url(body);
  const sig = sign ? `,"sig":"${sign(hash)}"` : '';
  return { line: `${body.slice(0, -1)},"hash":"${hash}"${sig}}`, hash };
}

export interface SplitLine {
  /** The bytes the hash covers. */
  body: string;
  hash: string;
  sig?: string;
}

/** Inverse of sealLine; null when the line does not end in a well-formed trailer. */
export function splitLine(line: string): SplitLine | null {
  const m = TRAILER.exec(line);
  if (!m) return null;
  return { body: `${line.slice(0, m.index)}}`, hash: m[1]!, sig: m[2] };
}

/** Running state of one chain on the writer side. */
export class ChainState {
  constructor(
    readonly chain: string,
    public nextSeq: number,
    public prev: string,
  ) {}

  /** Advance after a line with this hash has been appended. */
  advance(hash: string): void {
    this.prev = hash;
    this.nextSeq += 1;
  }
}
