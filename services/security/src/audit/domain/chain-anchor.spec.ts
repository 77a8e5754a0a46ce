import { ANCHOR_EVERY_ENTRIES, ANCHOR_EVERY_MS, anchorDue, anchorSignatureMatches, GENESIS_SIGNATURE, signAnchor } from './chain-anchor';

const key = Buffer.alloc(32, 7);
const unsigned = {
  tenantId: 'acme',
  position: 1000,
  seq: '4711',
  eventId: 'e-1000',
  hash: 'a'.repeat(64),
  signedAt: new Date('2026-11-25T10:00:00Z'),
  prevSignature: GENESIS_SIGNATURE,
};

describe('chain anchors', () => {
  it('anchors a tenant’s first commit, then every 1,000 entries or 60 s, whichever comes first', () => {
    const now = new Date('2026-11-25T10:00:30Z');
    expect(anchorDue(undefined, 1, now)).toBe(true);
    const last = { position: 500, signedAt: new Date('2026-11-25T10:00:00Z'), signature: 'x' };
    expect(anchorDue(last, 500 + ANCHOR_EVERY_ENTRIES - 1, now)).toBe(false);
    expect(anchorDue(last, 500 + ANCHOR_EVERY_ENTRIES, now)).toBe(true);
    expect(anchorDue(last, 501, new Date(last.signedAt.getTime() + ANCHOR_EVERY_MS))).toBe(true);
  });

  it('signs every field, so changing any one or using another key fails the check', () => {
    const anchor = signAnchor(key, unsigned);
    expect(anchorSignatureMatches(key, anchor)).toBe(true);
    expect(anchorSignatureMatches(Buffer.alloc(32, 8), anchor)).toBe(false);
    for (const change of [{ position: 999 }, { seq: '4712' }, { eventId: 'e-x' }, { hash: 'b'.repeat(64) }, { signedAt: new Date() }, { prevSignature: 'ff' }, { tenantId: 'other' }]) {
      expect(anchorSignatureMatches(key, { ...anchor, ...change })).toBe(false);
    }
    expect(anchorSignatureMatches(key, { ...anchor, signature: 'not hex' })).toBe(false);
  });
});
