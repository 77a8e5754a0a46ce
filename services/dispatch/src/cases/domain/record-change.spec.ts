import { CaseArchived, RecordLocked } from './case-errors';
import { recordEvents, recordSignals } from './record-events';
import { type CaseActor, type CaseOpening, ServiceCase } from './service-case';

const agent: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent'] };
const fault: CaseOpening = {
  tenantId: 'acme',
  caseId: 'C-1',
  type: 'network_fault',
  priority: 'P2',
  summary: 'Slow line',
  category: null,
  region: null,
  customerId: null,
  contactId: null,
  openedAt: new Date('2026-11-25T08:00:00Z'),
};
const at = new Date('2026-11-25T09:00:00Z');

/** The change a request made; fails the test when it made none. */
function amended(kase: ServiceCase, values: Parameters<ServiceCase['amendRecord']>[0]['values']) {
  const change = kase.amendRecord({ values, actor: agent, at });
  if (!change) throw new Error('expected a change');
  return change;
}

describe("a case's record (先处理后记录)", () => {
  it('completes a fault record with its region: one version more, the change named, the record-completion clock told', () => {
    const kase = ServiceCase.open(fault);
    expect(kase.missingRecord()).toEqual(['region']);
    const change = amended(kase, { region: 'tongzhou', category: 'fibre' });
    expect(change).toEqual({
      caseId: 'C-1',
      changes: { region: { from: null, to: 'tongzhou' }, category: { from: null, to: 'fibre' } },
      actor: agent,
      at,
      version: 2,
      recordComplete: true,
      completes: true,
    });
    expect(kase.snapshot).toMatchObject({ region: 'tongzhou', category: 'fibre', recordComplete: true, version: 2, updatedAt: at });
    expect(kase.missingRecord()).toEqual([]);
    expect(recordSignals(change)).toEqual(['record_completed']);
  });

  it('keeps an incomplete record incomplete until every missing field is there, and signals nothing meanwhile', () => {
    const kase = ServiceCase.open({ ...fault, type: 'complaint', region: null });
    const change = amended(kase, { region: 'tongzhou' });
    expect(change).toMatchObject({ recordComplete: false, completes: false });
    expect(recordSignals(change)).toEqual([]);
    expect(kase.amendRecord({ values: { customerId: 'CUST-1' }, actor: agent, at })).toMatchObject({ recordComplete: true, completes: true, version: 3 });
  });

  it('corrects a complete record without completing it again', () => {
    const kase = ServiceCase.open({ ...fault, region: 'beijing' });
    const change = kase.amendRecord({ values: { summary: 'No signal at all' }, actor: agent, at });
    expect(change).toMatchObject({ changes: { summary: { from: 'Slow line', to: 'No signal at all' } }, recordComplete: true, completes: false });
  });

  it('changes nothing when every value is already the case’s', () => {
    const kase = ServiceCase.open({ ...fault, region: 'beijing' });
    expect(kase.amendRecord({ values: { region: 'beijing', summary: 'Slow line' }, actor: agent, at })).toBeUndefined();
    expect(kase.snapshot.version).toBe(1);
  });

  it('refuses a closed or cancelled case’s record, and an archived case', () => {
    const cancelled = ServiceCase.open(fault);
    cancelled.transition({ to: 'cancelled', actor: agent, reason: 'duplicate', at });
    expect(() => cancelled.amendRecord({ values: { region: 'x' }, actor: agent, at })).toThrow(RecordLocked);
    const archived = ServiceCase.open(fault);
    archived.archive(at);
    expect(() => archived.amendRecord({ values: { region: 'x' }, actor: agent, at })).toThrow(CaseArchived);
    expect(archived.snapshot.region).toBeNull();
  });

  it('audits the change with the structured fields, never the summary’s text', () => {
    const kase = ServiceCase.open(fault);
    const change = amended(kase, { region: 'tongzhou', summary: 'Customer Wang at 12 Elm St' });
    const [audit] = recordEvents('acme', change, 'corr-1');
    expect(audit).toMatchObject({ type: 'audit.recorded', tenantid: 'acme', subject: 'C-1', correlationid: 'corr-1', time: at.toISOString() });
    expect(audit.data).toMatchObject({
      actor: agent,
      action: 'case.record',
      subject: { type: 'case', id: 'C-1' },
      before: { region: null },
      after: { region: 'tongzhou', recordComplete: true },
      service: 'dispatch',
    });
    expect(JSON.stringify(audit)).not.toContain('Elm St');
  });
});
