import { newCloudEvent } from '@hotline/contracts';
import { CaseArchived, CaseChangedMeanwhile, IllegalTransition } from './case-errors';
import { caseOpeningOf } from './case-opening';
import { type CaseActor, changedMeanwhile, type CaseOpening, ServiceCase } from './service-case';
import { transitionEvents } from './transition-events';

const agent: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent'] };
const opening: CaseOpening = {
  tenantId: 'acme',
  caseId: 'C-1',
  type: 'network_fault',
  priority: 'P1',
  summary: 'No signal',
  category: null,
  region: 'beijing',
  customerId: null,
  contactId: null,
  openedAt: new Date('2026-11-25T08:00:00Z'),
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));

describe('the case aggregate', () => {
  it('opens a reported case at acceptance, version 1, not escalated, unassigned', () => {
    const kase = ServiceCase.open(opening);
    expect(kase.snapshot).toMatchObject({ stage: 'acceptance', version: 1, escalationLevel: 0, assignee: null, recordComplete: true });
    expect(kase.allowedTransitions()).toEqual(['handling', 'cancelled']);
  });

  it('walks every stage to closed, each move recording actor, time, reason and the version it makes', () => {
    const kase = ServiceCase.open(opening);
    const moves = (['handling', 'follow_up', 'evaluation', 'closed'] as const).map((to, i) => kase.transition({ to, actor: agent, reason: `step ${i}`, at: at(i) }));
    expect(moves.map(({ from, to, version }) => [from, to, version])).toEqual([
      ['acceptance', 'handling', 2],
      ['handling', 'follow_up', 3],
      ['follow_up', 'evaluation', 4],
      ['evaluation', 'closed', 5],
    ]);
    expect(moves[1]).toMatchObject({ actor: agent, reason: 'step 1', at: at(1), resolves: true });
    expect(moves.filter((move) => move.resolves)).toHaveLength(1);
    expect(kase.snapshot).toMatchObject({ stage: 'closed', version: 5, updatedAt: at(3) });
  });

  it('refuses an illegal move naming the allowed stages, and changes nothing', () => {
    const kase = ServiceCase.open(opening);
    const attempt = () => kase.transition({ to: 'closed', actor: agent, reason: 'done', at: at(0) });
    expect(attempt).toThrow(IllegalTransition);
    expect(attempt).toThrow('allowed: handling, cancelled');
    expect(kase.snapshot).toMatchObject({ stage: 'acceptance', version: 1 });
  });

  it('reopens a closed case back to handling, and ends nothing after cancelling', () => {
    const kase = ServiceCase.restore({ ...ServiceCase.open(opening).snapshot, stage: 'closed', version: 5 });
    kase.transition({ to: 'reopened', actor: agent, reason: 'still no signal', at: at(0) });
    kase.transition({ to: 'handling', actor: agent, reason: 'back on it', at: at(1) });
    kase.transition({ to: 'cancelled', actor: agent, reason: 'duplicate', at: at(2) });
    expect(() => kase.transition({ to: 'reopened', actor: agent, reason: 'again', at: at(3) })).toThrow('none (final stage)');
  });

  it('moves no more once archived: every transition refused, none allowed, archiving once', () => {
    const kase = ServiceCase.restore({ ...ServiceCase.open(opening).snapshot, stage: 'closed', version: 5 });
    expect(kase.archive(at(0))).toBe(6);
    expect(kase.snapshot).toMatchObject({ archivedAt: at(0), updatedAt: at(0), version: 6, stage: 'closed' });
    expect(kase.allowedTransitions()).toEqual([]);
    const reopen = () => kase.transition({ to: 'reopened', actor: agent, reason: 'again', at: at(1) });
    expect(reopen).toThrow(CaseArchived);
    expect(reopen).toThrow('archived at 2026-11-25T09:00:00.000Z');
    expect(() => kase.archive(at(2))).toThrow(CaseArchived);
    expect(kase.snapshot.version).toBe(6);
  });

  it('knows an incomplete record and where its deadline starts; a complete one has none', () => {
    const bare = ServiceCase.open({ ...opening, region: null });
    expect(bare.snapshot.recordComplete).toBe(false);
    expect(bare.missingRecord()).toEqual(['region']);
    expect(bare.recordClockStartsAt()).toEqual(opening.openedAt);
    expect(ServiceCase.open(opening).recordClockStartsAt()).toBeUndefined();
    expect(ServiceCase.open({ ...opening, type: 'complaint', region: null }).missingRecord()).toEqual(['customerId']);
  });

  it('names the current stage and its moves when a racing move won', () => {
    const error = changedMeanwhile('C-1', 'follow_up');
    expect(error).toBeInstanceOf(CaseChangedMeanwhile);
    expect(error.allowed).toEqual(['evaluation', 'reopened', 'cancelled']);
    expect(error.message).toContain('now at follow_up');
  });
});

