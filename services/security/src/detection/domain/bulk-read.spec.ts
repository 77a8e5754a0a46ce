import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { BULK_STANDARD, bulkRead, readKindOf } from './bulk-read';

const standards = new ResolvedStandards(builtInStandards);

describe('readKindOf', () => {
  it('takes the verb of the audited action', () => {
    expect(readKindOf('complaint.export')).toBe('export');
    expect(readKindOf('case.read')).toBe('read');
    expect(readKindOf('case.transition')).toBeUndefined();
    expect(readKindOf('reader')).toBeUndefined();
  });
});

describe('bulkRead', () => {
  const exports = standards.standard(BULK_STANDARD.export);
  const reads = standards.standard(BULK_STANDARD.read);

  it('fires when one user’s exports within the window reach the standard’s count', () => {
    expect(bulkRead('u1', 'export', exports.count - 1, exports)).toBeUndefined();
    expect(bulkRead('u1', 'export', exports.count, exports)).toMatchObject({
      type: 'bulk_read',
      severity: 'P2',
      dedupKey: 'bulk_read:u1',
      windowMinutes: 60,
      detail: { actorId: 'u1', kind: 'export', records: exports.count },
      standard: { standardId: 'bulk-export-records', standardVersion: '1' },
    });
  });

  it('takes a far higher count for reads, and rates them lower', () => {
    expect(reads.count).toBeGreaterThan(exports.count);
    expect(bulkRead('u1', 'read', exports.count, reads)).toBeUndefined();
    expect(bulkRead('u1', 'read', reads.count, reads)?.severity).toBe('P3');
  });

  it('takes a tenant’s tightened count', () => {
    expect(bulkRead('u1', 'export', 3, { ...exports, count: 3, standardVersion: 'acme:2@1' })?.standard).toEqual({
      standardId: 'bulk-export-records',
      standardVersion: 'acme:2@1',
    });
  });
});
