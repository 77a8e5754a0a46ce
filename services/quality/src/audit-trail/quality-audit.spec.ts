import { validateCloudEvent } from '@hotline/contracts';
import { actorOf, qualityAudit } from './quality-audit';

describe("quality's audit helper", () => {
  it('names a user by subject with their roles (at most 20), an API key by id', () => {
    const roles = Array.from({ length: 25 }, (_, i) => `role${i}`);
    expect(actorOf({ kind: 'jwt', subject: 'sup1', tenantId: 'acme', roles })).toEqual({ id: 'sup1', kind: 'user', roles: roles.slice(0, 20) });
    expect(actorOf({ kind: 'api-key', keyId: 'key-1', tenantId: 'acme', scopes: [] })).toEqual({ id: 'key-1', kind: 'api_key', roles: [] });
  });

  it('builds a valid audit.recorded, leaving out what the change does not have', () => {
    const event = qualityAudit({ tenantId: 'acme', actor: { id: 'sup1', kind: 'user', roles: ['supervisor'] }, action: 'webhook.delete', subject: { type: 'webhook', id: 'w1' }, summary: 'removed' });
    expect(validateCloudEvent(event).ok).toBe(true);
    expect(event).toMatchObject({ type: 'audit.recorded', source: '/hotline/quality', tenantid: 'acme', subject: 'w1' });
    expect(event.data).toEqual({ actor: { id: 'sup1', kind: 'user', roles: ['supervisor'] }, action: 'webhook.delete', subject: { type: 'webhook', id: 'w1' }, summary: 'removed', service: 'quality' });
  });

  it('takes the time of the change when given', () => {
    const at = new Date('2026-11-30T08:00:00Z');
    const event = qualityAudit({ tenantId: 'acme', actor: { id: 'k', kind: 'api_key' }, action: 'x.y', subject: { type: 'x', id: '1' }, after: { state: 'open' }, summary: 's', at });
    expect(event.time).toBe(at.toISOString());
    expect(event.data).toMatchObject({ after: { state: 'open' } });
  });
});
