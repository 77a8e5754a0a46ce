import { appendToChain, type AuditRecord, type ChainedAuditRecord, GENESIS_HASH, verifyChain } from './audit-chain';

const record = (n: number): AuditRecord => ({
  tenantId: 'acme',
  eventId: `e-${n}`,
  type: 'contact.queued',
  occurredAt: `2026-11-25T10:00:0${n}Z`,
  source: 'test',
  payloadDigest: `digest-${n}`,
});

function chain(count: number): ChainedAuditRecord[] {
  const entries: ChainedAuditRecord[] = [];
  for (let n = 0; n < count; n++) entries.push(appendToChain(entries.at(-1)?.hash ?? GENESIS_HASH, record(n)));
  return entries;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(4))).toEqual({ intact: true, entries: 4 });
  });

  it('detects an altered entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], type: 'contact.abandoned' };
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 2, reason: 'entry was altered' });
  });

  it('detects a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 1 });
  });

  it('detects a rewritten tail whose hashes were recomputed from a forged link', () => {
    const entries = chain(3);
    entries[1] = appendToChain('f'.repeat(64), record(1));
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 1, reason: 'link to the previous entry does not match' });
  });
});
