import { validateCloudEvent } from '@hotline/contracts';
import { escalatedEvent, openedEvent, transitionAuditEvent, transitionedEvent } from './incident-events';
import type { IncidentSnapshot } from './incident';
import { RESPONSE_PLANS } from './response-plans';

const at = new Date('2026-11-30T10:00:00Z');
const incident: IncidentSnapshot = {
  tenantId: 't1',
  id: '6f1c0d5e-8a3b-4c2d-9e7f-1a2b3c4d5e6f',
  type: 'pii_spoken_by_agent',
  severity: 'P2',
  state: 'open',
  summary: 'Agent A-7 disclosed personal data (mobile) on contact C-1',
  dedupKey: 'pii_spoken_by_agent:A-7:C-1',
  openedAt: at,
  lastDetectedAt: at,
  detections: 1,
  review: null,
  escalationLevel: 0,
  plan: { id: 'plan-pii-spoken-by-agent', version: '1' },
};

describe('incident events', () => {
  it('publishes incident.opened as the contract defines it, naming the plan', () => {
    const event = openedEvent(incident, RESPONSE_PLANS.pii_spoken_by_agent);
    expect(validateCloudEvent(event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({ subject: incident.id, data: { incidentId: incident.id, kind: 'pii_spoken_by_agent', severity: 'P2', planId: 'plan-pii-spoken-by-agent' } });
  });

  it('audits a move by its states, never its reason or review text', () => {
    const transition = { incidentId: incident.id, from: 'resolved' as const, to: 'closed' as const, reason: 'secret reason', review: { summary: 'secret review', rootCause: 'secret cause', actions: ['secret action'] }, actor: { id: 'officer-1', kind: 'user' as const, roles: ['security'] }, at };
    const event = transitionAuditEvent('t1', transition);
    expect(validateCloudEvent(event)).toMatchObject({ ok: true });
    expect(event.data).toMatchObject({ action: 'incident.transition', subject: { type: 'incident', id: incident.id }, before: { state: 'resolved' }, after: { state: 'closed' } });
    expect(JSON.stringify(event)).not.toMatch(/secret/);
  });

  it('publishes incident.transitioned and incident.escalated as the contract defines them', () => {
    const transition = { incidentId: incident.id, from: 'open' as const, to: 'triaged' as const, reason: 'r', review: null, actor: { id: 'officer-1', kind: 'user' as const, roles: ['security'] }, at };
    const moved = transitionedEvent(incident, transition);
    expect(validateCloudEvent(moved)).toMatchObject({ ok: true });
    expect(moved.data).toEqual({ incidentId: incident.id, kind: 'pii_spoken_by_agent', severity: 'P2', from: 'open', to: 'triaged' });
    const step = {
      id: 'report',
      title: 'Report',
      ownerRole: 'security' as const,
      dueAt: at,
      standard: { standardId: 'personal-data-leak-report', standardVersion: 'acme:3@1' },
      position: 3,
      lateAt: null,
      completedAt: null,
      completedBy: null,
      note: null,
    };
    const escalated = escalatedEvent(incident, step, { level: 1, late: false, at });
    expect(validateCloudEvent(escalated)).toMatchObject({ ok: true });
    expect(escalated.data).toMatchObject({ stepId: 'report', ownerRole: 'security', escalationLevel: 1, late: false, dueAt: at.toISOString(), standardId: 'personal-data-leak-report' });
  });
});
