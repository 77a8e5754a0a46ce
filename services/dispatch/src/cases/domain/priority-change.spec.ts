import { validateCloudEvent } from '@hotline/contracts';
import { signalsOfPriorityChange } from '../case-signals';
import { CaseArchived, CaseFinished } from './case-errors';
import { priorityEvents } from './priority-events';
import { type CaseActor, type CaseOpening, ServiceCase } from './service-case';

const lead: CaseActor = { id: 'lead-1', kind: 'user', roles: ['supervisor'] };
const opening: CaseOpening = {
  tenantId: 'acme',
  caseId: 'C-1',
  type: 'network_fault',
  priority: 'P3',
  summary: 'No signal',
  category: null,
  region: 'beijing',
  customerId: null,
  contactId: null,
  openedAt: new Date('2026-11-25T08:00:00Z'),
};
const at = new Date('2026-11-25T09:00:00Z');
const raise = { priority: 'P1', reason: 'hospital affected', actor: lead, at };

describe("a case's priority change", () => {
  it('records from, to, who, when and why, and the version it makes', () => {
    const kase = ServiceCase.open(opening);
    expect(kase.changePriority(raise)).toEqual({ caseId: 'C-1', from: 'P3', to: 'P1', actor: lead, reason: 'hospital affected', at, version: 2 });
    expect(kase.snapshot).toMatchObject({ priority: 'P1', version: 2, updatedAt: at });
    expect(kase.changePriority(raise)).toBeUndefined();
  });

  it('is refused on a closed or cancelled case, and on an archived one', () => {
    const cancelled = ServiceCase.restore({ ...ServiceCase.open(opening).snapshot, stage: 'cancelled' });
    expect(() => cancelled.changePriority(raise)).toThrow(CaseFinished);
    const closed = ServiceCase.restore({ ...ServiceCase.open(opening).snapshot, stage: 'closed' });
    expect(() => closed.changePriority(raise)).toThrow(CaseFinished);
    const archived = ServiceCase.restore({ ...ServiceCase.open(opening).snapshot, archivedAt: at });
    expect(() => archived.changePriority(raise)).toThrow(CaseArchived);
  });

  it('publishes case.priority_changed and the audit record (valid against the contracts), and tells the clocks the new priority', () => {
    const change = ServiceCase.open(opening).changePriority(raise);
    if (!change) throw new Error('expected a change');
    const events = priorityEvents('acme', change, 'corr-1');
    expect(events.map((e) => e.type)).toEqual(['case.priority_changed', 'audit.recorded']);
    for (const event of events) expect(validateCloudEvent(event).ok).toBe(true);
    expect(events[0].data).toEqual({ caseId: 'C-1', from: 'P3', to: 'P1', actor: lead, reason: 'hospital affected', changedAt: at.toISOString() });
    expect(events[1].data).toMatchObject({ action: 'case.priority', before: { priority: 'P3' }, after: { priority: 'P1' }, summary: 'case priority P3 → P1' });
    expect(signalsOfPriorityChange('acme', change)).toEqual([{ tenantId: 'acme', caseId: 'C-1', signal: 'priority_changed', at, priority: 'P1' }]);
  });
});
