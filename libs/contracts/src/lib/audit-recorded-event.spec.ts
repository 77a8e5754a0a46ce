import { auditRecordedEvent } from './audit-recorded-event';
import { validateCloudEvent } from './validation';

describe('auditRecordedEvent', () => {
  const change = {
    service: 'intake',
    tenantId: 'acme',
    actor: { id: 'alice', kind: 'user' as const, roles: ['admin'] },
    action: 'api_key.revoke',
    subject: { type: 'api_key', id: 'k-1' },
  };

  it('builds a valid audit.recorded from the service, naming the subject', () => {
    const event = auditRecordedEvent({ ...change, before: { revoked: false }, after: { revoked: true }, summary: 'revoked', correlationId: 'corr-1' });
    expect(validateCloudEvent(event).ok).toBe(true);
    expect(event).toMatchObject({ type: 'audit.recorded', source: '/hotline/intake', tenantid: 'acme', subject: 'k-1', correlationid: 'corr-1' });
    const { actor, action, subject } = change;
    expect(event.data).toEqual({ actor, action, subject, before: { revoked: false }, after: { revoked: true }, summary: 'revoked', service: 'intake' });
  });

  it('leaves out what was not given and keeps a deterministic id and time', () => {
    const event = auditRecordedEvent({ ...change, id: 'evidence.add:x', time: new Date('2026-01-01T00:00:00Z') });
    expect(event).toMatchObject({ id: 'evidence.add:x', time: '2026-01-01T00:00:00.000Z' });
    expect(Object.keys(event.data).sort()).toEqual(['action', 'actor', 'service', 'subject']);
    expect(event).not.toHaveProperty('correlationid');
    expect(event).not.toHaveProperty('causationid');
  });

  it('names the event it reacts to and, where asked, another envelope subject', () => {
    const event = auditRecordedEvent({ ...change, subject: { type: 'complaint', id: 'cp-1' }, envelopeSubject: 'case-1', causationId: 'breach-1' });
    expect(event).toMatchObject({ subject: 'case-1', causationid: 'breach-1' });
    expect(event.data.subject).toEqual({ type: 'complaint', id: 'cp-1' });
  });

  it('keeps at most the 20 roles the contract allows', () => {
    const roles = Array.from({ length: 25 }, (_, i) => `r${i}`);
    expect(auditRecordedEvent({ ...change, actor: { ...change.actor, roles } }).data.actor.roles).toHaveLength(20);
  });
});
