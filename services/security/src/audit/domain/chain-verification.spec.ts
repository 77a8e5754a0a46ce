import { chainHash, EMPTY_CHAIN, linkEntries } from './audit-chain';
import type { AuditRecord } from './audit-record';
import { type ChainAnchor, GENESIS_SIGNATURE, signAnchor } from './chain-anchor';
import { BREAK_REASONS, ChainVerification, compareSeq, type StoredAuditEntry } from './chain-verification';

const key = Buffer.alloc(32, 3);
const record = (n: number): AuditRecord => ({
  tenantId: 'acme',
  eventId: `e-${n}`,
  type: 'contact.queued',
  occurredAt: '2026-11-25T10:00:00Z',
  source: 'test',
  payloadDigest: `digest-${n}`,
  actor: null,
  subject: `C-${n}`,
});

/** A chain of `count` entries with seqs 10, 20, 30… (other tenants' rows sit between). */
function chain(count: number): StoredAuditEntry[] {
  const records = Array.from({ length: count }, (_, n) => record(n));
  return linkEntries(EMPTY_CHAIN, records).map((entry) => ({ ...entry, seq: String(entry.position * 10), recordedAt: new Date() }));
}

function anchorsAt(entries: StoredAuditEntry[], positions: number[]): ChainAnchor[] {
  const anchors: ChainAnchor[] = [];
  for (const position of positions) {
    const entry = entries[position - 1];
    anchors.push(signAnchor(key, { tenantId: 'acme', position, seq: entry.seq, eventId: entry.eventId, hash: entry.hash, signedAt: new Date(), prevSignature: anchors.at(-1)?.signature ?? GENESIS_SIGNATURE }));
  }
  return anchors;
}

/** Verifies in pages of `pageSize`, handing each page the anchors within it, as the use case does. */
function verify(entries: StoredAuditEntry[], anchors: ChainAnchor[], pageSize = 3) {
  const verification = new ChainVerification(key);
  let after = '0';
  for (let start = 0; start < entries.length; start += pageSize) {
    const page = entries.slice(start, start + pageSize);
    const last = page[page.length - 1].seq;
    const broken = verification.checkPage(page, anchors.filter((a) => compareSeq(a.seq, after) > 0 && compareSeq(a.seq, last) <= 0));
    if (broken) return verification.finish(broken);
    after = last;
  }
  return verification.finish(undefined, anchors.filter((a) => compareSeq(a.seq, after) > 0));
}

/** Rewrites every entry from `index` on with correct hashes, as someone with write access to the table could. */
function rewriteTail(entries: StoredAuditEntry[], index: number, change: Partial<AuditRecord>): StoredAuditEntry[] {
  const rewritten = entries.slice(0, index);
  for (const entry of entries.slice(index)) {
    const prevHash = rewritten.at(-1)?.hash ?? entry.prevHash;
    const fields = entry === entries[index] ? { ...entry, ...change } : entry;
    rewritten.push({ ...fields, prevHash, hash: chainHash(2, prevHash, entry.position, fields) });
  }
  return rewritten;
}

describe('verifying a chain page by page', () => {
  it('proves an untouched chain intact across pages, with its anchors', () => {
    const entries = chain(8);
    expect(verify(entries, anchorsAt(entries, [2, 5, 8]))).toEqual({ intact: true, entries: 8, anchors: 3 });
    expect(verify([], [])).toEqual({ intact: true, entries: 0, anchors: 0 });
  });

  it('names an altered entry', () => {
    const entries = chain(5);
    entries[3] = { ...entries[3], actor: 'someone' };
    expect(verify(entries, [])).toMatchObject({ intact: false, entries: 3, brokenAt: { seq: '40', eventId: 'e-3' }, reason: BREAK_REASONS.altered });
  });

  it('names the entry after a removed one', () => {
    const entries = chain(5);
    entries.splice(2, 1);
    expect(verify(entries, [])).toMatchObject({ intact: false, brokenAt: { seq: '40', eventId: 'e-3' }, reason: BREAK_REASONS.position });
  });

  it('names the first of two entries whose places were swapped', () => {
    const entries = chain(5);
    [entries[1], entries[3]] = [{ ...entries[3], seq: entries[1].seq }, { ...entries[1], seq: entries[3].seq }];
    expect(verify(entries, [])).toMatchObject({ intact: false, brokenAt: { seq: '20', eventId: 'e-3' }, reason: BREAK_REASONS.position });
  });

  it('names a forged link', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1], prevHash: 'f'.repeat(64), hash: chainHash(2, 'f'.repeat(64), 2, entries[1]) };
    expect(verify(entries, [])).toMatchObject({ brokenAt: { eventId: 'e-1' }, reason: BREAK_REASONS.link });
  });

  it('catches a tail rewritten with correct hashes at the first anchor it passes', () => {
    const entries = chain(9);
    const anchors = anchorsAt(entries, [3, 7, 9]);
    const rewritten = rewriteTail(entries, 4, { type: 'contact.abandoned' });
    expect(verify(rewritten, [])).toMatchObject({ intact: true });
    expect(verify(rewritten, anchors)).toMatchObject({ intact: false, brokenAt: { seq: '70', eventId: 'e-6' }, reason: BREAK_REASONS.anchorMismatch });
  });

  it('catches an anchor re-signed without the key, and one removed from the middle', () => {
    const entries = chain(9);
    const anchors = anchorsAt(entries, [3, 7, 9]);
    const rewritten = rewriteTail(entries, 4, { type: 'contact.abandoned' });
    const forged = anchors.map((a, i) => (i === 1 ? signAnchor(Buffer.alloc(32, 9), { ...a, hash: rewritten[6].hash }) : a));
    expect(verify(rewritten, forged)).toMatchObject({ brokenAt: { seq: '70' }, reason: BREAK_REASONS.anchorSignature });
    expect(verify(entries, [anchors[0], anchors[2]])).toMatchObject({ brokenAt: { seq: '90' }, reason: BREAK_REASONS.anchorLink });
  });

  it('catches entries removed from the end, past an anchor, and an anchored entry removed', () => {
    const entries = chain(6);
    const anchors = anchorsAt(entries, [2, 5]);
    expect(verify(entries.slice(0, 4), anchors)).toMatchObject({ intact: false, brokenAt: { seq: '50', eventId: 'e-4' }, reason: BREAK_REASONS.anchoredEntryMissing });
    expect(verify([...entries.slice(0, 1), ...entries.slice(2)], anchors)).toMatchObject({ brokenAt: { seq: '20', eventId: 'e-1' }, reason: BREAK_REASONS.anchoredEntryMissing });
  });

  it('compares seqs as numbers', () => {
    expect(compareSeq('9', '10')).toBe(-1);
    expect(compareSeq('10', '10')).toBe(0);
    expect(compareSeq('9007199254740993', '9007199254740992')).toBe(1);
  });
});
