import { auditRecordOf, digestPayload } from './audit-record';

const event = (data: unknown) => ({ id: 'e-1', type: 'case.opened', source: '/intake', time: '2026-11-25T10:00:00Z', tenantid: 'acme', data });

describe('audit record of an event', () => {
  it('keeps the envelope fields and a digest of the whole event', () => {
    const e = event({ caseId: 'CASE-1' });
    expect(auditRecordOf(e)).toEqual({
      tenantId: 'acme',
      eventId: 'e-1',
      type: 'case.opened',
      source: '/intake',
      occurredAt: '2026-11-25T10:00:00Z',
      payloadDigest: digestPayload(e),
      actor: null,
      subject: 'CASE-1',
    });
  });

  it("takes actor and subject from the event where it names them (audit.recorded), as a string or an object's id", () => {
    expect(auditRecordOf(event({ actor: 'user-7', subject: { id: 'standards/acme', kind: 'standards' }, caseId: 'CASE-1' }))).toMatchObject({
      actor: 'user-7',
      subject: 'standards/acme',
    });
  });

  it("keeps the data's subject, not the envelope's: an evidence.add is kept under the evidence, though its envelope names the incident", () => {
    const evidenceAdd = { ...event({ actor: { id: 'officer-1', kind: 'user' }, subject: { type: 'evidence', id: 'EV-1' }, after: { incidentId: 'INC-1' } }), subject: 'INC-1' };
    expect(auditRecordOf(evidenceAdd)).toMatchObject({ actor: 'officer-1', subject: 'EV-1' });
  });

  it("otherwise takes the data's primary id as subject, the most specific first, and its agent as actor", () => {
    expect(auditRecordOf(event({ caseId: 'CASE-1', contactId: 'C-1', agentId: 'A-1' }))).toMatchObject({ subject: 'CASE-1', actor: 'A-1' });
    expect(auditRecordOf(event({ contactId: 'C-1' }))).toMatchObject({ subject: 'C-1', actor: null });
    expect(auditRecordOf(event({ faultId: 'F-1' }))).toMatchObject({ subject: 'F-1' });
    expect(auditRecordOf(event({ complaintId: 'CP-1', customerId: 'CU-1' }))).toMatchObject({ subject: 'CP-1' });
  });

  it('names nobody when the data has no such field, is empty or is no object, and cuts an overlong id', () => {
    expect(auditRecordOf(event({ reason: 'x', actor: '' }))).toMatchObject({ actor: null, subject: null });
    expect(auditRecordOf(event(['caseId']))).toMatchObject({ actor: null, subject: null });
    expect(auditRecordOf(event(undefined))).toMatchObject({ actor: null, subject: null });
    expect(auditRecordOf(event({ caseId: 'x'.repeat(500) })).subject).toHaveLength(200);
  });
});
