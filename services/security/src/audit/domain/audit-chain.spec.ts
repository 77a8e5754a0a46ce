import { chainHash, EMPTY_CHAIN, GENESIS_HASH, linkEntries } from './audit-chain';
import type { AuditRecord } from './audit-record';

const record = (n: number, tenantId = 'acme'): AuditRecord => ({
  tenantId,
  eventId: `e-${n}`,
  type: 'contact.queued',
  occurredAt: `2026-11-25T10:00:0${n % 10}Z`,
  source: 'test',
  payloadDigest: `digest-${n}`,
  actor: n % 2 === 0 ? `agent-${n}` : null,
  subject: `C-${n}`,
});

describe('linking entries into a chain', () => {
  it('numbers a batch on from the head and links each entry to the one before', () => {
    const first = linkEntries(EMPTY_CHAIN, [record(0), record(1)]);
    expect(first.map((e) => e.position)).toEqual([1, 2]);
    expect(first[0].prevHash).toBe(GENESIS_HASH);
    expect(first[1].prevHash).toBe(first[0].hash);
    const next = linkEntries({ position: 2, hash: first[1].hash }, [record(2)]);
    expect(next[0]).toMatchObject({ position: 3, prevHash: first[1].hash, hashVersion: 2 });
  });

  it('gives the same chain whether records come in one batch or one at a time', () => {
    const together = linkEntries(EMPTY_CHAIN, [record(0), record(1), record(2)]);
    const oneByOne = [record(0), record(1), record(2)].reduce<ReturnType<typeof linkEntries>>(
      (chain, r) => [...chain, ...linkEntries(chain.at(-1) ?? EMPTY_CHAIN, [r])],
      [],
    );
    expect(oneByOne).toEqual(together);
  });

  it('covers actor, subject and position in the current hash, and not in the first version', () => {
    const base = chainHash(2, GENESIS_HASH, 1, record(0));
    expect(chainHash(2, GENESIS_HASH, 1, { ...record(0), actor: 'someone-else' })).not.toBe(base);
    expect(chainHash(2, GENESIS_HASH, 1, { ...record(0), subject: 'C-9' })).not.toBe(base);
    expect(chainHash(2, GENESIS_HASH, 2, record(0))).not.toBe(base);
    expect(chainHash(1, GENESIS_HASH, 1, { ...record(0), actor: 'x' })).toBe(chainHash(1, GENESIS_HASH, 7, record(0)));
  });
});
