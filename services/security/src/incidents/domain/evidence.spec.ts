import { checkEvidence, integrityOf, sha256Of } from './evidence';
import { EvidenceHashMismatch, EvidenceTooLarge } from './incident-errors';

const content = Buffer.from('call recording, segment 2');
const hash = sha256Of(content);

describe('evidence', () => {
  it('keeps content whose SHA-256 the sender computed right (hex in either case)', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkEvidence(content, hash.toUpperCase(), 1024)).toBe(hash);
  });

  it('refuses content that does not match its hash, naming both', () => {
    const wrong = sha256Of(Buffer.from('something else'));
    expect(() => checkEvidence(content, wrong, 1024)).toThrow(EvidenceHashMismatch);
    expect(() => checkEvidence(content, wrong, 1024)).toThrow(wrong);
  });

  it('refuses content beyond the size limit before hashing it', () => {
    expect(() => checkEvidence(content, hash, content.length - 1)).toThrow(EvidenceTooLarge);
    expect(checkEvidence(content, hash, content.length)).toBe(hash);
  });

  it('reports a stored blob that no longer hashes to what was recorded as tampered', () => {
    expect(integrityOf(hash, hash)).toBe('intact');
    expect(integrityOf(hash, sha256Of(Buffer.from('edited')))).toBe('tampered');
  });
});
