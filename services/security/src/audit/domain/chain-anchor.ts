import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed checkpoint of a tenant's chain head. Anyone able to write the table can recompute every
 * hash after an entry, but not an anchor's HMAC without the key, so a rewritten tail is caught at
 * the first anchor it passes. Each anchor signs the previous one's signature too, so removing an
 * anchor from the middle is caught as well.
 */
export interface ChainAnchor {
  tenantId: string;
  /** The anchored entry: its position, seq, event id and hash. */
  position: number;
  seq: string;
  eventId: string;
  hash: string;
  signedAt: Date;
  /** The tenant's previous anchor's signature, or GENESIS_SIGNATURE for its first. */
  prevSignature: string;
  signature: string;
}

export type UnsignedAnchor = Omit<ChainAnchor, 'signature'>;

export const GENESIS_SIGNATURE = '';

/** The simplest deterministic rule: a batch commit anchors its head when this many entries or this long has passed since the last anchor. */
export const ANCHOR_EVERY_ENTRIES = 1000;
export const ANCHOR_EVERY_MS = 60_000;

/** What a batch commit knows of the tenant's last anchor. */
export interface LastAnchor {
  position: number;
  signedAt: Date;
  signature: string;
}

/** Whether a commit that moves the head to `headPosition` at `now` writes an anchor: always for a tenant's first. */
export function anchorDue(last: LastAnchor | undefined, headPosition: number, now: Date): boolean {
  if (!last) return true;
  return headPosition - last.position >= ANCHOR_EVERY_ENTRIES || now.getTime() - last.signedAt.getTime() >= ANCHOR_EVERY_MS;
}

export function signAnchor(key: Buffer, anchor: UnsignedAnchor): ChainAnchor {
  return { ...anchor, signature: anchorSignature(key, anchor) };
}

export function anchorSignatureMatches(key: Buffer, anchor: ChainAnchor): boolean {
  const expected = Buffer.from(anchorSignature(key, anchor), 'hex');
  const actual = Buffer.from(anchor.signature, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function anchorSignature(key: Buffer, { tenantId, position, seq, eventId, hash, signedAt, prevSignature }: UnsignedAnchor): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['anchor-v1', tenantId, position, seq, eventId, hash, signedAt.toISOString(), prevSignature]))
    .digest('hex');
}
