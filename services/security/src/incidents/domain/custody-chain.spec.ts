import { CUSTODY_GENESIS, type CustodyLink, custodyHash, verifyCustody } from './custody-chain';

const actor = { id: 'officer-1', kind: 'user' as const, roles: ['security'] };
const entry = (action: string, seconds: number): CustodyLink => ({ at: new Date(Date.UTC(2026, 10, 30, 10, 0, seconds)), actor, action, to: null, note: null, sha256Observed: 'a'.repeat(64), intact: true });

function chain(links: CustodyLink[]) {
  let prevHash = CUSTODY_GENESIS;
  return links.map((link) => {
    const hash = custodyHash(prevHash, 'ev-1', link);
    const linked = { ...link, prevHash, hash };
    prevHash = hash;
    return linked;
  });
}

describe('custody chain', () => {
  const entries = chain([entry('collected', 0), entry('accessed', 1), entry('transferred', 2)]);

  it('verifies an untouched chain', () => {
    expect(verifyCustody('ev-1', entries)).toEqual({ intact: true });
    expect(verifyCustody('ev-1', [])).toEqual({ intact: true });
  });

  it('names the first entry changed, removed or moved', () => {
    expect(verifyCustody('ev-1', [entries[0], { ...entries[1], to: 'someone else' }, entries[2]])).toEqual({ intact: false, firstBroken: 1 });
    expect(verifyCustody('ev-1', [entries[0], entries[2]])).toEqual({ intact: false, firstBroken: 1 });
    expect(verifyCustody('ev-1', [entries[1], entries[0], entries[2]])).toEqual({ intact: false, firstBroken: 0 });
  });

  it('binds the chain to its evidence', () => {
    expect(verifyCustody('ev-2', entries)).toEqual({ intact: false, firstBroken: 0 });
  });
});