describe('opening events', () => {
  const base = { source: '/test', tenantId: 'acme', time: '2026-11-25T08:00:00Z' };

  it('opens a fault case keyed by its fault id, typed by kind and graded by severity', () => {
    const grades = (['critical', 'major', 'minor'] as const).map((severity) =>
      caseOpeningOf(newCloudEvent({ ...base, type: 'fault.reported', data: { faultId: 'F-1', kind: 'equipment', severity, region: 'rural-3', description: 'Router down' } })),
    );
    expect(grades.map((g) => g.priority)).toEqual(['P1', 'P2', 'P3']);
    expect(grades[0]).toMatchObject({ caseId: 'fault:F-1', type: 'equipment_fault', summary: 'Router down', region: 'rural-3', openedAt: new Date(base.time) });
    const network = caseOpeningOf(newCloudEvent({ ...base, type: 'fault.reported', data: { faultId: 'F-2', kind: 'network', severity: 'minor', region: 'x', description: 'd' } }));
    expect(network.type).toBe('network_fault');
  });

  it('opens a complaint case keyed by its complaint id, with its category', () => {
    const complaint = caseOpeningOf(
      newCloudEvent({ ...base, type: 'complaint.filed', data: { complaintId: 'K-1', category: 'billing', description: 'Charged twice', customerId: 'cust-1' } }),
    );
    expect(complaint).toMatchObject({ caseId: 'complaint:K-1', type: 'complaint', category: 'billing', summary: 'Charged twice', customerId: 'cust-1', priority: 'P3' });
    expect(ServiceCase.open(complaint).snapshot).toMatchObject({ stage: 'acceptance', recordComplete: true });
  });
});

describe('what a transition publishes', () => {
  const transition = { caseId: 'C-1', from: 'handling', to: 'follow_up', actor: agent, reason: 'fixed the mast', at: at(5), version: 3, resolves: true } as const;

  it('publishes case.transitioned, case.resolved for the resolution, and the audit record', () => {
    const events = transitionEvents('acme', transition, 'corr-1');
    expect(events.map((e) => e.type)).toEqual(['case.transitioned', 'case.resolved', 'audit.recorded']);
    expect(events.every((e) => e.tenantid === 'acme' && e.correlationid === 'corr-1' && e.time === at(5).toISOString())).toBe(true);
    expect(events[0].data).toMatchObject({ caseId: 'C-1', from: 'handling', to: 'follow_up', actor: agent, reason: 'fixed the mast' });
    expect(events[2].data).toEqual({
      actor: agent,
      action: 'case.transition',
      subject: { type: 'case', id: 'C-1' },
      before: { stage: 'handling' },
      after: { stage: 'follow_up' },
      summary: 'case handling → follow_up',
      service: 'dispatch',
    });
  });

  it('publishes no case.resolved for other moves', () => {
    const events = transitionEvents('acme', { ...transition, from: 'follow_up', to: 'evaluation', resolves: false });
    expect(events.map((e) => e.type)).toEqual(['case.transitioned', 'audit.recorded']);
  });
});
