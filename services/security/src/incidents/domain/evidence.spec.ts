import { checkEvidence, integrityOf, sha256Of } from './evidence';
import { auditedSha256Of, evidenceAddEventId } from './evidence-audit-id';
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
    const edited = sha256Of(Buffer.from('edited'));
    expect(integrityOf({ recorded: hash, actual: hash })).toEqual({ integrity: 'intact', reason: null });
    expect(integrityOf({ recorded: hash, actual: edited })).toEqual({ integrity: 'tampered', reason: expect.stringContaining(`hashes to ${edited}`) });
  });

  it("reports a blob rewritten with its stored hash as tampered: the audit trail's hash differs", () => {
    const edited = sha256Of(Buffer.from('edited'));
    expect(integrityOf({ recorded: hash, actual: hash, audited: hash })).toEqual({ integrity: 'intact', reason: null });
    expect(integrityOf({ recorded: edited, actual: edited, audited: hash })).toEqual({ integrity: 'tampered', reason: expect.stringContaining(`not the ${hash} the audit trail recorded`) });
  });
});

describe('evidence.add audit event id', () => {
  it('carries the evidence and its hash, and gives the hash back only for that evidence', () => {
    const id = evidenceAddEventId('e-1', hash);
    expect(id.length).toBeLessThanOrEqual(200);
    expect(auditedSha256Of(id, 'e-1')).toBe(hash);
    expect(auditedSha256Of(id, 'e-2')).toBeUndefined();
    expect(auditedSha256Of('some-uuid', 'e-1')).toBeUndefined();
  });
});
